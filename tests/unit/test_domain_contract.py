"""The contract between the domain (domain/, merged as Rasa merges it), the training data and the
code: names the code relies on exist in the domain, and every form can be left."""

from typing import Any

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.loading import load_data
from rasa_sdk.executor import ActionExecutor

import actions
import actions.names as names
from actions.handoff import STILL_ANSWERED
from bot.catalogue.loader import read_catalogue
from bot.crisis import crisis_help
from bot.dialogue.interruptions import CONTROL_INTENTS, QUESTION_INTENTS
from bot.settings import ROOT, settings
from bot.triage.model import Question
from scripts.merge_domain import merged_domain
from stores.redacting_tracker_store import FORGET_ACTION

DOMAIN = Domain.load(str(ROOT / "domain"))
# Forms whose validation hands a control intent back to the rules (bot/dialogue/interruptions.py).
# In the handoff form "ik wil een medewerker" is a yes; staff chat hands back only what staff cannot answer.
HANDED_BACK = {
    names.TRIAGE_FORM: CONTROL_INTENTS - {"go_back"},
    names.WIJKTEAM_FORM: CONTROL_INTENTS - {"go_back"},
    names.INTAKE_FORM: CONTROL_INTENTS - {"go_back"},
    names.HANDOFF_FORM: CONTROL_INTENTS - {"go_back", "request_human"},
    names.STAFF_CHAT_FORM: STILL_ANSWERED | {"crisis"},
}


def rules() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted((ROOT / "data" / "rules").glob("*.yml")):
        found += yaml.safe_load(path.read_text(encoding="utf-8")).get("rules", [])
    return found


def loop_condition(rule: dict[str, Any]) -> str | None:
    return next((c["active_loop"] for c in rule.get("condition", []) if "active_loop" in c), None)


def implemented_actions() -> set[str]:
    """The actions the action server registers, found as rasa_sdk finds them."""
    executor = ActionExecutor()
    executor.register_package(actions)
    return set(executor.actions)


def test_the_provision_slot_takes_exactly_the_catalogue_codes() -> None:
    values = DOMAIN.as_dict()["slots"]["provision"]["values"]
    codes = [provision.code for provision in read_catalogue(settings().catalogue_file).provisions]
    assert sorted(values) == sorted(codes)


def test_the_merged_domain_has_exactly_the_intents_of_the_nlu_data() -> None:
    assert set(DOMAIN.as_dict()["intents"]) == load_data(str(ROOT / "data" / "nlu")).intents


@pytest.mark.parametrize("form", sorted(HANDED_BACK))
def test_every_form_has_a_rule_for_each_message_it_hands_back(form: str) -> None:
    handled = {rule["steps"][0].get("intent") for rule in rules() if loop_condition(rule) == form}
    assert form in DOMAIN.form_names
    assert HANDED_BACK[form] <= handled, f"{form} has no rule for {sorted(HANDED_BACK[form] - handled)}"


def test_going_back_has_a_rule_inside_the_check_and_outside_any_form() -> None:
    going_back = [rule for rule in rules() if rule["steps"][0].get("intent") == "go_back"]
    assert {loop_condition(rule) for rule in going_back} == {names.TRIAGE_FORM, None}


def test_every_intent_the_forms_treat_as_an_interruption_exists() -> None:
    used: set[str] = set(CONTROL_INTENTS) | set(QUESTION_INTENTS) | STILL_ANSWERED
    assert used <= set(DOMAIN.intents)


def test_each_question_of_the_check_has_its_slot_and_ask_action() -> None:
    required = DOMAIN.required_slots_for_form(names.TRIAGE_FORM)
    implemented = implemented_actions()
    for question in Question:
        assert question.value in {slot.name for slot in DOMAIN.slots}
        assert question.value in required
        assert f"action_ask_{question.value}" in DOMAIN.user_actions
        assert f"action_ask_{question.value}" in implemented


def test_the_slots_and_forms_the_actions_name_exist() -> None:
    slots = {slot.name for slot in DOMAIN.slots}
    constants = {value for key, value in vars(names).items() if key.isupper() and isinstance(value, str)}
    assert constants - {names.REQUESTED_SLOT} <= slots | set(DOMAIN.form_names)
    assert set(names.FORMS) == set(DOMAIN.form_names)


def test_every_custom_action_in_the_domain_is_implemented_and_every_implementation_is_declared() -> None:
    implemented = implemented_actions()
    declared = {name for name in DOMAIN.user_actions if not name.startswith("utter_")}
    assert declared - {"action_session_start", "action_default_ask_affirmation"} <= implemented
    assert implemented - set(DOMAIN.form_names) <= declared


def test_the_action_the_tracker_store_forgets_on_exists() -> None:
    assert FORGET_ACTION in DOMAIN.user_actions and FORGET_ACTION in implemented_actions()


def test_the_domain_s_crisis_help_is_the_crisis_file_s_national_lines() -> None:
    (response,) = DOMAIN.responses["utter_crisis_help"]
    assert response["text"] == crisis_help().first_lines()


def test_every_crisis_rule_gives_the_help_lines_before_the_action() -> None:
    steps = [[step.get("action") for step in rule["steps"]] for rule in rules()]
    with_action = [actions_ for actions_ in steps if "action_crisis" in actions_]
    assert with_action and all(
        actions_[actions_.index("action_crisis") - 1] == "utter_crisis_help" for actions_ in with_action
    )


def test_domain_yml_is_the_merge_of_the_domain_folder() -> None:
    assert Domain.load(str(ROOT / "domain.yml")).as_dict() == merged_domain().as_dict(), (
        "run python scripts/merge_domain.py"
    )
