"""The action server's answers are checked as Rasa checks them, with one validator per process."""

from typing import Any

import jsonschema
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from channels import action_results

GOOD = {
    "events": [
        {"event": "slot", "name": "triage_subject", "value": "moeder", "timestamp": None},
        {"event": "active_loop", "name": None},
    ],
    "responses": [{"text": "Woont uw moeder alleen?", "buttons": [{"title": "Ja", "payload": "/affirm"}]}],
}
BAD = [
    {"events": {"event": "slot"}},
    {"events": [{"event": "slot", "name": 3}]},
    {"events": [], "responses": ["een tekst zonder object"]},
]


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> RemoteAction:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", action_results._rasa_check)
    action_results.check_with_one_validator()
    return RemoteAction("action_triage", None)


def test_a_good_answer_passes_without_checking_the_schema_again(
    checked: RemoteAction, monkeypatch: pytest.MonkeyPatch
) -> None:
    def schema_checked_again(*_: Any, **__: Any) -> None:
        raise AssertionError("jsonschema.validate checks the schema on every call")

    monkeypatch.setattr(jsonschema, "validate", schema_checked_again)
    assert checked._validate_action_result(GOOD)


@pytest.mark.parametrize("answer", BAD)
def test_a_bad_answer_fails_with_rasas_own_message(checked: RemoteAction, answer: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as checked_error:
        checked._validate_action_result(answer)
    with pytest.raises(ValidationError) as rasa_error:
        action_results._rasa_check(checked, answer)
    assert checked_error.value.message == rasa_error.value.message
    assert "Failed to validate Action server response" in checked_error.value.message
