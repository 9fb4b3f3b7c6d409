"""Shared fixtures: the real catalogue on SQLite and PostgreSQL, and Rasa SDK test helpers."""
import os
import uuid
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot import settings
from bot.catalogue import Catalogue
from bot.catalogue.loader import read_catalogue, seed

POSTGRES_ADMIN_URL = os.environ.get("WMO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
MODEL = Path(os.environ.get("MODEL", settings.ROOT / "models" / "wmo.tar.gz"))


@pytest.fixture(scope="session")
def catalogue_file():
    return read_catalogue(settings.CATALOGUE_FILE)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory):
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'catalogue.db'}"


@pytest.fixture(scope="session")
def postgres_url():
    """A fresh PostgreSQL database for this run, dropped afterwards. CI must have the server."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    name = f"wmo_test_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
    except OperationalError as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {error.orig}")
    yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def database_url(request):
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture(scope="session")
def catalogue(database_url, catalogue_file):
    engine = create_engine(database_url, future=True)
    seed(engine, catalogue_file)
    yield Catalogue(engine)
    engine.dispose()


@pytest.fixture
def dispatcher():
    return CollectingDispatcher()


def make_tracker(text="", intent="", entities=(), slots=None, ranking=()):
    """A tracker whose latest message is `text`, as NLU would have parsed it."""
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message={
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": list(ranking),
            "entities": [{"entity": "provision", "value": code} for code in entities],
        },
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


@pytest.fixture(scope="session")
def model_path():
    assert MODEL.exists(), f"no trained model at {MODEL}: run scripts/train first"
    return MODEL


@pytest.fixture(scope="session")
def triage_parts(catalogue_file):
    """(TriageDialogue, Advice) on the shipped catalogue and data files, as the assistant loads them."""
    from bot.municipality import municipality
    from bot.triage import load_triage

    return load_triage(catalogue_file.provisions, municipality())


@pytest.fixture(scope="session")
def dialogue(triage_parts):
    return triage_parts[0]


@pytest.fixture(scope="session")
def advice(triage_parts):
    return triage_parts[1]


@pytest.fixture(scope="session")
def needs(dialogue):
    return dialogue.needs


@pytest.fixture(scope="session")
def assistant(model_path, tmp_path_factory):
    """The real assistant (scripts/serve) on spare ports, shared by every test that talks to it."""
    from tests.assistant_process import running_assistant

    with running_assistant(model_path, tmp_path_factory.mktemp("assistant"), 15005, 15055) as running:
        yield running
