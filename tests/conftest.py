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


RASA_PORT, ACTION_PORT = 15005, 15055
STAFF_NAME, STAFF_PASSWORD = "medewerker1", "een-lang-testwachtwoord"
WHATSAPP_SECRETS = {
    "WHATSAPP_ACCESS_TOKEN": "test-access-token", "WHATSAPP_APP_SECRET": "test-app-secret",
    "WHATSAPP_VERIFY_TOKEN": "test-verify-token", "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
}
TWILIO_SECRETS = {
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": "test-twilio-auth-token",
    "TWILIO_WHATSAPP_NUMBER": "whatsapp:+14155238886",
    "TWILIO_WEBHOOK_URL": f"http://127.0.0.1:{RASA_PORT}/webhooks/twilio/webhook",
}


@pytest.fixture(scope="session")
def fake_api():
    from tests.fake_api import FakeApi

    api = FakeApi()
    yield api
    api.close()


def assistant_environment(folder: Path, fake_api, office_open: bool = True) -> dict:
    """All channels on, WhatsApp and Twilio sending to the local fake API, one staff account, and
    the office always open (a handoff is a live chat) or never (a callback request), whenever the
    tests run."""
    import yaml

    from bot.staff import hash_password

    place = yaml.safe_load(settings.MUNICIPALITY_FILE.read_text(encoding="utf-8"))
    week = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
    place["office_hours"] = {
        "timezone": "Europe/Amsterdam", "closed_on": [], "days": {day: "00:00-23:59" for day in week if office_open},
    }
    (folder / "municipality.yml").write_text(yaml.safe_dump(place, allow_unicode=True), encoding="utf-8")
    (folder / "staff.yml").write_text(yaml.safe_dump({"accounts": {STAFF_NAME: hash_password(STAFF_PASSWORD)}}))
    return {
        **WHATSAPP_SECRETS, **TWILIO_SECRETS,
        "WHATSAPP_API_BASE_URL": fake_api.url, "TWILIO_API_BASE_URL": fake_api.url,
        "WMO_MUNICIPALITY_FILE": str(folder / "municipality.yml"), "WMO_STAFF_FILE": str(folder / "staff.yml"),
    }


@pytest.fixture(scope="session")
def assistant(model_path, tmp_path_factory, fake_api):
    """The real assistant (scripts/serve) on spare ports, shared by every test that talks to it, at
    the production log level."""
    from tests.assistant_process import running_assistant

    folder = tmp_path_factory.mktemp("assistant")
    env = assistant_environment(folder, fake_api)
    with running_assistant(model_path, folder, RASA_PORT, ACTION_PORT, env) as running:
        yield running
