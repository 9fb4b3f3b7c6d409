"""Tags the `term` entity with glossary keys (content/glossary.yml), using the glossary's own words.

Like the provision extractor it reads only the message text. Where a provision is named, no term is
tagged: the provision extractor tags it, so "wat is een traplift?" stays a question about a provision.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from bot.catalogue.loader import read_catalogue
from bot.glossary import read_glossary
from bot.glossary.matcher import GlossaryMatcher
from bot.settings import settings
from components.word_entities import WordEntityExtractor

ENTITY = "term"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class TermEntityExtractor(WordEntityExtractor):
    ENTITY = ENTITY

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"glossary": str(settings().glossary_file), "catalogue": str(settings().catalogue_file)}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TermEntityExtractor:
        catalogue = read_catalogue(config["catalogue"])
        return cls(GlossaryMatcher(read_glossary(config["glossary"], catalogue), catalogue))
