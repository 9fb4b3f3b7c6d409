"""Tags the `provision` entity with catalogue codes, using the catalogue's own terms.

It reads only the message text, so it works with any spaCy model (or none): swapping the
pipeline's language model never changes which provisions are recognised.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from bot.catalogue.loader import read_catalogue
from bot.catalogue.terms import ProvisionMatcher
from bot.settings import settings
from components.word_entities import WordEntityExtractor

ENTITY = "provision"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ProvisionEntityExtractor(WordEntityExtractor):
    ENTITY = ENTITY

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"catalogue": str(settings().catalogue_file)}

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ProvisionEntityExtractor:
        return cls(ProvisionMatcher.from_catalogue(read_catalogue(config["catalogue"])))
