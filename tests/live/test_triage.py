"""Complete eligibility checks against the running assistant, as a resident types them: the right
questions for the situation, an honest estimate, the wijkteam, and a summary stored only with consent.
Also stopping, going back, a question in between, a crisis in the middle, and unclear answers."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import create_engine

from bot.intake.store import IntakeStore
from tests.live.assistant_process import Assistant, Reply, joined


@dataclass(frozen=True)
class Chat:
    """One resident's conversation with the assistant, under its own sender id."""

    assistant: Assistant
    sender: str

    def __call__(self, text: str) -> list[Reply]:
        return self.assistant.say(self.sender, text)


@pytest.fixture
def chat(assistant: Assistant) -> Chat:
    """A fresh conversation: chat(text) returns the assistant's messages."""
    return Chat(assistant, uuid.uuid4().hex)


def buttons(messages: Iterable[Reply]) -> list[str]:
    return [button["title"] for message in messages for button in message.get("buttons", [])]


def stored(assistant: Assistant, sender: str) -> list[dict[str, Any]]:
    return IntakeStore(create_engine(assistant.database, future=True)).for_conversation(sender)


def test_a_daughter_checks_a_stairlift_for_her_mother_and_shares_the_summary(assistant: Assistant, chat: Chat) -> None:
    first = joined(chat("ik wil voor mijn moeder van 82 nagaan of ze een traplift kan krijgen"))
    assert "paar korte vragen over: woning aanpassen" in first
    assert "Heeft uw moeder een Wlz-indicatie" in first, "who, age and need were said already"
    assert "Heeft uw moeder dit al?" in joined(chat("Nee"))
    estimate = joined(chat("Nee, nog niet"))
    assert "Mijn eerste inschatting voor uw moeder: misschien past ondersteuning op maat" in estimate
    assert "eerste inschatting, geen besluit" in estimate and "Verbouw of koop nog niets" in estimate
    assert "Wat is uw postcode?" in estimate
    team = chat("1233bb")
    assert "Wijkteam Noord" in joined(team) and "Samenvatting voor het wijkteam" in joined(team)
    assert "Voor wie: uw moeder" in joined(team) and buttons(team) == ["Ja, delen", "Nee, niet delen"]
    assert stored(assistant, chat.sender) == [], "nothing is stored before the resident says yes"
    assert "De samenvatting staat klaar voor het wijkteam" in joined(chat("Ja, delen"))
    (intake,) = stored(assistant, chat.sender)
    assert intake["channel"] == "rest" and intake["outcome"] == "maatwerk_mogelijk"
    assert intake["summary"]["wijkteam"] == "Wijkteam Noord" and intake["summary"]["for_whom"] == "uw moeder"


def test_without_consent_nothing_is_stored(assistant: Assistant, chat: Chat) -> None:
    assert "Hoe lang is het nodig" in joined(chat("kom ik in aanmerking voor een rolstoel"))
    assert "Heeft u een Wlz-indicatie" in joined(chat("Langer dan 6 maanden"))
    assert "Heeft u dit al?" in joined(chat("Nee"))
    assert "Wat is uw postcode?" in joined(chat("Nee, nog niet"))
    assert "hoort niet bij" in joined(chat("9999 ZZ"))
    assert "ik bewaar niets" in joined(chat("Nee, niet delen"))
    assert stored(assistant, chat.sender) == []


def test_a_healthy_partner_means_no_help_from_the_municipality_is_likely_needed(chat: Chat) -> None:
    first = joined(chat("kom ik in aanmerking voor huishoudelijke hulp"))
    assert "Waardoor lukt het u niet zelf?" in first, "is there a limitation at all?"
    assert "Heeft u een Wlz-indicatie" in joined(chat("door mijn reuma"))
    assert "Krijgt u hier nu al hulp bij?" in joined(chat("Nee"))
    assert "Woont er bij u iemand die gezond is" in joined(chat("Nee"))
    estimate = joined(chat("ja, mijn man is gezond maar werkt"))
    assert "geen hulp van de gemeente nodig" in estimate and "gebruikelijke hulp" in estimate
    assert "postcode" not in estimate


def test_a_check_that_is_complete_at_once_gives_its_estimate_at_once(chat: Chat) -> None:
    estimate = joined(chat("kom ik in aanmerking voor wondverzorging thuis"))
    assert "dit regelt de zorgverzekering, niet de gemeente" in estimate and "wijkverpleegkundige" in estimate


def test_a_resident_without_a_limitation_is_told_kindly_that_no_maatwerk_fits(chat: Chat) -> None:
    assert "Waardoor lukt het u niet zelf?" in joined(chat("kom ik in aanmerking voor huishoudelijke hulp"))
    estimate = joined(chat("Geen van beide"))
    assert "waarschijnlijk geen hulp van de gemeente nodig" in estimate and "ziekte, een beperking" in estimate


def test_the_check_after_a_free_provision_ends_with_free_help_first(chat: Chat) -> None:
    answer = chat("kan ik hulp krijgen met de maaltijden")
    assert "Maaltijdservice" in joined(answer) and "Meer weten" in buttons(answer)
    started = joined(chat("/check_eligibility"))
    assert "paar korte vragen over: maaltijden" in started
    for said in ("ik heb parkinson", "Nee", "Nee", "Nee"):
        reply = joined(chat(said))
    assert "hulp waarvoor u geen aanvraag nodig hebt: maaltijdservice" in reply
    estimate = joined(chat("Nee, nog niet"))
    assert "probeer eerst hulp waarvoor u geen aanvraag nodig hebt" in estimate and "maaltijdservice" in estimate


def test_violence_at_home_in_the_middle_of_the_check_gets_urgent_help_first(chat: Chat) -> None:
    chat("kom ik in aanmerking voor huishoudelijke hulp")
    urgent = chat("ik durf het niet te zeggen maar mijn man slaat mij")
    assert urgent[0]["text"].startswith("Wat u schrijft, is belangrijk")
    assert "Bel 112" in joined(urgent) and "0800-2000" in joined(urgent)
    assert "Wlz-indicatie" not in joined(urgent), "the check stops; urgent help comes first"
    assert "Huishoudelijke ondersteuning" in joined(chat("Kan ik huishoudelijke hulp krijgen?"))


@pytest.mark.parametrize(
    "text, line",
    [
        ("ik wil er niet meer zijn", "0800-0113"),
        ("ik slaap vannacht op straat", "14 0000"),
        ("ik kan het niet meer aan met de zorg voor mijn vader", "huisartsenpost"),
    ],
)
def test_crisis_signals_anywhere_get_the_right_line(chat: Chat, text: str, line: str) -> None:
    assert line in joined(chat(text))


def test_a_resident_can_stop_half_way_and_carry_on(chat: Chat) -> None:
    chat("kom ik in aanmerking voor huishoudelijke hulp")
    assert "ik stop met de vragen" in joined(chat("stoppen"))
    assert "Hallo" in joined(chat("hallo"))


def test_going_back_asks_the_previous_question_again(chat: Chat) -> None:
    assert "Waar is hulp bij nodig?" in joined(chat("ik wil weten of ik ergens recht op heb"))
    assert "Waardoor lukt het u niet zelf?" in joined(chat("de trap op lukt niet meer"))
    assert "Bij welk onderwerp past dat het best?" in joined(chat("terug"))
    assert "Waardoor lukt het u niet zelf?" in joined(chat("Woning aanpassen"))


def test_a_question_in_between_is_answered_and_the_check_goes_on(chat: Chat) -> None:
    assert "Hoe lang is het nodig" in joined(chat("heeft mijn vader recht op een scootmobiel"))
    between = joined(chat("wat kost een scootmobiel eigenlijk"))
    assert "abonnementstarief" in between and "Hoe lang is het nodig" in between


def test_an_unclear_answer_is_asked_again_kindly(chat: Chat) -> None:
    chat("kom ik in aanmerking voor huishoudelijke hulp")
    again = chat("paarse olifant")
    assert "Dat begrijp ik niet goed" in joined(again) and "Waardoor lukt het u niet zelf?" in joined(again)
    assert buttons(again) == ["Ziekte of ouderdom", "Geheugen of psyche", "Geen van beide"]


def test_a_postcode_outside_the_municipality_gets_the_general_number(chat: Chat) -> None:
    assert "Wat is uw postcode?" in joined(chat("bij welk wijkteam hoor ik"))
    assert "Dat herken ik niet als postcode" in joined(chat("Dorpsstraat"))
    answer = joined(chat("9999 zz"))
    assert "hoort niet bij Gemeente Voorbeeldstad" in answer and "14 0000" in answer


def test_a_postcode_in_the_question_finds_the_team_at_once(chat: Chat) -> None:
    assert "Wijkteam Zuid" in joined(chat("welk wijkteam hoort bij postcode 1240 AB"))


def test_personal_details_in_the_check_stay_out_of_the_log_and_the_summary(assistant: Assistant, chat: Chat) -> None:
    assert "Waar is hulp bij nodig?" in joined(chat("kom ik in aanmerking"))
    chat("ik kan de trap niet op, bel me op 0612345678, mijn bsn is 123456782")
    chat("door artrose")
    chat("Nee")
    chat("Nee, nog niet")
    chat("1234 AB")
    chat("Ja, delen")
    (intake,) = stored(assistant, chat.sender)
    assert "0612345678" not in str(intake) and "123456782" not in str(intake)
    assert "[telefoonnummer]" in intake["summary"]["need_words"]
    log = assistant.log.read_text(encoding="utf-8")
    assert "0612345678" not in log and "123456782" not in log and "trap niet op" not in log
