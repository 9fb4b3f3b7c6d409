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
    personal_care: bool = False
    aid: bool = False
    youth: bool = False
    has_it: bool = False
    help_now: bool = False
    usual_help: bool = False


class NeedsFile(StrictModel):
    needs: list[Need]
    provision_needs: dict[str, str]
    ordinary_products: list[Word]
    ordinary_products_source: Sentence

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
        self._ordinary = re.compile(
            r"\b(" + "|".join(re.escape(normalise(word)) for word in file.ordinary_products) + r")\b"
        )

    def __getitem__(self, code: str) -> Need:
        return self._by_code[code]

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

    def ordinary_product(self, text: str, named_provisions: Sequence[str]) -> bool:
        """Names only something anyone buys (a microwave, a thermostatic tap), no provision."""
        return not named_provisions and bool(self._ordinary.search(normalise(text)))

    def menu(self, with_other: bool) -> list[Need]:
        """The needs offered as buttons, and "Iets anders" when asked to pick again."""
        shown = [need for need in self._file.needs if need.button]
        return [*shown, self._by_code[OTHER]] if with_other else shown


def read_needs_file(path: Path) -> NeedsFile:
    return read_model(path, NeedsFile)
