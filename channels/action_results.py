"""Checks each action server answer against Rasa's schema with one validator per process.

Rasa 3.6 checks every answer with jsonschema's `validate`, which first checks the schema itself
against its meta-schema and builds a new validator: 22.7 ms a call on this machine against
3.3 ms for a validator built once (`benchmarks/action_results.py`), and a turn makes two or three
calls. The check of the answer is the same; an answer that fails it goes through Rasa's own check,
so the resident and the log see what Rasa would show.
"""

from typing import Any

from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction

_rasa_check = RemoteAction._validate_action_result
_SCHEMA = RemoteAction.action_response_format_spec()
_VALIDATOR = validators.validator_for(_SCHEMA)(_SCHEMA)


def _check(action: RemoteAction, result: dict[str, Any]) -> bool:
    if best_match(_VALIDATOR.iter_errors(result)) is None:
        return True
    return bool(_rasa_check(action, result))


def check_with_one_validator() -> None:
    """From now on, this process checks action server answers with one validator."""
    RemoteAction._validate_action_result = _check
