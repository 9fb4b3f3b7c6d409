"""Thin Rasa actions that find the resident's wijkteam by postcode (bot/wijkteams)."""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.forms import is_fresh_answer, message_of, repeat_question, slot_events
from actions.names import (
    INTAKE_CONSENT,
    INTAKE_FORM,
    POSTCODE,
    POSTCODE_ATTEMPTS,
    REQUESTED_SLOT,
    TRIAGE_OUTCOME,
    WIJKTEAM,
    WIJKTEAM_FORM,
)
from actions.services import services
from bot.dialogue.interruptions import asked_in_between, ends_or_pauses
from bot.municipality import municipality
from bot.triage.model import Outcome
from bot.wijkteams.answer import wijkteam_answer
from bot.wijkteams.postcode import UNKNOWN, parse_postcode, read_postcode_answer

logger = logging.getLogger(__name__)


class ValidateWijkteamForm(Action):
    def name(self) -> str:
        return "validate_wijkteam_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        postcode = tracker.get_slot(POSTCODE)
        if not is_fresh_answer(tracker, WIJKTEAM_FORM):
            # Started by "welk wijkteam hoort bij 1234 AB?": that postcode counts, also over an older one.
            postcode = parse_postcode(message_of(tracker).text) or postcode
            return [SlotSet(POSTCODE, postcode), SlotSet(REQUESTED_SLOT, None if postcode else POSTCODE)]
        message = message_of(tracker)
        attempts = int(tracker.get_slot(POSTCODE_ATTEMPTS) or 0)
        answer, ask_again = read_postcode_answer(message.text, attempts)
        if message.crisis or (answer in (None, UNKNOWN) and (ends_or_pauses(message) or asked_in_between(message))):
            return []
        if ask_again:
            dispatcher.utter_message(response="utter_postcode_not_understood")
            return [SlotSet(POSTCODE_ATTEMPTS, attempts + 1), *repeat_question(POSTCODE)]
        return [SlotSet(POSTCODE, answer), SlotSet(POSTCODE_ATTEMPTS, 0), SlotSet(REQUESTED_SLOT, None)]


class ActionWijkteam(Action):
    """The team for the postcode, or the general number. After a maatwerk estimate, the summary."""

    def name(self) -> str:
        return "action_wijkteam"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        postcode = tracker.get_slot(POSTCODE)
        known = postcode if postcode and postcode != UNKNOWN else None
        try:
            team = services().wijkteams.for_postcode(known) if known else None
        except SQLAlchemyError:
            logger.exception("wijkteam lookup failed")
            dispatcher.utter_message(response="utter_catalogue_unavailable")
            return []
        dispatcher.utter_message(text=wijkteam_answer(team, known, municipality()))
        updates = {WIJKTEAM: team.name if team else None, POSTCODE: known}
        events = slot_events(updates)
        after_maatwerk = tracker.get_slot(TRIAGE_OUTCOME) == Outcome.maatwerk_mogelijk.value
        if after_maatwerk and tracker.get_slot(INTAKE_CONSENT) is None:
            events.append(ActiveLoop(INTAKE_FORM))
        return events
