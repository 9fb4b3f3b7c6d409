"""Whole checks through TriageDialogue, as a resident has them: an opening message, then the buttons
for each question the check still asks. Nothing the opening said is asked again, no question comes
twice, and the questions and the summary speak of the person it is for."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.catalogue.models import CatalogueFile
from bot.catalogue.terms import ProvisionMatcher
from bot.dialogue.message import Message
from bot.intake.summary import summarise
from bot.triage.advice import Advice
from bot.triage.dialogue import DANGER, TriageDialogue
from bot.triage.model import Outcome, Question, Reason, TriageResult


@pytest.fixture(scope="module")
def matcher(catalogue_file: CatalogueFile) -> ProvisionMatcher:
    return ProvisionMatcher.from_catalogue(catalogue_file)


@dataclass
class Conversation:
    """A check played with clicked buttons; `typed` answers a question with text instead."""

    dialogue: TriageDialogue
    matcher: ProvisionMatcher
    slots: dict[str, Any] = field(default_factory=dict)
    asked: list[Question] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def say(self, text: str) -> Message:
        return Message(text, "inform", 0.9, tuple(self.matcher.codes(text)))

    def open(self, text: str, **slots: Any) -> "Conversation":
        self.slots = {**self.dialogue.start(self.say(text), None, ""), **slots}
        return self

    def play(self, answers: Mapping[Question, str], typed: Mapping[Question, str] = {}) -> TriageResult:
        for _ in range(len(Question) * 2):
            step = self.dialogue.assess(self.slots)
            if step.result:
                return step.result
            question = step.next_question
            assert question is not None
            assert question in answers or question in typed, f"asks {question.value}, not expected"
            self.asked.append(question)
            self.texts.append(self.dialogue.questions.text(question, self.dialogue.who(self.slots)))
            text = typed.get(question) or self.dialogue.questions.answer_title(question, answers[question])
            turn = self.dialogue.take(self.slots, question.value, self.say(text))
            assert not turn.reject and not turn.not_understood, (question, text)
            self.slots.update(turn.updates)
        raise AssertionError("the check does not end")


@pytest.fixture
def talk(dialogue: TriageDialogue, matcher: ProvisionMatcher) -> Conversation:
    return Conversation(dialogue, matcher)


# (opening, the answers still asked for, expected outcome, a reason it gives, questions never asked)
CHECKS = [
    (
        "mijn moeder van 82 woont alleen en kan niet meer douchen",
        {Question.medical: "nee", Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.need, Question.age, Question.housemate},
    ),
    (
        "Ik ben 45, heb MS en kan de trap niet meer op",
        {Question.wlz: "nee", Question.has_it: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.need, Question.limitation},
    ),
    (
        "mijn vader heeft een wlz-indicatie en woont nog thuis met een pgb, hij heeft een traplift nodig",
        {Question.has_it: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.wlz_thuis_wmo,
        {Question.subject, Question.need, Question.wlz, Question.residence, Question.limitation},
    ),
    (
        "mijn vader woont in een verpleeghuis en heeft een nieuwe rolstoel nodig, voor altijd",
        {},
        Outcome.wlz,
        Reason.wlz_indicatie,
        {Question.subject, Question.need, Question.duration, Question.wlz, Question.residence},
    ),
    (
        "voor mijzelf: ik vergeet mijn afspraken en de post stapelt zich op. Ik woon alleen.",
        {Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.algemene_voorziening_niet_passend,
        {Question.subject, Question.age, Question.housemate, Question.limitation, Question.general},
    ),
    (
        "Ik wil een e-bike, door mijn artrose kan ik niet meer naar de winkel lopen",
        {Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.niet_algemeen_gebruikelijk,
        {Question.subject, Question.need, Question.limitation},
    ),
    ("kan mijn zoon van 15 begeleiding krijgen", {}, Outcome.jeugdwet, Reason.jeugdwet, {Question.age}),
    (
        "ik heb al jaren reuma en heb een rolstoel nodig",
        {Question.wlz: "nee", Question.has_it: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.duration, Question.limitation},
    ),
    (
        "ik heb na mijn operatie een paar weken krukken nodig",
        {},
        Outcome.zorgverzekering,
        Reason.zvw_kortdurend,
        {Question.duration},
    ),
    (
        "ik heb gewoon geen zin om schoon te maken",
        {Question.limitation: "geen"},
        Outcome.eigen_kracht,
        Reason.geen_beperking,
        {Question.wlz, Question.help_now},
    ),
    (
        "kan mijn buurvrouw een douchekop krijgen",
        {},
        Outcome.eigen_kracht,
        Reason.algemeen_gebruikelijk,
        {Question.subject, Question.limitation},
    ),
    (
        "mijn man is bijna negentig en kan niet meer koken, hij is dement",
        {Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee", Question.general: "nog_niet"},
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.need, Question.limitation},
    ),
    # Algemeen gebruikelijk: a simple aid from an ordinary shop; a traplift named with it is not.
    (
        "Mijn vader (81) komt niet meer van de wc af, hij heeft een toiletverhoger nodig",
        {},
        Outcome.eigen_kracht,
        Reason.algemeen_gebruikelijk,
        {Question.subject, Question.age, Question.limitation, Question.wlz},
    ),
    (
        "Ik ben 80 en kom de trap niet meer op. Ik heb een traplift nodig, een douchestoel heb ik al.",
        {Question.wlz: "nee", Question.has_it: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.niet_algemeen_gebruikelijk,
        {Question.subject, Question.need, Question.limitation},
    ),
    ("ik ben zeventien en heb hulp nodig met plannen", {}, Outcome.jeugdwet, Reason.jeugdwet, {Question.age}),
    (
        "Mijn buurman (70) heeft niemand en krijgt zijn huis niet meer schoon door zijn reuma",
        {Question.wlz: "nee", Question.housemate: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.age, Question.limitation, Question.help_now},
    ),
    (
        "Mijn man heeft dementie en kan nooit meer alleen zijn. Kan hij naar dagbesteding?",
        {Question.age: "ouder"},
        Outcome.wlz,
        Reason.wlz_zorg_24_uur,
        {Question.subject, Question.limitation, Question.wlz},
    ),
    # Debts and losing track alone: formulierenhulp and schuldhulp first, no begeleiding weighed.
    (
        "Ik heb schulden en krijg mijn post niet op orde. Ik woon alleen en heb niemand.",
        {Question.limitation: "psychisch", Question.wlz: "nee", Question.general: "nog_niet"},
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.housemate, Question.help_now},
    ),
    # A psychiatric disorder and nobody around: begeleiding weighed before walk-in help.
    (
        "Mijn zus heeft een angststoornis, woont alleen en heeft geen netwerk. Ze is erg eenzaam.",
        {Question.age: "ouder", Question.wlz: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.algemene_voorziening_niet_passend,
        {Question.subject, Question.limitation, Question.help_now, Question.general},
    ),
    (
        "De scootmobiel van mijn vader is kapot, hij kan door zijn hartfalen niet ver lopen",
        {Question.duration: "lang", Question.wlz: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.has_it, Question.limitation},
    ),
    # Help one pays for is no ground to refuse.
    (
        "Ik betaal zelf een werkster, maar door mijn reuma heb ik meer hulp nodig in het huishouden",
        {Question.wlz: "nee", Question.housemate: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.zelf_betalen_geen_grond,
        {Question.subject, Question.limitation, Question.help_now},
    ),
    (
        "Mijn vrouw is gezond, maar ik kan door mijn hartfalen niet meer stofzuigen",
        {Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.eigen_kracht,
        Reason.gebruikelijke_hulp,
        {Question.subject, Question.limitation, Question.housemate},
    ),
    # What the opening says in numbers, relative clauses and others' help is kept.
    (
        "Ik ben gevallen en heb de komende drie weken een rolstoel nodig",
        {},
        Outcome.zorgverzekering,
        Reason.zvw_kortdurend,
        {Question.subject, Question.need, Question.duration},
    ),
    (
        "Mijn scootmobiel rijdt nog prima, maar de accu is wat zwakker. Krijg ik een nieuwe?",
        {Question.duration: "lang", Question.limitation: "lichamelijk", Question.wlz: "nee"},
        Outcome.eigen_kracht,
        Reason.vervanging_niet_nodig,
        {Question.subject, Question.need, Question.has_it},
    ),
    (
        "Onze buren rijden mijn vader naar de dokter en dat lukt prima. Hij wil toch een regiotaxipas.",
        {Question.limitation: "lichamelijk", Question.wlz: "nee"},
        Outcome.eigen_kracht,
        Reason.netwerk_helpt,
        {Question.subject, Question.need, Question.help_now},
    ),
    (
        "Ik heb reuma en kan niet meer stofzuigen. Mijn dochter van 25 woont nog thuis en is gezond.",
        {Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.eigen_kracht,
        Reason.gebruikelijke_hulp,
        {Question.subject, Question.need, Question.limitation, Question.housemate},
    ),
    (
        "Omdat ik slecht ter been ben, lukt boodschappen doen niet meer",
        {Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee", Question.general: "nog_niet"},
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.need, Question.limitation},
    ),
    # Needs in other words, typed with a letter wrong, and the one asked for rather than told about.
    (
        "Ik zoek iemand om mee te kletsen, ik zie bijna niemand meer",
        {
            Question.limitation: "lichamelijk",
            Question.wlz: "nee",
            Question.help_now: "nee",
            Question.general: "nog_niet",
        },
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.need_text, Question.need},
    ),
    (
        "kan ik huishoudelijke hulp krijgn ik heb reumatiek",
        {Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need, Question.limitation},
    ),
    (
        "De wijkverpleegkundige komt al voor de wondzorg, maar ik kan mijn huis niet meer schoonhouden",
        {Question.limitation: "lichamelijk", Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.need},
    ),
    (
        "Ik wil een inloopdouche. Ik heb al een douchestoel maar ik kan niet meer over de badrand.",
        {Question.limitation: "lichamelijk", Question.wlz: "nee", Question.has_it: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.niet_algemeen_gebruikelijk,
        {Question.subject, Question.need},
    ),
    # A consultant's order: overload before gebruikelijke hulp, the health insurer's aids and treatment.
    (
        "Mijn zoon van 30 heeft een verstandelijke beperking en woont bij ons. Wij helpen hem met alles maar "
        "het is te zwaar. Hij zoekt dagbesteding.",
        {Question.wlz: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.algemene_voorziening_niet_passend,
        {Question.subject, Question.age, Question.need, Question.limitation, Question.help_now, Question.housemate},
    ),
    ("Betaalt de Wmo een geleidehond? Ik ben slechtziend.", {}, Outcome.zorgverzekering, Reason.zvw_hulpmiddel, set()),
    (
        "Ik wil naar een psycholoog voor mijn depressie. Kan de gemeente dat betalen?",
        {},
        Outcome.zorgverzekering,
        Reason.zvw_medisch,
        {Question.subject, Question.need},
    ),
    (
        "Ik ben net met pensioen, kerngezond, en zoek iets zinvols te doen overdag",
        {},
        Outcome.algemene_voorziening,
        Reason.voor_iedereen,
        {Question.subject, Question.need, Question.limitation},
    ),
    (
        "Ik heb een Wlz-indicatie en een volledig pakket thuis. Kan de gemeente mijn huis schoonmaken?",
        {},
        Outcome.wlz,
        Reason.wlz_indicatie,
        {Question.subject, Question.need, Question.wlz, Question.residence},
    ),
    # Trial 4's kinds of repeats, in other words: an aid in use is no need, an age and cause in brackets,
    # a child's age in words, at home with the parents, an aid that no longer fits.
    (
        "Mijn schoonvader (84, parkinson) loopt met een rollator en komt niet meer met de bus bij zijn zus. "
        "De dokter zegt dat dit zo blijft.",
        {Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.need, Question.age, Question.limitation},
    ),
    (
        "Ons zoontje is zeven en heeft een spierziekte. Hij woont gewoon bij ons thuis en heeft een "
        "Wlz-indicatie. We hebben een traplift nodig.",
        {Question.has_it: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.wlz_thuis_wmo,
        {Question.subject, Question.age, Question.need, Question.wlz, Question.residence, Question.limitation},
    ),
    (
        "Mijn moeder heeft een indicatie van het CIZ en woont zelfstandig. Haar oude rolstoel krijgt ze zelf "
        "niet meer vooruit.",
        {Question.duration: "lang"},
        Outcome.maatwerk_mogelijk,
        Reason.wlz_thuis_wmo,
        {Question.subject, Question.need, Question.wlz, Question.residence, Question.has_it},
    ),
    # Trial 4's Wlz and Zvw kinds in other words: transport to the Wlz day care, a compound typed apart,
    # a stay to recover, a speaker's work that is no need and NAH with cognitive effects, a medical cause.
    (
        "Mijn tante heeft een Wlz-indicatie en woont nog thuis. Wie betaalt de taxi naar haar dagbehandeling?",
        {},
        Outcome.wlz,
        Reason.wlz_vervoer_dagbesteding,
        {Question.subject, Question.need, Question.wlz, Question.residence},
    ),
    (
        "Vergoedt de Wmo incontinentie broekjes voor mijn moeder?",
        {},
        Outcome.zorgverzekering,
        Reason.zvw_hulpmiddel,
        {Question.subject, Question.need_text, Question.need},
    ),
    (
        "Mijn buurman (80) ligt in het ziekenhuis na een val. Hij kan nog niet naar huis; waar kan hij herstellen?",
        {},
        Outcome.zorgverzekering,
        Reason.zvw_eerstelijnsverblijf,
        {Question.subject, Question.need_text, Question.need},
    ),
    (
        "Ik werk als maatschappelijk werker. Een cliënt van 58 kan na een herseninfarct zijn post en afspraken "
        "niet meer overzien; hij woont alleen en heeft niemand.",
        {Question.wlz: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.algemene_voorziening_niet_passend,
        {Question.subject, Question.age, Question.need, Question.limitation, Question.help_now, Question.general},
    ),
    (
        "Mijn schoonmoeder (70) heeft net een nieuwe heup en kan zich een paar weken niet douchen. Ze woont alleen.",
        {},
        Outcome.zorgverzekering,
        Reason.zvw_verzorging,
        {Question.subject, Question.need, Question.medical},
    ),
    # Respite for a mother: a mother is an adult, so "jonger dan 18?" is never asked.
    (
        "Mijn moeder heeft alzheimer. Kan zij af en toe logeren, zodat mijn vader even rust heeft?",
        {Question.wlz: "nee", Question.help_now: "netwerk_te_zwaar", Question.general: "nog_niet"},
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.need, Question.age},
    ),
    # A cause denied is no medical cause: the check asks why washing does not work.
    (
        "mijn vader heeft dementie en wast zich niet, hij is verder niet ziek",
        {Question.medical: "nee", Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need, Question.age},
    ),
    # Trial 4's algemeen gebruikelijk and Jeugdwet kinds in other words.
    (
        "Betaalt de gemeente een ventilator? Door mijn hartfalen heb ik het in de zomer erg benauwd.",
        {},
        Outcome.eigen_kracht,
        Reason.algemeen_gebruikelijk,
        {Question.subject, Question.need_text, Question.limitation},
    ),
    (
        "Mijn moeder (88) heeft artrose in haar handen. Kan de gemeente thermostaatkranen in haar badkamer zetten?",
        {},
        Outcome.eigen_kracht,
        Reason.algemeen_gebruikelijk,
        {Question.subject, Question.limitation, Question.has_it},
    ),
    (
        "Mijn dochter heeft een licht verstandelijke beperking en gaat voor het eerst op kamers. Vergoedt de Wmo "
        "de inrichting?",
        {},
        Outcome.eigen_kracht,
        Reason.algemeen_gebruikelijk,
        {Question.subject, Question.need_text, Question.limitation},
    ),
    (
        "Ons dochtertje van zes heeft het syndroom van Down. Kan ze eens per maand een weekend logeren zodat wij "
        "even rust hebben?",
        {},
        Outcome.jeugdwet,
        Reason.jeugdwet,
        {Question.subject, Question.age, Question.need},
    ),
    (
        "Onze zoon (12, autisme) zoekt naschoolse opvang waar ze hem begrijpen.",
        {},
        Outcome.jeugdwet,
        Reason.jeugdwet,
        {Question.subject, Question.age, Question.need_text, Question.need},
    ),
    # Trial 4's needs in other words: carers meeting carers, small jobs, the washing, a house getting dirtier.
    (
        "Ik zorg al jaren voor mijn vrouw met parkinson en zoek contact met andere mantelzorgers.",
        {Question.wlz: "nee", Question.help_now: "nee", Question.general: "nog_niet"},
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.need_text, Question.need, Question.age},
    ),
    (
        "Wie kan bij mijn opa (90) de klusjes in huis doen, zoals gordijnen ophangen?",
        {Question.help_now: "nee", Question.housemate: "nee", Question.general: "nog_niet"},
        Outcome.algemene_voorziening,
        Reason.algemene_voorziening_eerst,
        {Question.subject, Question.need_text, Question.need, Question.age, Question.limitation},
    ),
    (
        "Door mijn reuma kan ik mijn was niet meer doen",
        {Question.wlz: "nee", Question.help_now: "nee", Question.housemate: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.need, Question.limitation},
    ),
    (
        "Het huis van mijn tante wordt steeds viezer, ze ziet slecht en woont alleen.",
        {Question.wlz: "nee", Question.help_now: "nee"},
        Outcome.maatwerk_mogelijk,
        Reason.geen_eigen_oplossing,
        {Question.subject, Question.need_text, Question.need, Question.age, Question.housemate},
    ),
]


@pytest.mark.parametrize("opening, answers, outcome, reason, not_asked", CHECKS, ids=[c[0] for c in CHECKS])
def test_a_check_asks_nothing_twice_and_nothing_the_opening_said(
    talk: Conversation,
    opening: str,
    answers: dict[Question, str],
    outcome: Outcome,
    reason: Reason,
    not_asked: set[Question],
) -> None:
    result = talk.open(opening).play(answers)
    assert result.outcome is outcome and reason in result.reasons
    assert len(talk.asked) == len(set(talk.asked)), f"asked twice: {talk.asked}"
    assert not not_asked & set(talk.asked), f"asked again what was said: {not_asked & set(talk.asked)}"


def test_questions_and_summary_speak_of_the_mother(talk: Conversation, advice: Advice) -> None:
    result = talk.open("mijn moeder van 82 woont alleen en kan niet meer douchen").play(
        {Question.medical: "nee", Question.wlz: "nee", Question.help_now: "nee"}
    )
    assert talk.texts and all("uw moeder" in text and " u " not in f" {text} " for text in talk.texts), talk.texts
    summary = summarise(talk.dialogue, advice, talk.slots, result, None).text()
    assert "Voor wie: uw moeder" in summary and "uzelf" not in summary
    assert advice.message(result, talk.dialogue.who(talk.slots)).startswith("Mijn eerste inschatting voor uw moeder")


def test_an_adult_asking_for_themselves_is_never_asked_about_being_under_18(talk: Conversation) -> None:
    talk.open("Voor mijzelf").play(
        {
            Question.need_text: "contact",
            Question.limitation: "lichamelijk",
            Question.wlz: "nee",
            Question.help_now: "nee",
            Question.general: "nog_niet",
        },
        typed={Question.need_text: "ik ben eenzaam"},
    )
    assert Question.age not in talk.asked


def test_letters_one_cannot_read_for_the_language_alone_go_to_the_help_for_everyone(talk: Conversation) -> None:
    talk.open("Ik kom uit Syrië en begrijp de brieven van de gemeente en de zorgverzekeraar niet. Wie helpt mij?")
    result = talk.play(
        {Question.general: "nog_niet"},
        typed={Question.limitation: "nee, ik ben niet ziek, ik spreek alleen nog weinig Nederlands"},
    )
    assert result.outcome is Outcome.algemene_voorziening and Reason.voor_iedereen in result.reasons
    assert talk.asked == [Question.limitation]


def test_care_day_and_night_in_the_resident_s_words_goes_to_the_wlz(talk: Conversation) -> None:
    talk.open("Mijn man (79) heeft vergevorderde MS en kan geen moment meer alleen zijn.")
    result = talk.play({}, typed={Question.need_text: "iemand die dag en nacht bij hem is"})
    assert result.outcome is Outcome.wlz and Reason.wlz_zorg_24_uur in result.reasons
    assert talk.asked == [Question.need_text], "the need in words is read, not asked again with buttons"


def test_correcting_the_topic_keeps_the_answers_that_still_count(talk: Conversation) -> None:
    talk.open("ik kan niet meer koken door mijn reuma")
    assert talk.dialogue.assess(talk.slots).next_question is Question.wlz
    turn = talk.dialogue.take(talk.slots, Question.wlz.value, talk.say("het gaat eigenlijk om de trap"))
    assert turn.updates[Question.need.value] == "woning" and not turn.not_understood
    talk.slots.update(turn.updates)
    result = talk.play({Question.wlz: "nee", Question.has_it: "nee"})
    assert result.outcome is Outcome.maatwerk_mogelijk and result.provisions == ("woningaanpassing",)
    assert talk.asked == [Question.wlz, Question.has_it], "the cause (reuma) is not asked again"


def test_after_danger_the_check_is_urgent_with_the_help_lines_and_no_routine_steps(
    talk: Conversation, advice: Advice
) -> None:
    result = talk.open("kom ik in aanmerking voor huishoudelijke hulp", **{DANGER: True}).play({})
    assert result.outcome is Outcome.spoed and talk.asked == []
    text = advice.message(result)
    assert "112" in text and "113" in text and "identiteitsbewijs" not in text


def test_a_clicked_payload_is_no_words_of_the_resident(talk: Conversation, advice: Advice) -> None:
    opening = Message('/provision_info{"provision":"woningaanpassing"}', "provision_info", 1.0, ("woningaanpassing",))
    talk.slots = talk.dialogue.start(opening, None, "")
    assert talk.slots[Question.need.value] == "woning" and not talk.slots[Question.need_text.value]
    result = talk.play(
        {Question.subject: "zelf", Question.limitation: "lichamelijk", Question.wlz: "nee", Question.has_it: "nee"}
    )
    summary = summarise(talk.dialogue, advice, talk.slots, result, None).text()
    assert "/provision_info" not in summary and "Hulpvraag in eigen woorden" not in summary


def test_the_estimate_names_the_item_and_gives_advice_only_where_it_fits(talk: Conversation, advice: Advice) -> None:
    bike = talk.open("Ik wil een e-bike, door mijn artrose kan ik niet meer naar de winkel lopen").play(
        {Question.wlz: "nee", Question.help_now: "nee"}
    )
    text = advice.message(bike)
    assert "Voor een e-bike geldt: dat is niet zomaar algemeen gebruikelijk" in text
    assert "Koop" not in text and "verbouw" not in text.lower(), "transport: nothing to buy or rebuild"
    tap = Conversation(talk.dialogue, talk.matcher).open("kan ik een thermostaatkraan krijgen").play({})
    assert "Iemand zonder beperking betaalt een thermostaatkraan ook zelf" in advice.message(tap)
    fan = Conversation(talk.dialogue, talk.matcher).open("krijg ik een ventilator via de wmo? ik heb copd").play({})
    assert "betaalt een ventilator ook zelf" in advice.message(fan)
    stairs = Conversation(talk.dialogue, talk.matcher).open("ik ben 80 en kan de trap niet meer op")
    assert "Verbouw of koop nog niets" in advice.message(stairs.play({Question.wlz: "nee", Question.has_it: "nee"}))


def test_a_carer_asking_for_rest_is_asked_about_themselves(talk: Conversation) -> None:
    talk.open("ik zorg voor mijn moeder met dementie en heb rust nodig").play(
        {Question.wlz: "nee", Question.help_now: "nee", Question.general: "nog_niet"}
    )
    assert talk.dialogue.who(talk.slots) == "u" and Question.subject not in talk.asked


@pytest.mark.parametrize(
    ("opening", "item"),
    [
        ("mijn vader van 84 wordt vergeetachtig, betaalt de wmo rookmelders?", "rookmelders"),
        (
            "kan mijn moeder (88) via de wmo een seniorentelefoon krijgen? ze ziet slecht",
            "een telefoon met grote toetsen",
        ),
        ("Ik vergeet het gas, mag ik een inductiekookplaat aanvragen?", "een inductiekookplaat"),
        ("ik zie slecht en mijn leesbril is stuk, betaalt de gemeente een nieuwe?", "een bril"),
        ("door mijn rug kan ik niet stofzuigen, krijg ik een stofzuigrobot vergoed?", "een robotstofzuiger"),
        (
            "ik ben 80 en wil verhuizen naar een flat dichter bij mijn kinderen. vergoedt de gemeente dat?",
            "een verhuizing om dichter bij familie te wonen",
        ),
    ],
)
def test_what_anyone_buys_is_named_and_the_need_not_asked_again(talk: Conversation, opening: str, item: str) -> None:
    result = talk.open(opening).play({})
    assert (result.outcome, result.reasons, result.item) == (
        Outcome.eigen_kracht,
        (Reason.algemeen_gebruikelijk,),
        item,
    )
    assert not {Question.need_text, Question.need} & set(talk.asked)


def test_look_alikes_of_what_anyone_buys_are_no_such_item(talk: Conversation) -> None:
    # A smoke alarm with a flash or vibrating pad is made for the deaf; an unreachable hob asks to adapt the kitchen.
    deaf = talk.open("ik ben doof, kan ik een rookmelder met flitslicht krijgen?")
    assert (
        deaf.slots["triage_item"] == "een rookmelder met flitslicht of trilkussen" and not deaf.slots["triage_ordinary"]
    )
    kitchen = Conversation(talk.dialogue, talk.matcher).open(
        "ik zit in een rolstoel en kan niet bij mijn kookplaat, kan de keuken aangepast worden?"
    )
    assert kitchen.slots["triage_item"] is None
    glass = Conversation(talk.dialogue, talk.matcher).open("ik ben slechtziend en wil een loepbril")
    assert glass.slots["triage_item"] is None
    vacuum = Conversation(talk.dialogue, talk.matcher).open("de stofzuiger is te zwaar, ik krijg mijn huis niet schoon")
    assert vacuum.slots["triage_item"] is None and vacuum.slots["triage_need"] == "huishouden"
    # A move the limitation makes necessary is no ordinary move, also when it brings family closer.
    move = Conversation(talk.dialogue, talk.matcher).open(
        "Ik zit in een rolstoel en moet naar een gelijkvloerse woning dichter bij mijn dochter. Krijg ik verhuiskosten?"
    )
    assert move.slots["triage_item"] is None


def test_a_carer_whose_care_goes_well_still_hears_of_the_support_every_carer_gets(talk: Conversation) -> None:
    opening = "Ik zorg voor mijn vader met copd, dat gaat prima. Krijg ik als mantelzorger een waardering?"
    result = talk.open(opening).play({Question.general: "nog_niet"})
    assert result.outcome is Outcome.algemene_voorziening and "mantelzorgondersteuning" in result.provisions
    assert talk.slots["triage_need"] == "mantelzorgsteun" and Question.help_now not in talk.asked
    # Rest from caring is another need: there the people who take the care over count.
    rest = Conversation(talk.dialogue, talk.matcher).open("ik zorg voor mijn moeder met dementie en wil even rust")
    assert rest.slots["triage_need"] == "mantelzorg"


def test_a_stay_for_the_one_cared_for_is_kortdurend_verblijf_not_the_steunpunt_first(talk: Conversation) -> None:
    # The steunpunt mantelzorg offers no bed: a logeerplek is maatwerk (Wmo 2015 art. 1.1.1, 2.3.5 lid 3).
    opening = "Mijn vader (80) heeft dementie en woont bij mij. Kan hij af en toe een weekend ergens logeren?"
    result = talk.open(opening).play({Question.wlz: "nee", Question.help_now: "netwerk_te_zwaar"})
    assert result.outcome is Outcome.maatwerk_mogelijk and "kortdurend_verblijf" in result.provisions
    assert Question.general not in talk.asked
    # Rest alone, without a stay named: the help for every carer comes first.
    rest = Conversation(talk.dialogue, talk.matcher).open(
        "Mijn vader (80) heeft dementie en woont bij mij. Ik wil even rust."
    )
    assert rest.slots["triage_need"] == "mantelzorg"
