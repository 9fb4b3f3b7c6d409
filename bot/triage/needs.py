"""The needs residents ask help for (content/triage/needs.yml), tied to the catalogue's provisions, and
how a resident's own words reach one."""

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ConstrainedStr, root_validator

from bot.catalogue.models import Provision, ProvisionKind
from bot.catalogue.terms import ProvisionMatcher
from bot.content.model import Code, Sentence, StrictModel, Word
from bot.content.reader import ContentError, read_model
from bot.dutch import listing, normalise
from bot.messaging.limits import BUTTON_TITLE, LIST_ROWS
from bot.triage.model import Limitation

OTHER = "anders"


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
    weigh_begeleiding: bool = False
    for_carer: bool = False
    advice: Sentence | None = None


class Item(StrictModel):
    """Something a resident may name. `ordinary`: anyone buys it (algemeen gebruikelijk); if not,
    the estimate says so, since residents are often told otherwise."""

    name: Sentence
    words: list[Word]
    ordinary: bool = True


class Limitations(StrictModel):
    """Words that name what causes the need, so the limitation question is not asked again."""

    lichamelijk: list[Word]
    psychisch: list[Word]
    weigh_begeleiding: list[Word]  # memory, cognitive and psychiatric problems: begeleiding weighed first
    prompting: list[Word]  # personal care that only needs reminding or urging
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
        self._items = [(_whole_words(item.words), item) for item in file.items]
        self._not_items = _whole_words(file.not_items)
        self._limitations = [
            (_whole_words(file.limitations.lichamelijk), Limitation.lichamelijk),
            (_whole_words(file.limitations.psychisch), Limitation.psychisch),
        ]
        self._weigh_begeleiding = _whole_words(file.limitations.weigh_begeleiding)
        self._prompting = _whole_words(file.limitations.prompting)
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

    def name(self, code: str) -> str:
        return self._catalogue[code].name

    def names(self, codes: Sequence[str]) -> str:
        """ "a, b en c" in plain Dutch, lower case after the first."""
        return listing([self.name(code).lower() for code in codes])

    def match(self, text: str, named_provisions: Sequence[str]) -> str | None:
        """The need a message is about: that of the first provision named, else of the resident's
        own words (the longest word wins), else None."""
        if named_provisions:
            return self._file.provision_needs[named_provisions[0]]
        codes = self._words.codes(text)
        return codes[0] if codes else None

    def item(self, text: str) -> Item | None:
        """The item the words name ("een e-bike", "een magnetron"); adapted versions
        ("aangepaste fiets", "driewielfiets") are never the ordinary item inside them."""
        plain = self._not_items.sub(" ", normalise(text))
        named = [item for pattern, item in self._items if pattern.search(plain)]
        # "een douchestoel en een traplift": what is not algemeen gebruikelijk is what is asked for.
        return next((item for item in named if not item.ordinary), named[0] if named else None)

    def limitation(self, text: str) -> Limitation | None:
        """The cause the words name outright; psychological before physical, as it weighs more."""
        plain = normalise(text)
        found = [kind for pattern, kind in self._limitations if pattern.search(plain)]
        return Limitation.psychisch if Limitation.psychisch in found else (found[0] if found else None)

    def weighs_begeleiding(self, text: str) -> bool:
        """The words name memory, cognitive or psychiatric problems ("dementie", "lvb", "angststoornis")."""
        return bool(self._weigh_begeleiding.search(normalise(text)))

    def prompting(self, text: str) -> bool:
        """ "als niemand hem eraan herinnert": care that needs reminding or urging, not nursing."""
        return bool(self._prompting.search(normalise(text)))

    def menu(self, with_other: bool) -> list[Need]:
        """The needs offered as buttons, and "Iets anders" when asked to pick again."""
        shown = [need for need in self._file.needs if need.button]
        return [*shown, self._by_code[OTHER]] if with_other else shown


def _whole_words(words: Iterable[str]) -> "re.Pattern[str]":
    longest_first = sorted({normalise(word) for word in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in longest_first) + r")(?![\w-])")


def read_needs_file(path: Path) -> NeedsFile:
    return read_model(path, NeedsFile)
