"""Signs of acute need are found in varied phrasings, ordinary Wmo questions are left alone, and the
help lines come first with the right numbers."""
import pytest
import yaml
from pydantic import ValidationError

from bot.crisis import (
    CRISIS_FILE,
    CrisisHelp,
    CrisisKind,
    crisis_help,
    read_crisis_file,
)
from bot.municipality import municipality


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
def test_a_sign_of_acute_need_is_found(text, kind):
    assert CrisisKind(kind) in crisis_help().detect(text)


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
def test_ordinary_wmo_messages_raise_no_alarm(text):
    assert crisis_help().detect(text) == []


def test_several_signs_in_one_message_are_all_found():
    assert crisis_help().detect("mijn man slaat me en ik wil dood") == [CrisisKind.geweld, CrisisKind.zelfdoding]


@pytest.mark.parametrize(
    "kind, first_line, numbers",
    [
        (CrisisKind.geweld, "Bel 112", ["0800-2000"]),
        (CrisisKind.zelfdoding, "113 Zelfmoordpreventie", ["113", "0800-0113", "112"]),
        (CrisisKind.dakloos, "geen veilige plek om te slapen", ["14 0000", "dag en nacht bereikbaar", "112"]),
        (CrisisKind.overbelast, "Gaat het echt niet meer", ["14 0000", "huisartsenpost", "0800-0113", "112"]),
        (CrisisKind.gevaar, "Bel 112", []),
    ],
)
def test_the_help_lines_come_first_with_the_right_numbers(kind, first_line, numbers):
    text = crisis_help().message([kind], municipality())
    paragraphs = text.split("\n\n")
    assert first_line in paragraphs[1]
    assert all(number in text for number in numbers)
    assert "Wilt u daarna verder met uw vraag over de Wmo" in text and "Bron: " in text


def test_a_crisis_without_a_known_kind_gives_the_general_lines():
    text = crisis_help().message([], municipality())
    assert "112" in text and "0800-2000" in text and "0800-0113" in text


def write_variant(tmp_path, change):
    raw = yaml.safe_load(CRISIS_FILE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "crisis.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["signals"][0]["patterns"].append("(unclosed"), "geen geldige reguliere expressie"),
        (lambda raw: raw["signals"][1]["lines"].append("bestaat_niet"), "onbekende hulplijn(en): bestaat_niet"),
        (lambda raw: raw["signals"].pop(), "precies een keer"),
        (lambda raw: raw["lines"].update(gevaar="Bel {noodnummer}"), "onbekende invulplek"),
    ],
)
def test_a_broken_crisis_file_is_refused(tmp_path, change, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_crisis_file(write_variant(tmp_path, change))


def test_detection_is_fast_enough_for_a_10000_character_message():
    helper = CrisisHelp(read_crisis_file(CRISIS_FILE))
    assert helper.detect("ik wil hulp bij het huishouden " * 330) == []


def run_nlu_tail(text, diet_intent, diet_confidence):
    """The crisis detector and Rasa's own FallbackClassifier, as config.yml chains them after DIET."""
    from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
    from rasa.shared.nlu.training_data.message import Message

    from components.crisis_detector import CrisisSignalDetector

    ranking = [{"name": diet_intent, "confidence": diet_confidence}, {"name": "greet", "confidence": 1 - diet_confidence}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []})
    detector = CrisisSignalDetector(crisis_help())
    fallback = FallbackClassifier({**FallbackClassifier.get_default_config(), "threshold": 0.45, "ambiguity_threshold": 0.08})
    (message,) = fallback.process(detector.process([message]))
    return message.get("intent")["name"], [e["value"] for e in message.get("entities")]


def test_a_crisis_wins_over_a_confident_classifier_and_the_fallback():
    assert run_nlu_tail("ik heb geen plek om te slapen vanavond", "provision_info", 0.97) == ("crisis", ["dakloos"])


def test_without_a_sign_the_classifier_keeps_its_intent():
    assert run_nlu_tail("wat kost een traplift", "own_contribution", 0.97) == ("own_contribution", [])
