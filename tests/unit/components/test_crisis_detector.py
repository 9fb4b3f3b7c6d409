"""The crisis detector in Rasa's NLU pipeline: a sign of acute need wins over any intent and over the
fallback, as config.yml chains them after DIET. Trained here on a small set of real sentences, so the
probe on sentence embeddings is the one the pipeline trains."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.semantics import embedder
from bot.settings import settings
from components.crisis_detector import CrisisSignalDetector
from tests.unit.components.stored import trained_and_loaded
from tests.unit.semantics.test_probe import DANGER, ORDINARY


@pytest.fixture(scope="module")
def detector(tmp_path_factory: pytest.TempPathFactory) -> CrisisSignalDetector:
    examples = [Message(data={"text": t, "intent": "crisis"}) for t in DANGER] + [
        Message(data={"text": t, "intent": "provision_info"}) for t in ORDINARY
    ]
    return trained_and_loaded(CrisisSignalDetector, TrainingData(examples), tmp_path_factory.mktemp("model"))


def run_nlu_tail(
    detector: CrisisSignalDetector, text: str, diet_intent: str, confidence: float
) -> tuple[str, list[str]]:
    ranking = [{"name": diet_intent, "confidence": confidence}, {"name": "greet", "confidence": 1 - confidence}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})
    fallback = FallbackClassifier(
        {**FallbackClassifier.get_default_config(), "threshold": 0.45, "ambiguity_threshold": 0.08}
    )
    (message,) = fallback.process(detector.process([message]))
    return message.get("intent")["name"], [e["value"] for e in message.get("entities")]


def test_a_pattern_wins_over_a_confident_classifier_and_the_fallback(detector: CrisisSignalDetector) -> None:
    assert run_nlu_tail(detector, "ik heb geen plek om te slapen vanavond", "provision_info", 0.97) == (
        "crisis",
        ["dakloos"],
    )


def test_an_indirect_phrasing_no_pattern_knows_is_caught_by_its_meaning(detector: CrisisSignalDetector) -> None:
    intent, _ = run_nlu_tail(detector, "alles is zinloos geworden, ik wil er gewoon niet meer zijn", "wmo_explain", 0.9)
    assert intent == "crisis"


def test_without_a_sign_the_classifier_keeps_its_intent(detector: CrisisSignalDetector) -> None:
    assert run_nlu_tail(detector, "wat kost een traplift", "own_contribution", 0.97) == ("own_contribution", [])


def test_a_classifier_crisis_the_meaning_does_not_bear_out_gives_way(detector: CrisisSignalDetector) -> None:
    # The runner-up is weak, so the resident gets the fallback's question instead of the help lines.
    assert run_nlu_tail(detector, "hoe vraag ik een rolstoel aan", "crisis", 0.6)[0] == "nlu_fallback"


def test_with_the_embedder_down_patterns_and_the_classifier_still_alarm(
    detector: CrisisSignalDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    def down(*_: Any) -> Any:
        raise embedder.EmbedderUnavailableError("no engine")

    monkeypatch.setattr("components.embedding.embed", down)
    assert run_nlu_tail(detector, "ik wil dood", "crisis", 0.9)[0] == "crisis"
    assert run_nlu_tail(detector, "ik heb geen plek om te slapen vanavond", "greet", 0.9)[0] == "crisis"
    assert run_nlu_tail(detector, "wat kost een traplift", "own_contribution", 0.97)[0] == "own_contribution"


def test_a_clicked_button_is_not_embedded_but_anything_typed_is(
    detector: CrisisSignalDetector, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded: list[Any] = []

    def counted(texts: Any) -> Any:
        embedded.append(texts)
        return embedder.embed(texts)

    monkeypatch.setattr("components.embedding.embed", counted)
    assert run_nlu_tail(detector, '/inform{"need": "huishouden"}', "inform", 0.99) == ("inform", [])
    assert run_nlu_tail(detector, "/check_eligibility", "check_eligibility", 0.99) == ("check_eligibility", [])
    assert not embedded
    # Words after a slash are the resident's own: the probe reads them.
    assert run_nlu_tail(detector, "/wat kost een traplift", "own_contribution", 0.97)[0] == "own_contribution"
    assert embedded == ["/wat kost een traplift"]


def test_a_changed_signals_file_trains_the_probe_again(tmp_path: Path) -> None:
    """Rasa's cache keys a component by its data and config; the kinds the probe learns come from the
    patterns, so a change there must give a new fingerprint."""
    signals = tmp_path / "crisis.yml"
    signals.write_text(settings().crisis_file.read_text(encoding="utf-8"), encoding="utf-8")
    config = {**CrisisSignalDetector.get_default_config(), "signals": str(signals)}
    before = CrisisSignalDetector.fingerprint_addon(config)
    assert CrisisSignalDetector.fingerprint_addon(config) == before
    signals.write_text(signals.read_text(encoding="utf-8") + "\n# nog een patroon\n", encoding="utf-8")
    assert CrisisSignalDetector.fingerprint_addon(config) != before


def test_the_cache_stand_in_config_gets_the_fingerprint_of_the_shipped_signals() -> None:
    """A cached result is served by a stand-in whose config has none of ours (Rasa passes it to
    fingerprint_addon too): retraining from the cache must not fail on it."""
    shipped = CrisisSignalDetector.fingerprint_addon(CrisisSignalDetector.get_default_config())
    assert CrisisSignalDetector.fingerprint_addon({"output": "cached"}) == shipped


def test_an_untrained_file_is_refused(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(graph_schema=None, model_id="test")
    with pytest.raises(ValueError):
        CrisisSignalDetector.load(CrisisSignalDetector.get_default_config(), storage, Resource("none"), context)
