"""The municipality's wijkteams file (content/wijkteams.csv), validated line by line.

The CSV has the columns code, naam, postcodes, adres, telefoon, email, openingstijden. `postcodes`
lists the four-digit areas a team serves, as ranges and single numbers: "1230-1231 1240".
"""

import csv
import io
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from pydantic import ConstrainedStr, validator

from bot.content.model import Phone, Sentence, StrictModel
from bot.content.reader import ContentError, parse, read_text

COLUMNS = ["code", "naam", "postcodes", "adres", "telefoon", "email", "openingstijden"]
_AREA = re.compile(r"^([1-9][0-9]{3})(?:-([1-9][0-9]{3}))?$")


class TeamCode(ConstrainedStr):
    regex = r"^[a-z][a-z0-9_]*$"


class Address(ConstrainedStr):
    strip_whitespace = True
    min_length = 5


class Email(ConstrainedStr):
    strip_whitespace = True
    regex = r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$"


class Wijkteam(StrictModel):
    code: TeamCode
    naam: Sentence
    postcodes: list[tuple[int, int]]
    adres: Address
    telefoon: Phone
    email: Email
    openingstijden: Sentence

    @validator("postcodes", pre=True)
    def _areas(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        areas = []
        for part in value.split():
            match = _AREA.match(part)
            if not match:
                raise ValueError(f"'{part}' is geen postcodegebied (bijvoorbeeld 1230 of 1230-1239)")
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            if last < first:
                raise ValueError(f"'{part}': het eind ligt voor het begin")
            areas.append((first, last))
        if not areas:
            raise ValueError("geen postcodes opgegeven")
        return areas


def read_wijkteams(path: Path) -> list[Wijkteam]:
    reader = csv.DictReader(io.StringIO(read_text(path), newline=""))
    if reader.fieldnames != COLUMNS:
        raise ContentError(f"{path}: kolommen moeten {', '.join(COLUMNS)} zijn, niet {reader.fieldnames}")
    teams = [parse(Wijkteam, row, f"{path}, regel {line}") for line, row in enumerate(reader, start=2)]
    _check_unique(path, teams)
    return teams


def _check_unique(path: Path, teams: list[Wijkteam]) -> None:
    codes = [team.code for team in teams]
    if len(set(codes)) != len(codes):
        raise ContentError(f"{path}: een code staat er meer dan eens in")
    areas = sorted((first, last, team.code) for team in teams for first, last in team.postcodes)
    for (_, last, code), (first, _, other) in pairwise(areas):
        if first <= last:
            raise ContentError(f"{path}: postcode {first} hoort bij twee wijkteams ({code} en {other})")
