"""Thin Rasa actions that find the resident's wijkteam by postcode (bot/wijkteams.py)."""
import logging
from typing import Text

from rasa_sdk import Action
from rasa_sdk.events import ActiveLoop, SlotSet
from sqlalchemy.exc import SQLAlchemyError

from actions.forms import is_fresh_answer, message_of, repeat_question, slot_events
from bot.database import default_engine
from bot.municipality import municipality
from bot.triage.dialogue import asked_in_between, ends_or_pauses
from bot.triage.model import Outcome
from bot.wijkteams import (
    UNKNOWN,
    WijkteamDirectory,
    parse_postcode,
    read_postcode_answer,
    wijkteam_answer,
)

logger = logging.getLogger(__name__)

FORM = "wijkteam_form"
DIRECTORY = WijkteamDirectory(default_engine())


class ValidateWijkteamForm(Action):
    def name(self) -> Text:
        return "validate_wijkteam_form"

    async def run(self, dispatcher, tracker, domain):
        postcode = tracker.get_slot("postcode")
        if not is_fresh_answer(tracker, FORM):
            # Started by "welk wijkteam hoort bij 1234 AB?": that postcode counts, also over an older one.
            postcode = parse_postcode(message_of(tracker).text) or postcode
            return [SlotSet("postcode", postcode), SlotSet("requested_slot", None if postcode else "postcode")]
        message = message_of(tracker)
        attempts = int(tracker.get_slot("postcode_attempts") or 0)
        answer, ask_again = read_postcode_answer(message.text, attempts)
        if message.crisis or (answer in (None, UNKNOWN) and (ends_or_pauses(message) or asked_in_between(message))):
            return []
        if ask_again:
            dispatcher.utter_message(response="utter_postcode_not_understood")
            return [SlotSet("postcode_attempts", attempts + 1), *repeat_question("postcode")]
        return [SlotSet("postcode", answer), SlotSet("postcode_attempts", 0), SlotSet("requested_slot", None)]


class ActionWijkteam(Action):
    """The team for the postcode, or the general number. After a maatwerk estimate, the summary."""

    def name(self) -> Text:
        return "action_wijkteam"

    async def run(self, dispatcher, tracker, domain):
        postcode = tracker.get_slot("postcode")
        known = postcode if postcode and postcode != UNKNOWN else None
        try:
            team = DIRECTORY.for_postcode(known) if known else None
        except SQLAlchemyError:
            logger.exception("wijkteam lookup failed")
            dispatcher.utter_message(response="utter_catalogue_unavailable")
            return []
        dispatcher.utter_message(text=wijkteam_answer(team, known, municipality()))
        updates = {"wijkteam": team.name if team else None, "postcode": known}
        events = slot_events(updates)
        after_maatwerk = tracker.get_slot("triage_outcome") == Outcome.maatwerk_mogelijk.value
        if after_maatwerk and tracker.get_slot("intake_consent") is None:
            events.append(ActiveLoop("intake_form"))
        return events
