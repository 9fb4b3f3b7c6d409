"""Residents' words reach the right catalogue code; look-alikes are never tagged as provisions."""

import pytest

from bot.catalogue.models import CatalogueFile
from bot.catalogue.terms import ProvisionMatcher


@pytest.fixture(scope="module")
def matcher(catalogue_file: CatalogueFile) -> ProvisionMatcher:
    return ProvisionMatcher.from_catalogue(catalogue_file)


@pytest.mark.parametrize(
    "text, codes",
    [
        ("Kan ik een rolstoelvoorziening krijgen?", ["rolstoel"]),
        ("Ik wil een woonaanpassing", ["woningaanpassing"]),
        ("Hoe kom ik aan een Wmo-pasje?", ["vervoer"]),
        ("mijn trapliftaanvraag is nog niet klaar", ["woningaanpassing"]),
        ("Kan ik huishoudelijke hulp krijgen?", ["huishoudelijke_ondersteuning"]),
        ("hulp bij het huishouden en een traplift", ["huishoudelijke_ondersteuning", "woningaanpassing"]),
        ("Wat kost een SCOOTMOBIEL?", ["scootmobiel"]),
        ("kan ik een scootmobil krijgen", ["scootmobiel"]),
        ("de rolstoeltaxi komt te laat", ["vervoer"]),
        ("mijn vader gaat naar de groepsbegeleiding", ["dagbesteding"]),
        ("ik heb ib nodig", ["individuele_begeleiding"]),
        ("is er een tafeltje-dekje bij mij in de buurt", ["maaltijdvoorziening"]),
        ("kan mijn moeder naar een logeerhuis", ["kortdurend_verblijf"]),
        ("wie betaalt een blindengeleidehond", ["hulphond"]),
        ("Ik ben mantelzorger voor mijn man", ["mantelzorgondersteuning"]),
    ],
)
def test_provisions_are_found_also_inside_compounds(matcher: ProvisionMatcher, text: str, codes: list[str]) -> None:
    assert matcher.codes(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        "leerlingenvervoer voor mijn zoon",
        "is het stadhuis rolstoeltoegankelijk",
        "mijn moeder woont in een verzorgingshuis",
        "wanneer wordt het huishoudelijk afval opgehaald",
        "ik wil een mantelzorgwoning in de tuin bouwen",
        "ik heb een hond en wil hondenbelasting betalen",
        "ik zoek de bibliotheek",
        "hoe vraag ik een paspoort aan",
        "ik wil een gehandicaptenparkeerkaart",
        "",
    ],
)
def test_words_that_only_look_like_a_provision_are_not_tagged(matcher: ProvisionMatcher, text: str) -> None:
    assert matcher.codes(text) == []


def test_every_catalogue_term_reaches_its_own_provision(
    matcher: ProvisionMatcher, catalogue_file: CatalogueFile
) -> None:
    for provision in catalogue_file.provisions:
        for term in provision.terms:
            assert matcher.codes(f"ik vraag naar {term} graag") == [provision.code], term


def test_a_mention_keeps_its_position_in_the_original_text(matcher: ProvisionMatcher) -> None:
    text = "Mijn Moeder wil een Traplift"
    (mention,) = matcher.find(text)
    assert text[mention.start : mention.end] == "Traplift" == mention.text
