"""Intent accuracy and provision tagging on the held-out set (tests/nlu/heldout.yml)."""

import asyncio
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.settings import ROOT

MIN_ACCURACY = 0.85
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
Predictions = list[tuple[Message, dict[str, Any]]]  # each held-out example, and what the model parsed


@pytest.fixture(scope="module")
def predictions(agent: Agent) -> Predictions:
    examples = load_data(str(HELDOUT)).intent_examples

    async def parse_all() -> list[dict[str, Any]]:
        return [await agent.parse_message(example.get("text")) for example in examples]

    return list(zip(examples, asyncio.run(parse_all()), strict=True))


def test_no_heldout_example_is_in_the_training_data(predictions: Predictions) -> None:
    training = {e.get("text").lower() for e in load_data(str((ROOT / "data") / "nlu")).intent_examples}
    assert not [e.get("text") for e, _ in predictions if e.get("text").lower() in training]


def test_intent_accuracy_on_the_heldout_set(predictions: Predictions) -> None:
    wrong = [
        (example.get("intent"), parsed["intent"]["name"], example.get("text"))
        for example, parsed in predictions
        if parsed["intent"]["name"] != example.get("intent")
    ]
    accuracy = 1 - len(wrong) / len(predictions)
    per_intent = Counter(example.get("intent") for example, _ in predictions)
    report = {"examples": len(predictions), "accuracy": round(accuracy, 4), "errors": wrong, "per_intent": per_intent}
    (ROOT / "results").mkdir(exist_ok=True)
    (ROOT / "results" / "heldout.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nheld-out intent accuracy: {accuracy:.3f} on {len(predictions)} examples")
    assert accuracy >= MIN_ACCURACY, wrong


def test_every_heldout_provision_is_tagged_with_its_catalogue_code_and_nothing_else(predictions: Predictions) -> None:
    def codes(entities: Iterable[Mapping[str, Any]]) -> list[str]:
        return sorted(e["value"] for e in entities if e["entity"] == "provision")

    mismatches = [
        (example.get("text"), codes(example.get("entities", [])), codes(parsed["entities"]))
        for example, parsed in predictions
        if codes(example.get("entities", [])) != codes(parsed["entities"])
    ]
    assert not mismatches
