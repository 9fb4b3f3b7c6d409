"""A message far longer than any question: answered at once, kindly, without reading it all.

Every later step (NLU, the conversation store's redaction, the action server) costs time in
proportion to the text, on a server other residents share. A message over `MAX_MESSAGE_CHARACTERS`
(WhatsApp's own limit is 4,096) is therefore not passed on: the resident is asked to write it
shorter. Its start is still read for signs of danger, so the help lines never wait on a rewrite.
"""

from bot.crisis import CrisisDetector, CrisisHelp
from bot.municipality import Municipality

MAX_MESSAGE_CHARACTERS = 4000

TOO_LONG = (
    "Uw bericht is te lang voor mij: ik kan berichten tot {limit} tekens lezen. "
    "Wilt u uw vraag in een paar zinnen stellen?"
)


def too_long(text: str) -> bool:
    return len(text) > MAX_MESSAGE_CHARACTERS


def long_message_replies(text: str, detector: CrisisDetector, help_lines: CrisisHelp, place: Municipality) -> list[str]:
    """The answer to a message that is too long: the help lines first when its start signals danger."""
    danger = help_lines.replies(detector.detect(text[:MAX_MESSAGE_CHARACTERS]), place)
    return [*danger, TOO_LONG.format(limit=f"{MAX_MESSAGE_CHARACTERS:,}".replace(",", "."))]
