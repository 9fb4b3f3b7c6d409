"""Answers as residents type them, read into the check's answer codes as the check reads them (the
question's own words, else what the words say outright, as an opening would: "mijn knieen zijn op"):
the table in typed_answers.yml. A denied word never picks its option ("geen indicatie" is no
indicatie); an answer that is unclear or contradicts itself is asked again, with the buttons,
instead of guessed."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.dialogue.message import Message
from bot.triage.answers import NEGATIONS, tokens
from bot.triage.dialogue import TriageDialogue
from bot.triage.model import ANSWER_TYPES, Question

TABLE = Path(__file__).with_name("typed_answers.yml")
AGAIN = "opnieuw"  # the table's code for "asked again with the buttons"
MIN_ROWS = 300
MIN_PER_QUESTION = 20
MIN_NEGATIONS = 3


def _rows() -> list[tuple[str, str, str]]:
    raw = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    return [
        (question, str(text), code)
        for question, codes in raw.items()
        for code, texts in codes.items()
        for text in texts
    ]


ROWS = _rows()


def counts() -> Counter[str]:
    """Rows per question: in the test names, and printed by tests/unit/triage/conftest.py."""
    return Counter(question for question, _, _ in ROWS)


QUESTIONS = pytest.mark.parametrize(
    "question", list(ANSWER_TYPES), ids=[f"{q.value}: {counts()[q.value]} rows" for q in ANSWER_TYPES]
)


@pytest.mark.parametrize("question, text, expected", ROWS, ids=[f"{q}: {t}" for q, t, _ in ROWS])
def test_a_typed_answer_is_read_right(dialogue: TriageDialogue, question: str, text: str, expected: str) -> None:
    turn = dialogue.take({}, question, Message(text, "inform", 0.9))
    read = None if turn.not_understood or turn.reject else turn.updates.get(question)
    assert read == (None if expected == AGAIN else expected), f"{text!r} read as {read}"


def test_the_table_has_enough_rows() -> None:
    assert len(ROWS) >= MIN_ROWS


@QUESTIONS
def test_the_table_has_every_answer_of_the_question_and_an_unclear_one(question: Question) -> None:
    codes = {code for q, _, code in ROWS if q == question.value}
    assert counts()[question.value] >= MIN_PER_QUESTION
    assert {member.value for member in ANSWER_TYPES[question]} | {AGAIN} <= codes


@QUESTIONS
def test_the_table_has_negations_that_must_not_pick_their_word(question: Question) -> None:
    """ "geen", "niet", "nooit"... in at least a few of the question's answers."""
    denied = [text for q, text, _ in ROWS if q == question.value and NEGATIONS & set(tokens(text))]
    assert len(denied) >= MIN_NEGATIONS
