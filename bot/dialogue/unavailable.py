"""What the resident hears when a part of the assistant does not answer (the action server, the
conversation store, the lock store): that the fault is ours, to try again soon, and the
municipality's number; the help lines first when the message signals danger. Never "I do not
understand you", which would put the fault with the resident."""

from bot.crisis import CrisisDetector, CrisisHelp
from bot.municipality import Municipality

APOLOGY = (
    "Sorry, er gaat bij ons iets mis. Daardoor kan ik u nu niet goed helpen. "
    "Probeer het over een paar minuten opnieuw, of bel de gemeente: {phone} ({hours})."
)
URGENT = " Is het dringend? Bel {phone} ({hours})."


def apology(place: Municipality) -> str:
    """One bubble: the apology, the municipality's number and, when it has its own, the urgent number."""
    text = APOLOGY.format(phone=place.phone, hours=place.opening_hours)
    if place.urgent_phone != place.phone:
        text += URGENT.format(phone=place.urgent_phone, hours=place.urgent_hours)
    return text


def failed_turn_replies(text: str, detector: CrisisDetector, help_lines: CrisisHelp, place: Municipality) -> list[str]:
    """The answer when the assistant could not handle a message at all: the help lines first when
    it signals danger, then the apology (at most three bubbles)."""
    kinds = detector.detect(text)
    replies = [help_lines.first_lines(), help_lines.follow_up(kinds, place)] if kinds else []
    return [*replies, apology(place)]
