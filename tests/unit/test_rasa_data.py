"""Rasa's own checks on the project that need no trained model: data validation and fixed seeds."""

import re

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain

from bot.settings import ROOT
from tests.helpers import rasa

# Responses that only Rasa's default actions send, which Rasa's validator cannot see.
SENT_BY_RASA = {"utter_default", "utter_ask_rephrase", "utter_restart"}


def test_rasa_data_validate_passes_and_only_warns_about_responses_sent_by_actions() -> None:
    result = rasa("data", "validate", "--domain", "domain", "--fail-on-warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    unused = set(re.findall(r"The utterance '(\w+)' is not used in any story or rule", output))
    actions_code = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "actions").glob("*.py"))
    domain = Domain.load(str(ROOT / "domain"))
    asked_by_forms = {
        f"utter_ask_{slot}" for form in domain.form_names for slot in domain.required_slots_for_form(form)
    }
    unexplained = {u for u in unused - SENT_BY_RASA - asked_by_forms if f'"{u}"' not in actions_code}
    assert not unexplained
    other_warnings = [
        line for line in output.splitlines() if "UserWarning" in line and "is not used in any story or rule" not in line
    ]
    assert not other_warnings


def test_every_component_that_can_take_a_random_seed_has_a_fixed_one() -> None:
    """Training is repeatable: DIET, TED and any seedable component added later must set a seed."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    seedable = [
        step
        for step in config["pipeline"] + config["policies"]
        if "." not in step["name"]
        and "random_seed" in DefaultV1Recipe._from_registry(step["name"]).clazz.get_default_config()
    ]
    assert {step["name"] for step in seedable} >= {"DIETClassifier", "TEDPolicy"}
    assert all(isinstance(step.get("random_seed"), int) for step in seedable)
