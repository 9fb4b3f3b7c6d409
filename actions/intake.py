"""The intake summary after a maatwerk estimate: shown to the resident, and stored for the wijkteam
only after a yes."""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.forms import buttons, is_fresh_answer, message_of, repeat_question, slot_events
from actions.names import (
    INTAKE_CONSENT,
    INTAKE_FORM,
    POSTCODE,
    POSTCODE_ATTEMPTS,
    REQUESTED_SLOT,
    TRIAGE_OUTCOME,
    WIJKTEAM,
)
from actions.services import services
from bot.dialogue.consent import read_consent
from bot.dialogue.interruptions import asked_in_between, ends_or_pauses
from bot.intake.summary import CONSENT_BUTTONS, IntakeSummary, summarise
from bot.triage.dialogue import SLOTS

logger = logging.getLogger(__name__)

# What "er is niets bewaard" forgets: every answer of the check, and the postcode with its wijkteam.
CHECK_ANSWERS: tuple[str, ...] = (*SLOTS, TRIAGE_OUTCOME, INTAKE_CONSENT)
LOCATION: tuple[str, ...] = (POSTCODE, POSTCODE_ATTEMPTS, WIJKTEAM)


def summary_of(tracker: Tracker) -> IntakeSummary:
    """The summary of the check in this conversation, as the resident sees it."""
    dialogue, advice = services().triage()
    slots = tracker.current_slot_values()
    return summarise(dialogue, advice, slots, dialogue.result(slots), slots.get(WIJKTEAM))


class ActionAskIntakeConsent(Action):
    def name(self) -> str:
        return "action_ask_intake_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        summary = summary_of(tracker)
        # One bubble: it comes in the same turn as the wijkteam's answer (at most 3 a turn).
        dispatcher.utter_message(
            text=f"{summary.text()}\nMag het wijkteam deze samenvatting zien? Dan hoeft u uw verhaal niet"
            " opnieuw te vertellen. Zonder uw ja bewaar ik niets.",
            buttons=buttons(CONSENT_BUTTONS),
        )
        return []


class ValidateIntakeForm(Action):
    def name(self) -> str:
        return "validate_intake_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not is_fresh_answer(tracker, INTAKE_FORM):
            return [SlotSet(REQUESTED_SLOT, INTAKE_CONSENT)]
        message = message_of(tracker)
        consent = read_consent(message)
        if consent is None:
            if ends_or_pauses(message) or asked_in_between(message):
                return []
            dispatcher.utter_message(response="utter_triage_not_understood")
            return repeat_question(INTAKE_CONSENT)
        return [SlotSet(INTAKE_CONSENT, "ja" if consent else "nee"), SlotSet(REQUESTED_SLOT, None)]


class ActionIntakeDone(Action):
    """Stores the summary only when the resident said yes, then clears the check's answers."""

    def name(self) -> str:
        return "action_intake_done"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        # "Ik bewaar niets" (a no, or a failed save) means the postcode and its wijkteam go too.
        forgotten = LOCATION
        if tracker.get_slot(INTAKE_CONSENT) == "ja":
            try:
                services().intakes.save(
                    summary_of(tracker), tracker.sender_id, tracker.get_latest_input_channel() or "onbekend"
                )
                dispatcher.utter_message(response="utter_intake_shared")
                forgotten = ()
            except SQLAlchemyError:
                logger.exception("storing an intake summary failed")
                dispatcher.utter_message(response="utter_intake_not_saved")
        else:
            dispatcher.utter_message(response="utter_intake_not_shared")
        return slot_events(dict.fromkeys((*CHECK_ANSWERS, *forgotten)))


class ActionTriageStopped(Action):
    """The resident stopped the check, the postcode question or the summary: "Er is niets bewaard"
    holds for the conversation too, so the answers and the postcode are forgotten at once."""

    def name(self) -> str:
        return "action_triage_stopped"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_triage_stopped")
        return slot_events(dict.fromkeys((*CHECK_ANSWERS, *LOCATION)))
