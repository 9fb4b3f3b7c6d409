"""The needs residents ask help for (content/triage/needs.yml), tied to the catalogue's provisions, and
how a resident's own words reach one."""

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ConstrainedStr, Field, root_validator

from bot.catalogue.models import Provision, ProvisionKind
from bot.catalogue.terms import ProvisionMatcher, TermMatcher, TermMention
from bot.content.model import Code, Sentence, StrictModel, Word
from bot.content.reader import ContentError, read_model
from bot.dutch import listing, normalise
from bot.messaging.limits import BUTTON_TITLE, LIST_ROWS
from bot.triage.answers import TYPO_LENGTH, one_typo, tokens
from bot.triage.model import Limitation

OTHER = "anders"
BEGELEIDING = "individuele_begeleiding"
T = TypeVar("T")


class Label(ConstrainedStr):
    """Shown in a summary and, when the need has no button of its own, as a list row."""

    min_length = 3
    max_length = BUTTON_TITLE * 2


class ButtonTitle(ConstrainedStr):
    min_length = 3
    max_length = BUTTON_TITLE


class Need(StrictModel):
    code: Code
    label: Label
    button: ButtonTitle | None = None
    provisions: list[str]
    words: list[Word]
    shelter: bool = False
    medical: bool = False
    recovery_stay: bool = False  # a stay to recover, not at home: eerstelijnsverblijf (Zvw)
    insured_aid: bool = False  # an aid the health insurance provides for good (hulpmiddelenzorg)
    personal_care: bool = False
    aid: bool = False
    youth: bool = False
    has_it: bool = False
    help_now: bool = False
    usual_help: bool = False
    limitation: bool = True
    items: bool = False
    wlz_at_home: bool = False
    wlz_care: list[Word] = Field(default_factory=list)  # words that make it part of the Wlz care itself, also at home
    zvw_care: list[Word] = Field(default_factory=list)  # words that make it care the health insurer provides
    youth_care: list[Word] = Field(default_factory=list)  # words that make it jeugdhulp, whatever the age asked
    weigh_begeleiding: bool = False
    open_to_all: bool = False  # its walk-in help is there for everyone, also without a limitation
    mobility: bool = False  # an aid to get about: in an instelling without behandeling still Wmo
    for_carer: bool = False
    advice: Sentence | None = None


class Item(StrictModel):
    """Something a resident may name. `ordinary`: anyone buys it (algemeen gebruikelijk); if not,
    the estimate says so, since residents are often told otherwise."""

    name: Sentence
    words: list[Word]
    ordinary: bool = True
    source: Sentence | None = None  # a ruling or text about this item itself, cited with it


class Limitations(StrictModel):
    """Words that name what causes the need, so the limitation question is not asked again."""

    lichamelijk: list[Word]
    psychisch: list[Word]
    weigh_begeleiding: list[Word]  # memory, cognitive and psychiatric problems: begeleiding weighed first
    prompting: list[Word]  # personal care that only needs reminding or urging
    brain_injury: list[Word]  # NAH after a stroke: with memory or overview problems, begeleiding weighed
    old_age: int  # from this stated age, old age counts as the cause
    source: Sentence


class NeedsFile(StrictModel):
    needs: list[Need]
    provision_needs: dict[str, str]
    items: list[Item]
    not_items: list[Word]
    items_source: Sentence
    limitations: Limitations

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values: dict[str, Any]) -> dict[str, Any]:
        codes = [need.code for need in values["needs"]]
        if len(set(codes)) != len(codes):
            raise ValueError("een onderwerp (code) staat er meer dan eens in")
        if OTHER not in codes:
            raise ValueError(f"het onderwerp '{OTHER}' ontbreekt")
        unknown = set(values["provision_needs"].values()) - set(codes)
        if unknown:
            raise ValueError(f"provision_needs noemt onbekende onderwerpen: {', '.join(sorted(unknown))}")
        if sum(need.button is not None for need in values["needs"]) > LIST_ROWS - 1:
            raise ValueError(f"hoogstens {LIST_ROWS - 1} knoppen, zodat 'Iets anders' er ook bij past")
        return values


class Needs:
    """The needs, with the catalogue's names and kinds (algemeen or maatwerk) of their provisions."""

    def __init__(self, file: NeedsFile, provisions: Iterable[Provision]) -> None:
        catalogue: dict[str, Provision] = {provision.code: provision for provision in provisions}
        listed = {code for need in file.needs for code in need.provisions} | set(file.provision_needs)
        if listed - set(catalogue):
            unknown = ", ".join(sorted(listed - set(catalogue)))
            raise ContentError(f"needs.yml: onbekende voorziening(en): {unknown}")
        if set(catalogue) - set(file.provision_needs):
            missing = ", ".join(sorted(set(catalogue) - set(file.provision_needs)))
            raise ContentError(f"needs.yml: provision_needs mist voorziening(en) uit de catalogus: {missing}")
        self._file = file
        self._by_code: dict[str, Need] = {need.code: need for need in file.needs}
        self._catalogue = catalogue
        self._words = ProvisionMatcher({word: need.code for need in file.needs for word in need.words}, ())
        self._provision_terms = TermMatcher(
            {term: provision.code for provision in catalogue.values() for term in (provision.name, *provision.terms)},
            (),
        )
        self._terms = {
            code: {normalise(term) for term in (provision.name, *provision.terms)}
            for code, provision in catalogue.items()
        }
        # Words typed with one letter wrong ("schoonmake", "scootmobil"): the needs' and the catalogue's.
        self._near_needs = _Near(
            {
                **{term: file.provision_needs[code] for code, terms in self._terms.items() for term in terms},
                **{normalise(word): need.code for need in file.needs for word in need.words},
            }
        )
        self._items = [(_whole_words(item.words), item) for item in file.items]
        self._not_items = _whole_words(file.not_items)
        self._limitations = [
            (_whole_words(file.limitations.lichamelijk), Limitation.lichamelijk),
            (_whole_words(file.limitations.psychisch), Limitation.psychisch),
        ]
        self._near_limitations = _Near(
            {
                **{normalise(word): Limitation.lichamelijk for word in file.limitations.lichamelijk},
                **{normalise(word): Limitation.psychisch for word in file.limitations.psychisch},
            }
        )
        self._weigh_begeleiding = _whole_words(file.limitations.weigh_begeleiding)
        self._near_begeleiding = _Near({normalise(word): True for word in file.limitations.weigh_begeleiding})
        self._prompting = _whole_words(file.limitations.prompting)
        self._brain_injury = _whole_words(file.limitations.brain_injury)
        self._psychisch = self._limitations[1][0]
        self.old_age = file.limitations.old_age

    def __getitem__(self, code: str) -> Need:
        return self._by_code[code]

    def get(self, code: str) -> Need | None:
        return self._by_code.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def _of_kind(self, need: Need, kind: ProvisionKind) -> tuple[str, ...]:
        return tuple(code for code in need.provisions if self._catalogue[code].kind is kind)

    def algemeen(self, need: Need) -> tuple[str, ...]:
        return self._of_kind(need, ProvisionKind.algemeen)

    def maatwerk(self, need: Need) -> tuple[str, ...]:
        return self._of_kind(need, ProvisionKind.maatwerk)

    def general_among(self, codes: Sequence[str]) -> tuple[str, ...]:
        """The algemene voorzieningen among these catalogue codes."""
        return tuple(
            code for code in codes if code in self._catalogue and self._catalogue[code].kind is ProvisionKind.algemeen
        )

    def name(self, code: str) -> str:
        return self._catalogue[code].name

    def names(self, codes: Sequence[str]) -> str:
        """ "a, b en c" in plain Dutch, lower case after the first."""
        return listing([self.name(code).lower() for code in codes])

    def match(self, text: str, named_provisions: Sequence[str]) -> str | None:
        """The need a message is about: that of the first provision named, else of the resident's
        own words (the longest word wins), else of a word typed with one letter wrong, else None.
        A need's word that is itself a provision's name says more than the provision: the catalogue's
        hulphond names the blindengeleidehond too, which the health insurer provides."""
        # "ik loop met een rollator en kan niet meer met de bus": what is used already is no need (not_items).
        # "Ik ben wijkverpleegkundige en vraag dit voor een cliënt": the speaker's work is no need either.
        plain = normalise(text)
        # A clicked button: the provision, no words (a provision in words that are then blanked is no button).
        if named_provisions and not any(m.code in named_provisions for m in self._provision_terms.find(text)):
            return self._file.provision_needs[named_provisions[0]]
        if len(plain) == len(text):
            blank = lambda found: " " * len(found.group())  # noqa: E731 (keeps the offsets)
            text = _SPEAKER_ROLE.sub(blank, self._not_items.sub(blank, plain))
        mentions = self._words.find(text)
        found = [mention for mention in self._provision_terms.find(text) if mention.code in named_provisions]
        # "de rekening van het CAK voor mijn huishoudelijke hulp": what the resident has already is no need,
        # unless nothing else is named ("mijn scootmobiel is kapot").
        named = [mention for mention in found if not _OWN.search(text, 0, mention.start)] or ([] if mentions else found)
        if named or mentions:
            # In the clause that asks, a provision named outright goes before the words around it.
            asked = asked_for(text, sorted([*named, *mentions], key=lambda mention: mention.start))
            provision = next((m for m in named if m in asked), None)
            if provision is None:
                return self._with_begeleiding(text, [m.code for m in asked])
            need = self._file.provision_needs[provision.code]
            terms = self._terms.get(provision.code, set())
            said = (mention for mention in mentions if mention.code != need)
            return next((m.code for m in said if any(term in normalise(m.text) for term in terms)), need)
        near = self._near_needs(text)
        return near[0] if near else None

    def _with_begeleiding(self, text: str, codes: Sequence[str]) -> str:
        """The first need named, or, when the words name memory, cognitive or psychiatric problems and
        several needs, the first that begeleiding answers: "koken, geld en afspraken lukken hem niet"
        with Down syndrome is one need for begeleiding, not three tasks (art. 1.1.1 "begeleiding")."""
        if len(set(codes)) > 1 and self.weighs_begeleiding(text):
            return next((code for code in codes if BEGELEIDING in self[code].provisions), codes[0])
        return codes[0]

    def provisions_described(self, text: str) -> tuple[str, ...]:
        """The provisions of the need a message describes without naming one ("hij kan niet meer
        goed douchen")."""
        need = self.match(text, ())
        return tuple(self[need].provisions) if need else ()

    def item(self, text: str) -> Item | None:
        """The item the words name ("een e-bike", "een magnetron"); adapted versions
        ("aangepaste fiets", "driewielfiets") are never the ordinary item inside them."""
        plain = self._not_items.sub(" ", normalise(text))
        found = [
            (TermMention(str(index), match.start(), match.end(), match.group()), item)
            for index, (pattern, item) in enumerate(self._items)
            for match in pattern.finditer(plain)
        ]
        # "Ik wil een inloopdouche. Een douchestoel heb ik al.": what the clause that asks names.
        asked = asked_for(plain, sorted((mention for mention, _ in found), key=lambda mention: mention.start))
        named = [item for mention, item in found if mention in asked]
        # "een douchestoel en een traplift": what is not algemeen gebruikelijk is what is asked for.
        return next((item for item in named if not item.ordinary), named[0] if named else None)

    def item_named(self, name: str) -> Item | None:
        return next((item for _, item in self._items if item.name == name), None)

    def limitation(self, text: str) -> Limitation | None:
        """The cause the words name outright, also with one letter wrong ("parkinsson"); psychological
        before physical, as it weighs more."""
        plain = _DENIED.sub(" ", normalise(text))  # "ik heb geen beperking" names none
        found = [kind for pattern, kind in self._limitations if pattern.search(plain)]
        found += self._near_limitations(plain)
        return Limitation.psychisch if Limitation.psychisch in found else (found[0] if found else None)

    def weighs_begeleiding(self, text: str) -> bool:
        """The words name memory, cognitive or psychiatric problems ("dementie", "lvb", "angststoornis"),
        also with a letter wrong ("verstandelijk beperking")."""
        plain = _DENIED.sub(" ", normalise(text))
        # "Na een hersenbloeding overziet hij zijn rekeningen niet meer": hersenletsel with cognitive effects.
        brain_injury = bool(self._brain_injury.search(plain) and self._psychisch.search(plain))
        return bool(self._weigh_begeleiding.search(plain) or self._near_begeleiding(plain) or brain_injury)

    def wlz_care(self, need: Need, text: str | None) -> bool:
        """ "Vervoer naar de dagbesteding": the need is part of the care a Wlz-indicatie gives, also at home."""
        return _says(need.wlz_care, text)

    def zvw_care(self, need: Need, text: str | None) -> bool:
        """ "Drie keer per week naar de nierdialyse": the need is care the health insurer provides."""
        return _says(need.zvw_care, text)

    def youth_care(self, need: Need, text: str | None) -> bool:
        """ "Hulp bij de opvoeding", "in mijn pleeggezin blijven": jeugdhulp, also asked by a parent or at 18."""
        return _says(need.youth_care, text)

    def prompting(self, text: str) -> bool:
        """ "als niemand hem eraan herinnert": care that needs reminding or urging, not nursing."""
        return bool(self._prompting.search(normalise(text)))

    def menu(self, with_other: bool) -> list[Need]:
        """The needs offered as buttons, and "Iets anders" when asked to pick again."""
        shown = [need for need in self._file.needs if need.button]
        return [*shown, self._by_code[OTHER]] if with_other else shown


# The speaker's work, said before the question: "ik ben wijkverpleegkundige", "ik werk bij de thuiszorg".
_ROLES = (
    r"\w*(?:kundige|verpleegster|verzorgende|ondersteuner|begeleider|hulpverlener|consulent|werker|arts|therapeut"
    r"|aanbieder|thuiszorg|zorg|team)\b"
)
# Also "Als wijkverpleegkundige kom ik bij een mevrouw": the role said with what the speaker does.
_SPEAKER_ROLE = re.compile(
    r"\bik (?:ben|werk als|werk bij|werk in|werk voor)(?: een| de| het| hier)? (?:\w+ )?"
    + _ROLES
    + r"|\bals (?:\w+ )?"
    + _ROLES
    + r"(?= (?:kom|ben|werk|zie|help|bezoek|verzorg|verpleeg|begeleid) ik\b)"
)

# A provision the resident has: "mijn huishoudelijke hulp", "haar scootmobiel".
_OWN = re.compile(r"\b(?:mijn|m'n|haar|zijn|onze) $")

# What the resident asks for, rather than what they tell about: "Door mijn knie kan ik niet fietsen.
# Kan ik een scootmobiel lenen?", "De wijkverpleging komt al, maar ik krijg mijn huis niet schoon".
_CLAUSE_END = re.compile(r"[.,;!?]|\bmaar\b(?! ook\b)")
_REQUEST = re.compile(
    r"\b(?:krijgen|krijg|lenen|leen|aanvragen|aanvraag|nodig|wil|wilt|willen|zoek|zoeken|vraag|vragen|graag"
    r"|vergoed|vergoedt|vergoeden|betaalt|betalen|regelen|regelt|in aanmerking)\b"
)


def asked_for(text: str, mentions: Sequence[TermMention]) -> list[TermMention]:
    """The mentions of what the resident asks for, in order: those in a clause that asks (a question,
    "krijgen", "nodig", "wil"), else those after the last "maar", else all."""
    lowered = text.lower()
    bounds = [0, *(found.end() for found in _CLAUSE_END.finditer(lowered)), len(lowered) + 1]
    clauses = list(itertools.pairwise(bounds))

    def clause(mention: TermMention) -> str:
        start, end = next(span for span in clauses if span[0] <= mention.start < span[1])
        return lowered[start:end]

    asking = [m for m in mentions if _REQUEST.search(clause(m)) or clause(m).endswith("?")]
    but = [found.end() for found in _CLAUSE_END.finditer(lowered) if found.group() == "maar"]
    after_but = [m for m in mentions if but and m.start >= but[-1]]
    return asking or after_but or list(mentions)


SPLIT_PART = 4  # "incontinentie materiaal": a compound typed apart, from this many letters in its first part


class _Near(Generic[T]):
    """What a text's words mean when typed with a letter wrong or another ending ("schoonmake",
    "verstandelijk beperking", "vergeetachtiger"): each word of a phrase as written or, from
    TYPO_LENGTH letters on, with one letter wrong or a Dutch ending, so short words are never
    guessed. Phrases are kept by their first word, so a text is compared only with those that can
    start at each of its words."""

    def __init__(self, vocabulary: Mapping[str, T]) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], T]]] = defaultdict(list)
        self._by_length: dict[int, list[tuple[tuple[str, ...], T]]] = defaultdict(list)
        for phrase, meaning in vocabulary.items():
            words = tokens(phrase)
            if words:
                self._exact[words[0]].append((words, meaning))
                if len(words[0]) >= TYPO_LENGTH:
                    self._by_length[len(words[0])].append((words, meaning))

    def __call__(self, text: str) -> list[T]:
        """The meanings in the text's order; a compound typed as two words ("incontinentie materiaal")
        is the one word."""
        typed = tokens(text)
        found = []
        for start, token in enumerate(typed):
            close = self._by_length_near(token) if len(token) >= TYPO_LENGTH else []
            for phrase, meaning in [*self._exact.get(token, ()), *close]:
                said = typed[start : start + len(phrase)]
                if len(said) == len(phrase) and said != phrase and all(map(_close, said, phrase)):
                    found.append(meaning)
                    break
            else:
                joined = "".join(typed[start : start + 2])
                split = [meaning for phrase, meaning in self._exact.get(joined, ()) if phrase == (joined,)]
                if start + 1 < len(typed) and len(typed[start]) >= SPLIT_PART and split:
                    found.append(split[0])
        return found

    def _by_length_near(self, token: str) -> list[tuple[tuple[str, ...], T]]:
        size = len(token)  # a letter more, less or wrong, or up to three letters of an ending
        return [
            entry
            for length in range(size - 3, size + 2)
            for entry in self._by_length.get(length, ())
            if entry[0][0] != token
        ]


# A cause denied: "geen beperking", "zonder ziekte of handicap".
_DENIED = re.compile(r"\b(?:geen|zonder)(?: (?:enkele|echte|lichamelijke|psychische))? \w+(?: (?:of|en) \w+)?")
# Dutch endings a word may carry: "vergeetachtiger", "dementerende", "verlamde".
_ENDINGS = ("e", "en", "er", "ere", "st", "ste", "s")


def _close(typed: str, word: str) -> bool:
    if typed == word:
        return True
    long = len(word) >= TYPO_LENGTH and len(typed) >= TYPO_LENGTH
    return long and (one_typo(typed, word) or (typed.startswith(word) and typed[len(word) :] in _ENDINGS))


def _says(words: Sequence[str], text: str | None) -> bool:
    return bool(words and text and _words_pattern(tuple(words)).search(normalise(text)))


@cache
def _words_pattern(words: tuple[str, ...]) -> "re.Pattern[str]":
    """Built once per word list: the check reads every answer against the same lists."""
    return _whole_words(words)


def _whole_words(words: Iterable[str]) -> "re.Pattern[str]":
    longest_first = sorted({normalise(word) for word in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in longest_first) + r")(?![\w-])")


def read_needs_file(path: Path) -> NeedsFile:
    return read_model(path, NeedsFile)
