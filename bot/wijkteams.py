"""Wijkteams and the postcode areas they serve: read from the municipality's CSV file, validated,
kept in the database, and found by a resident's postcode.

The CSV has the columns code, naam, postcodes, adres, telefoon, email, openingstijden. `postcodes`
lists the four-digit areas a team serves, as ranges and single numbers: "1230-1231 1240".
"""
import csv
import re
from pathlib import Path
from typing import List, Optional, Tuple

from pydantic import ValidationError, constr, validator
from sqlalchemy import Column, ForeignKey, Integer, String, Text, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.municipality import Municipality
from bot.strict import StrictModel

COLUMNS = ["code", "naam", "postcodes", "adres", "telefoon", "email", "openingstijden"]
# Dutch postcodes: four digits (no leading zero) and two letters; SA, SD and SS are never issued.
_POSTCODE = re.compile(r"(?<![\w])([1-9][0-9]{3}) ?([a-zA-Z]{2})(?![\w])")
_UNUSED_LETTERS = {"SA", "SD", "SS"}
_AREA = re.compile(r"^([1-9][0-9]{3})(?:-([1-9][0-9]{3}))?$")
_NO_POSTCODE = re.compile(
    r"\b(weet ik niet|weet niet|geen idee|liever niet|zeg ik liever niet|geen postcode|sla over|overslaan)\b"
)
UNKNOWN = "onbekend"  # the resident gave no postcode: they get the general number
MAX_ATTEMPTS = 2


def parse_postcode(text: str) -> Optional[str]:
    """The first valid postcode in the text, written as "1234 AB"; None if there is none."""
    for digits, letters in _POSTCODE.findall(text or ""):
        if letters.upper() not in _UNUSED_LETTERS:
            return f"{digits} {letters.upper()}"
    return None


def read_postcode_answer(text: str, attempts: int) -> Tuple[Optional[str], bool]:
    """(postcode or UNKNOWN, False) once settled; (None, True) to ask once more."""
    postcode = parse_postcode(text)
    if postcode:
        return postcode, False
    if _NO_POSTCODE.search(text.lower()) or attempts + 1 >= MAX_ATTEMPTS:
        return UNKNOWN, False
    return None, True


class Wijkteam(StrictModel):
    code: constr(regex=r"^[a-z][a-z0-9_]*$")
    naam: constr(strip_whitespace=True, min_length=3)
    postcodes: List[Tuple[int, int]]
    adres: constr(strip_whitespace=True, min_length=5)
    telefoon: constr(strip_whitespace=True, regex=r"^[0-9 ()+-]{3,20}$")
    email: constr(strip_whitespace=True, regex=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
    openingstijden: constr(strip_whitespace=True, min_length=3)

    @validator("postcodes", pre=True)
    def _areas(cls, value):  # noqa: N805 - pydantic validators take the class
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


class WijkteamsError(ValueError):
    """The wijkteams file cannot be used; the message says which line and why."""


def read_wijkteams(path: Path) -> List[Wijkteam]:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            reader = csv.DictReader(file)
            if reader.fieldnames != COLUMNS:
                raise WijkteamsError(f"{path}: kolommen moeten {', '.join(COLUMNS)} zijn, niet {reader.fieldnames}")
            rows = list(enumerate(reader, start=2))
    except FileNotFoundError as error:
        raise WijkteamsError(f"{path}: bestand niet gevonden") from error
    teams = []
    for line, row in rows:
        try:
            teams.append(Wijkteam.parse_obj(row))
        except ValidationError as error:
            problems = "; ".join(f"{problem['loc'][0]}: {problem['msg']}" for problem in error.errors())
            raise WijkteamsError(f"{path}, regel {line}: {problems}") from error
    _check_unique(path, teams)
    return teams


def _check_unique(path: Path, teams: List[Wijkteam]) -> None:
    codes = [team.code for team in teams]
    if len(set(codes)) != len(codes):
        raise WijkteamsError(f"{path}: een code staat er meer dan eens in")
    areas = sorted((first, last, team.code) for team in teams for first, last in team.postcodes)
    for (_, last, code), (first, _, other) in zip(areas, areas[1:]):
        if first <= last:
            raise WijkteamsError(f"{path}: postcode {first} hoort bij twee wijkteams ({code} en {other})")


class WijkteamRow(Base):
    __tablename__ = "wijkteams"

    code = Column(String(64), primary_key=True)
    name = Column(String(200), nullable=False)
    address = Column(Text, nullable=False)
    phone = Column(String(32), nullable=False)
    email = Column(String(200), nullable=False)
    opening_hours = Column(Text, nullable=False)


class PostcodeAreaRow(Base):
    __tablename__ = "wijkteam_postcodes"

    first = Column(Integer, primary_key=True)
    last = Column(Integer, nullable=False)
    team_code = Column(String(64), ForeignKey("wijkteams.code"), nullable=False)


def seed_wijkteams(engine: Engine, teams: List[Wijkteam]) -> None:
    """Makes the database match the file, in one transaction; running it twice changes nothing."""
    Base.metadata.create_all(engine)
    with Session(engine, future=True) as session, session.begin():
        session.execute(delete(PostcodeAreaRow))
        session.execute(delete(WijkteamRow))
        session.flush()
        for team in teams:
            session.add(
                WijkteamRow(
                    code=team.code, name=team.naam, address=team.adres, phone=team.telefoon,
                    email=team.email, opening_hours=team.openingstijden,
                )
            )
        session.flush()
        session.add_all(
            PostcodeAreaRow(first=first, last=last, team_code=team.code)
            for team in teams
            for first, last in team.postcodes
        )


class WijkteamDirectory:
    """One instance per process, sharing the process's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def for_postcode(self, postcode: str) -> Optional[WijkteamRow]:
        digits = int(postcode[:4])
        statement = (
            select(WijkteamRow)
            .join(PostcodeAreaRow, PostcodeAreaRow.team_code == WijkteamRow.code)
            .where(PostcodeAreaRow.first <= digits, PostcodeAreaRow.last >= digits)
        )
        with Session(self._engine, future=True) as session:
            team = session.execute(statement).scalars().first()
            if team is not None:
                session.expunge(team)
            return team


def wijkteam_answer(team: Optional[WijkteamRow], postcode: Optional[str], place: Municipality) -> str:
    """Where the resident can go: their team, or the general number when the postcode is not ours."""
    general = f"Bel {place.phone} ({place.opening_hours}) of kijk op {place.wmo_page}."
    if team is not None:
        return (
            f"Bij postcode {postcode} hoort {team.name}.\n"
            f"- Adres: {team.address}\n- Telefoon: {team.phone}\n- E-mail: {team.email}\n"
            f"- Open: {team.opening_hours}\n\n"
            "U kunt daar uw hulpvraag melden. Iemand anders mag dat ook voor u doen."
        )
    if postcode is None:
        return f"Zonder postcode kan ik uw wijkteam niet vinden. De gemeente helpt u verder. {general}"
    return (
        f"Postcode {postcode} hoort niet bij {place.display_name}. Woont u in een andere gemeente? Dan meldt u"
        " zich bij die gemeente. Beschermd wonen en opvang kunt u wel bij elke gemeente aanvragen.\n\n"
        f"Klopt de postcode wel? {general}"
    )
