"""Urgent help first, wherever in the conversation a sign of acute need shows. Rasa has already sent
the national help lines (utter_crisis_help); this adds the municipality's lines and the way back."""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import message_of
from bot.crisis import crisis_help
from bot.municipality import municipality

logger = logging.getLogger(__name__)


class ActionCrisis(Action):
    def name(self) -> str:
        return "action_crisis"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kinds = message_of(tracker).crisis
        dispatcher.utter_message(text=crisis_help().follow_up(kinds, municipality()))
        logger.info("crisis help given for %s", ",".join(kind.value for kind in kinds) or "a crisis intent")
        return []
