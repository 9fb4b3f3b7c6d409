"""content/glossary.yml is valid, and a broken glossary is refused with the field that is wrong."""

from pathlib import Path
from typing import Any

import pytest

from bot.catalogue.models import CatalogueFile
from bot.content.reader import ContentError
from bot.glossary import GlossaryFile, read_glossary
from bot.settings import Settings, settings
from tests.helpers import write_variant

REQUIRED = {
    "beschikking",
    "maatwerkvoorziening",
    "algemene_voorziening",
    "individuele_voorziening",
    "indicatie",
    "herindicatie",
    "eigen_kracht",
    "gebruikelijke_zorg",
    "algemeen_gebruikelijk",
    "zorg_in_natura",
    "cak",
    "abonnementstarief",
    "wlz",
    "wlz_indicatie",
    "ciz",
    "persoonlijk_plan",
    "mantelzorg",
    "mantelzorger",
    "clientondersteuner",
    "svb",
    "zorgaanbieder",
    "melding",
    "keukentafelgesprek",
    "second_opinion",
    "sociaal_netwerk",
    "minimabeleid",
    "bezwaar",
    "beroep",
    "jeugdwet",
    "zvw",
}


def test_the_glossary_has_at_least_thirty_terms_with_the_required_ones(glossary_file: GlossaryFile) -> None:
    keys = {entry.key for entry in glossary_file.terms}
    assert len(keys) >= 30
    assert keys >= REQUIRED, sorted(REQUIRED - keys)


def test_every_definition_is_short_formal_and_sourced(glossary_file: GlossaryFile) -> None:
    for entry in glossary_file.terms:
        assert entry.definition.count(". ") + 1 <= 3, entry.key
        assert " je " not in f" {entry.definition.lower()} ", entry.key
        assert entry.source and entry.checked.year >= 2026


def test_no_unconfirmed_figure_is_stated(glossary_file: GlossaryFile) -> None:
    # The 2025 and 2026 tariffs are unverified (content/catalogue.yml): only the 2024 one may appear.
    text = " ".join(entry.definition for entry in glossary_file.terms)
    assert "21,80" not in text and "€ 20,60" in text and "2024" in text


def test_the_glossary_path_follows_its_environment_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert settings().glossary_file == settings().content_dir / "glossary.yml"
    monkeypatch.setenv("WMO_GLOSSARY_FILE", str(tmp_path / "woorden.yml"))
    assert Settings().glossary_file == tmp_path / "woorden.yml"


def _first(raw: Any) -> dict[str, Any]:
    first: dict[str, Any] = raw["terms"][0]
    return first


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda raw: _first(raw).pop("source"), "terms.0.source"),
        (lambda raw: _first(raw).update(checked="gisteren"), "terms.0.checked"),
        (lambda raw: _first(raw).update(spellings=[]), "terms.0.spellings"),
        (lambda raw: _first(raw).update(key="Beschikking!"), "terms.0.key"),
        (lambda raw: _first(raw).update(colour="blauw"), "terms.0.colour"),
        (lambda raw: _first(raw).update(definition="Een. Twee. Drie. Vier."), "terms.0.definition"),
        (lambda raw: _first(raw).update(definition="Dit is wat je krijgt."), "terms.0.definition"),
        (lambda raw: raw["terms"][1].update(key=_first(raw)["key"]), "begrip 'beschikking' staat er twee keer in"),
        (lambda raw: raw["terms"][1]["spellings"].append("beschikking"), "'beschikking' hoort bij"),
    ],
)
def test_a_broken_glossary_is_refused_with_the_field_named(
    tmp_path: Path, catalogue_file: CatalogueFile, change: Any, field: str
) -> None:
    broken = write_variant(tmp_path, settings().glossary_file, change)
    with pytest.raises(ContentError, match=rf"glossary\.yml: .*{field}"):
        read_glossary(broken, catalogue_file)


def test_a_word_that_names_a_provision_needs_the_provision_field(tmp_path: Path, catalogue_file: CatalogueFile) -> None:
    broken = write_variant(tmp_path, settings().glossary_file, lambda raw: _first(raw)["spellings"].append("traplift"))
    with pytest.raises(ContentError, match=r"terms\.0\.spellings: 'traplift' noemt de voorziening 'woningaanpassing'"):
        read_glossary(broken, catalogue_file)


def test_a_linked_provision_must_exist_in_the_catalogue(tmp_path: Path, catalogue_file: CatalogueFile) -> None:
    broken = write_variant(tmp_path, settings().glossary_file, lambda raw: _first(raw).update(provision="tovenarij"))
    with pytest.raises(ContentError, match=r"terms\.0\.provision: 'tovenarij'"):
        read_glossary(broken, catalogue_file)


def test_the_seed_validates_the_glossary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import bot.seed

    broken = write_variant(tmp_path, settings().glossary_file, lambda raw: _first(raw).pop("definition"))
    monkeypatch.setattr(bot.seed, "settings", lambda: Settings(glossary_file=broken))
    with pytest.raises(ContentError, match=r"terms\.0\.definition"):
        bot.seed.seed_all(engine=None)
