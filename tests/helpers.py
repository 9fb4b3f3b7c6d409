"""Helpers the tests share: trackers shaped as Rasa sends them, running an action, the test
secrets of the channels, and the environment of a running assistant."""

import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dutch import WEEKDAYS
from bot.settings import ROOT, settings
from bot.staff.accounts import hash_password
from tests.live.fake_api import FakeApi

RASA_PORT, ACTION_PORT = 15005, 15055
STAFF_NAME, STAFF_PASSWORD = "medewerker1", "een-lang-testwachtwoord"
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
    (folder / "staff.yml").write_text(yaml.safe_dump({"accounts": {STAFF_NAME: hash_password(STAFF_PASSWORD)}}))
    return {
        **WHATSAPP_SECRETS,
        **TWILIO_SECRETS,
        "WHATSAPP_API_BASE_URL": fake_api.url,
        "TWILIO_API_BASE_URL": fake_api.url,
        "WMO_MUNICIPALITY_FILE": str(folder / "municipality.yml"),
        "WMO_STAFF_FILE": str(folder / "staff.yml"),
    }


def rasa(*args: str, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    """A Rasa command in the project, as a developer types it."""
    command = [str(Path(sys.executable).parent / "rasa"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
