"""Intent accuracy and provision tagging on the held-out set (tests/nlu/heldout.yml)."""
import asyncio
import json
from collections import Counter

import pytest
from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data

from bot import settings

pytestmark = pytest.mark.model
MIN_ACCURACY = 0.85
HELDOUT = settings.ROOT / "tests" / "nlu" / "heldout.yml"


@pytest.fixture(scope="module")
def predictions(model_path):
    agent = Agent.load(str(model_path))
    examples = load_data(str(HELDOUT)).intent_examples

    async def parse_all():
        return [await agent.parse_message(example.get("text")) for example in examples]

    return list(zip(examples, asyncio.run(parse_all()), strict=True))


def test_no_heldout_example_is_in_the_training_data(predictions):
    training = {e.get("text").lower() for e in load_data(str(settings.DATA_DIR / "nlu")).intent_examples}
    assert not [e.get("text") for e, _ in predictions if e.get("text").lower() in training]


def test_intent_accuracy_on_the_heldout_set(predictions):
    wrong = [
        (example.get("intent"), parsed["intent"]["name"], example.get("text"))
        for example, parsed in predictions
        if parsed["intent"]["name"] != example.get("intent")
    ]
    accuracy = 1 - len(wrong) / len(predictions)
    per_intent = Counter(example.get("intent") for example, _ in predictions)
    report = {"examples": len(predictions), "accuracy": round(accuracy, 4), "errors": wrong, "per_intent": per_intent}
    (settings.ROOT / "results").mkdir(exist_ok=True)
    (settings.ROOT / "results" / "heldout.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nheld-out intent accuracy: {accuracy:.3f} on {len(predictions)} examples")
    assert accuracy >= MIN_ACCURACY, wrong


def test_every_heldout_provision_is_tagged_with_its_catalogue_code_and_nothing_else(predictions):
    def codes(entities):
        return sorted(e["value"] for e in entities if e["entity"] == "provision")

    mismatches = [
        (example.get("text"), codes(example.get("entities", [])), codes(parsed["entities"]))
        for example, parsed in predictions
        if codes(example.get("entities", [])) != codes(parsed["entities"])
    ]
    assert not mismatches
