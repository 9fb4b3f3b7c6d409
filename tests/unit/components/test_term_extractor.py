"""The term extractor tags glossary keys with their place in the message, and never a provision."""

from typing import Any

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.term_extractor import TermEntityExtractor


def entities(text: str) -> list[dict[str, Any]]:
    extractor = TermEntityExtractor.create(TermEntityExtractor.get_default_config(), None, None, None)
    (message,) = extractor.process([Message(data={TEXT: text})])
    found: list[dict[str, Any]] = message.get(ENTITIES)
    return found


def test_a_term_is_tagged_with_its_key_and_place() -> None:
    (entity,) = entities("Wat betekent mijn Wmo-beschikking?")
    assert (entity["entity"], entity["value"], entity["start"], entity["end"]) == ("term", "beschikking", 18, 33)
    assert entity["extractor"] == "TermEntityExtractor"


def test_a_provision_is_no_term() -> None:
    assert entities("Wat is een traplift?") == []
