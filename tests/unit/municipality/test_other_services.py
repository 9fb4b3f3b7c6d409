"""Every question about another municipal service in the training data reaches the right desk by the
words of content/municipality.yml (other_services), and Wmo questions that look alike do not."""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.municipality import Municipality, read_municipality
from bot.settings import settings

ROOT = Path(__file__).resolve().parents[3]

# Out-of-scope examples that are not about one of the municipality's other services: chatter with no
# link to the gemeente, and municipal matters the taxonomy names no service for (these get the general
# out-of-scope answer).
NO_SERVICE = {
    "wat is het weer morgen",
    "vertel een mop",
    "wie wint het wk",
    "hoe laat is het",
    "wat is de hoofdstad van frankrijk",
    "asdfgh",
    "blablabla",
    "kun je mijn huiswerk maken",
    "ik wil een pizza bestellen",
    "wanneer gaat het zwembad open",
    "wat zijn de openingstijden van de bibliotheek",
    "kan ik mijn kind aanmelden voor de basisschool",
    "wie is de burgemeester",
    "wat eten we vandaag",
    "geef me een recept",
    "hoe laat gaat de supermarkt open",
    "vervoer naar school voor mijn kind regelen",
    "is de sporthal toegankelijk voor mensen in een rolstoel",
    "wat zijn de openingstijden van het zwembad",
    "is de markt morgen open",
    "waar stem ik bij de verkiezingen",
    "hoe vraag ik een subsidie aan voor mijn vereniging",
    "zing een liedje voor me",
    "wat voor weer wordt het in het weekend",
    "gaat het morgen regenen",
    "wie heeft er gisteren gewonnen in de eredivisie",
    "hoe speelde ajax",
    "wanneer begint de tour de france",
    "vertel me een grap",
    "ken je een goede mop over ambtenaren",
    "hoe oud ben jij",
    "wat is je lievelingskleur",
    "wat is de zin van het leven",
    "hoeveel is 17 keer 23",
    "schrijf een gedicht voor mijn vrouw",
    "welke film moet ik vanavond kijken",
    "hoe maak ik pannenkoeken",
    "wat is het beste recept voor erwtensoep",
    "waar kan ik goedkoop tanken",
    "hoe laat vertrekt de trein naar utrecht",
    "mijn laptop is dood, kunnen jullie helpen",
}


def _examples(path: Path, intent: str) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        line[2:].strip()
        for block in data["nlu"]
        if block.get("intent") == intent
        for line in block["examples"].splitlines()
        if line.startswith("- ")
    ]


OUT_OF_SCOPE = _examples(ROOT / "data/nlu/out_of_scope.yml", "out_of_scope") + _examples(
    ROOT / "data/nlu/near_misses.yml", "out_of_scope"
)


@pytest.fixture(scope="module")
def place() -> Municipality:
    return read_municipality(settings().municipality_file)


def test_there_are_enough_out_of_scope_examples() -> None:
    assert len(_examples(ROOT / "data/nlu/out_of_scope.yml", "out_of_scope")) >= 330


def test_every_municipal_example_reaches_a_service(place: Municipality) -> None:
    unrouted = [text for text in OUT_OF_SCOPE if text not in NO_SERVICE and place.other_service(text) is None]
    assert unrouted == []


def test_the_examples_without_a_service_get_none(place: Municipality) -> None:
    routed = [text for text in OUT_OF_SCOPE if text in NO_SERVICE and place.other_service(text)]
    assert routed == []
    assert set(OUT_OF_SCOPE) >= NO_SERVICE, "NO_SERVICE names an example that is no longer in the data"


def test_every_service_has_at_least_25_examples(place: Municipality) -> None:
    services = [place.other_service(text) for text in OUT_OF_SCOPE]
    counts = Counter(service.name for service in services if service)
    assert {s.name for s in place.other_services} == set(counts)
    assert min(counts.values()) >= 25, counts


BELASTINGEN = "belastingen en WOZ"
WERK = "werk, inkomen en schulden"
VERHUIZEN = "verhuizen en inschrijven"
PAS = "paspoort, id-kaart en rijbewijs"
WONEN = "wonen en huur"
AFVAL = "afval en grofvuil"
MELDING = "meldingen openbare ruimte"


@pytest.mark.parametrize(
    "text, service",
    [
        ("Mijn WOZ-beschikking is veel te hoog, wat kan ik doen?", BELASTINGEN),
        ("taxatie verslag woning opvragen", BELASTINGEN),
        ("Ik wil kwijtschelding van de afvalstoffenheffing", BELASTINGEN),
        ("kwijtschelding gemeentelijke belastingen 2027", BELASTINGEN),
        ("hoeveel hondenbelasting voor een labrador", BELASTINGEN),
        ("Ik ben het oneens met de aanslag", BELASTINGEN),
        ("parkeerbelasting naheffing onterecht", "parkeren"),
        ("GFT-bak niet geleegd", AFVAL),
        ("Grofvuil ophalen aanvragen", AFVAL),
        ("de kliko's staan al dagen vol", AFVAL),
        ("onze huurverhoging is te hoog, kan de huurcommissie helpen", WONEN),
        ("Ik ben woningzoekende en wil urgentie", WONEN),
        ("hoe lang is de wachttijd voor een huurwoning", WONEN),
        ("Bijstand aanvragen na ontslag", WERK),
        ("ik heb schuldhulpverlening nodig", WERK),
        ("Kan ik bijzondere bijstand krijgen voor een bed?", WERK),
        ("huurtoeslag aanvragen", WERK),
        ("zorgtoeslag terugbetalen", WERK),
        ("Mijn paspoort verloopt volgende maand", PAS),
        ("ID-kaart kwijt", PAS),
        ("rijbewijs vernieuwen", PAS),
        ("Ik wil mijn adreswijziging doorgeven", VERHUIZEN),
        ("Verhuizing doorgeven aan de gemeente", VERHUIZEN),
        ("ik wil me inschrijven op mijn nieuwe adres", VERHUIZEN),
        ("uittreksel BRP voor de notaris", VERHUIZEN),
        ("bewonersparkeervergunning aanvragen", "parkeren"),
        ("waar mag ik parkeren met een gehandicaptenparkeerkaart", "parkeren"),
        ("Omgevingsvergunning voor een dakkapel", "vergunningen"),
        ("vergunning voor een evenement", "vergunningen"),
        ("Er is een lantaarnpaal kapot bij ons", MELDING),
        ("losse stoeptegel voor het huis", MELDING),
        ("veel zwerfafval in de straat", MELDING),
        ("overlast van hangjongeren", MELDING),
        ("wat voor weer wordt het morgen", None),
        ("vertel eens een grap", None),
        # Wmo questions that look alike: not an other service. (Moving with Wmo help is the intent
        # moving_municipality: it never reaches action_out_of_scope.)
        ("kwijtschelding eigen bijdrage wmo", None),
        ("Kan ik kwijtschelding krijgen van de eigen bijdrage voor mijn huishoudelijke hulp?", None),
        ("Ik heb een laag inkomen, is er kwijtschelding voor de Wmo-bijdrage?", None),
        ("Ik ga verhuizen", VERHUIZEN),
        ("ik heb een hulphond nodig", None),
        ("ik wil bezwaar maken tegen de beschikking", None),
        ("mijn scootmobiel is kapot", None),
    ],
)
def test_a_phrasing_reaches_the_expected_service(place: Municipality, text: str, service: str | None) -> None:
    found = place.other_service(text)
    assert (found.name if found else None) == service
