"""What the actions read from Rasa's tracker and write back: the latest message as bot/ sees it,
whether a form is validating a fresh answer, slot events, buttons."""

from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.names import PROVISION, REQUESTED_SLOT
from bot.crisis import CrisisKind
from bot.dialogue.message import Message


def message_of(tracker: Tracker) -> Message:
    latest = tracker.latest_message or {}
    intent = latest.get("intent") or {}
    entities = latest.get("entities") or []
    return Message(
        text=latest.get("text") or "",
        intent=intent.get("name") or "",
        confidence=float(intent.get("confidence") or 0.0),
        provisions=tuple(dict.fromkeys(e["value"] for e in entities if e.get("entity") == PROVISION)),
        crisis=tuple(CrisisKind(e["value"]) for e in entities if e.get("entity") == "crisis"),
    )


def is_fresh_answer(tracker: Tracker, form: str) -> bool:
    """True when the form validates the resident's latest message as an answer.

    Rasa also calls validation when the form is activated and when it resumes after something
    was handled in between (a question, "terug"); the latest message is then no answer. Only a
    fresh answer has the form's own run right after the resident spoke.
    """
    if (tracker.active_loop or {}).get("name") != form:
        return False
    executed = [event.get("name") for event in tracker.events if event.get("event") == "action"]
    return executed[-2:] == ["action_listen", form]


def slot_events(updates: dict[str, Any]) -> list[EventType]:
    return [SlotSet(name, value) for name, value in updates.items()]


def repeat_question(slot: str) -> list[EventType]:
    """The same question once more. The slot itself is set too (to empty): a validation that sets
    only requested_slot makes Rasa reject the turn and hand the message to the rules."""
    return [SlotSet(slot, None), SlotSet(REQUESTED_SLOT, slot)]


def buttons(titles: Iterable[str]) -> list[dict[str, str]]:
    """A button sends its own title, so a click reads like the same answer typed."""
    return [{"title": title, "payload": title} for title in titles]
