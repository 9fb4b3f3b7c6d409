"""Thin Rasa actions for the handoff to wijkteam staff (bot/handoff.py, bot/office_hours.py).

The handoff form asks consent first. In office hours a yes records the handoff and starts the
staff chat form, which keeps the assistant out of the conversation until staff hand it back;
outside office hours a yes asks for a phone number and records a callback request.

The staff chat form is Rasa's pause with two exceptions: a sign of acute need still gets the help
lines at once, and "stoppen" or "verwijder mijn gesprek" still work (Rasa's own pause would let
none of these through).
"""
import logging
from datetime import datetime, timezone
from typing import Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from sqlalchemy.exc import SQLAlchemyError

from actions.actions import CATALOGUE
from actions.forms import is_fresh_answer, message_of, repeat_question, slot_events
from actions.triage import INTAKES, buttons, summary_of
from bot.database import default_engine
from bot.handoff import HandoffStore, Kind, Reason, parse_phone, summarise_handoff
from bot.intake import read_consent
from bot.municipality import municipality
from bot.triage.dialogue import SURE, asked_in_between, ends_or_pauses

logger = logging.getLogger(__name__)

FORM = "handoff_form"
STAFF_CHAT = "staff_chat_form"
WAITING = "staff_chat_done"  # never filled by the resident: staff end the chat from the console
# What the assistant still answers while staff have the conversation: the rest goes to staff.
STILL_ANSWERED = {"stop", "delete_conversation"}
CONSENT, PHONE, MODE, REASON = "handoff_consent", "callback_phone", "handoff_mode", "handoff_reason"
HANDOFFS = HandoffStore(default_engine())
LIVE_BUTTONS = buttons(("Ja, graag", "Nee, dank u"))
CALLBACK_BUTTONS = buttons(("Ja, bel mij terug", "Nee, dank u"))
QUESTIONS_KEPT = 5


def reason_for(tracker: Tracker) -> Reason:
    """Why the resident is handed over: the assistant failed twice, the estimate, or they asked."""
    events = tracker.events
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    since = users[-2] if len(users) >= 2 else 0
    for event in events[since:]:
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == "utter_default":
            return Reason.not_understood
    if tracker.get_slot("triage_outcome") or INTAKES.for_conversation(tracker.sender_id):
        return Reason.estimate
    return Reason.asked


def resident_questions(tracker: Tracker) -> list:
    texts = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return [t for t in texts if t and not t.startswith("/")][-QUESTIONS_KEPT:]


def topics_of(tracker: Tracker) -> list:
    code = tracker.get_slot("provision")
    provision = CATALOGUE.provision(code) if code else None
    return [provision.name] if provision else []


def intake_of(tracker: Tracker) -> Optional[dict]:
    """The summary the resident already agreed to share, or the check's summary still in the slots."""
    stored = INTAKES.for_conversation(tracker.sender_id)
    if stored:
        return stored[-1]["summary"]
    if tracker.get_slot("triage_outcome"):
        return summary_of(tracker).record()
    return None


class ActionAskHandoffConsent(Action):
    def name(self) -> Text:
        return "action_ask_handoff_consent"

    async def run(self, dispatcher, tracker, domain):
        now = datetime.now(timezone.utc)
        office = municipality().office_hours
        mode = tracker.get_slot(MODE) or (Kind.chat if office.is_open(now) else Kind.callback).value
        if mode == Kind.chat.value:
            dispatcher.utter_message(response="utter_ask_handoff_chat", buttons=LIVE_BUTTONS)
        else:
            opening = office.next_opening(now)
            when = office.said(opening, now) if opening else "op de eerstvolgende werkdag"
            dispatcher.utter_message(response="utter_ask_handoff_callback", opening=when, buttons=CALLBACK_BUTTONS)
        return [SlotSet(MODE, mode), SlotSet(REASON, tracker.get_slot(REASON) or reason_for(tracker).value)]


class ValidateHandoffForm(Action):
    def name(self) -> Text:
        return "validate_handoff_form"

    async def run(self, dispatcher, tracker, domain):
        if tracker.get_slot("requested_slot") is None:
            # Just started by "ik wil een medewerker": that is no answer yet, and the consent
            # question takes a fresh look at the clock and the reason.
            return [SlotSet(MODE, None), SlotSet(REASON, None), SlotSet("requested_slot", CONSENT)]
        if not is_fresh_answer(tracker, FORM):
            return [SlotSet("requested_slot", tracker.get_slot("requested_slot"))]
        message = message_of(tracker)
        if tracker.get_slot("requested_slot") == PHONE:
            phone = parse_phone(message.text)
            if phone:
                return [SlotSet(PHONE, phone), SlotSet("requested_slot", None)]
            if ends_or_pauses(message) or asked_in_between(message):
                return []
            dispatcher.utter_message(response="utter_callback_phone_not_understood")
            return repeat_question(PHONE)
        consent = read_consent(message)
        if consent is None:
            # "Ik wil een medewerker" again counts as yes; stopping, a crisis or a question do not.
            if message.intent == "request_human":
                consent = True
            elif ends_or_pauses(message) or asked_in_between(message):
                return []
            else:
                dispatcher.utter_message(response="utter_triage_not_understood")
                return repeat_question(CONSENT)
        needs_phone = consent and tracker.get_slot(MODE) == Kind.callback.value
        return [SlotSet(CONSENT, "ja" if consent else "nee"), SlotSet("requested_slot", PHONE if needs_phone else None)]


class ActionHandoff(Action):
    """Records the handoff the resident agreed to and says what happens next."""

    def name(self) -> Text:
        return "action_handoff"

    async def run(self, dispatcher, tracker, domain):
        cleared = slot_events({CONSENT: None, PHONE: None, MODE: None, REASON: None})
        if tracker.get_slot(CONSENT) != "ja":
            dispatcher.utter_message(response="utter_handoff_declined")
            return cleared
        kind = Kind(tracker.get_slot(MODE))
        summary = summarise_handoff(
            Reason(tracker.get_slot(REASON) or Reason.asked.value),
            topics_of(tracker),
            resident_questions(tracker), intake_of(tracker),
        )
        try:
            HANDOFFS.create(
                tracker.sender_id, tracker.get_latest_input_channel() or "onbekend", kind, summary,
                callback_phone=tracker.get_slot(PHONE) if kind is Kind.callback else None,
            )
        except SQLAlchemyError:
            logger.exception("storing a handoff failed")
            dispatcher.utter_message(response="utter_handoff_failed")
            return cleared
        logger.info("handoff recorded: %s, %s", kind.value, summary.reason)
        if kind is Kind.callback:
            dispatcher.utter_message(response="utter_callback_recorded")
            return cleared
        dispatcher.utter_message(response="utter_handoff_started")
        return [*cleared, ActiveLoop(STAFF_CHAT)]


class ValidateStaffChatForm(Action):
    """Every message is for staff, except acute need, stopping and deleting: those it hands back
    to the rules (no slot set)."""

    def name(self) -> Text:
        return "validate_staff_chat_form"

    async def run(self, dispatcher, tracker, domain):
        message = message_of(tracker)
        if is_fresh_answer(tracker, STAFF_CHAT) and (
            message.crisis or (message.intent in STILL_ANSWERED and message.confidence >= SURE)
        ):
            return []
        return repeat_question(WAITING)


class ActionAskStaffChatDone(Action):
    """Silent, except that the first message after the handoff is acknowledged."""

    def name(self) -> Text:
        return "action_ask_staff_chat_done"

    async def run(self, dispatcher, tracker, domain):
        kinds = [(e.get("event"), (e.get("metadata") or {}).get("utter_action")) for e in tracker.events]
        kinds = [kind for kind in kinds if kind[0] in ("user", "bot")]
        if kinds[-2:] == [("bot", "utter_handoff_started"), ("user", None)]:
            dispatcher.utter_message(response="utter_waiting_for_staff")
        return []


class ActionHandoffCancelled(Action):
    """The resident stopped waiting for staff: the chat is closed and the assistant is back."""

    def name(self) -> Text:
        return "action_handoff_cancelled"

    async def run(self, dispatcher, tracker, domain):
        try:
            HANDOFFS.close_chat(tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("closing a handoff failed")
        dispatcher.utter_message(response="utter_handoff_cancelled")
        return []
