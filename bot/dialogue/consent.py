"""A yes or no to a consent question (share the summary, talk to staff), typed or clicked."""

import re

from bot.dialogue.interruptions import SURE
from bot.dialogue.message import Message
from bot.dutch import normalise

_NO = re.compile(r"^(nee|neen|liever niet|niet delen|niet|hoeft niet|laat maar)\b")
_YES = re.compile(r"^(ja|jawel|graag|goed|prima|oke|ok|akkoord|delen|dat mag|mag)\b")


def read_consent(message: Message) -> bool | None:
    """Yes or no; None when the answer is not clearly one of them, and for a message with signs of
    acute need, which is never an answer ("ja, ik wil dood")."""
    if message.crisis:
        return None
    plain = normalise(message.text).strip(" .!?")
    if _NO.match(plain) or (message.intent == "deny" and message.confidence >= SURE):
        return False
    if _YES.match(plain) or (message.intent == "affirm" and message.confidence >= SURE):
        return True
    return None
