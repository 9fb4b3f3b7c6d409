"""Helpers the tests share: trackers shaped as Rasa sends them, running an action, the test
secrets of the channels, and the environment of a running assistant."""

import asyncio
import contextlib
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import redis
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bot.dutch import WEEKDAYS
from bot.handoff.store import Handoff, HandoffStore, Visibility
from bot.settings import ROOT, settings
from bot.staff.accounts import hash_password
from bot.wijkteams.file import read_wijkteams
from tests.live.fake_api import FakeApi

# Every port a test opens sits above WMO_TEST_PORT_BASE, so two checkouts can run their live tests
# side by side on one machine.
PORT_BASE = int(os.environ.get("WMO_TEST_PORT_BASE", "15000"))
RASA_PORT, ACTION_PORT = PORT_BASE + 5, PORT_BASE + 55
POSTGRES_ADMIN_URL = os.environ.get("WMO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
# Opens Rasa's HTTP API of the test assistant, so tests can read back what was stored.
API_TOKEN = "test-api-token"
ACTION_TOKEN = "test-action-token"
STAFF_NAME, STAFF_PASSWORD = "medewerker1", "een-lang-testwachtwoord"
# The messaging channels' conversation ids come from this key, not from their own secrets.
PSEUDONYM_KEY = "test-pseudonym-key-of-at-least-32-characters"
# The running assistant's accounts: STAFF_NAME sees every wijkteam and the general queue; these
# see one team each, and the administrator the general queue and the audit log.
TEAM_ACCOUNTS = {"noord.medewerker": ["noord"], "zuid.medewerker": ["zuid"]}
ADMIN_NAME = "beheerder"
# Sees every handoff: the general queue when no wijkteam is known counts them all.
EVERYTHING = Visibility(teams=frozenset(), general=True, known=frozenset())
WHATSAPP_SECRETS = {
    "WHATSAPP_ACCESS_TOKEN": "test-access-token",
    "WHATSAPP_APP_SECRET": "test-app-secret",
    "WHATSAPP_VERIFY_TOKEN": "test-verify-token",
    "WHATSAPP_PHONE_NUMBER_ID": "106540352242922",
}
TWILIO_SECRETS = {
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "TWILIO_AUTH_TOKEN": "test-twilio-auth-token",
    "TWILIO_WHATSAPP_NUMBER": "whatsapp:+14155238886",
    "TWILIO_WEBHOOK_URL": f"http://127.0.0.1:{RASA_PORT}/webhooks/twilio/webhook",
}
Message = dict[str, Any]
Events = list[dict[str, Any]]


def percentile(values: Iterable[float], share: float) -> float:
    """The nearest-rank value below `share` (0.95: p95), as every benchmark and harness reports it;
    NaN for no values."""
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))] if ordered else float("nan")


def make_tracker(
    text: str = "",
    intent: str = "",
    entities: Sequence[str] = (),
    slots: dict[str, Any] | None = None,
    ranking: Sequence[dict[str, Any]] = (),
) -> Tracker:
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


def dispatch(action: Action, dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """Runs an action as the action server does; returns its events."""
    events: Events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events


def user(text: str, intent: str = "inform", entities: Iterable[tuple[str, str]] = ()) -> Message:
    return {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [{"entity": kind, "value": value} for kind, value in entities],
    }


def form_tracker(
    message: Message,
    slots: Mapping[str, Any] | None = None,
    loop: str | None = None,
    before_form: str = "action_listen",
    history: Sequence[Message] = (),
) -> Tracker:
    """The tracker a validation or ask action gets: earlier user messages, the latest message, the
    action before the form's own run, and the form's run."""
    events: Events = [{"event": "user", "text": m["text"], "parse_data": m} for m in history]
    events += [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": message["text"], "parse_data": message},
    ]
    if before_form != "action_listen":
        events.append({"event": "action", "name": before_form})
    if loop:
        events.append({"event": "action", "name": loop})
    return Tracker(
        "bewoner-1", dict(slots or {}), message, events, False, None, {"name": loop} if loop else {}, "action_listen"
    )


def run(
    action: Action, slots: Mapping[str, Any] | None = None, message: Message | None = None, **kwargs: Any
) -> tuple[list[dict[str, Any]], dict[str, Any], Events]:
    """(messages sent, slots set, all events) of an action run on a form tracker."""
    dispatcher = CollectingDispatcher()
    events = dispatch(action, dispatcher, form_tracker(message or user(""), slots, **kwargs))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}, events


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") for m in dispatcher.messages]


def write_variant(folder: Path, source: Path, change: Callable[[Any], object]) -> Path:
    """A copy of a YAML content file with one change, to see that the change is refused."""
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(raw)
    target = folder / source.name
    target.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return target


def open_handoffs(store: HandoffStore) -> list[Handoff]:
    """Every open handoff, oldest first."""
    return store.queue(EVERYTHING, 1, per_page=10_000).handoffs


def staff_file(folder: Path) -> Path:
    """The test accounts, all with STAFF_PASSWORD."""
    digest = hash_password(STAFF_PASSWORD)
    every_team = [team.code for team in read_wijkteams(settings().wijkteams_file)]
    accounts = {
        STAFF_NAME: {"password": digest, "teams": [*every_team, "algemeen"]},
        **{name: {"password": digest, "teams": teams} for name, teams in TEAM_ACCOUNTS.items()},
        ADMIN_NAME: {"password": digest, "admin": True},
    }
    path = folder / "staff.yml"
    path.write_text(yaml.safe_dump({"accounts": accounts}))
    return path


def assistant_environment(folder: Path, fake_api: FakeApi, office_open: bool = True) -> dict[str, str]:
    """All channels on, WhatsApp and Twilio sending to the local fake API, one staff account, and
    the office always open (a handoff is a live chat) or never (a callback request), whenever the
    tests run."""
    place = yaml.safe_load(settings().municipality_file.read_text(encoding="utf-8"))
    place["office_hours"] = {
        "timezone": "Europe/Amsterdam",
        "closed_on": [],
        "days": {day: "00:00-23:59" for day in WEEKDAYS if office_open},
    }
    (folder / "municipality.yml").write_text(yaml.safe_dump(place, allow_unicode=True), encoding="utf-8")
    return {
        **WHATSAPP_SECRETS,
        **TWILIO_SECRETS,
        "WMO_PSEUDONYM_KEY": PSEUDONYM_KEY,
        # The whole test suite is one script on one address: only the per-sender limits stay on here
        # (tests/live/test_rate_limits.py runs its own assistant with both).
        "WMO_RATE_LIMIT_ADDRESS": "off",
        "WHATSAPP_API_BASE_URL": fake_api.url,
        "TWILIO_API_BASE_URL": fake_api.url,
        "WMO_MUNICIPALITY_FILE": str(folder / "municipality.yml"),
        "WMO_STAFF_FILE": str(staff_file(folder)),
        "RASA_API_TOKEN": API_TOKEN,
        "ACTION_SERVER_TOKEN": ACTION_TOKEN,
        # As behind the municipality's proxy: the visitor's address is the one it forwards.
        "WMO_TRUSTED_PROXIES": "127.0.0.1, ::1",
    }


def redis_or_skip() -> None:
    """The machine's Redis (127.0.0.1:6379) answers, or the test is skipped; CI must have it."""
    try:
        redis.Redis(host="127.0.0.1", port=6379).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis not reachable at 127.0.0.1:6379")


def reachable(name: str, check: Callable[[], object]) -> None:
    """`check` reaches the server, or the test is skipped; CI must have it."""
    try:
        check()
    except (OSError, redis.exceptions.ConnectionError, OperationalError) as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{name} not reachable: {error}")


def rasa(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """A Rasa command in the project, as a developer types it."""
    command = [str(Path(sys.executable).parent / "rasa"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)


@contextlib.contextmanager
def scratch_database(prefix: str = "wmo_test") -> Iterator[str]:
    """The URL of a new PostgreSQL database of its own, dropped afterwards (sqlalchemy's
    OperationalError when the server cannot be reached)."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}"))
        yield POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    finally:
        admin.dispose()


def end_connections(database_url: str) -> int:
    """Ends every connection to the database, which is what a PostgreSQL restart is to a client (the
    machine's server is shared with other checkouts, so it is not restarted itself)."""
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", future=True)
    try:
        with admin.connect() as connection:
            ended: int = connection.execute(
                text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = :db"),
                {"db": make_url(database_url).database},
            ).scalar_one()
    finally:
        admin.dispose()
    return ended
