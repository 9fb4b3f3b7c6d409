"""`action_define_term`: "Wat betekent X?" answered from the glossary (bot/glossary). A provision
named instead gets the provision's own answer; an unknown word a kind offer to ask it differently."""

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.catalogue import CatalogueAnswer, follow_up_buttons, named_provisions, utter_provision_info
from actions.names import PROVISION
from bot.glossary import glossary
from bot.glossary.answers import definition
from bot.glossary.matcher import linked_keys

TERM = "term"
MAX_TERMS_PER_ANSWER = 2


def named_terms(tracker: Tracker) -> list[str]:
    """Glossary keys the term extractor tagged in the latest message, in order."""
    entities = (tracker.latest_message or {}).get("entities") or []
    return list(dict.fromkeys(e["value"] for e in entities if e.get("entity") == TERM))


class ActionDefineTerm(CatalogueAnswer, Action):
    def name(self) -> str:
        return "action_define_term"

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        terms = glossary()
        keys = named_terms(tracker)
        if not keys:
            # "Wat is een mantelzorger?" names a provision; its own word may still have a definition.
            text = (tracker.latest_message or {}).get("text") or ""
            keys = [key for code in named_provisions(tracker) for key in linked_keys(terms, text, code)]
        entries = [entry for entry in (terms.entry(key) for key in keys[:MAX_TERMS_PER_ANSWER]) if entry]
        if entries:
            for entry in entries:
                dispatcher.utter_message(text=definition(entry))
            return []
        found = self.provisions(named_provisions(tracker))
        if found:
            utter_provision_info(dispatcher, found, follow_up_buttons(found))
            return [SlotSet(PROVISION, found[0].code)]
        dispatcher.utter_message(response="utter_define_term_unknown")
        return []
