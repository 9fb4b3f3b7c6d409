"""'Verwijder mijn gesprek': the resident's conversation is deleted. This action removes the
handoffs and intake summaries; the tracker store (stores/redacting_tracker_store.py) sees this
action and deletes the stored conversation itself."""
import logging
from typing import Text

from rasa_sdk import Action
from rasa_sdk.events import Restarted
from sqlalchemy.exc import SQLAlchemyError

from actions.handoff import HANDOFFS

logger = logging.getLogger(__name__)


class ActionDeleteConversation(Action):
    def name(self) -> Text:
        return "action_delete_conversation"

    async def run(self, dispatcher, tracker, domain):
        try:
            HANDOFFS.forget_conversation(tracker.sender_id)
        except SQLAlchemyError:
            logger.exception("deleting a conversation's records failed")
            dispatcher.utter_message(response="utter_conversation_not_deleted")
            return []
        dispatcher.utter_message(response="utter_conversation_deleted")
        return [Restarted()]
