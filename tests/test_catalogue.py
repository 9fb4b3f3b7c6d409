"""The catalogue file is validated on load and seeds SQLite and PostgreSQL alike, idempotently."""
from datetime import date

import pytest
import yaml
from sqlalchemy import create_engine

from bot import settings
from bot.catalogue import Catalogue
from bot.catalogue.loader import CatalogueError, read_catalogue, seed
from bot.catalogue.models import Kind

SEED_PROVISIONS = {
    # every provision the seeds and the domain notes name, by catalogue code
    "huishoudelijke_ondersteuning", "individuele_begeleiding", "dagbesteding", "kortdurend_verblijf",
    "mantelzorgondersteuning", "beschermd_wonen", "maatschappelijke_opvang", "vervoer", "rolstoel",
    "scootmobiel", "woningaanpassing", "hulpmiddelen", "hulphond", "persoonlijke_verzorging",
    "maaltijdvoorziening", "boodschappendienst", "klussenhulp", "ontmoeting", "sociaal_raadslieden",
}


def write_variant(tmp_path, change):
    raw = yaml.safe_load(settings.CATALOGUE_FILE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "catalogue.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_shipped_catalogue_covers_every_provision_in_the_seeds(catalogue_file):
    assert {p.code for p in catalogue_file.provisions} == SEED_PROVISIONS


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["provisions"][0].pop("sources"), "provisions.0.sources: field required"),
        (lambda raw: raw["provisions"][1].update(kind="soms"), "provisions.1.kind"),
        (lambda raw: raw["provisions"][2].update(code="Dag Besteding"), "provisions.2.code"),
        (lambda raw: raw["provisions"][3].update(checked="gisteren"), "provisions.3.checked"),
        (lambda raw: raw["provisions"][4].update(sources=[]), "provisions.4.sources: mag niet leeg zijn"),
        (lambda raw: raw["provisions"][5].update(surprise=1), "provisions.5.surprise: extra fields not permitted"),
        (lambda raw: raw["provisions"].append(dict(raw["provisions"][0])), "dubbele code(s): huishoudelijke_ondersteuning"),
        (lambda raw: raw["provisions"][1]["terms"].append("traplift"), "term 'traplift' hoort bij"),
        (lambda raw: raw["contribution_rates"].append(dict(raw["contribution_rates"][0])), "een jaar staat meer dan eens"),
    ],
)
def test_a_broken_catalogue_is_refused_with_the_place_and_reason(tmp_path, change, message):
    with pytest.raises(CatalogueError) as error:
        read_catalogue(write_variant(tmp_path, change))
    assert message in str(error.value)
    assert "catalogue.yml" in str(error.value)


def test_invalid_yaml_and_a_missing_file_are_clear_errors(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("provisions: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogueError, match="geen geldige YAML"):
        read_catalogue(broken)
    with pytest.raises(CatalogueError, match="bestand niet gevonden"):
        read_catalogue(tmp_path / "missing.yml")


def test_seeding_twice_changes_nothing_and_removed_entries_disappear(tmp_path, catalogue_file):
    engine = create_engine(f"sqlite:///{tmp_path / 'c.db'}", future=True)
    seed(engine, catalogue_file)
    seed(engine, catalogue_file)
    catalogue = Catalogue(engine)
    assert len(catalogue.provisions()) == len(catalogue_file.provisions)
    assert len(catalogue.sourced_list("exclusion_grounds")) == len(catalogue_file.exclusion_grounds)

    smaller = read_catalogue(write_variant(tmp_path, lambda raw: raw["provisions"].pop()))
    seed(engine, smaller)
    assert catalogue.provision("sociaal_raadslieden") is None
    assert len(catalogue.provisions()) == len(catalogue_file.provisions) - 1


def test_a_provision_reads_back_exactly_as_written(catalogue, catalogue_file):
    for expected in catalogue_file.provisions:
        assert catalogue.provision(expected.code) == expected


def test_provisions_are_split_into_algemene_and_maatwerk(catalogue):
    algemeen = {p.code for p in catalogue.provisions(Kind.algemeen)}
    maatwerk = {p.code for p in catalogue.provisions(Kind.maatwerk)}
    assert {"maaltijdvoorziening", "boodschappendienst", "klussenhulp", "ontmoeting"} <= algemeen
    assert {"rolstoel", "woningaanpassing", "huishoudelijke_ondersteuning"} <= maatwerk
    assert not algemeen & maatwerk
    assert catalogue.provision("bestaat_niet") is None


def test_only_a_confirmed_tariff_is_used_and_never_a_future_one(catalogue):
    rate = catalogue.latest_verified_rate(date(2026, 11, 23))
    assert (rate.year, str(rate.amount), rate.period) == (2024, "20.60", "maand")
    assert catalogue.latest_verified_rate(date(2023, 6, 1)) is None


def test_sourced_lists_keep_the_files_order(catalogue, catalogue_file):
    for name in ("exclusion_grounds", "not_grounds"):
        texts = [line.text for line in catalogue.sourced_list(name)]
        assert texts == [line.text for line in getattr(catalogue_file, name)]
