"""Residents' words reach the right glossary key, also inside compounds; look-alikes and provisions
are never tagged as terms."""

import pytest

from bot.glossary import GlossaryFile
from bot.glossary.matcher import GlossaryMatcher, linked_keys


@pytest.mark.parametrize(
    "text, keys",
    [
        ("Wat betekent beschikking?", ["beschikking"]),
        ("Wat staat er in mijn Wmo-beschikking?", ["beschikking"]),
        ("wat is een wlz-indicatie", ["wlz_indicatie"]),
        ("Wat is een Wlz indicatie precies", ["wlz_indicatie"]),
        ("wanneer is de herindicatie", ["herindicatie"]),
        ("Wat houdt eigen kracht in?", ["eigen_kracht"]),
        ("wat is het CAK?", ["cak"]),
        ("Wat betekent algemeen gebruikelijke voorziening", ["algemeen_gebruikelijk"]),
        ("zorg in natura of een pgb?", ["zorg_in_natura", "pgb"]),
        ("Hoe werkt een cliëntondersteuner", ["clientondersteuner"]),
        ("wat doet een clientondersteuner", ["clientondersteuner"]),
        ("mijn bezwaarschrift is te laat", ["bezwaar"]),
        ("wat is een persoonlijk plan", ["persoonlijk_plan"]),
        ("Wat is de Jeugdwet?", ["jeugdwet"]),
        ("wat doet de SVB", ["svb"]),
    ],
)
def test_terms_are_found_also_inside_compounds(glossary_matcher: GlossaryMatcher, text: str, keys: list[str]) -> None:
    assert glossary_matcher.keys(text) == keys


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb geen bezwaar tegen een gesprek",
        "het huis is ter beschikking gesteld",
        "dat is maar indicatief",
        "ze volgt een beroepsopleiding",
        "u kunt een beroep doen op uw buren",
        "ik vraag mijn naturalisatie aan",
        "valt dit onder de participatiewet",
        "mijn aanmelding voor de cursus",
        "wat is het minimale bedrag",
    ],
)
def test_look_alikes_are_never_tagged(glossary_matcher: GlossaryMatcher, text: str) -> None:
    assert glossary_matcher.keys(text) == []


@pytest.mark.parametrize(
    "text",
    ["Wat is een traplift?", "wat is een scootmobielleverancier", "Ik ben mantelzorger", "wat is mantelzorg"],
)
def test_provisions_are_not_tagged_as_terms(glossary_matcher: GlossaryMatcher, text: str) -> None:
    assert glossary_matcher.keys(text) == []


def test_a_term_next_to_a_provision_is_still_found(glossary_matcher: GlossaryMatcher) -> None:
    assert glossary_matcher.keys("herindicatie voor mijn huishoudelijke hulp") == ["herindicatie"]


def test_a_provision_s_own_word_finds_its_linked_definition(glossary_file: GlossaryFile) -> None:
    assert linked_keys(glossary_file, "Wat is een mantelzorger?", "mantelzorgondersteuning") == ["mantelzorger"]
    assert linked_keys(glossary_file, "wat is mantelzorg", "mantelzorgondersteuning") == ["mantelzorg"]
    assert linked_keys(glossary_file, "Wat is een traplift?", "woningaanpassing") == []
