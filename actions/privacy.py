"""'Verwijder mijn gesprek': the resident's conversation is deleted. This action removes the
handoffs and intake summaries; the tracker store (stores/redacting_tracker_store.py) sees this
action and deletes the stored conversation itself. The answer says what remains elsewhere, which
depends on the channel: the channels give WhatsApp Cloud API senders `wa-` and Twilio senders `tw-`."""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, Restarted
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.services import services

logger = logging.getLogger(__name__)


def copies_response(sender_id: str) -> str:
    """The response naming the copies of the conversation outside the municipality."""
    if sender_id.startswith("wa-"):
        return "utter_copies_whatsapp_cloud"
    if sender_id.startswith("tw-"):
        return "utter_copies_twilio"
    return "utter_copies_website"


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
        dispatcher.utter_message(response=copies_response(tracker.sender_id))
        return [Restarted()]
