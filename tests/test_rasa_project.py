"""Rasa's own checks on the project: data validation and the conversation tests."""
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot import settings

ROOT = settings.ROOT
# Responses that only Rasa's default actions send, which Rasa's validator cannot see.
SENT_BY_RASA = {"utter_default", "utter_ask_rephrase", "utter_restart"}


def rasa(*args, timeout=900):
    return subprocess.run([str(Path(sys.executable).parent / "rasa"), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def test_rasa_data_validate_passes_and_only_warns_about_responses_sent_by_actions():
    result = rasa("data", "validate", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    unused = set(re.findall(r"The utterance '(\w+)' is not used in any story or rule", output))
    actions_code = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "actions").glob("*.py"))
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    asked_by_forms = {f"utter_ask_{slot}" for form in domain["forms"].values() for slot in form["required_slots"]}
    unexplained = {u for u in unused - SENT_BY_RASA - asked_by_forms if f'"{u}"' not in actions_code}
    assert not unexplained
    other_warnings = [
        line for line in output.splitlines()
        if "UserWarning" in line and "is not used in any story or rule" not in line
    ]
    assert not other_warnings


@pytest.mark.model
def test_conversation_stories_pass_without_prediction_errors(model_path, tmp_path):
    """--e2e makes Rasa parse each user text; without it the story's own intent label is trusted."""
    result = rasa(
        "test", "core", "--e2e", "--model", str(model_path), "--stories", "tests/conversations",
        "--fail-on-prediction-errors", "--out", str(tmp_path),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    stories = re.search(r"Correct:\s+(\d+) / (\d+)", output)
    assert stories and stories.group(1) == stories.group(2) and int(stories.group(2)) >= 21


def test_every_component_that_can_take_a_random_seed_has_a_fixed_one():
    """Training is repeatable: DIET, TED and any seedable component added later must set a seed."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    seedable = [
        step for step in config["pipeline"] + config["policies"]
        if "." not in step["name"]
        and "random_seed" in DefaultV1Recipe._from_registry(step["name"]).clazz.get_default_config()
    ]
    assert {step["name"] for step in seedable} >= {"DIETClassifier", "TEDPolicy"}
    assert all(isinstance(step.get("random_seed"), int) for step in seedable)
