"""Signs of acute need are found in varied phrasings, ordinary Wmo questions are left alone, and the
help lines come first with the right numbers."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.content.reader import ContentError
from bot.crisis import CrisisDetector, CrisisKind, crisis_detector, crisis_help, read_crisis_file
from bot.municipality import municipality
from bot.settings import settings
from tests.helpers import write_variant


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Mijn man slaat mij.", "geweld"),
        ("mijn vriend sloeg me gisteren weer", "geweld"),
        ("ik word thuis mishandeld", "geweld"),
        ("Ik ben bang voor mijn ex", "geweld"),
        ("er is huiselijk geweld bij mijn buren", "geweld"),
        ("ik voel me thuis niet veilig", "geweld"),
        ("mijn zoon bedreigt mij en pakt mijn geld", "geweld"),
        ("ik denk aan ouderenmishandeling bij mijn tante", "geweld"),
        ("mijn moeder wordt door haar partner geslagen", "geweld"),
        ("hij heeft me gisteren weer geschopt", "geweld"),
        ("mijn echtgenote bedreigt mij", "geweld"),
        ("ik word al maanden gestalkt", "geweld"),
        ("mijn vriend sluit me op als hij weggaat", "geweld"),
        ("Ik wil niet meer leven", "zelfdoding"),
        ("ik denk aan zelfmoord", "zelfdoding"),
        ("ik wil er een eind aan maken", "zelfdoding"),
        ("Ik zie het echt niet meer zitten", "zelfdoding"),
        ("soms wil ik gewoon dood", "zelfdoding"),
        ("ik ben suïcidaal", "zelfdoding"),
        ("ik wil mezelf iets aandoen", "zelfdoding"),
        ("mijn vader zegt dat het leven geen zin meer heeft", "zelfdoding"),
        ("mijn broer zegt dat hij niet meer wil leven", "zelfdoding"),
        ("eigenlijk wil ik echt dood", "zelfdoding"),
        ("ik zie geen uitweg meer", "zelfdoding"),
        ("ik heb vannacht geen slaapplek", "dakloos"),
        ("Ik slaap vannacht op straat", "dakloos"),
        ("we zijn uit huis gezet", "dakloos"),
        ("ik kan vannacht nergens heen", "dakloos"),
        ("ik ben sinds kort dakloos", "dakloos"),
        ("ik heb geen dak boven mijn hoofd", "dakloos"),
        ("Ik kan het niet meer aan met de zorg voor mijn man", "overbelast"),
        ("ik trek het niet meer, ik zorg al jaren voor mijn moeder", "overbelast"),
        ("ik hou het niet meer vol als mantelzorger", "overbelast"),
        ("Ik ben op.", "overbelast"),
        ("ik ben helemaal opgebrand", "overbelast"),
        ("ik ben ten einde raad", "overbelast"),
        ("mijn moeder is gevallen en kan niet opstaan", "gevaar"),
        ("er is levensgevaar", "gevaar"),
        ("dit is een noodgeval", "gevaar"),
    ],
)
def test_a_sign_of_acute_need_is_found(text: str, kind: str) -> None:
    assert CrisisKind(kind) in crisis_detector().detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik ben op zoek naar een traplift",
        "ik kan het huishouden niet meer aan",
        "ik kan niet meer traplopen",
        "ik kan het niet meer alleen, kan ik hulp krijgen",
        "mijn moeder wil thuis sterven, welke zorg is er",
        "het is thuis niet veilig meer met de trap, mijn vader valt steeds",
        "ik wil veilig thuis blijven wonen",
        "wat doet de gemeente voor daklozen",
        "ik ga in januari verhuizen",
        "mijn man helpt mij met douchen",
        "de mantelzorg valt me zwaar",
        "ik ben op dinsdag thuis",
        "ik heb een uitweg gevonden voor de trap",
        "de plant in de vensterbank gaat dood",
        "Wat kost een scootmobiel?",
        "ik heb geen slaapkamer beneden",
        "mijn rolstoel is kapot",
        "",
    ],
)
def test_ordinary_wmo_messages_raise_no_alarm(text: str) -> None:
    assert crisis_detector().detect(text) == []


def test_several_signs_in_one_message_are_all_found() -> None:
    assert crisis_detector().detect("mijn man slaat me en ik wil dood") == [CrisisKind.geweld, CrisisKind.zelfdoding]


@pytest.mark.parametrize(
    "kind, first_line, numbers",
    [
        (CrisisKind.geweld, "Bel 112", ["0800-2000"]),
        (CrisisKind.zelfdoding, "113 Zelfmoordpreventie", ["113", "0800-0113", "112"]),
        (CrisisKind.dakloos, "geen veilige plek om te slapen", ["14 0000", "8.30 tot 17.00 uur", "112"]),
        (CrisisKind.overbelast, "Gaat het echt niet meer", ["14 0000", "huisartsenpost", "0800-0113", "112"]),
        (CrisisKind.gevaar, "Bel 112", []),
    ],
)
def test_the_help_lines_come_first_with_the_right_numbers(
    kind: CrisisKind, first_line: str, numbers: list[str]
) -> None:
    text = crisis_help().message([kind], municipality())
    lines = text.split("\n")
    assert "\n\n" not in text, "one bubble"
    assert first_line in lines[1]
    assert all(number in text for number in numbers)
    assert "Wilt u daarna verder met uw vraag over de Wmo" in text and "Bron: " in text


def test_a_crisis_without_a_known_kind_gives_the_general_lines() -> None:
    text = crisis_help().message([], municipality())
    assert "112" in text and "0800-2000" in text and "0800-0113" in text


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["signals"][0]["patterns"].append("(unclosed"), "geen geldige reguliere expressie"),
        (lambda raw: raw["signals"][1]["lines"].append("bestaat_niet"), "onbekende hulplijn(en): bestaat_niet"),
        (lambda raw: raw["signals"].pop(), "precies een keer"),
        (lambda raw: raw["lines"].update(gevaar="Bel {noodnummer}"), "onbekende invulplek"),
    ],
)
def test_a_broken_crisis_file_is_refused(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ContentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_crisis_file(write_variant(tmp_path, settings().crisis_file, change))


def test_detection_is_fast_enough_for_a_10000_character_message() -> None:
    detector = CrisisDetector(read_crisis_file(settings().crisis_file))
    assert detector.detect("ik wil hulp bij het huishouden " * 330) == []
