"""The municipality file is validated, and a fictional municipality says so."""
import pytest
import yaml
from pydantic import ValidationError

from bot import settings
from bot.fallback import MAX_BUTTON_TITLE, labels, read_labels
from bot.municipality import read_municipality


def test_the_shipped_example_is_marked_fictional_everywhere_it_is_named():
    place = read_municipality(settings.MUNICIPALITY_FILE)
    assert place.fictional and place.as_slots()["gemeente_naam"] == "Gemeente Voorbeeldstad (voorbeeldgemeente)"
    assert all(str(s.url).startswith("https://www.voorbeeldstad.example/") for s in place.other_services)


def test_a_real_municipality_is_named_as_it_is(tmp_path):
    raw = yaml.safe_load(settings.MUNICIPALITY_FILE.read_text(encoding="utf-8"))
    raw.update(fictional=False, name="Gemeente Echtdorp")
    path = tmp_path / "m.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert read_municipality(path).as_slots()["gemeente_naam"] == "Gemeente Echtdorp"


@pytest.mark.parametrize("field, value", [("phone", "bel ons"), ("website", "geen url"), ("extra", 1)])
def test_a_broken_municipality_file_is_refused(tmp_path, field, value):
    raw = yaml.safe_load(settings.MUNICIPALITY_FILE.read_text(encoding="utf-8"))
    raw[field] = value
    path = tmp_path / "m.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(ValidationError, match=field):
        read_municipality(path)


def test_fallback_labels_fit_a_whatsapp_button_and_name_real_intents():
    domain = yaml.safe_load((settings.ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(labels()) <= set(domain["intents"])
    assert all(len(title) <= MAX_BUTTON_TITLE for title in labels().values())


def test_a_too_long_fallback_label_is_refused(tmp_path):
    path = tmp_path / "labels.yml"
    path.write_text("pgb: Een veel te lange knoptekst voor WhatsApp\n", encoding="utf-8")
    with pytest.raises(ValueError, match="langer dan 20 tekens"):
        read_labels(path)
