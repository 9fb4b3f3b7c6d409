"""'Verwijder mijn gesprek': the resident's conversation is deleted. This action removes the
handoffs and intake summaries; the tracker store (stores/redacting_tracker_store.py) sees this
action and deletes the stored conversation itself."""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.services import services

logger = logging.getLogger(__name__)


class ActionDeleteConversation(Action):
    def name(self) -> str:
        return "action_delete_conversation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        try:
            services().handoffs.forget_conversation(tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("deleting a conversation's records failed")
            dispatcher.utter_message(response="utter_conversation_not_deleted")
            return []
        dispatcher.utter_message(response="utter_conversation_deleted")
        return [Restarted()]
