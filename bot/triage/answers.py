"""How a typed answer to a closed question is read: yes, no, "weet ik niet", or one of the question's
own options, with the scope of a negation.

The general grammar of Dutch answers lives here (ja, nee, niet, geen, "weet ik niet"); each
question's own words come from content/triage/questions.yml. A negated word never picks its option:
"geen indicatie" is no indicatie, "niet alleen" is not "alleen". When the words contradict each other
or say nothing clear, the answer is unsure (None), and the check asks again with its buttons.

How a message is read, clause by clause (split at punctuation, "maar" and "want"):
- the question's words are found first, longest first; a phrase may have a negation inside it
  ("woon niet alleen" is a negated "woon alleen"), and a long word may end a compound
  ("heupoperatie") or carry one typo;
- then the grammar: unsure phrases, yes and no words, and free negations. A negation denies the
  first word after it ("geen indicatie en geen toezicht"), or the last before it when none follows
  ("indicatie heb ik niet"); two on one word affirm it ("niet dat ik geen indicatie heb"). In a
  clause without words, negations make the clause a "no";
- the last clause that affirms an option decides (what follows "maar" corrects what came before),
  unless a later clause denies that option; within it the longest word, and a tie between two
  options is unsure; with no affirmed option, a denied word may mean another ("geen indicatie": nee);
- an option that contradicts a plain yes or no is unsure, unless "wel" stresses it
  ("nee, maar wel dag en nacht toezicht").
"""

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import product

from bot.dutch import normalise


class Plain(str, Enum):
    """The plain answers every closed question understands."""

    ja = "ja"
    nee = "nee"
    weet_niet = "weet_niet"


NEGATIONS = frozenset({"niet", "geen", "nooit", "niemand", "niets", "niks", "nergens", "neit", "nie", "gene"})
YES_WORDS = (
    "ja",
    "jaa",
    "jah",
    "jaja",
    "jawel",
    "jazeker",
    "ja zeker",
    "zeker",
    "zeker weten",
    "klopt",
    "inderdaad",
    "natuurlijk",
    "uiteraard",
    "absoluut",
    "correct",
    "yes",
    "yess",
    "jep",
    "jup",
    "yep",
    "ok",
    "oke",
    "okay",
    "denk het wel",
    "denk van wel",
    "geloof het wel",
    "geloof van wel",
    "geen probleem",
)
NO_WORDS = ("nee", "neej", "neen", "ne", "neh", "nah", "nop", "nope", "no", "welnee", "nein", "denk van niet")
# Words a clause may put between "weet" and "niet": "weet ik echt niet", "weet het eigenlijk niet".
_WEET_SUBJECTS = ("", "ik", "het", "ik het", "ik dat", "ik nu")
_WEET_FILLERS = ("", "echt", "eigenlijk", "nu", "ook", "helemaal", "zo", "nog", "eerlijk gezegd", "nou")
UNSURE_WORDS = (
    *(
        " ".join(part for part in ("weet", subject, filler, negation) if part)
        for subject, filler, negation in product(_WEET_SUBJECTS, _WEET_FILLERS, ("niet", "nie", "neit"))
    ),
    "weet ik veel",
    "geen idee",
    "geen flauw idee",
    "geen benul",
    "geen flauw benul",
    "niet zeker",
    "niet helemaal zeker",
    "weet het niet zeker",
    "geen zekerheid",
    "onzeker",
    "misschien",
    "wellicht",
    "soms",
    "twijfel",
    "ik twijfel",
    "onbekend",
    "kan zijn",
    "zou kunnen",
    "hangt ervan af",
    "hangt er van af",
    "hangt er vanaf",
    "moeilijk te zeggen",
    "lastig te zeggen",
    "goede vraag",
    "dunno",
    "idk",
)
STRESS = "wel"  # "nee, maar wel ...": what follows is meant, whatever the plain answer said
GRAMMAR = frozenset({*NEGATIONS, *YES_WORDS, *NO_WORDS, *UNSURE_WORDS, STRESS})

_EMOJI = {"👍": " ja ", "👌": " ja ", "✅": " ja ", "✔": " ja ", "👎": " nee ", "❌": " nee ", "🤷": " geen idee "}
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\n/]+|\b(?:maar|want)\b")
_TOKEN = re.compile(r"[a-z0-9+]+")
_STRETCHED = re.compile(r"([a-z])\1{2,}")  # "neeee", "jaaaa"
TYPO_LENGTH = 7  # a word this long may carry one typo ("indicatie" typed "indicattie")
COMPOUND_LENGTH = 6  # a word this long may end a compound ("heupoperatie")
_UNSURE = "?"  # the option code of a question's own unsure words


def tokens(text: str) -> tuple[str, ...]:
    """A word or phrase as the reader compares it: normalised, hyphens and apostrophes as spaces."""
    return tuple(_TOKEN.findall(_STRETCHED.sub(r"\1\1", normalise(text))))


def _clauses(text: str) -> list[tuple[str, ...]]:
    for emoji, word in _EMOJI.items():
        text = text.replace(emoji, word)
    plain = unicodedata.normalize("NFKC", text)
    return [found for part in _CLAUSE_BREAK.split(normalise(plain)) if (found := tokens(part))]


def _one_typo(typed: str, word: str) -> bool:
    """One letter wrong, missing, extra, or two letters swapped."""
    if abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        wrong = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(wrong) == 2 and wrong[1] == wrong[0] + 1:
            first, second = wrong
            return typed[first] == word[second] and typed[second] == word[first]
        return len(wrong) == 1
    short, long = sorted((typed, word), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _same(typed: str, word: str, alone: bool) -> bool:
    if typed == word:
        return True
    if len(word) >= TYPO_LENGTH and len(typed) >= TYPO_LENGTH and _one_typo(typed, word):
        return True
    return alone and len(word) >= COMPOUND_LENGTH and typed.endswith(word) and len(typed) - len(word) >= 3


@dataclass(frozen=True)
class _Hit:
    option: str
    start: int
    end: int  # exclusive
    length: int  # characters of the vocabulary word: the longer, the more specific
    negated_inside: bool = False
    denied: bool = False


def _match(clause: Sequence[str], word: Sequence[str], start: int) -> tuple[int, bool] | None:
    """(end, a negation inside) when the word's tokens follow from start, one negation allowed
    between two of them."""
    at, inside = start, False
    for index, part in enumerate(word):
        if at < len(clause) and index and clause[at] in NEGATIONS and not inside and clause[at] != part:
            at, inside = at + 1, True
        if at >= len(clause) or not _same(clause[at], part, alone=len(word) == 1):
            return None
        at += 1
    return at, inside


def _hits(clause: Sequence[str], words: Iterable[tuple[tuple[str, ...], str]]) -> list[_Hit]:
    """Non-overlapping occurrences of the words, the longest taken first, in the clause's order."""
    found = [
        _Hit(option, start, end, len(" ".join(word)), inside)
        for word, option in words
        for start in range(len(clause))
        if (matched := _match(clause, word, start)) is not None
        for end, inside in [matched]
    ]
    taken: set[int] = set()
    kept: list[_Hit] = []
    for hit in sorted(found, key=lambda hit: (-hit.length, hit.start)):
        span = set(range(hit.start, hit.end))
        if not span & taken:
            taken |= span
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit.start)


_GRAMMAR_WORDS = (
    *((tokens(word), "unsure") for word in UNSURE_WORDS),
    *((tokens(word), "yes") for word in YES_WORDS),
    *((tokens(word), "no") for word in NO_WORDS),
)


@dataclass(frozen=True)
class _Clause:
    hits: list[_Hit]
    answer: Plain | None  # what the clause says as a plain answer, None if nothing or both
    conflict: bool  # both a yes and a no
    stressed: bool  # "wel": the clause's words are meant
    said: bool  # the answer is a word (ja, nee, klopt), not only a negation ("dat heb ik niet")

    def affirmed(self) -> list[_Hit]:
        return [hit for hit in self.hits if not hit.denied]

    def denied(self) -> list[_Hit]:
        return [hit for hit in self.hits if hit.denied]


def _deny(hits: list[_Hit], negations: Iterable[int]) -> list[_Hit]:
    """The hits with the negations at these positions applied: each denies the first word after it,
    or else the last word before it."""
    count = [int(hit.negated_inside) for hit in hits]
    for at in negations:
        after = [index for index, hit in enumerate(hits) if hit.start > at]
        before = [index for index, hit in enumerate(hits) if hit.end <= at]
        if after or before:
            count[after[0] if after else before[-1]] += 1
    return [replace(hit, denied=times % 2 == 1) for hit, times in zip(hits, count, strict=True)]


def _read_clause(clause: tuple[str, ...], words: Sequence[tuple[tuple[str, ...], str]]) -> _Clause:
    hits = _hits(clause, words)
    used = {index for hit in hits for index in range(hit.start, hit.end)}
    grammar = _hits(tuple("" if index in used else token for index, token in enumerate(clause)), _GRAMMAR_WORDS)
    used |= {index for hit in grammar for index in range(hit.start, hit.end)}
    free = {index: token for index, token in enumerate(clause) if index not in used}
    negations = [index for index, token in free.items() if token in NEGATIONS]
    hits = _deny(hits, negations)
    kinds = {hit.option for hit in grammar}
    stressed = STRESS in free.values()
    if "unsure" in kinds:
        return _Clause(hits, Plain.weet_niet, False, stressed, True)
    yes, no = "yes" in kinds, "no" in kinds
    said = yes or no
    if not hits and len(negations) % 2:  # "zeker niet", "dat heb ik niet"; a "nee" stays a no ("nee, niet echt")
        yes, no = False, True
    elif not hits and not no and (negations or stressed):  # "niet dat ik geen ...", "wel": a yes
        yes = True
    answer = Plain.ja if yes and not no else Plain.nee if no and not yes else None
    return _Clause(hits, answer, yes and no, stressed, said)


class Reader:
    """One question's words for reading a typed answer (from questions.yml)."""

    def __init__(
        self,
        words: Mapping[str, Sequence[str]],
        means: Mapping[str, Plain],
        negated: Mapping[str, str],
        unsure_words: Sequence[str] = (),
    ) -> None:
        """words: option code -> its words; means: option code -> the plain answer it is ("Ja,
        Wlz-indicatie" is a ja); negated: option -> what a denied word of it means ("geen
        indicatie": nee); unsure_words: words that make this question's answer unsure."""
        pairs = [(tokens(word), option) for option, option_words in words.items() for word in option_words]
        pairs += [(tokens(word), _UNSURE) for word in unsure_words]
        self._words = tuple((word, option) for word, option in pairs if word)
        self._means = dict(means)
        self._negated = dict(negated)

    def plain(self, answer: Plain) -> str | None:
        """The option a plain answer picks: None when several or none mean it."""
        options = [option for option, means in self._means.items() if means is answer]
        return options[0] if len(options) == 1 else None

    def read(self, text: str) -> str | None:
        """The option the typed text picks, or None when the answer is unclear or contradictory."""
        clauses = [_read_clause(clause, self._words) for clause in _clauses(text)]
        said = {clause.answer for clause in clauses if clause.answer and clause.said}
        implied = {clause.answer for clause in clauses if clause.answer and not clause.said}
        if Plain.weet_niet in said or any(hit.option == _UNSURE for clause in clauses for hit in clause.hits):
            return self.plain(Plain.weet_niet)
        if any(clause.conflict for clause in clauses) or len(said) > 1:
            return None
        chosen = self._chosen(clauses)
        if chosen is None:  # only a plain answer: "nee hoor", "dat heb ik niet"
            answers = said or implied
            return self.plain(answers.pop()) if len(answers) == 1 else None
        # A negation alone ("werkt niet goed meer, versleten") does not contradict the words; a said
        # "nee" does ("nee, maar dat is niet genoeg"), unless "wel" stresses them.
        option, stressed = chosen
        means = self._means.get(option)
        if said and means and means not in said and not stressed:
            return None
        return option

    def _chosen(self, clauses: Sequence[_Clause]) -> tuple[str, bool] | None:
        """(option, stressed with "wel") the words name. An affirmed word counts unless the same or a
        later clause denies its option ("thuis, maar niet veilig"); of those, the last clause
        decides, by its longest word. With none left, what the denied words mean ("geen indicatie":
        nee)."""
        denied_at = {hit.option: index for index, clause in enumerate(clauses) for hit in clause.denied()}
        for index in reversed(range(len(clauses))):
            hits = [hit for hit in clauses[index].affirmed() if denied_at.get(hit.option, -1) < index]
            if hits:
                longest = max(hit.length for hit in hits)
                options = {hit.option for hit in hits if hit.length == longest}
                return (options.pop(), clauses[index].stressed) if len(options) == 1 else None
        meant = {self._negated.get(option) for option in denied_at}
        option = meant.pop() if len(meant) == 1 else None
        return (option, False) if option else None
