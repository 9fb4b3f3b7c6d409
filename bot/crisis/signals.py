"""The crisis file (content/crisis.yml): the kinds of acute need, the patterns that signal each,
and the help lines to give for it. Validated on load: a pattern that does not compile, an unknown
help line or an unknown placeholder refuses the file."""

import re
import string
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ConstrainedStr, root_validator, validator

from bot.content.model import Sentence, StrictModel
from bot.content.reader import read_model

# What a help line may fill in from the municipality's details.
PLACEHOLDERS = {"phone", "opening_hours", "urgent_phone", "urgent_hours"}


class CrisisKind(str, Enum):
    gevaar = "gevaar"
    geweld = "geweld"
    zelfdoding = "zelfdoding"
    dakloos = "dakloos"
    overbelast = "overbelast"


class LineName(ConstrainedStr):
    min_length = 1


class Pattern(ConstrainedStr):
    min_length = 3


class Signal(StrictModel):
    kind: CrisisKind
    lines: list[LineName]
    patterns: list[Pattern]

    @validator("patterns", each_item=True)
    def _compiles(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"geen geldige reguliere expressie '{pattern}': {error}") from error
        return pattern


class CrisisFile(StrictModel):
    intro: Sentence
    outro: Sentence
    default_lines: list[str]
    always: list[LineName]
    lines: dict[str, Sentence]
    sources: list[Sentence]
    checked: date
    signals: list[Signal]

    @root_validator(skip_on_failure=True)
    def _consistent(cls, values: dict[str, Any]) -> dict[str, Any]:
        kinds = [signal.kind for signal in values["signals"]]
        if sorted(kinds) != sorted(CrisisKind) or len(set(kinds)) != len(kinds):
            raise ValueError("elk soort signaal (gevaar, geweld, ...) moet er precies een keer staan")
        used = set(values["default_lines"]).union(values["always"], *(signal.lines for signal in values["signals"]))
        unknown = used - set(values["lines"])
        if unknown:
            raise ValueError(f"onbekende hulplijn(en): {', '.join(sorted(unknown))}")
        for name, text in values["lines"].items():
            fields = {field for _, field, _, _ in string.Formatter().parse(text) if field}
            if fields - PLACEHOLDERS:
                raise ValueError(f"lines.{name}: onbekende invulplek {sorted(fields - PLACEHOLDERS)}")
            if fields and name in values["always"]:
                # These lines are also fixed text in the domain, served without the action server.
                raise ValueError(f"lines.{name}: een lijn onder `always` mag geen gegevens van de gemeente invullen")
        return values


def read_crisis_file(path: Path) -> CrisisFile:
    return read_model(path, CrisisFile)
