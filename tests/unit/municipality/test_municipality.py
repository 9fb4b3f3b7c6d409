"""The municipality file is validated, and a fictional municipality says so."""

from pathlib import Path

import pytest
import yaml

from bot.content.reader import ContentError
from bot.municipality import read_municipality
from bot.settings import settings


def test_the_shipped_example_is_marked_fictional_everywhere_it_is_named() -> None:
    place = read_municipality(settings().municipality_file)
    assert place.fictional and place.as_slots()["gemeente_naam"] == "Gemeente Voorbeeldstad (voorbeeldgemeente)"
    assert all(str(s.url).startswith("https://www.voorbeeldstad.example/") for s in place.other_services)


def test_a_real_municipality_is_named_as_it_is(tmp_path: Path) -> None:
    raw = yaml.safe_load(settings().municipality_file.read_text(encoding="utf-8"))
    raw.update(fictional=False, name="Gemeente Echtdorp")
    path = tmp_path / "m.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert read_municipality(path).as_slots()["gemeente_naam"] == "Gemeente Echtdorp"


@pytest.mark.parametrize("field, value", [("phone", "bel ons"), ("website", "geen url"), ("extra", 1)])
def test_a_broken_municipality_file_is_refused(tmp_path: Path, field: str, value: str | int) -> None:
    raw = yaml.safe_load(settings().municipality_file.read_text(encoding="utf-8"))
    raw[field] = value
    path = tmp_path / "m.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ContentError, match=f"m.yml: {field}"):
        read_municipality(path)
