"""The check's questions file: every button still reads as its own answer, and a vocabulary that
could not be read right is refused when the content loads."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.content.reader import ContentError, read_yaml
from bot.dialogue.message import Message
from bot.settings import settings
from bot.triage.answers import Plain, Reader
from bot.triage.dialogue import TriageDialogue
from bot.triage.model import ANSWER_TYPES
from bot.triage.needs import Needs
from bot.triage.questions import read_questions
from tests.helpers import write_variant


def test_every_button_reads_as_its_own_answer(dialogue: TriageDialogue) -> None:
    for question in ANSWER_TYPES:
        for title in dialogue.questions.buttons(question):
            code = dialogue.questions.parse(question, title)
            assert code is not None and dialogue.questions.answer_title(question, code) == title, (question, title)


@pytest.mark.parametrize(
    "question, text",
    [
        ("triage_general", "nee, maar dat is niet genoeg"),
        ("triage_housemate", "ik woon niet alleen"),
        ("triage_has_it", "ja"),
        ("triage_wlz", "ja nee"),
    ],
)
def test_an_unclear_or_contradicting_answer_is_asked_again_not_guessed(
    dialogue: TriageDialogue, question: str, text: str
) -> None:
    turn = dialogue.take({}, question, Message(text, "inform", 0.9))
    assert turn.not_understood and not turn.updates


# A vocabulary of its own, so these show the grammar whatever questions.yml says.
WLZ = Reader(
    {"indicatie": ["indicatie", "verpleeghuis"], "zorg": ["toezicht", "dag en nacht"], "nee": [], "onbekend": []},
    {"indicatie": Plain.ja, "zorg": Plain.ja, "nee": Plain.nee, "onbekend": Plain.weet_niet},
    {"indicatie": "nee", "zorg": "nee"},
)


@pytest.mark.parametrize(
    "text, code",
    [
        ("geen indicatie", "nee"),  # a denied word means what its option says it means
        ("indicatie heb ik niet", "nee"),  # a negation after the word, none before
        ("geen indicatie en geen toezicht", "nee"),  # each negation denies its own word
        ("niet dat ik geen indicatie heb", "indicatie"),  # two negations affirm
        ("geen indicatie, wel toezicht", "zorg"),  # a denied option does not cancel another
        ("nee, maar wel toezicht", "zorg"),  # "wel" stresses the words over the "nee"
        ("nee, toezicht", None),  # without it, a "nee" and a yes-option contradict each other
        ("ja", None),  # two options mean ja
        ("nee hoor", "nee"),
        ("dat heb ik niet", "nee"),  # a negation alone is a no
        ("indicattie", "indicatie"),  # one typo in a long word
        ("nachttoezicht", "zorg"),  # the word ends a compound
        ("misschien een indicatie", "onbekend"),  # unsure beats the words
        ("weet ik eigenlijk niet", "onbekend"),
        ("👍 indicatie", "indicatie"),
        ("blauw", None),
    ],
)
def test_the_grammar_of_an_answer(text: str, code: str | None) -> None:
    assert WLZ.read(text) == code


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["triage_wlz"]["options"][0].update(negated="bestaat_niet"), "negated moet een ander"),
        (lambda raw: raw["triage_wlz"]["options"][0].update(negated="indicatie"), "negated moet een ander"),
        (lambda raw: raw["triage_wlz"]["options"][2]["words"].append("geen"), "al taalregel"),
        (lambda raw: raw["triage_wlz"]["options"][2]["words"].append("Weet ik niet"), "al taalregel"),
        (lambda raw: raw["triage_wlz"]["options"][2]["words"].append("CIZ"), "'CIZ' staat bij indicatie en nee"),
        (lambda raw: raw["triage_wlz"]["options"][2].update(means="weet_niet"), "hoogstens een antwoord"),
        (lambda raw: raw["triage_wlz"]["options"][2].update(means="misschien"), "means"),
    ],
)
def test_a_vocabulary_that_cannot_be_read_right_is_refused(
    tmp_path: Path, needs: Needs, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ContentError, match=message):
        read_questions(needs, write_variant(tmp_path, settings().questions_file, change))


def test_the_shipped_questions_have_words_for_every_option_that_is_no_plain_answer() -> None:
    """An option without words and without a plain meaning could only be clicked."""
    for name, spec in read_yaml(settings().questions_file).items():
        for option in spec.get("options", []):
            assert option.get("words") or option.get("means"), (name, option["value"])
