"""Channel secrets come from the environment only, never from a file in the repository."""

import logging
import os
from collections.abc import Iterable

from bot.privacy.pseudonym import Pseudonyms

logger = logging.getLogger(__name__)


def from_environment(channel: str, required: Iterable[str], optional: dict[str, str]) -> dict[str, str] | None:
    """The variables, or None when a required one is missing: the channel then stays switched off."""
    required = tuple(required)
    values = {name: os.environ.get(name, "") for name in required}
    if not all(values.values()):
        logger.warning("%s is off: set %s to switch it on", channel, ", ".join(required))
        return None
    return {**values, **{name: os.environ.get(name) or default for name, default in optional.items()}}


def pseudonyms(settings: dict[str, str], prefix: str) -> Pseudonyms:
    """A messaging channel's conversation ids, from WMO_PSEUDONYM_KEY (and the previous key while it is
    rotated), never from the channel's own secrets: rotating those keeps every conversation."""
    return Pseudonyms(settings["WMO_PSEUDONYM_KEY"], prefix, settings["WMO_PSEUDONYM_KEY_PREVIOUS"] or None)
