"""The triage's questions (content/triage/questions.yml): their Dutch text, their buttons, and how a
clicked or typed answer becomes an answer code.

A button sends its own title, so clicking and typing take the same road: a title is its option, any
other text is read by the question's own words and the grammar of bot/triage/answers.py.
"""

import re
import string
from collections.abc import Sequence
from pathlib import Path

from pydantic import ConstrainedStr, Field

from bot.content.model import StrictModel
from bot.content.reader import ContentError, parse, read_yaml
from bot.dutch import normalise
from bot.messaging.limits import BUTTON_TITLE
from bot.triage.answers import GRAMMAR, Plain, Reader, tokens
from bot.triage.model import ANSWER_TYPES, Age, Duration, Question
from bot.triage.needs import OTHER, Needs
from bot.triage.statements import SHORT_MONTHS, months_named

PLACEHOLDERS = {"wie", "algemeen"}

# "jonger dan 18" names the limit, not an age: questions.yml's words read it.
_AGE_LIMIT = re.compile(
    r"\b(jonger dan|onder de|minder dan|ouder dan|boven de|nog geen|nog niet|geen) 18\b|\b18 (jaar )?of ouder\b|\b18\+"
)
_AGE_NUMBER = re.compile(
    r"^(\d{1,3})\b|\b(\d{1,3})$|\b(\d{1,3}) ?(jaar|jr)\b|\b(?:is|ben|wordt|word|van|pas|al) (\d{1,3})\b"
)


class AnswerCode(ConstrainedStr):
    min_length = 2


class OptionTitle(ConstrainedStr):
    min_length = 2
    max_length = BUTTON_TITLE


class AnswerWord(ConstrainedStr):
    """Matched after normalising, so case and accents do not matter; a negation before or inside it
    ("geen indicatie", "woon niet alleen") denies it."""

    strip_whitespace = True
    min_length = 2


class QuestionLabel(ConstrainedStr):
    min_length = 3


class QuestionText(ConstrainedStr):
    min_length = 5


class Option(StrictModel):
    value: AnswerCode
    title: OptionTitle
    means: Plain | None = None  # the plain answer this option is: a typed "ja" picks the one ja
    words: list[AnswerWord] = Field(default_factory=list)
    negated: AnswerCode | None = None  # what a denied word of this option means


class QuestionSpec(StrictModel):
    label: QuestionLabel
    text: QuestionText
    options: list[Option] = Field(default_factory=list)
    unsure_words: list[AnswerWord] = Field(default_factory=list)  # words that make the answer unsure

    def reader(self) -> Reader:
        return Reader(
            {option.value: option.words for option in self.options},
            {option.value: option.means for option in self.options if option.means},
            {option.value: option.negated for option in self.options if option.negated},
            self.unsure_words,
        )


def _check_words(name: str, spec: QuestionSpec) -> None:
    """Each word belongs to one option and is no bare grammar ("nee" and "geen" are read for every
    question); a denied word means another option of the same question."""
    values = [option.value for option in spec.options]
    for option in spec.options:
        if option.negated is not None and (option.negated not in values or option.negated == option.value):
            raise ContentError(f"questions.yml: {name}: {option.value}: negated moet een ander antwoord zijn")
    owners: dict[tuple[str, ...], str] = {}
    words = [(word, option.value) for option in spec.options for word in option.words]
    for word, owner in [*words, *((word, "unsure_words") for word in spec.unsure_words)]:
        key = tokens(word)
        if " ".join(key) in GRAMMAR:
            raise ContentError(f"questions.yml: {name}: '{word}' is al taalregel, geen woord van de vraag")
        if owners.setdefault(key, owner) != owner:
            raise ContentError(f"questions.yml: {name}: '{word}' staat bij {owners[key]} en {owner}")
    if sum(option.means is Plain.weet_niet for option in spec.options) > 1:
        raise ContentError(f"questions.yml: {name}: hoogstens een antwoord betekent weet_niet")


class Questions:
    def __init__(self, specs: dict[str, QuestionSpec], needs: Needs) -> None:
        known = {question.value for question in Question}
        if set(specs) != known:
            wrong = sorted(known ^ set(specs))
            raise ContentError(f"questions.yml: vragen moeten precies {sorted(known)} zijn; verschil: {wrong}")
        for question, kind in ANSWER_TYPES.items():
            values = [option.value for option in specs[question.value].options]
            if sorted(values) != sorted(member.value for member in kind):
                wanted = [member.value for member in kind]
                raise ContentError(f"questions.yml: {question.value}: antwoorden moeten {wanted} zijn, niet {values}")
        for name, spec in specs.items():
            _check_words(name, spec)
            fields = {field for _, field, _, _ in string.Formatter().parse(spec.text) if field}
            if fields - PLACEHOLDERS:
                raise ContentError(f"questions.yml: {name}: onbekende invulplek {sorted(fields - PLACEHOLDERS)}")
        if len(needs[OTHER].label) > BUTTON_TITLE:
            raise ContentError(f"needs.yml: het label van '{OTHER}' is langer dan {BUTTON_TITLE} tekens")
        self._specs = {Question(name): spec for name, spec in specs.items()}
        self._needs = needs
        self._readers = {question: spec.reader() for question, spec in self._specs.items()}

    def text(self, question: Question, who: str, general: Sequence[str] = ()) -> str:
        algemeen = self._needs.names(general) if general else ""
        return self._specs[question].text.format(wie=who, algemeen=algemeen)

    def option_words(self, question: Question, value: str) -> list[str]:
        """The words of one option ("ziekte", "wond", "operatie" for a medical cause)."""
        return [word for option in self._specs[question].options if option.value == value for word in option.words]

    def label(self, question: Question) -> str:
        return self._specs[question].label

    def answer_title(self, question: Question, value: str) -> str:
        """How an answer code reads in a summary: the button title, or the need's label."""
        if question is Question.need:
            return self._needs[value].label
        titles: dict[str, str] = {option.value: option.title for option in self._specs[question].options}
        return titles.get(value, value)

    def _need_menu(self, question: Question) -> list[tuple[str, str]]:
        """(title, need code) of the need buttons; picking again also offers "Iets anders"."""
        menu = self._needs.menu(with_other=question is Question.need)
        return [(need.button or need.label, need.code) for need in menu]

    def buttons(self, question: Question) -> list[str]:
        if question in (Question.need_text, Question.need):
            return [title for title, _ in self._need_menu(question)]
        return [option.title for option in self._specs[question].options]

    def heard(self, question: Question, text: str) -> bool:
        """The typed text answers the closed question in its own words or a plain yes or no, clear or not."""
        return self._readers[question].heard(text) or normalise(text).strip(" .!?") in {
            normalise(option.title) for option in self._specs[question].options
        }

    def parse(self, question: Question, text: str, named_provisions: Sequence[str] = ()) -> str | None:
        """The answer code for a closed question or the need menu, or None if it is unclear."""
        plain = normalise(text).strip(" .!?")
        if question in (Question.need_text, Question.need):
            titles = {normalise(title): code for title, code in self._need_menu(Question.need)}
            return titles.get(plain) or self._needs.match(text, named_provisions)
        titles = {normalise(option.title): option.value for option in self._specs[question].options}
        if plain in titles:
            return titles[plain]
        read = self._readers[question].read(text)
        if question is Question.age and not _AGE_LIMIT.search(plain):
            age = _age(plain)
            if age:  # an age and a yes or no that say otherwise ("nee, 16") are unclear
                return age.value if read in (None, age.value) else None
        if read is None and question is Question.duration:
            months = months_named(plain)
            if months is not None:
                return (Duration.kort if months < SHORT_MONTHS else Duration.lang).value
        return read


def _age(plain: str) -> Age | None:
    match = _AGE_NUMBER.search(plain)
    return age_for(int(next(group for group in match.groups() if group and group.isdigit()))) if match else None


def age_for(years: int) -> Age | None:
    """Under 18 or not; None for a number no person's age can be."""
    if years > 120:
        return None
    return Age.jonger if years < 18 else Age.ouder


def read_questions(needs: Needs, path: Path) -> Questions:
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise ContentError(f"{path}: verwacht een vraag per naam (triage_subject, ...)")
    return Questions({name: parse(QuestionSpec, spec, f"{path}, {name}") for name, spec in raw.items()}, needs)
