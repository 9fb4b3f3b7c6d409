"""Shared fixtures: the real content files, the catalogue on SQLite and PostgreSQL, the action
server's services on a seeded database, the triage as the assistant loads it, and the running
assistant for the live tests. Helpers that tests import live in tests/helpers.py."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.core.agent import Agent
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from actions.services import Services, services
from bot.catalogue import Catalogue
from bot.catalogue.loader import read_catalogue, seed_catalogue
from bot.catalogue.models import CatalogueFile
from bot.database import Base
from bot.municipality import municipality
from bot.settings import ROOT, settings
from bot.triage import load_triage
from bot.triage.advice import Advice
from bot.triage.dialogue import TriageDialogue
from bot.triage.needs import Needs
from bot.wijkteams.file import read_wijkteams
from bot.wijkteams.tables import seed_wijkteams
from tests.helpers import ACTION_PORT, POSTGRES_ADMIN_URL, RASA_PORT, assistant_environment, scratch_database
from tests.live.assistant_process import Assistant, running_assistant
from tests.live.fake_api import FakeApi
from tests.rabbitmq import EventQueue, delete_event_queue, new_event_queue

MODEL = Path(os.environ.get("MODEL", ROOT / "models" / "wmo.tar.gz"))


@pytest.fixture(scope="session")
def catalogue_file() -> CatalogueFile:
    return read_catalogue(settings().catalogue_file)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'catalogue.db'}"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this run, dropped afterwards. CI must have the server."""
    try:
        with scratch_database() as url:
            yield url
    except OperationalError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {error.orig}")


@pytest.fixture
def event_queue() -> Iterator[EventQueue]:
    """An exchange and queue of the machine's RabbitMQ for this test only. CI must have the server."""
    try:
        names = new_event_queue()
    except OSError as error:  # aio_pika's connection errors are OSErrors
        if os.environ.get("CI"):
            raise
        pytest.skip(f"RabbitMQ not reachable (WMO_TEST_RABBITMQ_URL): {error}")
    yield names
    delete_event_queue(names)


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    url: str = request.getfixturevalue(f"{request.param}_url")
    return url


@pytest.fixture(scope="session")
def catalogue(database_url: str, catalogue_file: CatalogueFile) -> Iterator[Catalogue]:
    engine = create_engine(database_url, future=True)
    seed_catalogue(engine, catalogue_file)
    yield Catalogue(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def action_services(sqlite_url: str, catalogue_file: CatalogueFile) -> Services:
    """The action server's services on a freshly seeded SQLite database, bound as the action server
    binds them: through DATABASE_URL when the services are first built."""
    engine = create_engine(sqlite_url, future=True)
    Base.metadata.create_all(engine)
    seed_catalogue(engine, catalogue_file)
    seed_wijkteams(engine, read_wijkteams(settings().wijkteams_file))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", sqlite_url)
        settings.cache_clear()
        services.cache_clear()
        bound = services()
    settings.cache_clear()
    return bound


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


@pytest.fixture(scope="session")
def model_path() -> Path:
    assert MODEL.exists(), f"no trained model at {MODEL}: run scripts/train first"
    return MODEL


@pytest.fixture(scope="session")
def agent(model_path: Path) -> Agent:
    """The trained model, loaded once for every test that parses messages with it."""
    return Agent.load(str(model_path))


@pytest.fixture(scope="session")
def triage_parts(catalogue_file: CatalogueFile) -> tuple[TriageDialogue, Advice]:
    """(TriageDialogue, Advice) on the shipped catalogue and content files, as the assistant loads them."""
    return load_triage(catalogue_file.provisions, municipality())


@pytest.fixture(scope="session")
def dialogue(triage_parts: tuple[TriageDialogue, Advice]) -> TriageDialogue:
    return triage_parts[0]


@pytest.fixture(scope="session")
def advice(triage_parts: tuple[TriageDialogue, Advice]) -> Advice:
    return triage_parts[1]


@pytest.fixture(scope="session")
def needs(dialogue: TriageDialogue) -> Needs:
    return dialogue.needs


@pytest.fixture(scope="session")
def fake_api() -> Iterator[FakeApi]:
    api = FakeApi()
    yield api
    api.close()


@pytest.fixture(scope="session")
def assistant(model_path: Path, tmp_path_factory: pytest.TempPathFactory, fake_api: FakeApi) -> Iterator[Assistant]:
    """The real assistant (scripts/serve) on spare ports, shared by every test that talks to it, at
    the production log level."""
    folder = tmp_path_factory.mktemp("assistant")
    env = assistant_environment(folder, fake_api)
    with running_assistant(model_path, folder, RASA_PORT, ACTION_PORT, env) as running:
        yield running
