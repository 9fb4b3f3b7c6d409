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
        ("ik heb een valyspas aangevraagd", []),  # Valys is national (VWS), not the gemeente's vervoer
        ("Hoe werkt Valys?", []),
        ("rijdt omnibuzz ook in het weekend", ["vervoer"]),
        ("is er een AutoMaatje in mijn dorp", ["vervoer"]),
        ("de plusbus haalt mij op", ["vervoer"]),
        ("waar vraag ik een regiotaxipas aan", ["vervoer"]),
        ("kan ik een e-bike krijgen", ["vervoer"]),
        ("kan ik een ebike krijgen", ["vervoer"]),
        ("ik wil een elektrische fiets", ["vervoer"]),
        ("mijn fiets lukt niet meer, is er iets anders", ["vervoer"]),
        ("ik zoek opvang", ["maatschappelijke_opvang"]),
        ("is er een opvangplek voor vanavond", ["maatschappelijke_opvang"]),
        ("hoe kom ik aan een opvangplaats", ["maatschappelijke_opvang"]),
        ("hulp voor daklozen", ["maatschappelijke_opvang"]),
        ("waar kunnen thuislozen terecht", ["maatschappelijke_opvang"]),
        ("zorg voor dak- en thuislozen", ["maatschappelijke_opvang"]),
        ("wat is beschermd en begeleid wonen", ["beschermd_wonen"]),
        ("mijn zoon wil begeleid wonen", ["beschermd_wonen"]),
        ("is er plek bij beschermd begeleid wonen", ["beschermd_wonen"]),
        ("mijn broer woont bij de RIBW", ["beschermd_wonen"]),
        ("ik kan niet meer schoonmaken", ["huishoudelijke_ondersteuning"]),
        ("wie komt er bij mij poetsen", ["huishoudelijke_ondersteuning"]),
        ("ik wil een poetsvrouw via de gemeente", ["huishoudelijke_ondersteuning"]),
        ("zijn er poetshulpen beschikbaar", ["huishoudelijke_ondersteuning"]),
        ("hoeveel uur schoonmaakondersteuning krijg ik", ["huishoudelijke_ondersteuning"]),
        ("hulp bij huishoudelijke taken", ["huishoudelijke_ondersteuning"]),
        ("ik heb begeleiding thuis nodig", ["individuele_begeleiding"]),
        ("kan ik een stoeltjeslift krijgen", ["woningaanpassing"]),
        ("een plateaulift bij de voordeur", ["woningaanpassing"]),
        ("ik wil een inloopdouche", ["woningaanpassing"]),
        ("ik ben eenzaam", ["ontmoeting"]),
        ("last van eenzaamheid", ["ontmoeting"]),
        ("is er iets tegen eenzaamheid", ["ontmoeting"]),
        ("waar is de buurtkamer", ["ontmoeting"]),
        ("ik wil graag mensen ontmoeten", ["ontmoeting"]),
        ("de kinderopvang en een opvangplek voor mijn vader", ["maatschappelijke_opvang"]),
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
        "mijn kind gaat naar de kinderopvang",
        "hoeveel kinderopvangtoeslag krijg ik",
        "is er buitenschoolse opvang in de wijk",
        "naschoolse opvang voor mijn dochter",
        "wij zoeken gastouderopvang",
        "de peuteropvang is vol",
        "ik heb een kat gevonden, waar is de dierenopvang",
        "asielopvang in de gemeente",
        "kan iemand mijn kinderen opvangen",
        "mijn moeder kan niet meer zelf haar tanden poetsen",
        "hulp bij het tandenpoetsen",
        "schoenen poetsen",
        "de wond schoonmaken na de operatie",
        "waar is de fietsenstalling",
        "de fietsenstallingen bij het station zijn vol",
        "het fietspad is kapot",
        "de fietspaden liggen vol bladeren",
        "er staat een fietsenrek voor mijn deur",
        "waar is een fietsenmaker",
        "een mooie fietsroute in de buurt",
        "we gaan een fietstocht maken",
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
