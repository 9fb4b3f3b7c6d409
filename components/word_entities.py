"""The base of the extractors that tag an entity from a content file's own words (catalogue,
glossary): they read only the message text, so any spaCy model (or none) finds the same entities."""

from __future__ import annotations

from typing import Protocol

from rasa.engine.graph import GraphComponent
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.catalogue.terms import TermMention


class Matcher(Protocol):
    def find(self, text: str) -> list[TermMention]: ...


class WordEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Tags `ENTITY` with the code of every mention the matcher finds."""

    ENTITY: str

    def __init__(self, matcher: Matcher) -> None:
        self._matcher = matcher

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            found = [
                {
                    ENTITY_ATTRIBUTE_TYPE: self.ENTITY,
                    ENTITY_ATTRIBUTE_VALUE: mention.code,
                    ENTITY_ATTRIBUTE_START: mention.start,
                    ENTITY_ATTRIBUTE_END: mention.end,
                }
                for mention in self._matcher.find(message.get(TEXT) or "")
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(found), add_to_output=True)
        return messages
