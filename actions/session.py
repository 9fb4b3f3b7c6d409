"""Every session starts with the municipality's own details in the slots that responses use.

After an hour of silence Rasa starts a new session, which ends any form, also the staff chat form
while its handoff stays open: the assistant would answer the resident again and staff replies would
land in a conversation nobody follows. While the conversation's chat handoff is open, the new
session starts with the staff chat form running again. (A session that simply went on would not
help: Rasa's in-memory and Redis stores cut a conversation at every action_session_start.)
"""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.names import REQUESTED_SLOT, STAFF_CHAT_DONE, STAFF_CHAT_FORM
from actions.services import services
from bot.dialogue.session import session_slots
from bot.municipality import municipality

logger = logging.getLogger(__name__)


def staff_have_it(tracker: Tracker) -> bool:
    """The staff chat form runs and its handoff is still open in the staff console."""
    if (tracker.active_loop or {}).get("name") != STAFF_CHAT_FORM:
        return False
    try:
        return services().handoffs.open_chat(tracker.sender_id) is not None
    except SQLAlchemyError:
        logger.exception("looking up the open handoff failed; a new session starts")
        return False


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        slots = session_slots(tracker.current_slot_values(), municipality())
        with_staff: list[EventType] = (
            [ActiveLoop(STAFF_CHAT_FORM), SlotSet(REQUESTED_SLOT, STAFF_CHAT_DONE)] if staff_have_it(tracker) else []
        )
        return [
            SessionStarted(),
            *(SlotSet(name, value) for name, value in slots.items()),
            *with_staff,
            ActionExecuted("action_listen"),
        ]
