"""A yes or no to a consent question, typed or clicked; a message with signs of acute need is none."""

import pytest

from bot.crisis import CrisisKind
from bot.dialogue.consent import read_consent
from bot.dialogue.message import Message


@pytest.mark.parametrize(
    "text, intent, consent",
    [
        ("Ja, delen", "inform", True),
        ("ja graag", "affirm", True),
        ("Nee, niet delen", "inform", False),
        ("liever niet", "deny", False),
        ("hmm", "nlu_fallback", None),
    ],
)
def test_consent_is_read_from_the_answer(text: str, intent: str, consent: bool | None) -> None:
    assert read_consent(Message(text, intent, 0.9)) is consent


def test_a_message_with_signs_of_acute_need_is_no_consent() -> None:
    assert read_consent(Message("ja, maar ik wil dood", "crisis", 0.9, crisis=(CrisisKind.zelfdoding,))) is None
