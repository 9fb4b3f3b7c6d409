"""Signs of acute need (danger, violence at home, suicidal thoughts, no place to sleep tonight, a
carer at breaking point) in any message, and the help lines to give before anything else.

Patterns and help lines live in data/triage/crisis.yml; this module only matches and composes.
"""
import re
import string
from datetime import date
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence

import yaml
from pydantic import constr, root_validator, validator

from bot import settings
from bot.answers import source_line
from bot.municipality import Municipality
from bot.strict import StrictModel
from bot.text import normalise

CRISIS_FILE = settings.DATA_DIR / "triage" / "crisis.yml"
PLACEHOLDERS = {"phone", "opening_hours", "urgent_phone", "urgent_hours"}


class CrisisKind(str, Enum):
    gevaar = "gevaar"
    geweld = "geweld"
    zelfdoding = "zelfdoding"
    dakloos = "dakloos"
    overbelast = "overbelast"


class Signal(StrictModel):
    kind: CrisisKind
    lines: List[constr(min_length=1)]
    patterns: List[constr(min_length=3)]

    @validator("patterns", each_item=True)
    def _compiles(cls, pattern):  # noqa: N805 - pydantic validators take the class
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"geen geldige reguliere expressie '{pattern}': {error}") from error
        return pattern


class CrisisFile(StrictModel):
    intro: constr(min_length=3)
    outro: constr(min_length=3)
    default_lines: List[str]
    lines: Dict[str, constr(min_length=3)]
    sources: List[constr(min_length=3)]
    checked: date
    signals: List[Signal]

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values):  # noqa: N805
        kinds = [signal.kind for signal in values["signals"]]
        if sorted(kinds) != sorted(CrisisKind) or len(set(kinds)) != len(kinds):
            raise ValueError("elk soort signaal (gevaar, geweld, ...) moet er precies een keer staan")
        used = set(values["default_lines"]).union(*(signal.lines for signal in values["signals"]))
        unknown = used - set(values["lines"])
        if unknown:
            raise ValueError(f"onbekende hulplijn(en): {', '.join(sorted(unknown))}")
        for name, text in values["lines"].items():
            fields = {field for _, field, _, _ in string.Formatter().parse(text) if field}
            if fields - PLACEHOLDERS:
                raise ValueError(f"lines.{name}: onbekende invulplek {sorted(fields - PLACEHOLDERS)}")
        return values


class CrisisHelp:
    def __init__(self, file: CrisisFile) -> None:
        self._file = file
        self._signals = [
            (signal.kind, [re.compile(pattern) for pattern in signal.patterns]) for signal in file.signals
        ]

    def detect(self, text: str) -> List[CrisisKind]:
        """Every kind of acute need the text signals, in the file's order (empty if none)."""
        plain = normalise(text)
        return [kind for kind, patterns in self._signals if any(p.search(plain) for p in patterns)]

    def message(self, kinds: Sequence[CrisisKind], place: Municipality) -> str:
        """The help lines for these kinds first, then the way back to the Wmo question."""
        by_kind = {signal.kind: signal.lines for signal in self._file.signals}
        names = [name for kind in kinds for name in by_kind[kind]] or self._file.default_lines
        fill = {
            "phone": place.phone,
            "opening_hours": place.opening_hours,
            "urgent_phone": place.urgent_phone,
            "urgent_hours": place.urgent_hours,
        }
        lines = [self._file.lines[name].format(**fill) for name in dict.fromkeys(names)]
        return "\n\n".join(
            [self._file.intro, *lines, self._file.outro, source_line(self._file.sources, self._file.checked)]
        )


def read_crisis_file(path: Path) -> CrisisFile:
    return CrisisFile.parse_obj(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=None)
def crisis_help() -> CrisisHelp:
    return CrisisHelp(read_crisis_file(CRISIS_FILE))
