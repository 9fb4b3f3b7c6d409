"""`action_aid_repair`: repair, insurance or return of a provided aid, naming the aid if the resident
did ("Is uw scootmobiel kapot?"). The answer itself is the response utter_aid_repair."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.catalogue import provisions_in_context

# Catalogue codes of aids, as the answer names them; any other provision gets the general answer.
AIDS = {
    "scootmobiel": "uw scootmobiel",
    "rolstoel": "uw rolstoel",
    "hulpmiddelen": "uw hulpmiddel",
    "woningaanpassing": "uw traplift of andere aanpassing in huis",
}
ANY_AID = "uw hulpmiddel"


class ActionAidRepair(Action):
    def name(self) -> str:
        return "action_aid_repair"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        aid = next((AIDS[code] for code in provisions_in_context(tracker) if code in AIDS), ANY_AID)
        dispatcher.utter_message(response="utter_aid_repair", aid=aid)
        return []
