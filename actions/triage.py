"""Thin Rasa actions for the eligibility check, crisis help and the intake summary. The rules, the
questions and the texts live in bot/triage; these actions move data between Rasa and bot/."""
import logging
from abc import ABC, abstractmethod
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from sqlalchemy.exc import SQLAlchemyError

from actions.actions import CATALOGUE
from actions.forms import is_fresh_answer, message_of, repeat_question, slot_events
from bot.crisis import crisis_help
from bot.database import default_engine
from bot.intake import (
    CONSENT_BUTTONS,
    IntakeStore,
    IntakeSummary,
    read_consent,
    summarise,
)
from bot.municipality import municipality
from bot.triage import load_triage
from bot.triage.advice import Advice
from bot.triage.dialogue import (
    QUESTIONS,
    SLOTS,
    TriageDialogue,
    asked_in_between,
    ends_or_pauses,
)
from bot.triage.model import Outcome, Question

logger = logging.getLogger(__name__)

FORM = "triage_form"
OUTCOME = "triage_outcome"
CONSENT = "intake_consent"
CONTEXT_MESSAGES = 3  # how far back "the provision asked about" may have been named
INTAKES = IntakeStore(default_engine())
# Offered after an estimate: request_human starts the handoff to staff (actions/handoff.py).
DISCUSS_BUTTON = {"title": "Medewerker spreken", "payload": "/request_human"}


@lru_cache(maxsize=None)
def triage() -> Tuple[TriageDialogue, Advice]:
    """Built once per process, from the catalogue database and the files under data/triage/."""
    return load_triage(CATALOGUE.provisions(), municipality())


try:
    triage()  # at start, so no resident's turn pays for reading the files
except SQLAlchemyError:
    logger.warning("catalogue database not reachable at start; the check loads on first use")


def buttons(titles) -> List[Dict[str, str]]:
    """A button sends its own title, so a click reads like the same answer typed."""
    return [{"title": title, "payload": title} for title in titles]


def words_about(tracker: Tracker, provision: Optional[str]) -> str:
    """The resident's own recent message that named the provision, if any."""
    said = [event for event in tracker.events if event.get("event") == "user"][-CONTEXT_MESSAGES - 1 : -1]
    for event in reversed(said):
        entities = (event.get("parse_data") or {}).get("entities") or []
        if any(e.get("entity") == "provision" and e.get("value") == provision for e in entities):
            return event.get("text") or ""
    return ""


class ActionTriageStart(Action):
    """Starts a fresh check, filled with what the resident already said."""

    def name(self) -> Text:
        return "action_triage_start"

    async def run(self, dispatcher, tracker, domain):
        dialogue, _ = triage()
        provision = tracker.get_slot("provision")
        context = words_about(tracker, provision)
        updates = dialogue.start(message_of(tracker), provision if context else None, context)
        need = updates[Question.need.value]
        if need:
            dispatcher.utter_message(response="utter_triage_intro_topic", topic=dialogue.needs[need].label.lower())
        else:
            dispatcher.utter_message(response="utter_triage_intro")
        return slot_events({**updates, OUTCOME: None, CONSENT: None})


class ValidateTriageForm(Action):
    """Rasa's form validation contract: the answers as slots, and the next question to ask (None
    when the triage has its estimate). Returns nothing to hand the message back to the policy."""

    def name(self) -> Text:
        return "validate_triage_form"

    async def run(self, dispatcher, tracker, domain):
        dialogue, _ = triage()
        slots = tracker.current_slot_values()
        requested = tracker.get_slot("requested_slot")
        updates: Dict[str, Any] = {}
        if is_fresh_answer(tracker, FORM) and requested in QUESTIONS:
            turn = dialogue.take(slots, requested, message_of(tracker))
            if turn.reject:
                return []
            if turn.not_understood:
                dispatcher.utter_message(response="utter_triage_not_understood")
                return repeat_question(requested)
            updates = turn.updates
        next_question = dialogue.assess({**slots, **updates}).next_question
        return [*slot_events(updates), SlotSet("requested_slot", next_question.value if next_question else None)]


class AskTriageQuestion(Action, ABC):
    """Asks one question in the resident's situation ("Heeft uw moeder ..."), with its buttons."""

    @property
    @abstractmethod
    def question(self) -> Question:
        ...

    def name(self) -> Text:
        return f"action_ask_{self.question.value}"

    async def run(self, dispatcher, tracker, domain):
        dialogue, _ = triage()
        slots = tracker.current_slot_values()
        need = slots.get(Question.need.value)
        general = dialogue.needs.algemeen(dialogue.needs[need]) if need in dialogue.needs else ()
        dispatcher.utter_message(
            text=dialogue.questions.text(self.question, dialogue.who(slots), general),
            buttons=buttons(dialogue.questions.buttons(self.question)),
        )
        return []


# One ask action per question, as Rasa forms look them up by name: action_ask_<slot>.
ASK_ACTIONS = [
    type(f"AskTriage_{question.name}", (AskTriageQuestion,), {"question": question}) for question in Question
]


class ActionTriageBack(Action):
    def name(self) -> Text:
        return "action_triage_back"

    async def run(self, dispatcher, tracker, domain):
        dialogue, _ = triage()
        updates = dialogue.back(tracker.current_slot_values())
        if not updates:
            dispatcher.utter_message(response="utter_triage_first_question")
        return slot_events(updates)


class ActionTriageOutcome(Action):
    """The first estimate. A possible maatwerk goes on to the wijkteam, and then the summary."""

    def name(self) -> Text:
        return "action_triage_outcome"

    async def run(self, dispatcher, tracker, domain):
        dialogue, advice = triage()
        slots = tracker.current_slot_values()
        result = dialogue.assess(slots).result
        who = dialogue.who(slots)
        # Maatwerk goes on to the wijkteam and the summary; any other estimate can be discussed now.
        discuss = [] if result.outcome is Outcome.maatwerk_mogelijk else [DISCUSS_BUTTON]
        dispatcher.utter_message(text=advice.message(result, None if who == "u" else who), buttons=discuss)
        # Outcome codes only, never the resident's words: analytics count these.
        logger.info("triage outcome %s for need %s", result.outcome.value, slots.get(Question.need.value))
        events: List[EventType] = [SlotSet(OUTCOME, result.outcome.value)]
        if result.outcome is Outcome.maatwerk_mogelijk:
            events.append(ActiveLoop("wijkteam_form"))
        return events


class ActionCrisis(Action):
    """Urgent help first, wherever in the conversation a sign of acute need shows."""

    def name(self) -> Text:
        return "action_crisis"

    async def run(self, dispatcher, tracker, domain):
        kinds = message_of(tracker).crisis
        dispatcher.utter_message(text=crisis_help().message(kinds, municipality()))
        logger.info("crisis help given for %s", ",".join(kind.value for kind in kinds) or "a crisis intent")
        return []


def summary_of(tracker: Tracker) -> IntakeSummary:
    """The summary of the check in this conversation, as the resident sees it."""
    dialogue, advice = triage()
    slots = tracker.current_slot_values()
    return summarise(dialogue, advice, slots, dialogue.assess(slots).result, slots.get("wijkteam"))


class ActionAskIntakeConsent(Action):
    def name(self) -> Text:
        return "action_ask_intake_consent"

    async def run(self, dispatcher, tracker, domain):
        summary = summary_of(tracker)
        dispatcher.utter_message(
            text=f"{summary.text()}\n\nMag het wijkteam deze samenvatting zien? Dan hoeft u uw verhaal niet"
            " opnieuw te vertellen. Zonder uw ja bewaar ik niets.",
            buttons=buttons(CONSENT_BUTTONS),
        )
        return []


class ValidateIntakeForm(Action):
    def name(self) -> Text:
        return "validate_intake_form"

    async def run(self, dispatcher, tracker, domain):
        if not is_fresh_answer(tracker, "intake_form"):
            return [SlotSet("requested_slot", CONSENT)]
        message = message_of(tracker)
        consent = read_consent(message)
        if consent is None:
            if ends_or_pauses(message) or asked_in_between(message):
                return []
            dispatcher.utter_message(response="utter_triage_not_understood")
            return repeat_question(CONSENT)
        return [SlotSet(CONSENT, "ja" if consent else "nee"), SlotSet("requested_slot", None)]


class ActionIntakeDone(Action):
    """Stores the summary only when the resident said yes, then clears the check's answers."""

    def name(self) -> Text:
        return "action_intake_done"

    async def run(self, dispatcher, tracker, domain):
        if tracker.get_slot(CONSENT) == "ja":
            try:
                INTAKES.save(summary_of(tracker), tracker.sender_id, tracker.get_latest_input_channel() or "onbekend")
                dispatcher.utter_message(response="utter_intake_shared")
            except SQLAlchemyError:
                logger.exception("storing an intake summary failed")
                dispatcher.utter_message(response="utter_intake_not_saved")
        else:
            dispatcher.utter_message(response="utter_intake_not_shared")
        return slot_events({**{slot: None for slot in SLOTS}, OUTCOME: None, CONSENT: None})
