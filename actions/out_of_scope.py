"""Other municipal services: say kindly that this is not Wmo and point to the right page."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.catalogue import answered_about_item, answered_about_provision
from bot.municipality import municipality


class ActionOutOfScope(Action):
    def name(self) -> str:
        return "action_out_of_scope"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        place = municipality()
        text = tracker.latest_message.get("text") or ""
        # No desk's word, but a provision ("leren lezen": the Taalhuis) or a thing the Wmo may pay for
        # ("een rookmelder met flitslicht"): the words win over the classifier's "not Wmo".
        named = place.service_named(text)
        if named is None:
            provision = answered_about_provision(dispatcher, tracker)
            if provision is not None:
                return provision
            if answered_about_item(dispatcher, tracker):
                return []
        service = named or place.service_called(next(tracker.get_latest_entity_values("service"), None))
        if service is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        dispatcher.utter_message(
            text=f"Vragen over {service.name} horen niet bij de Wmo, dus daar kan ik u niet mee helpen. "
            f"U vindt het antwoord op {service.url}. Of bel {place.phone} ({place.opening_hours})."
        )
        return []
