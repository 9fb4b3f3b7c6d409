"""Which of the municipality's other services (content/municipality.yml) an out-of-scope message is
about, by meaning, for the messages whose words name none: a linear probe on e5 embeddings
(bot/semantics/probe), trained on the out_of_scope examples, each labelled with the service its words
reach (or "" for chatter such as "vertel een mop").

It tags the `service` entity with the service's name; action_out_of_scope takes the words first and this
suggestion second (Municipality.other_service). A suggestion below `min_share` is left out: a kind
general decline is better than the wrong desk. The threshold comes from 5-fold cross-validation on the
training examples (docs/measurements.md).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    INTENT_NAME_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.municipality import municipality
from bot.semantics.embedder import EmbedderUnavailableError
from bot.semantics.probe import LinearProbe
from bot.settings import settings
from components.embedding import message_embedding, training_embeddings
from components.stored_component import StoredComponent, file_fingerprint

INTENT_NAME = "out_of_scope"
ENTITY = "service"
CHATTER = ""
_FILE = "service_probe.npz"
logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ServiceRouter(StoredComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"min_share": 0.5, "regularisation": 64.0, "random_seed": 20261123}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        # Its labels are the desks the words of municipality.yml give the examples.
        return file_fingerprint(settings().municipality_file)

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, model_storage, resource)
        self._probe: LinearProbe | None = None

    def train(self, training_data: TrainingData) -> Resource:
        place = municipality()
        examples = [m for m in training_data.intent_examples if m.get(INTENT) == INTENT_NAME and m.get(TEXT)]
        labels = [(s.name if (s := place.other_service(m.get(TEXT))) else CHATTER) for m in examples]
        self._probe = LinearProbe.fit(
            training_embeddings(examples), labels, self._config["regularisation"], self._config["random_seed"]
        )
        return self.persist()

    def save(self, directory: Path) -> None:
        if self._probe is not None:
            self._probe.save(directory / _FILE)

    def restore(self, directory: Path) -> None:
        self._probe = LinearProbe.load(directory / _FILE)

    def process(self, messages: list[Message]) -> list[Message]:
        place = municipality()
        for message in messages:
            text = message.get(TEXT) or ""
            if self._probe is None or (message.get(INTENT) or {}).get(INTENT_NAME_KEY) != INTENT_NAME:
                continue
            if place.other_service(text) is not None:  # the words decide
                continue
            try:
                service, share = self._probe.best(message_embedding(message))
            except EmbedderUnavailableError:
                logger.exception("service router unavailable; the words alone route")
                continue
            if service == CHATTER or share < self._config["min_share"]:
                continue
            found = {
                ENTITY_ATTRIBUTE_TYPE: ENTITY,
                ENTITY_ATTRIBUTE_VALUE: service,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(text),
            }
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name([found]), add_to_output=True)
        return messages
