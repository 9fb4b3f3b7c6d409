"""When the assistant is unsure what the resident means: the two best guesses as Dutch buttons."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.fallback import best_guesses


class ActionDefaultAskAffirmation(Action):
    """Replaces Rasa's English "Did you mean" with the two best guesses as Dutch buttons."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if not (tracker.latest_message.get("text") or "").strip():
            dispatcher.utter_message(response="utter_empty_message")
            return []
        ranking = tracker.latest_message.get("intent_ranking") or []
        buttons = [{"title": label, "payload": f"/{intent}"} for intent, label in best_guesses(ranking)]
        dispatcher.utter_message(
            text="Ik weet niet zeker wat u bedoelt. Gaat uw vraag over een van deze onderwerpen?",
            buttons=[*buttons, {"title": "Iets anders", "payload": "/out_of_scope"}],
        )
        return []
