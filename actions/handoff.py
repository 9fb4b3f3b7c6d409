"""Thin Rasa actions for the handoff to wijkteam staff (bot/handoff, bot/municipality/office_hours.py).

The handoff form asks consent first. In office hours a yes records the handoff and starts the
staff chat form, which keeps the assistant out of the conversation until staff hand it back;
outside office hours a yes asks for a phone number and records a callback request. The handoff
goes to the wijkteam of the resident's postcode, or to the general queue. A conversation that has
a handoff open gets no second one, and neither does a website address with several open: the
resident is told so, and the open one goes on (bot/handoff/store.py).

The staff chat form is Rasa's pause with two exceptions: a sign of acute need still gets the help
lines at once, and "stoppen" or "verwijder mijn gesprek" still work (Rasa's own pause would let
none of these through).
"""

import logging
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.forms import buttons, is_fresh_answer, message_of, repeat_question, slot_events
from actions.intake import summary_of
from actions.names import (
    CALLBACK_PHONE,
    HANDOFF_CONSENT,
    HANDOFF_FORM,
    HANDOFF_MODE,
    HANDOFF_REASON,
    POSTCODE,
    PROVISION,
    REQUESTED_SLOT,
    STAFF_CHAT_DONE,
    STAFF_CHAT_FORM,
    TRIAGE_OUTCOME,
)
from actions.services import services
from bot.dialogue.consent import read_consent
from bot.dialogue.interruptions import SURE, asked_in_between, ends_or_pauses
from bot.handoff.model import HandoffKind, HandoffReason, summarise_handoff
from bot.handoff.phone import parse_phone
from bot.handoff.store import Refusal
from bot.municipality import municipality
from bot.observability.metrics import HANDOFFS
from bot.web_sessions import ADDRESS_METADATA
from bot.wijkteams.postcode import UNKNOWN

logger = logging.getLogger(__name__)

# What the assistant still answers while staff have the conversation: the rest goes to staff.
STILL_ANSWERED = {"stop", "delete_conversation"}
LIVE_BUTTONS = buttons(("Ja, graag", "Nee, dank u"))
CALLBACK_BUTTONS = buttons(("Ja, bel mij terug", "Nee, dank u"))
QUESTIONS_KEPT = 5
REFUSED_RESPONSE = {Refusal.already_open: "utter_handoff_already_open", Refusal.address_full: "utter_handoff_limit"}


def reason_for(tracker: Tracker) -> HandoffReason:
    """Why the resident is handed over: the assistant failed twice, the estimate, or they asked."""
    events = tracker.events
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    since = users[-2] if len(users) >= 2 else 0
    for event in events[since:]:
        if event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == "utter_default":
            return HandoffReason.not_understood
    if tracker.get_slot(TRIAGE_OUTCOME) or services().intakes.for_conversation(tracker.sender_id):
        return HandoffReason.estimate
    return HandoffReason.asked


def resident_questions(tracker: Tracker) -> list[str]:
    texts = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return [t for t in texts if t and not t.startswith("/")][-QUESTIONS_KEPT:]


def topics_of(tracker: Tracker) -> list[str]:
    code = tracker.get_slot(PROVISION)
    provision = services().catalogue.provision(code) if code else None
    return [provision.name] if provision else []


def intake_of(tracker: Tracker) -> dict[str, Any] | None:
    """The summary the resident already agreed to share, or the check's summary still in the slots."""
    stored = services().intakes.for_conversation(tracker.sender_id)
    if stored:
        return stored[-1]["summary"]
    if tracker.get_slot(TRIAGE_OUTCOME):
        return summary_of(tracker).record()
    return None


def address_of(tracker: Tracker) -> str | None:
    """The website visitor's address pseudonym the channel put on the message; None elsewhere."""
    address = ((tracker.latest_message or {}).get("metadata") or {}).get(ADDRESS_METADATA)
    return address if isinstance(address, str) and len(address) <= 64 else None


def team_of(tracker: Tracker) -> str | None:
    """The wijkteam of the resident's postcode; None (the general queue) without one."""
    postcode = tracker.get_slot(POSTCODE)
    team = services().wijkteams.for_postcode(postcode) if postcode and postcode != UNKNOWN else None
    return team.code if team else None


def refusal_of(tracker: Tracker) -> Refusal | None:
    try:
        return services().handoffs.refusal(tracker.sender_id, address_of(tracker))
    except SQLAlchemyError:
        logger.exception("checking open handoffs failed")
        return None  # the handoff itself then fails with a clear answer, or succeeds


class ActionAskHandoffConsent(Action):
    def name(self) -> str:
        return "action_ask_handoff_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        now = datetime.now(timezone.utc)
        office = municipality().office_hours
        mode = (
            tracker.get_slot(HANDOFF_MODE) or (HandoffKind.chat if office.is_open(now) else HandoffKind.callback).value
        )
        if mode == HandoffKind.chat.value:
            dispatcher.utter_message(response="utter_ask_handoff_chat", buttons=LIVE_BUTTONS)
        else:
            opening = office.next_opening(now)
            when = office.said(opening, now) if opening else "op de eerstvolgende werkdag"
            dispatcher.utter_message(response="utter_ask_handoff_callback", opening=when, buttons=CALLBACK_BUTTONS)
        return [
            SlotSet(HANDOFF_MODE, mode),
            SlotSet(HANDOFF_REASON, tracker.get_slot(HANDOFF_REASON) or reason_for(tracker).value),
        ]


class ValidateHandoffForm(Action):
    def name(self) -> str:
        return "validate_handoff_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if tracker.get_slot(REQUESTED_SLOT) is None:
            # Just started by "ik wil een medewerker": that is no answer yet, and the consent
            # question takes a fresh look at the clock and the reason. With a handoff already
            # open, nothing is asked: action_handoff says why.
            refusal = refusal_of(tracker)
            if refusal:
                return [SlotSet(HANDOFF_CONSENT, refusal.value), SlotSet(REQUESTED_SLOT, None)]
            return [
                SlotSet(HANDOFF_MODE, None),
                SlotSet(HANDOFF_REASON, None),
                SlotSet(REQUESTED_SLOT, HANDOFF_CONSENT),
            ]
        if not is_fresh_answer(tracker, HANDOFF_FORM):
            return [SlotSet(REQUESTED_SLOT, tracker.get_slot(REQUESTED_SLOT))]
        message = message_of(tracker)
        if tracker.get_slot(REQUESTED_SLOT) == CALLBACK_PHONE:
            phone = parse_phone(message.text)
            if phone:
                return [SlotSet(CALLBACK_PHONE, phone), SlotSet(REQUESTED_SLOT, None)]
            if ends_or_pauses(message) or asked_in_between(message):
                return []
            dispatcher.utter_message(response="utter_callback_phone_not_understood")
            return repeat_question(CALLBACK_PHONE)
        consent = read_consent(message)
        if consent is None:
            # "Ik wil een medewerker" again counts as yes; stopping, a crisis or a question do not.
            if message.intent == "request_human":
                consent = True
            elif ends_or_pauses(message) or asked_in_between(message):
                return []
            else:
                dispatcher.utter_message(response="utter_triage_not_understood")
                return repeat_question(HANDOFF_CONSENT)
        needs_phone = consent and tracker.get_slot(HANDOFF_MODE) == HandoffKind.callback.value
        return [
            SlotSet(HANDOFF_CONSENT, "ja" if consent else "nee"),
            SlotSet(REQUESTED_SLOT, CALLBACK_PHONE if needs_phone else None),
        ]


class ActionHandoff(Action):
    """Records the handoff the resident agreed to and says what happens next."""

    def name(self) -> str:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        cleared = slot_events({HANDOFF_CONSENT: None, CALLBACK_PHONE: None, HANDOFF_MODE: None, HANDOFF_REASON: None})
        consent = tracker.get_slot(HANDOFF_CONSENT)
        if consent in {refusal.value for refusal in Refusal}:
            refusal: Refusal | None = Refusal(consent)
        else:
            refusal = refusal_of(tracker) if consent == "ja" else None
        if refusal:
            return [*cleared, *self.refused(dispatcher, tracker, refusal)]
        if consent != "ja":
            dispatcher.utter_message(response="utter_handoff_declined")
            return cleared
        kind = HandoffKind(tracker.get_slot(HANDOFF_MODE))
        summary = summarise_handoff(
            HandoffReason(tracker.get_slot(HANDOFF_REASON) or HandoffReason.asked.value),
            topics_of(tracker),
            resident_questions(tracker),
            intake_of(tracker),
        )
        try:
            services().handoffs.create(
                tracker.sender_id,
                tracker.get_latest_input_channel() or "onbekend",
                kind,
                summary,
                callback_phone=tracker.get_slot(CALLBACK_PHONE) if kind is HandoffKind.callback else None,
                team=team_of(tracker),
                address=address_of(tracker),
            )
        except SQLAlchemyError:
            logger.exception("storing a handoff failed")
            dispatcher.utter_message(response="utter_handoff_failed")
            return cleared
        logger.info("handoff recorded: %s, %s", kind.value, summary.reason)
        HANDOFFS.labels(kind.value).inc()
        if kind is HandoffKind.callback:
            dispatcher.utter_message(response="utter_callback_recorded")
            return cleared
        dispatcher.utter_message(response="utter_handoff_started")
        return [*cleared, ActiveLoop(STAFF_CHAT_FORM)]

    @staticmethod
    def refused(dispatcher: CollectingDispatcher, tracker: Tracker, refusal: Refusal) -> list[EventType]:
        """No new handoff; the open one goes on, and an open chat takes the conversation back to staff."""
        dispatcher.utter_message(response=REFUSED_RESPONSE[refusal])
        try:
            chat_open = refusal is Refusal.already_open and services().handoffs.open_chat(tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("finding the open chat failed")
            chat_open = None
        return [ActiveLoop(STAFF_CHAT_FORM)] if chat_open else []


class ValidateStaffChatForm(Action):
    """Every message is for staff, except acute need, stopping and deleting: those it hands back
    to the rules (no slot set)."""

    def name(self) -> str:
        return "validate_staff_chat_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        message = message_of(tracker)
        if is_fresh_answer(tracker, STAFF_CHAT_FORM) and (
            message.crisis or (message.intent in STILL_ANSWERED and message.confidence >= SURE)
        ):
            return []
        return repeat_question(STAFF_CHAT_DONE)


class ActionAskStaffChatDone(Action):
    """Silent, except that the first message after the handoff is acknowledged."""

    def name(self) -> str:
        return "action_ask_staff_chat_done"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kinds = [(e.get("event"), (e.get("metadata") or {}).get("utter_action")) for e in tracker.events]
        kinds = [kind for kind in kinds if kind[0] in ("user", "bot")]
        if kinds[-2:] == [("bot", "utter_handoff_started"), ("user", None)]:
            dispatcher.utter_message(response="utter_waiting_for_staff")
        return []


class ActionHandoffCancelled(Action):
    """The resident stopped waiting for staff: the chat is closed and the assistant is back."""

    def name(self) -> str:
        return "action_handoff_cancelled"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            services().handoffs.close_chat(tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("closing a handoff failed")
        dispatcher.utter_message(response="utter_handoff_cancelled")
        return []
