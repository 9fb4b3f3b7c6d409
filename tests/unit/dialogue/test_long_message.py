"""A message far longer than a question gets a kind request to write it shorter, with the help lines
first when its start signals danger."""

from bot.crisis import crisis_detector, crisis_help
from bot.dialogue.long_message import MAX_MESSAGE_CHARACTERS, long_message_replies, too_long
from bot.municipality import municipality


def replies_to(text: str) -> list[str]:
    return long_message_replies(text, crisis_detector(), crisis_help(), municipality())


def test_a_long_story_still_counts_as_a_message() -> None:
    story = "Mijn moeder woont alleen en kan niet meer goed lopen. " * 70
    assert len(story) <= MAX_MESSAGE_CHARACTERS and not too_long(story)


def test_a_paste_of_a_whole_document_is_too_long() -> None:
    replies = replies_to("Ik wil een scootmobiel aanvragen. " * 5_000)
    assert len(replies) == 1
    assert replies[0].startswith("Uw bericht is te lang voor mij: ik kan berichten tot 4.000 tekens lezen.")


def test_danger_at_the_start_of_a_long_message_gets_the_help_lines_first() -> None:
    replies = replies_to("Ik wil niet meer leven. " + "Het gaat al maanden slecht. " * 5_000)
    assert len(replies) == 3
    assert "113" in replies[0] and "te lang" in replies[-1]
