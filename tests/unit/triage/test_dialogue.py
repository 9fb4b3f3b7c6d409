"""The check's conversation without Rasa: typed or clicked answers become answers, what the resident
already said is not asked again, and other messages go back to the dialogue policy."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import pytest

from bot.catalogue.models import CatalogueFile
from bot.catalogue.terms import ProvisionMatcher
from bot.content.reader import ContentError
from bot.crisis import CrisisKind
from bot.dialogue.message import Message
from bot.settings import settings
from bot.triage.dialogue import WHO, TriageDialogue
from bot.triage.model import Question
from bot.triage.needs import Needs, read_needs_file
from bot.triage.questions import read_questions
from tests.helpers import write_variant


class Say(Protocol):
    """The say fixture: a message as the forms see it, with the provisions the matcher finds in it."""

    def __call__(
        self, text: str, intent: str = ..., confidence: float = ..., crisis: Sequence[CrisisKind] = ...
    ) -> Message: ...


@pytest.fixture(scope="module")
def matcher(catalogue_file: CatalogueFile) -> ProvisionMatcher:
    return ProvisionMatcher.from_catalogue(catalogue_file)


@pytest.fixture
def say(matcher: ProvisionMatcher) -> Say:
    def message(
        text: str, intent: str = "inform", confidence: float = 0.9, crisis: Sequence[CrisisKind] = ()
    ) -> Message:
        return Message(text, intent, confidence, tuple(matcher.codes(text)), tuple(crisis))

    return message


@pytest.mark.parametrize(
    "first_message, known",
    [
        (
            "Kan mijn moeder van 82 een traplift krijgen?",
            {"triage_subject": "ander", WHO: "uw moeder", "triage_need": "woning", "triage_age": "ouder"},
        ),
        (
            "kom ik in aanmerking voor huishoudelijke hulp",
            {"triage_subject": "zelf", WHO: "u", "triage_need": "huishouden"},
        ),
        (
            "ik wil voor mijn vader nagaan of hij een scootmobiel kan krijgen",
            {"triage_subject": "ander", WHO: "uw vader", "triage_need": "scootmobiel"},
        ),
        ("mijn dochter van 15 heeft begeleiding nodig", {"triage_age": "jonger", "triage_need": "begeleiding"}),
        ("kom ik in aanmerking", {"triage_subject": "zelf", "triage_need": None}),
        (
            "Mijn vrouw en ik zijn allebei 87. Het huishouden lukt ons niet meer.",
            {"triage_subject": "zelf", WHO: "u", "triage_need": "huishouden", "triage_limitation": "lichamelijk"},
        ),
        (
            "Door mijn hartfalen lukt het huishouden niet meer.",
            {"triage_subject": "zelf", "triage_limitation": "lichamelijk"},
        ),
        ("Na de chemotherapie ben ik erg moe, het huishouden lukt niet", {"triage_limitation": "lichamelijk"}),
        ("Ik heb een bipolaire stoornis en mijn post loopt uit de hand", {"triage_limitation": "psychisch"}),
        (
            "Ik hoor steeds slechter. Kan ik een hoortoestel krijgen?",
            {"triage_subject": "zelf", "triage_need": "zvw_hulpmiddel", "triage_limitation": "lichamelijk"},
        ),
        ("Betaalt de gemeente een elektrische fiets?", {"triage_need": "vervoer", "triage_item": "een e-bike"}),
        ("ik wil een e-fiets want ik heb reuma", {"triage_item": "een e-bike", "triage_ordinary": False}),
    ],
)
def test_what_the_resident_already_said_is_not_asked_again(
    dialogue: TriageDialogue, say: Say, first_message: str, known: dict[str, str | None]
) -> None:
    slots = dialogue.start(say(first_message, "check_eligibility"), None, "")
    assert {name: slots[name] for name in known} == known


def test_the_provision_just_asked_about_is_the_topic(dialogue: TriageDialogue, say: Say) -> None:
    slots = dialogue.start(say("ja"), "rolstoel", "kan ik een rolstoelvoorziening krijgen")
    assert slots["triage_need"] == "rolstoel" and slots["triage_need_text"] == "kan ik een rolstoelvoorziening krijgen"
    assert slots["triage_subject"] == "zelf"


@pytest.mark.parametrize(
    "question, typed, answer",
    [
        ("triage_subject", "Voor mijzelf", "zelf"),
        ("triage_subject", "voor mijn oma", "ander"),
        ("triage_wlz", "Nee", "nee"),
        ("triage_wlz", "nee hoor, geen indicatie", "nee"),
        ("triage_wlz", "ze woont in een verpleeghuis", "indicatie"),
        ("triage_wlz", "hij heeft 24 uur per dag toezicht nodig", "zorg_24_uur"),
        ("triage_wlz", "geen idee eigenlijk", "onbekend"),
        ("triage_duration", "3 maanden", "kort"),
        ("triage_duration", "twee jaar", "lang"),
        ("triage_duration", "korter dan een half jaar", "kort"),
        ("triage_duration", "voorgoed denk ik", "lang"),
        ("triage_age", "ze is 16", "jonger"),
        ("triage_age", "82", "ouder"),
        ("triage_age", "jonger dan 18 jaar", "jonger"),
        ("triage_has_it", "Oude werkt nog", "oude_werkt"),
        ("triage_has_it", "die is kapot", "oude_versleten"),
        ("triage_has_it", "nee, nog niet gekocht", "nee"),
        ("triage_help_now", "mijn dochter helpt, maar het wordt te zwaar", "netwerk_te_zwaar"),
        ("triage_help_now", "niemand", "nee"),
        ("triage_help_now", "ik heb een schoonmaakster die ik zelf betaal", "zelf_betaald"),
        ("triage_housemate", "mijn man, maar die is ziek", "nee"),
        ("triage_housemate", "ja, mijn man, die werkt wel", "ja"),
        ("triage_housemate", "ik woon alleen", "nee"),
        ("triage_general", "ja maar dat helpt niet", "niet_genoeg"),
        ("triage_general", "nee, wist ik niet", "nog_niet"),
        ("triage_medical", "Aansporing nodig", "nee"),
        ("triage_medical", "na de operatie aan mijn heup", "ja"),
        ("triage_safe_tonight", "nee", "nee"),
        ("triage_need", "Iets anders", "anders"),
        ("triage_need", "Woning aanpassen", "woning"),
    ],
)
def test_a_typed_or_clicked_answer_is_understood(
    dialogue: TriageDialogue, say: Say, question: str, typed: str, answer: str
) -> None:
    turn = dialogue.take({}, question, say(typed))
    assert not turn.reject and not turn.not_understood
    assert turn.updates[question] == answer


@pytest.mark.parametrize(
    "typed, need",
    [
        ("Ik kan de trap niet meer op", "woning"),
        ("mijn huis wordt vies, ik kan niet meer schoonmaken", "huishouden"),
        ("ik wil een woonaanpassing", "woning"),
        ("ik vergeet mijn afspraken en de post stapelt zich op", "begeleiding"),
        ("ik ben eenzaam", "contact"),
        ("ik heb wondverzorging nodig", "medisch"),
        ("kan de logopedist bij mij thuis komen na het ongeluk", "medisch"),
        ("ik wil ergotherapie om weer zelf te koken", "medisch"),
        ("wie helpt er in huis na mijn bevalling in maart", "medisch"),
        ("de ergotherapeut zei dat ik een douchestoel nodig heb", "hulpmiddel"),
        ("ik wil een driewielfiets", "vervoer"),
        ("ik heb incontinentiemateriaal nodig", "zvw_hulpmiddel"),
        ("door haar incontinentie lukt de was niet meer", "huishouden"),
        ("Hulpmiddel in huis", "hulpmiddel"),
        ("mijn vrouw heeft rust nodig van het zorgen", "mantelzorg"),
        ("ik wil een sta-op stoel", "hulpmiddel"),
        ("een boodschappentrolley zou fijn zijn", "hulpmiddel"),
        ("mijn dochter is net bevallen, wie helpt haar thuis", "medisch"),
        ("we zoeken een casemanager dementie voor mijn vrouw", "medisch"),
        ("hij moet ergens revalideren voor hij naar huis kan", "herstelverblijf"),
        ("de internist noemt een sensor op mijn arm voor mijn diabetes", "zvw_hulpmiddel"),
        ("betaalt de gemeente een glucosesensor", "zvw_hulpmiddel"),
        ("als wijkverpleegkundige kom ik bij een mevrouw die haar huis niet meer schoon krijgt", "huishouden"),
        ("kan er als het nodig is een wijkverpleegkundige komen", "medisch"),
        ("hebben we recht op een aangepaste buggy", "rolstoel"),
        ("ik zou graag een maatje hebben om mee te wandelen", "contact"),
        ("hij zit hele dagen alleen en wil meer contact met mensen", "contact"),
        ("is er een ontmoetingsgroep voor mijn moeder", "dagbesteding"),
        ("koken kan ik nog, maar ik zou graag samen met anderen aan tafel zitten", "contact"),
        # Several tasks with a cognitive problem are one need for begeleiding; without one, the first task.
        ("hij heeft een lvb, koken en afspraken lukken hem niet", "begeleiding"),
        ("door mijn knie lukken koken en afspraken niet", "maaltijden"),
        # Walk-in help for everyone, each a need of its own; a wheelchair one sits in is no request.
        ("ik zit in een rolstoel en wil graag sporten", "sport"),
        ("mijn bovenburen maken elke nacht herrie", "buren"),
        ("ik wil nog leren lezen en schrijven", "taal"),
        ("kan de keuken aangepast worden, ik kan niet bij het aanrecht", "woning"),
        ("wie kan onderzoeken of het dementie is", "medisch"),
    ],
)
def test_the_need_in_the_residents_own_words_reaches_its_topic(
    dialogue: TriageDialogue, say: Say, typed: str, need: str
) -> None:
    turn = dialogue.take({}, "triage_need_text", say(typed))
    assert turn.updates["triage_need"] == need and turn.updates["triage_need_text"] == typed


@pytest.mark.parametrize(
    "typed, not_need",
    [
        # "bevallen" as "pleased" is no childbirth; a revalidatie gone by is a cause, not a stay asked for.
        ("de hulp bij het schoonmaken is me goed bevallen, maar nu kan ik niet meer stofzuigen", "medisch"),
        ("na mijn revalidatie kan ik de trap niet meer op", "herstelverblijf"),
        ("mijn casemanager van de ggz zegt dat ik hulp bij mijn administratie nodig heb", "medisch"),
        # Another sensor is no glucose sensor; the groceries themselves are no trolley.
        ("ik wil een bewegingssensor in de gang zodat ik niet val", "zvw_hulpmiddel"),
        ("ik kan geen boodschappen meer doen", "hulpmiddel"),
        ("onze gewone buggy is kapot, waar koop ik een nieuwe", "rolstoel"),
        ("mijn maatje helpt al, maar ik heb hulp nodig bij de boodschappen", "contact"),
        ("de groep van de kerk helpt, maar ik kan de trap niet meer op", "dagbesteding"),
        ("ik kan niet meer aan tafel zitten door mijn rug en wil een aangepaste stoel", "contact"),
        # A neighbour asking for help is no quarrel with the neighbours; a sportrolstoel is a wheelchair.
        ("mijn buurvrouw kan haar huis niet meer schoonhouden", "buren"),
        ("ik wil een sportrolstoel", "sport"),
        # A diagnosis had is a cause, not an examination asked for.
        ("ze heeft de diagnose dementie gekregen en kan niet meer koken", "medisch"),
    ],
)
def test_a_look_alike_does_not_reach_that_topic(dialogue: TriageDialogue, say: Say, typed: str, not_need: str) -> None:
    turn = dialogue.take({}, "triage_need_text", say(typed))
    assert turn.updates.get("triage_need") != not_need


@pytest.mark.parametrize(
    "typed, item",
    [
        ("kan de gemeente een antislipmat regelen", "antislip"),
        ("ik wil een boodschappentrolley", "een boodschappentrolley"),
    ],
)
def test_an_ordinary_thing_from_any_shop_is_noted(dialogue: TriageDialogue, say: Say, typed: str, item: str) -> None:
    turn = dialogue.take({}, "triage_need_text", say(typed))
    assert turn.updates["triage_item"] == item and turn.updates["triage_ordinary"] is True


@pytest.mark.parametrize(
    "typed",
    ["ik glijd steeds uit in de douche, kan daar iets aan gedaan worden", "ik kan mijn boodschappen niet meer dragen"],
)
def test_a_need_near_an_ordinary_thing_is_no_ordinary_thing(dialogue: TriageDialogue, say: Say, typed: str) -> None:
    turn = dialogue.take({}, "triage_need_text", say(typed))
    assert not turn.updates.get("triage_ordinary")


def test_what_is_taken_away_from_someone_is_no_item_asked_for(dialogue: TriageDialogue, say: Say) -> None:
    turn = dialogue.take({}, "triage_need_text", say("als we de computer afpakken wordt hij woedend"))
    assert not turn.updates.get("triage_ordinary") and not turn.updates.get("triage_item")
    assert dialogue.take({}, "triage_need_text", say("ik wil een nieuwe computer")).updates["triage_ordinary"] is True


def test_an_ordinary_product_and_being_able_to_pay_are_noted_from_the_words(dialogue: TriageDialogue, say: Say) -> None:
    turn = dialogue.take({}, "triage_need_text", say("ik wil een nieuwe magnetron, ik kan het zelf betalen"))
    assert turn.updates["triage_ordinary"] is True and turn.updates["triage_pays_self"] is True
    assert dialogue.take({}, "triage_need_text", say("ik wil een driewielfiets")).updates["triage_ordinary"] is False


@pytest.mark.parametrize(
    "typed, subject, who",
    [("voor mezelf", "zelf", "u"), ("het gaat om mij", "zelf", "u"), ("voor mijn moeder", "ander", "uw moeder")],
)
def test_who_it_is_for_typed_as_the_need_is_kept_and_the_need_asked_again(
    dialogue: TriageDialogue, say: Say, typed: str, subject: str, who: str
) -> None:
    slots = dialogue.start(say("Hallo, een vraag over de Wmo"), None, "")
    turn = dialogue.take(slots, "triage_need_text", say(typed))
    assert turn.updates == {"triage_subject": subject, WHO: who}
    slots.update(turn.updates)
    assert dialogue.assess(slots).next_question is Question.need_text


@pytest.mark.parametrize("typed", ["voor mezelf", "hulp voor mijn dochter", "praten met andere ouders"])
def test_who_typed_as_the_need_once_more_is_the_need_in_the_residents_words(
    dialogue: TriageDialogue, say: Say, typed: str
) -> None:
    # Asking the need a third time would ask what was said twice; the menu of topics comes next.
    slots = dialogue.start(say("Hallo, een vraag over de Wmo"), None, "")
    slots.update(dialogue.take(slots, "triage_need_text", say(typed)).updates)
    slots.update(dialogue.take(slots, "triage_need_text", say(typed)).updates)
    assert slots["triage_need_text"] == typed
    assert dialogue.assess(slots).next_question is not Question.need_text


@pytest.mark.parametrize("typed", ["voor mezelf hulp bij het huishouden", "mijn moeder kan niet meer koken"])
def test_a_need_that_also_says_who_is_a_need(dialogue: TriageDialogue, say: Say, typed: str) -> None:
    slots = dialogue.start(say("Ik wil nagaan of ik hulp kan krijgen"), None, "")
    assert dialogue.take(slots, "triage_need_text", say(typed)).updates["triage_need"] is not None


def test_an_unclear_answer_is_asked_again(dialogue: TriageDialogue, say: Say) -> None:
    turn = dialogue.take({}, "triage_wlz", say("tja", intent="nlu_fallback", confidence=0.3))
    assert turn.not_understood and not turn.updates


@pytest.mark.parametrize(
    "question, text, intent, crisis",
    [
        ("triage_wlz", "stoppen", "stop", ()),
        ("triage_wlz", "terug", "go_back", ()),
        ("triage_help_now", "ik wil een mens spreken", "request_human", ()),
        ("triage_wlz", "wat kost dat eigenlijk?", "own_contribution", ()),
        ("triage_need_text", "wat is een pgb?", "pgb", ()),
        ("triage_need_text", "mijn man slaat mij", "crisis", (CrisisKind.geweld,)),
        ("triage_housemate", "Nee", "deny", (CrisisKind.geweld,)),
        ("triage_wlz", "weet ik niet, wat is een Wlz-indicatie?", "define_term", ()),
    ],
)
def test_other_messages_go_back_to_the_dialogue_policy(
    dialogue: TriageDialogue, say: Say, question: str, text: str, intent: str, crisis: tuple[CrisisKind, ...]
) -> None:
    assert dialogue.take({}, question, say(text, intent, crisis=crisis)).reject


def test_a_clicked_button_is_an_answer_whatever_the_classifier_thought(dialogue: TriageDialogue, say: Say) -> None:
    turn = dialogue.take({}, "triage_subject", say("Voor een ander", intent="go_back", confidence=0.8))
    assert turn.updates == {"triage_subject": "ander", WHO: "uw naaste"}


def test_going_back_clears_the_last_answer_and_only_that(dialogue: TriageDialogue) -> None:
    slots = {
        "triage_subject": "zelf",
        WHO: "u",
        "triage_need_text": "trap",
        "triage_need": "woning",
        "triage_limitation": "lichamelijk",
        "triage_wlz": "nee",
    }
    assert dialogue.assess(slots).next_question is Question.has_it
    assert dialogue.back(slots) == {"triage_wlz": None}
    assert dialogue.back({"triage_subject": "zelf", WHO: "u"}) == {"triage_subject": None, WHO: None}
    assert dialogue.back({}) == {}


def test_questions_speak_about_the_person_it_is_for(dialogue: TriageDialogue) -> None:
    assert dialogue.questions.text(Question.wlz, "uw moeder").startswith("Heeft uw moeder een Wlz-indicatie")
    assert dialogue.questions.text(Question.housemate, "u").startswith("Woont er bij u iemand")
    general = dialogue.questions.text(Question.general, "u", ("maaltijdvoorziening",))
    assert "maaltijdservice" in general


def test_buttons_fit_whatsapp(dialogue: TriageDialogue) -> None:
    for question in Question:
        titles = dialogue.questions.buttons(question)
        assert titles and len(titles) <= 10 and all(len(title) <= 20 for title in titles), question


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["needs"][0]["provisions"].append("bestaat_niet"), "onbekende voorziening"),
        (lambda raw: raw["provision_needs"].pop("rolstoel"), "provision_needs mist voorziening"),
        (lambda raw: raw["needs"][0].update(button="Een veel te lange knoptekst"), "button"),
        (lambda raw: raw["needs"].append(dict(raw["needs"][0])), "meer dan eens"),
    ],
)
def test_a_broken_needs_file_is_refused(
    tmp_path: Path, catalogue_file: CatalogueFile, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises((ContentError, ValueError), match=message):
        Needs(read_needs_file(write_variant(tmp_path, settings().needs_file, change)), catalogue_file.provisions)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda raw: raw["triage_wlz"]["options"].pop(), "triage_wlz: antwoorden moeten"),
        (lambda raw: raw.pop("triage_general"), "verschil: \\['triage_general'\\]"),
        (lambda raw: raw["triage_age"].update(text="Hoe oud is {persoon}?"), "onbekende invulplek"),
    ],
)
def test_a_broken_questions_file_is_refused(
    tmp_path: Path, needs: Needs, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ContentError, match=message):
        read_questions(needs, write_variant(tmp_path, settings().questions_file, change))


@pytest.mark.parametrize(
    ("typed", "need"),
    [
        # Words under the menu that name none of its topics are "Iets anders", kept as the resident said it.
        ("iemand die ons helpt bij het gesprek met de gemeente", "anders"),
        # A topic in other words is that topic; hesitating is asked again.
        ("hulp bij het schoonmaken van mijn huis", "huishouden"),
        ("weet ik eigenlijk niet", None),
        ("tja", None),
    ],
)
def test_words_typed_under_the_need_menu_are_read_not_asked_again(
    dialogue: TriageDialogue, say: Say, typed: str, need: str | None
) -> None:
    slots = {"triage_need_text": "iets voor het gesprek"}
    turn = dialogue.take(slots, "triage_need", say(typed))
    assert turn.updates.get("triage_need") == need and turn.not_understood is (need is None)
    fresh = dialogue.take({}, "triage_need", say("iemand die ons helpt bij het gesprek met de gemeente"))
    assert fresh.updates["triage_need_text"] == "iemand die ons helpt bij het gesprek met de gemeente"


@pytest.mark.parametrize(
    "typed, need",
    [
        ("ik snap de brief van het CAK over de eigen bijdrage voor mijn huishoudelijke hulp niet", "formulieren"),
        ("mijn scootmobiel is kapot", "scootmobiel"),
        ("kan ik huishoudelijke hulp krijgen", "huishouden"),
    ],
)
def test_a_provision_the_resident_has_is_no_need_when_other_words_name_one(
    dialogue: TriageDialogue, say: Say, typed: str, need: str
) -> None:
    assert dialogue.take({}, "triage_need_text", say(typed)).updates["triage_need"] == need
