"""The needs residents ask help for (data/triage/needs.yml), tied to the catalogue's provisions, and
how a resident's own words reach one."""
import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml
from pydantic import constr, root_validator

from bot import settings
from bot.catalogue.models import Kind, Provision
from bot.provision_terms import ProvisionMatcher
from bot.strict import StrictModel
from bot.text import normalise

NEEDS_FILE = settings.DATA_DIR / "triage" / "needs.yml"
MAX_BUTTON_TITLE = 20
MAX_BUTTONS = 10  # a WhatsApp list message holds ten rows
OTHER = "anders"

Word = constr(strip_whitespace=True, to_lower=True, min_length=2)


class Need(StrictModel):
    code: constr(regex=r"^[a-z][a-z_]*$")
    label: constr(min_length=3, max_length=MAX_BUTTON_TITLE * 2)
    button: Optional[constr(min_length=3, max_length=MAX_BUTTON_TITLE)] = None
    provisions: List[str]
    words: List[Word]
    shelter: bool = False
    medical: bool = False
    personal_care: bool = False
    aid: bool = False
    youth: bool = False
    has_it: bool = False
    help_now: bool = False
    usual_help: bool = False


class NeedsFile(StrictModel):
    needs: List[Need]
    provision_needs: Dict[str, str]
    ordinary_products: List[Word]
    ordinary_products_source: constr(min_length=3)

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values):  # noqa: N805 - pydantic validators take the class
        codes = [need.code for need in values["needs"]]
        if len(set(codes)) != len(codes):
            raise ValueError("een onderwerp (code) staat er meer dan eens in")
        if OTHER not in codes:
            raise ValueError(f"het onderwerp '{OTHER}' ontbreekt")
        unknown = set(values["provision_needs"].values()) - set(codes)
        if unknown:
            raise ValueError(f"provision_needs noemt onbekende onderwerpen: {', '.join(sorted(unknown))}")
        if sum(need.button is not None for need in values["needs"]) > MAX_BUTTONS - 1:
            raise ValueError(f"hoogstens {MAX_BUTTONS - 1} knoppen, zodat 'Iets anders' er ook bij past")
        return values


class NeedsError(ValueError):
    """The needs file does not fit the catalogue; the message says where."""


class Needs:
    """The needs, with the catalogue's names and kinds (algemeen or maatwerk) of their provisions."""

    def __init__(self, file: NeedsFile, provisions: Iterable[Provision]) -> None:
        catalogue = {provision.code: provision for provision in provisions}
        listed = {code for need in file.needs for code in need.provisions} | set(file.provision_needs)
        if listed - set(catalogue):
            raise NeedsError(f"onbekende voorziening(en) in needs.yml: {', '.join(sorted(listed - set(catalogue)))}")
        if set(catalogue) - set(file.provision_needs):
            missing = ", ".join(sorted(set(catalogue) - set(file.provision_needs)))
            raise NeedsError(f"provision_needs mist voorziening(en) uit de catalogus: {missing}")
        self._file = file
        self._by_code = {need.code: need for need in file.needs}
        self._catalogue = catalogue
        self._words = ProvisionMatcher({word: need.code for need in file.needs for word in need.words}, ())
        self._ordinary = re.compile(
            r"\b(" + "|".join(re.escape(normalise(word)) for word in file.ordinary_products) + r")\b"
        )

    def __getitem__(self, code: str) -> Need:
        return self._by_code[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def _of_kind(self, need: Need, kind: Kind) -> Tuple[str, ...]:
        return tuple(code for code in need.provisions if self._catalogue[code].kind is kind)

    def algemeen(self, need: Need) -> Tuple[str, ...]:
        return self._of_kind(need, Kind.algemeen)

    def maatwerk(self, need: Need) -> Tuple[str, ...]:
        return self._of_kind(need, Kind.maatwerk)

    def name(self, code: str) -> str:
        return self._catalogue[code].name

    def names(self, codes: Sequence[str]) -> str:
        """"a, b en c" in plain Dutch, lower case after the first."""
        names = [self.name(code).lower() for code in codes]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"

    def match(self, text: str, named_provisions: Sequence[str]) -> Optional[str]:
        """The need a message is about: that of the first provision named, else of the resident's
        own words (the longest word wins), else None."""
        if named_provisions:
            return self._file.provision_needs[named_provisions[0]]
        codes = self._words.codes(text)
        return codes[0] if codes else None

    def ordinary_product(self, text: str, named_provisions: Sequence[str]) -> bool:
        """Names only something anyone buys (a microwave, a thermostatic tap), no provision."""
        return not named_provisions and bool(self._ordinary.search(normalise(text)))

    def menu(self, with_other: bool) -> List[Need]:
        """The needs offered as buttons, and "Iets anders" when asked to pick again."""
        shown = [need for need in self._file.needs if need.button]
        return shown + [self._by_code[OTHER]] if with_other else shown


def read_needs_file(path: Path = NEEDS_FILE) -> NeedsFile:
    return NeedsFile.parse_obj(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
