"""What every session starts with, whether the action server starts it or, when it does not
answer, the Rasa server itself (channels/action_stand_in.py)."""

from collections.abc import Mapping
from typing import Any

from bot.municipality import Municipality


def session_slots(current: Mapping[str, Any], place: Municipality) -> dict[str, Any]:
    """Every slot already set, carried over, and the municipality's details fresh from its file,
    for the responses that name them ({gemeente_telefoon})."""
    return {**{name: value for name, value in current.items() if value is not None}, **place.as_slots()}
