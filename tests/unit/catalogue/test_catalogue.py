"""The catalogue file is validated on load and seeds SQLite and PostgreSQL alike, idempotently."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from bot.catalogue import Catalogue
from bot.catalogue.loader import read_catalogue, seed_catalogue
from bot.catalogue.models import CatalogueFile, ProvisionKind
from bot.content.reader import ContentError
from bot.settings import settings
from tests.helpers import write_variant

SEED_PROVISIONS = {
    # every provision the seeds and the domain notes name, by catalogue code
    "huishoudelijke_ondersteuning",
    "individuele_begeleiding",
    "dagbesteding",
    "kortdurend_verblijf",
    "mantelzorgondersteuning",
    "beschermd_wonen",
    "maatschappelijke_opvang",
    "vervoer",
    "rolstoel",
    "scootmobiel",
    "woningaanpassing",
    "hulpmiddelen",
    "hulphond",
    "persoonlijke_verzorging",
    "maaltijdvoorziening",
    "boodschappendienst",
    "klussenhulp",
    "ontmoeting",
    "sociaal_raadslieden",
    "aangepast_sporten",
    "buurtbemiddeling",
    "taalhuis",
}


def test_the_shipped_catalogue_covers_every_provision_in_the_seeds(catalogue_file: CatalogueFile) -> None:
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
        (
            lambda raw: raw["provisions"].append(dict(raw["provisions"][0])),
            "dubbele code(s): huishoudelijke_ondersteuning",
        ),
        (lambda raw: raw["provisions"][1]["terms"].append("traplift"), "term 'traplift' hoort bij"),
        (
            lambda raw: raw["contribution_rates"].append(dict(raw["contribution_rates"][0])),
            "een jaar staat meer dan eens",
        ),
    ],
)
def test_a_broken_catalogue_is_refused_with_the_place_and_reason(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ContentError) as error:
        read_catalogue(write_variant(tmp_path, settings().catalogue_file, change))
    assert message in str(error.value)
    assert "catalogue.yml" in str(error.value)


def test_invalid_yaml_and_a_missing_file_are_clear_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("provisions: [unclosed", encoding="utf-8")
    with pytest.raises(ContentError, match="geen geldige YAML"):
        read_catalogue(broken)
    with pytest.raises(ContentError, match="bestand niet gevonden"):
        read_catalogue(tmp_path / "missing.yml")


def test_seeding_twice_changes_nothing_and_removed_entries_disappear(
    tmp_path: Path, catalogue_file: CatalogueFile
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'c.db'}", future=True)
    seed_catalogue(engine, catalogue_file)
    seed_catalogue(engine, catalogue_file)
    catalogue = Catalogue(engine)
    assert len(catalogue.provisions()) == len(catalogue_file.provisions)
    assert len(catalogue.sourced_list("exclusion_grounds")) == len(catalogue_file.exclusion_grounds)

    last = catalogue_file.provisions[-1].code
    smaller = read_catalogue(write_variant(tmp_path, settings().catalogue_file, lambda raw: raw["provisions"].pop()))
    seed_catalogue(engine, smaller)
    assert catalogue.provision(last) is None
    assert len(catalogue.provisions()) == len(catalogue_file.provisions) - 1


def test_a_provision_reads_back_exactly_as_written(catalogue: Catalogue, catalogue_file: CatalogueFile) -> None:
    for expected in catalogue_file.provisions:
        assert catalogue.provision(expected.code) == expected


def test_provisions_are_split_into_algemene_and_maatwerk(catalogue: Catalogue) -> None:
    algemeen = {p.code for p in catalogue.provisions(ProvisionKind.algemeen)}
    maatwerk = {p.code for p in catalogue.provisions(ProvisionKind.maatwerk)}
    assert {"maaltijdvoorziening", "boodschappendienst", "klussenhulp", "ontmoeting"} <= algemeen
    assert {"rolstoel", "woningaanpassing", "huishoudelijke_ondersteuning"} <= maatwerk
    assert not algemeen & maatwerk
    assert catalogue.provision("bestaat_niet") is None


def test_only_a_confirmed_tariff_is_used_and_never_a_future_one(catalogue: Catalogue) -> None:
    rate = catalogue.latest_verified_rate(date(2026, 11, 23))
    assert rate is not None
    assert (rate.year, str(rate.amount), rate.period) == (2024, "20.60", "maand")
    assert catalogue.latest_verified_rate(date(2023, 6, 1)) is None


def test_sourced_lists_keep_the_files_order(catalogue: Catalogue, catalogue_file: CatalogueFile) -> None:
    for name in ("exclusion_grounds", "not_grounds"):
        texts = [line.text for line in catalogue.sourced_list(name)]
        assert texts == [line.text for line in getattr(catalogue_file, name)]
