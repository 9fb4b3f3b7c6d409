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
  ("nee, maar wel dag en nacht toezicht") or the yes or no stands next to a denied word it answers
  ("nee, geen indicatie. maar ze kan geen uur alleen zijn"; "ik woon niet alleen, nee");
- a clause that concludes ("dus geen indicatie") decides over the clauses before it;
- "nie" and "neit" are "niet" inside a phrase ("wordt nie meer beter").
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
NO_WORDS = (
    *("nee", "neej", "neen", "ne", "neh", "nah", "nop", "nope", "no", "neu", "nou nee", "nee nee", "welnee", "nein"),
    "denk van niet",
)
# Words a clause may put between "weet" and "niet": "weet ik echt niet", "weten we nog niet".
_WEET_SUBJECTS = ("", "ik", "het", "ik het", "ik dat", "ik nu", "we", "we het", "ze", "ze het", "hij")
_WEET_FILLERS = ("", "echt", "eigenlijk", "nu", "ook", "helemaal", "zo", "nog", "eerlijk gezegd", "nou")
UNSURE_WORDS = (
    *(
        " ".join(part for part in (verb, subject, filler, negation) if part)
        for verb, subject, filler, negation in product(
            ("weet", "weten"), _WEET_SUBJECTS, _WEET_FILLERS, ("niet", "nie", "neit")
        )
    ),
    "hangt van",
    "hangt af van",
    "afhankelijk van",
    "onduidelijk",
    "nog onduidelijk",
    "niet duidelijk",
    "weet niemand",
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
# A clause that asks back instead of answering: "wat is dat?", "hoezo?".
ASKS_BACK = frozenset({"hoezo", "waarom", "pardon"})
ASKS_BACK_WAT = frozenset({"is", "betekent", "bedoelt", "bedoel", "houdt", "zijn"})
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


def _asks_back(clause: Sequence[str]) -> bool:
    return clause[0] in ASKS_BACK or (clause[0] == "wat" and len(clause) > 1 and clause[1] in ASKS_BACK_WAT)


def _answering(clauses: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The clauses that answer: "nee, geen indicatie. wat is dat?" answers no and asks back, and a
    question asked back alone is read as it is ("wat is dat?" to the Wlz question: weet ik niet)."""
    answers = [clause for clause in clauses if not _asks_back(clause)]
    return answers or clauses


def one_typo(typed: str, word: str) -> bool:
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


# Spoken and typed forms of "niet": "da wordt nie meer beter" is "wordt niet meer beter".
_NIET = frozenset({"niet", "nie", "neit"})
# A clause that draws the conclusion: "daar heb ik nooit van gehoord, dus geen indicatie".
_CONCLUDES = frozenset({"dus", "kortom"})


def _same(typed: str, word: str, alone: bool) -> bool:
    if typed == word or (typed in _NIET and word in _NIET):
        return True
    if len(word) >= TYPO_LENGTH and len(typed) >= TYPO_LENGTH and one_typo(typed, word):
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
        if at < len(clause) and index and clause[at] in NEGATIONS and not inside and not _same(clause[at], part, False):
            at, inside = at + 1, True
        if at >= len(clause) or not _same(clause[at], part, alone=len(word) == 1):
            return None
        at += 1
    return at, inside


Word = tuple[tuple[str, ...], str]  # a word's tokens and the option it names


class _Vocabulary:
    """Words by their first token, so that each token of a clause is compared only with the words
    that can start there: the same token, or, for a long token, one with a letter wrong or the end
    of a compound."""

    def __init__(self, words: Iterable[Word]) -> None:
        self._exact: dict[str, list[Word]] = defaultdict(list)
        self._by_length: dict[int, list[Word]] = defaultdict(list)
        for word in words:
            self._exact[word[0][0]].append(word)
            if len(word[0][0]) >= min(TYPO_LENGTH, COMPOUND_LENGTH):
                self._by_length[len(word[0][0])].append(word)

    def starting(self, token: str) -> Iterator[Word]:
        yield from self._exact.get(token, ())
        size = len(token)
        lengths = [*range(COMPOUND_LENGTH, size - 2), *((size - 1, size, size + 1) if size >= TYPO_LENGTH else ())]
        for length in dict.fromkeys(lengths):
            yield from (word for word in self._by_length.get(length, ()) if word[0][0] != token)


def _hits(clause: Sequence[str], vocabulary: _Vocabulary) -> list[_Hit]:
    """Non-overlapping occurrences of the words, the longest taken first, in the clause's order."""
    found = [
        _Hit(option, start, end, len(" ".join(word)), inside)
        for start in range(len(clause))
        for word, option in vocabulary.starting(clause[start])
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


# The grammar's own "options", apart from any question's option codes.
_YES, _NO, _NOT_SURE = "grammar:yes", "grammar:no", "grammar:unsure"
_GRAMMAR_WORDS = (
    *((tokens(word), _NOT_SURE) for word in UNSURE_WORDS),
    *((tokens(word), _YES) for word in YES_WORDS),
    *((tokens(word), _NO) for word in NO_WORDS),
)
_GRAMMAR_KINDS = frozenset({_YES, _NO, _NOT_SURE})


@dataclass(frozen=True)
class _Clause:
    hits: list[_Hit]
    answer: Plain | None  # what the clause says as a plain answer, None if nothing or both
    conflict: bool  # both a yes and a no
    stressed: bool  # "wel": the clause's words are meant
    said: bool  # the answer is a word (ja, nee, klopt), not only a negation ("dat heb ik niet")
    words: tuple[str, ...] = ()

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


def _read_clause(clause: tuple[str, ...], vocabulary: _Vocabulary) -> _Clause:
    # The question's words and the grammar's phrases together, the longest first: "weet ik niet" is
    # unsure though "ik" answers "voor wie?", and "geen idee waar" is the answer "nee" to "veilig?".
    found = _hits(clause, vocabulary)
    hits = [hit for hit in found if hit.option not in _GRAMMAR_KINDS]
    grammar = [hit for hit in found if hit.option in _GRAMMAR_KINDS]
    used = {index for hit in found for index in range(hit.start, hit.end)}
    free = {index: token for index, token in enumerate(clause) if index not in used}
    # "niemand nie", "nooit niet": in spoken Dutch a second negation right after the first stresses it.
    negations = [
        index
        for index, token in free.items()
        if token in NEGATIONS and not (index - 1 in free and free[index - 1] in NEGATIONS)
    ]
    hits = _deny(hits, negations)
    kinds = {hit.option for hit in grammar}
    stressed = STRESS in free.values()
    if _NOT_SURE in kinds:
        return _Clause(hits, Plain.weet_niet, False, stressed, True, clause)
    yes, no = _YES in kinds, _NO in kinds
    said = yes or no
    if not hits and len(negations) % 2:  # "zeker niet", "dat heb ik niet"; a "nee" stays a no ("nee, niet echt")
        yes, no = False, True
    elif not hits and not no and (negations or stressed):  # "niet dat ik geen ...", "wel": a yes
        yes = True
    answer = Plain.ja if yes and not no else Plain.nee if no and not yes else None
    return _Clause(hits, answer, yes and no, stressed, said, clause)


def _echoes_denial(clauses: Sequence[_Clause], option: str) -> bool:
    """Each said yes or no stands next to a denied word of another option, so it answers that word:
    "nee, ze heeft geen indicatie. maar ze kan geen uur alleen zijn" (the no is about the indicatie),
    "ik woon niet alleen, nee" (the no repeats the denial)."""
    said = [index for index, clause in enumerate(clauses) if clause.answer and clause.said]

    def denial_near(index: int) -> bool:
        near = clauses[max(index - 1, 0) : index + 2]
        return any(hit.option != option for clause in near for hit in clause.denied())

    return bool(said) and all(denial_near(index) for index in said)


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
        # The question's words and the grammar's phrases, read together.
        self._vocabulary = _Vocabulary([*((word, option) for word, option in pairs if word), *_GRAMMAR_WORDS])
        self._means = dict(means)
        self._negated = dict(negated)

    def plain(self, answer: Plain) -> str | None:
        """The option a plain answer picks: None when several or none mean it."""
        options = [option for option, means in self._means.items() if means is answer]
        return options[0] if len(options) == 1 else None

    def heard(self, text: str) -> bool:
        """The text answers at all: a word of the question, or a yes, no or "weet ik niet" (read() may
        still find it unclear); an answer in other words ("mijn knieen zijn op") is not heard."""
        clauses = [_read_clause(clause, self._vocabulary) for clause in _answering(_clauses(text))]
        return any(clause.hits or clause.answer for clause in clauses)

    def read(self, text: str) -> str | None:
        """The option the typed text picks, or None when the answer is unclear or contradictory."""
        clauses = [_read_clause(clause, self._vocabulary) for clause in _answering(_clauses(text))]
        said = {clause.answer for clause in clauses if clause.answer and clause.said}
        implied = {clause.answer for clause in clauses if clause.answer and not clause.said}
        unsure = [
            clause.answer is Plain.weet_niet or any(h.option == _UNSURE for h in clause.hits) for clause in clauses
        ]
        if any(unsure):
            # "dat weten we nog niet, ze revalideert nog": the one option the sure clauses name says it.
            sure = {
                hit.option
                for clause, doubt in zip(clauses, unsure, strict=True)
                if not doubt
                for hit in clause.affirmed()
            }
            return sure.pop() if len(sure) == 1 else self.plain(Plain.weet_niet)
        if any(clause.conflict for clause in clauses) or len(said) > 1:
            return None
        # "..., dus geen indicatie": the conclusion decides what the words before it leave open.
        concluded = [index for index, clause in enumerate(clauses) if clause.hits and clause.words[0] in _CONCLUDES]
        chosen = self._chosen(clauses[concluded[-1] :] if concluded else clauses)
        if chosen is None:  # only a plain answer: "nee hoor", "dat heb ik niet"
            answers = said or implied
            return self.plain(answers.pop()) if len(answers) == 1 else None
        # A negation alone ("werkt niet goed meer, versleten") does not contradict the words; a said
        # "nee" does ("nee, maar dat is niet genoeg"), unless "wel" stresses them.
        option, stressed = chosen
        means = self._means.get(option)
        if said and means and means not in said and not stressed and not _echoes_denial(clauses, option):
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
