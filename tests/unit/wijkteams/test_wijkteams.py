"""Postcodes are read in any common form, the municipality's wijkteam file is validated, and a
postcode finds its team on SQLite and PostgreSQL alike; unknown postcodes get a clear answer."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from bot.content.reader import ContentError
from bot.municipality import municipality
from bot.settings import settings
from bot.wijkteams.answer import wijkteam_answer
from bot.wijkteams.directory import WijkteamDirectory
from bot.wijkteams.file import Wijkteam, read_wijkteams
from bot.wijkteams.postcode import UNKNOWN, parse_postcode, read_postcode_answer
from bot.wijkteams.tables import seed_wijkteams


@pytest.mark.parametrize(
    "text, postcode",
    [
        ("1234 AB", "1234 AB"),
        ("1234ab", "1234 AB"),
        ("mijn postcode is 1233 bb.", "1233 BB"),
        ("Ik woon in 1240Xy, welk team?", "1240 XY"),
        ("0234 AB", None),  # no Dutch postcode starts with 0
        ("1234 SS", None),  # SA, SD and SS are never issued
        ("12345 AB", None),
        ("1234", None),
        ("1234 ABC", None),
        ("", None),
    ],
)
def test_a_postcode_is_read_in_any_common_form(text: str, postcode: str | None) -> None:
    assert parse_postcode(text) == postcode


def test_the_answer_to_the_postcode_question(tmp_path: Path) -> None:
    assert read_postcode_answer("1235 cc", 0) == ("1235 CC", False)
    assert read_postcode_answer("weet ik niet", 0) == (UNKNOWN, False)
    assert read_postcode_answer("Kerkstraat 1", 0) == (None, True)
    assert read_postcode_answer("Kerkstraat 1", 1) == (UNKNOWN, False)


@pytest.fixture(scope="module")
def teams() -> list[Wijkteam]:
    return read_wijkteams(settings().wijkteams_file)


@pytest.fixture(scope="module")
def directory(database_url: str, teams: list[Wijkteam]) -> Iterator[WijkteamDirectory]:
    engine = create_engine(database_url, future=True)
    seed_wijkteams(engine, teams)
    seed_wijkteams(engine, teams)  # twice: the file decides, nothing doubles
    yield WijkteamDirectory(engine)
    engine.dispose()


@pytest.mark.parametrize(
    "postcode, team",
    [
        ("1230 AA", "Wijkteam Centrum"),
        ("1234 AB", "Wijkteam Noord"),
        ("1236 ZZ", "Wijkteam Oost"),
        ("1240 AB", "Wijkteam Zuid"),
    ],
)
def test_a_postcode_finds_its_wijkteam(directory: WijkteamDirectory, postcode: str, team: str) -> None:
    found = directory.for_postcode(postcode)
    assert found is not None and found.name == team


def test_a_postcode_outside_the_municipality_finds_none(directory: WijkteamDirectory) -> None:
    assert directory.for_postcode("1239 AB") is None
    assert directory.for_postcode("9999 ZZ") is None


def test_the_answer_names_the_team_or_gives_the_general_number(directory: WijkteamDirectory) -> None:
    place = municipality()
    found = wijkteam_answer(directory.for_postcode("1234 AB"), "1234 AB", place)
    assert "Wijkteam Noord" in found and "noord@wijkteam.voorbeeldstad.example" in found and "Noorderlaan 10" in found
    elsewhere = wijkteam_answer(None, "9999 ZZ", place)
    assert "hoort niet bij Gemeente Voorbeeldstad (voorbeeldgemeente)" in elsewhere and "14 0000" in elsewhere
    assert "andere gemeente" in elsewhere
    unknown = wijkteam_answer(None, None, place)
    assert "Zonder postcode" in unknown and "14 0000" in unknown


def test_the_shipped_example_is_fictional_and_invents_no_numbers(teams: list[Wijkteam]) -> None:
    place = municipality()
    assert all(team.email.endswith(".voorbeeldstad.example") for team in teams)
    assert {team.telefoon for team in teams} == {place.phone}


def write_csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "wijkteams.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


HEADER = "code,naam,postcodes,adres,telefoon,email,openingstijden"
GOOD = 'noord,Wijkteam Noord,1232-1234,"Noorderlaan 10, Voorbeeldstad",14 0000,noord@voorbeeld.example,ma-vr 9-17'


@pytest.mark.parametrize(
    "rows, message",
    [
        (["code;naam;postcodes", "x;y;z"], "kolommen moeten"),
        ([HEADER, GOOD.replace("1232-1234", "12A4")], "regel 2: postcodes: '12A4' is geen postcodegebied"),
        ([HEADER, GOOD.replace("1232-1234", "1234-1232")], "het eind ligt voor het begin"),
        ([HEADER, GOOD.replace("noord@voorbeeld.example", "geen mail")], "regel 2: email"),
        ([HEADER, GOOD.replace("14 0000", "bel ons")], "regel 2: telefoon"),
        (
            [HEADER, GOOD, GOOD.replace("noord,", "zuid,", 1).replace("1232-1234", "1234")],
            "postcode 1234 hoort bij twee wijkteams",
        ),
        ([HEADER, GOOD, GOOD], "meer dan eens"),
    ],
)
def test_a_broken_wijkteam_file_is_refused_with_its_line_and_reason(
    tmp_path: Path, rows: list[str], message: str
) -> None:
    with pytest.raises(ContentError, match=message):
        read_wijkteams(write_csv(tmp_path, rows))


def test_a_missing_wijkteam_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="bestand niet gevonden"):
        read_wijkteams(tmp_path / "geen.csv")
