"""Thin Rasa actions for the eligibility check. The rules, the questions and the texts live in
bot/triage; these actions move data between Rasa and bot/."""

import logging
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import buttons, is_fresh_answer, message_of, repeat_question, slot_events
from actions.names import INTAKE_CONSENT, PROVISION, REQUESTED_SLOT, TRIAGE_FORM, TRIAGE_OUTCOME, WIJKTEAM_FORM
from actions.services import services
from bot.triage.dialogue import QUESTIONS
from bot.triage.model import Outcome, Question

logger = logging.getLogger(__name__)

CONTEXT_MESSAGES = 3  # how far back "the provision asked about" may have been named
# Offered after an estimate: request_human starts the handoff to staff (actions/handoff.py).
DISCUSS_BUTTON = {"title": "Medewerker spreken", "payload": "/request_human"}


def words_about(tracker: Tracker, provision: str | None) -> str:
    """The resident's own recent message that named the provision, or described its need (the
    provision was then answered for that need: actions/catalogue.py), if any."""
    said = [event for event in tracker.events if event.get("event") == "user"][-CONTEXT_MESSAGES - 1 : -1]
    needs = services().triage()[0].needs
    for event in reversed(said):
        entities = (event.get("parse_data") or {}).get("entities") or []
        text = event.get("text") or ""
        if any(e.get("entity") == PROVISION and e.get("value") == provision for e in entities):
            return text
        if provision and provision in needs.provisions_described(text):
            return text
    return ""


class ActionTriageStart(Action):
    """Starts a fresh check, filled with what the resident already said."""

    def name(self) -> str:
        return "action_triage_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dialogue, _ = services().triage()
        provision = tracker.get_slot(PROVISION)
        context = words_about(tracker, provision)
        updates = dialogue.start(message_of(tracker), provision if context else None, context)
        need = updates[Question.need.value]
        # No "a few questions" when there are none: after danger, or when the opening said it all.
        if dialogue.assess({**tracker.current_slot_values(), **updates}).result is None:
            if need:
                topic = dialogue.needs[need].label.lower()
                dispatcher.utter_message(response="utter_triage_intro_topic", topic=topic)
            else:
                dispatcher.utter_message(response="utter_triage_intro")
        return slot_events({**updates, TRIAGE_OUTCOME: None, INTAKE_CONSENT: None})


class ValidateTriageForm(Action):
    """Rasa's form validation contract: the answers as slots, and the next question to ask (None
    when the triage has its estimate). Returns nothing to hand the message back to the policy."""

    def name(self) -> str:
        return "validate_triage_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dialogue, _ = services().triage()
        slots = tracker.current_slot_values()
        requested = tracker.get_slot(REQUESTED_SLOT)
        updates: dict[str, Any] = {}
        if is_fresh_answer(tracker, TRIAGE_FORM) and requested in QUESTIONS:
            turn = dialogue.take(slots, requested, message_of(tracker))
            if turn.reject:
                return []
            if turn.not_understood:
                dispatcher.utter_message(response="utter_triage_not_understood")
                return repeat_question(requested)
            updates = turn.updates
        next_question = dialogue.assess({**slots, **updates}).next_question
        return [*slot_events(updates), SlotSet(REQUESTED_SLOT, next_question.value if next_question else None)]


class AskTriageQuestion(Action, ABC):
    """Asks one question in the resident's situation ("Heeft uw moeder ..."), with its buttons."""

    @property
    @abstractmethod
    def question(self) -> Question: ...

    def name(self) -> str:
        return f"action_ask_{self.question.value}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dialogue, _ = services().triage()
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
    def name(self) -> str:
        return "action_triage_back"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dialogue, _ = services().triage()
        updates = dialogue.back(tracker.current_slot_values())
        if not updates:
            dispatcher.utter_message(response="utter_triage_first_question")
        return slot_events(updates)


class ActionAssessmentConversation(Action):
    """How the conversation with the municipality goes. After a maatwerk estimate this is its "Meer
    weten", so while the check's answers are there, the estimate's tips and sources follow."""

    def name(self) -> str:
        return "action_assessment_conversation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_assessment_conversation")
        dialogue, advice = services().triage()
        slots = tracker.current_slot_values()
        result = dialogue.assess(slots).result if slots.get(TRIAGE_OUTCOME) else None
        if result and result.outcome.value == slots[TRIAGE_OUTCOME] and advice.details_in_more(result.outcome):
            dispatcher.utter_message(text=advice.details(result))
        return []


class ActionTriageOutcome(Action):
    """The first estimate. A possible maatwerk goes on to the wijkteam, and then the summary."""

    def name(self) -> str:
        return "action_triage_outcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dialogue, advice = services().triage()
        slots = tracker.current_slot_values()
        result = dialogue.result(slots)
        who = dialogue.who(slots)
        # One message: maatwerk goes on to the wijkteam and the summary; any other estimate can be
        # discussed now. Details are behind "Meer weten".
        dispatcher.utter_message(
            text=advice.message(result, None if who == "u" else who), buttons=advice.buttons(result, DISCUSS_BUTTON)
        )
        # Outcome codes only, never the resident's words: analytics count these.
        logger.info("triage outcome %s for need %s", result.outcome.value, slots.get(Question.need.value))
        events: list[EventType] = [SlotSet(TRIAGE_OUTCOME, result.outcome.value)]
        if result.outcome is Outcome.maatwerk_mogelijk:
            events.append(ActiveLoop(WIJKTEAM_FORM))
        return events
