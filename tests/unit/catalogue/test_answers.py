"""Answers composed from the catalogue: plain Dutch, amounts with their year, always a source."""

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.shared.core.domain import Domain

from bot.catalogue import answers
from bot.catalogue.models import CatalogueFile, ContributionRate, Provision, ProvisionKind
from bot.dutch import euro
from bot.settings import ROOT, settings

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def rates(catalogue_file: CatalogueFile) -> dict[int, ContributionRate]:
    return {rate.year: rate for rate in catalogue_file.contribution_rates}


def by_code(catalogue_file: CatalogueFile, code: str) -> Provision:
    return next(p for p in catalogue_file.provisions if p.code == code)


def test_an_amount_carries_its_year_and_a_newer_unconfirmed_amount_is_never_stated(
    catalogue_file: CatalogueFile, rates: dict[int, ContributionRate]
) -> None:
    text = answers.own_contribution(by_code(catalogue_file, "scootmobiel"), rates[2024], TODAY)
    assert "In 2024 was dat maximaal € 20,60 per maand" in text
    assert "Het bedrag voor 2026 hoort u van het CAK of de gemeente" in text
    assert "21,80" not in text
    assert "Bron: CAK" in text and "Gecontroleerd op 23 november 2026" in text


def test_without_a_confirmed_tariff_no_amount_is_given(catalogue_file: CatalogueFile) -> None:
    text = answers.own_contribution(by_code(catalogue_file, "dagbesteding"), None, TODAY)
    assert "€" not in text
    assert "hoort u van het CAK of de gemeente" in text


@pytest.mark.parametrize(
    "code, phrase",
    [
        ("rolstoel", "betaalt u geen eigen bijdrage"),
        ("beschermd_wonen", "afhangt van uw inkomen en vermogen"),
        ("maaltijdvoorziening", "De aanbieder vraagt soms een eigen prijs"),
        ("vervoer", "per rit een ritprijs"),
    ],
)
def test_the_contribution_follows_the_provisions_own_rule(
    catalogue_file: CatalogueFile, rates: dict[int, ContributionRate], code: str, phrase: str
) -> None:
    assert phrase in answers.own_contribution(by_code(catalogue_file, code), rates[2024], TODAY)


def test_provision_info_says_what_kind_it_is_and_where_it_comes_from(catalogue_file: CatalogueFile) -> None:
    for provision in catalogue_file.provisions:
        text = answers.provision_info(provision)
        assert text.startswith(provision.name)
        kind = "algemene voorziening" if provision.kind is ProvisionKind.algemeen else "maatwerkvoorziening"
        assert kind in text
        assert "Bron: " in text and "Gecontroleerd op" in text


def test_asking_about_shelter_shows_the_emergency_numbers_at_once(catalogue_file: CatalogueFile) -> None:
    text = answers.provision_info(by_code(catalogue_file, "maatschappelijke_opvang"))
    assert "Veilig Thuis (0800-2000)" in text and "112" in text


def test_the_overview_lists_both_kinds_from_the_catalogue(catalogue_file: CatalogueFile) -> None:
    text = answers.overview(catalogue_file.provisions)
    algemeen, maatwerk = text.split("Maatwerkvoorzieningen")
    assert "maaltijdservice" in algemeen and "traplift" not in algemeen
    assert "scootmobiel" in maatwerk and "rolstoel" in maatwerk


def test_general_answers_list_the_catalogues_rules_with_sources(
    catalogue_file: CatalogueFile, rates: dict[int, ContributionRate]
) -> None:
    no_maatwerk = answers.no_maatwerk(catalogue_file.exclusion_grounds, catalogue_file.not_grounds)
    assert "algemeen gebruikelijk" in no_maatwerk and "Alleen uw leeftijd" in no_maatwerk and "Bron: " in no_maatwerk
    costs = answers.contribution_general(rates[2024], catalogue_file.contribution_exemptions, TODAY)
    assert "AOW-leeftijd" in costs and "€ 20,60" in costs and "2024" in costs
    pgb = answers.pgb_general(catalogue_file.pgb_conditions)
    assert "zorg in natura" in pgb.lower() and "SVB" in pgb and "art. 2.3.6" in pgb


@pytest.mark.parametrize("amount, shown", [("20.60", "€ 20,60"), ("1234.5", "€ 1.234,50"), ("0", "€ 0,00")])
def test_amounts_are_written_the_dutch_way(amount: str, shown: str) -> None:
    from decimal import Decimal

    assert euro(Decimal(amount)) == shown


def test_answers_address_the_resident_as_u_only(
    catalogue_file: CatalogueFile, rates: dict[int, ContributionRate]
) -> None:
    texts = [
        answers.provision_info(p) + answers.eligibility_for(p) + answers.pgb_for(p) for p in catalogue_file.provisions
    ]
    texts.append(answers.contribution_general(rates[2024], catalogue_file.contribution_exemptions, TODAY))
    texts += resident_facing_texts(catalogue_file)
    for text in texts:
        words = set(text.lower().replace(",", " ").replace(".", " ").split())
        assert not words & {"je", "jij", "jouw", "jou"}, text


def resident_facing_texts(catalogue_file: CatalogueFile) -> list[str]:
    def data(path: Path) -> Any:
        return yaml.safe_load(path.read_text(encoding="utf-8"))

    files = settings()
    domain = Domain.load(str(ROOT / "domain"))
    texts: list[str] = [variant["text"] for variants in domain.responses.values() for variant in variants]
    for p in catalogue_file.provisions:
        texts += [p.summary, p.for_whom, *p.conditions, *p.exclusions, p.how_to_apply]
    for name in ("exclusion_grounds", "not_grounds", "pgb_conditions", "contribution_exemptions"):
        texts += [line.text for line in getattr(catalogue_file, name)]
    texts += [spec["text"] for spec in data(files.questions_file).values()]
    outcomes = data(files.outcomes_file)
    texts.append(outcomes["disclaimer"])
    for outcome in outcomes["outcomes"].values():
        texts += [outcome["title"], outcome["next_step"], *outcome.get("prepare", [])]
    texts += [reason["text"] for reason in outcomes["reasons"].values()]
    crisis = data(files.crisis_file)
    texts += [crisis["intro"], crisis["outro"], *crisis["lines"].values()]
    return texts


def test_plain_language_short_sentences_everywhere(catalogue_file: CatalogueFile) -> None:
    """B1: short sentences. Source lines are citations, not prose, and are left out."""
    sentences = [
        sentence
        for text in resident_facing_texts(catalogue_file)
        for sentence in re.split(r"(?<=[.?!:])\s+|\n", re.sub(r"Bron:.*", "", text, flags=re.S))
        if sentence.strip()
    ]
    lengths = [len(sentence.split()) for sentence in sentences]
    assert sum(lengths) / len(lengths) <= 12
    assert max(lengths) <= 25, max(zip(lengths, sentences, strict=True))


def test_each_answer_about_a_provision_is_one_bubble_with_the_details_behind_meer_weten(
    catalogue_file: CatalogueFile, rates: dict[int, ContributionRate]
) -> None:
    for p in catalogue_file.provisions:
        short, details = answers.provision_info(p), answers.eligibility_for(p)
        for text in (short, details, answers.how_to_apply(p), answers.pgb_for(p)):
            assert "\n\n" not in text and text.splitlines()[-1].startswith("Bron: "), text
        assert "\n\n" not in answers.own_contribution(p, rates[2024], TODAY)
        assert p.summary in short and p.for_whom not in short and p.how_to_apply not in short
        assert p.for_whom in details and f"Aanvragen: {p.how_to_apply}" in details


def test_only_aids_warn_not_to_buy_before_the_decision(catalogue_file: CatalogueFile) -> None:
    assert "Koop er zelf nog geen" in answers.how_to_apply(by_code(catalogue_file, "scootmobiel"))
    transport = answers.how_to_apply(by_code(catalogue_file, "vervoer"))
    assert "Koop" not in transport and "verbouw" not in transport


def test_a_source_line_names_each_source_once(
    catalogue_file: CatalogueFile, rates: dict[int, ContributionRate]
) -> None:
    costs = answers.contribution_general(rates[2024], catalogue_file.contribution_exemptions, TODAY)
    _, others = costs.split("\n\n")
    (line,) = [line for line in others.splitlines() if line.startswith("Bron: ")]
    parts = line.removeprefix("Bron: ").split(". Gecontroleerd")[0].split("; ")
    assert len(parts) == len(set(parts)) and "CAK, regelingen Wmo" in parts
