"""A huge message reaches the NLU pipeline cut to a question's length; ordinary ones untouched."""

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from components.message_cap import MAX_CHARACTERS, MessageCap, capped


def test_an_ordinary_question_is_untouched() -> None:
    question = "Kan mijn moeder een traplift krijgen? " * 20
    assert capped(question) == question


def test_a_huge_message_is_cut_on_a_word_boundary() -> None:
    text = "Ik wil een scootmobiel aanvragen. " * 5_000
    cut = capped(text)
    assert len(cut) <= MAX_CHARACTERS
    assert text.startswith(cut) and text[len(cut)] == " "


def test_one_long_word_is_cut_too() -> None:
    assert capped("a" * 100_000) == "a" * MAX_CHARACTERS


def test_the_component_cuts_what_later_components_read() -> None:
    message = Message(data={TEXT: "traplift " * 50_000})
    MessageCap().process([message])
    assert len(message.get(TEXT)) <= MAX_CHARACTERS and message.get(TEXT).startswith("traplift traplift")
