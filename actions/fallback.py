"""When the assistant is unsure what the resident means: if a provision was named, the questions
about it as buttons; otherwise the two best guesses. Never a bare "I don't know"."""

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.forms import message_of
from actions.services import services
from bot.dialogue.fallback import best_guesses, provision_questions

logger = logging.getLogger(__name__)
SOMETHING_ELSE = {"title": "Iets anders", "payload": "/out_of_scope"}


class ActionDefaultAskAffirmation(Action):
    """Replaces Rasa's English "Did you mean" with Dutch buttons."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not (tracker.latest_message.get("text") or "").strip():
            dispatcher.utter_message(response="utter_empty_message")
            return []
        ranking = tracker.latest_message.get("intent_ranking") or []
        named = message_of(tracker).provisions
        try:
            provision = services().catalogue.provision(named[0]) if named else None
        except SQLAlchemyError:
            logger.exception("catalogue query failed in the fallback")
            provision = None
        if provision is not None:
            payload = f'{{"provision":"{provision.code}"}}'
            dispatcher.utter_message(
                text=f"Wat wilt u weten over {provision.name.lower()}?",
                buttons=[
                    *(
                        {"title": label, "payload": f"/{intent}{payload}"}
                        for intent, label in provision_questions(ranking)
                    ),
                    SOMETHING_ELSE,
                ],
            )
            return []
        buttons = [{"title": label, "payload": f"/{intent}"} for intent, label in best_guesses(ranking)]
        dispatcher.utter_message(
            text="Ik weet niet zeker wat u bedoelt. Gaat uw vraag over een van deze onderwerpen?",
            buttons=[*buttons, SOMETHING_ELSE],
        )
        return []
