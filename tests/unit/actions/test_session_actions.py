"""The session start after an hour of silence: a new session with the municipality's details and
the slots carried over, and while staff have the conversation the staff chat form running again, so
the assistant stays silent and the resident's messages still go to staff."""

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services import Services
from actions.session import ActionSessionStart
from bot.handoff.model import HandoffKind, HandoffSummary, Status
from bot.handoff.store import HandoffStore
from tests.helpers import dispatch

RESIDENT = "sessie-bewoner"


def expired_tracker(loop: str | None) -> Tracker:
    """The tracker Rasa sends when the resident writes again after more than an hour."""
    events: list[dict[str, Any]] = [
        {"event": "user", "text": "ja", "timestamp": 1_000.0},
        {"event": "action", "name": "action_handoff", "timestamp": 1_000.1},
        {"event": "action", "name": "action_listen", "timestamp": 1_000.2},
    ]
    slots = {"requested_slot": "staff_chat_done" if loop else None, "postcode": "1233 AB"}
    return Tracker(
        RESIDENT, slots, {"text": "ja"}, events, False, None, {"name": loop} if loop else {}, "action_listen"
    )


@pytest.fixture
def handoffs(action_services: Services) -> HandoffStore:
    action_services.handoffs.forget_conversation(RESIDENT)
    return action_services.handoffs


def started(tracker: Tracker) -> list[dict[str, Any]]:
    return dispatch(ActionSessionStart(), CollectingDispatcher(), tracker)


def test_while_staff_have_the_conversation_the_new_session_keeps_the_staff_chat(handoffs: HandoffStore) -> None:
    handoffs.create(RESIDENT, "socketio", HandoffKind.chat, HandoffSummary("gevraagd", (), (), None))
    events = started(expired_tracker("staff_chat_form"))
    assert events[0]["event"] == "session_started"
    # The staff chat form runs again, asking its never-filled slot, before the resident's message.
    assert [(e["event"], e.get("name"), e.get("value")) for e in events[-3:]] == [
        ("active_loop", "staff_chat_form", None),
        ("slot", "requested_slot", "staff_chat_done"),
        ("action", "action_listen", None),
    ]


def test_after_staff_hand_back_the_next_hour_of_silence_starts_a_new_session(handoffs: HandoffStore) -> None:
    handoff_id = handoffs.create(RESIDENT, "socketio", HandoffKind.chat, HandoffSummary("gevraagd", (), (), None))
    handoffs.set_status(handoff_id, Status.handed_back, "jan")
    events = started(expired_tracker("staff_chat_form"))
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"
    assert "active_loop" not in [e["event"] for e in events]
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["postcode"] == "1233 AB" and slots["gemeente_naam"]


def test_an_ordinary_conversation_starts_a_new_session(handoffs: HandoffStore) -> None:
    events = started(expired_tracker(None))
    assert events[0]["event"] == "session_started" and "active_loop" not in [e["event"] for e in events]
