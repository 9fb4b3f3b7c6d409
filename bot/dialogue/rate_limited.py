"""The answer to a message over the rate limits (bot/rate_limits): a resident is told, kindly and
once a minute, to wait a little; a message that signals danger gets the help lines all the same,
every time, because a limit must never stand between a resident and 113 or 112."""

from bot.crisis import CrisisDetector, CrisisHelp
from bot.dialogue.long_message import MAX_MESSAGE_CHARACTERS
from bot.municipality import Municipality

BUSY = (
    "Ik krijg nu te veel berichten kort na elkaar, van u of van het netwerk waarop u zit. "
    "Wacht u een paar minuten en stuur uw vraag dan opnieuw. "
    "Wilt u liever iemand spreken? Bel de gemeente op {phone} ({opening_hours})."
)


def rate_limited_replies(
    text: str, tell: bool, detector: CrisisDetector, help_lines: CrisisHelp, place: Municipality
) -> list[str]:
    """Help lines when the message signals danger; the request to wait when `tell` (once a minute)."""
    danger = help_lines.replies(detector.detect(text[:MAX_MESSAGE_CHARACTERS]), place)
    busy = [BUSY.format(phone=place.phone, opening_hours=place.opening_hours)] if tell else []
    return [*danger, *busy]
