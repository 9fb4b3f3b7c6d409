"""The triage, wijkteam and intake actions as the action server runs them, on a seeded SQLite
database, with trackers shaped as Rasa sends them."""

from typing import NoReturn

import pytest
from rasa_sdk.events import ActiveLoop

from actions.crisis import ActionCrisis
from actions.intake import ActionAskIntakeConsent, ActionIntakeDone, ActionTriageStopped, ValidateIntakeForm
from actions.services import Services
from actions.triage import (
    ASK_ACTIONS,
    ActionAssessmentConversation,
    ActionTriageBack,
    ActionTriageOutcome,
    ActionTriageStart,
    ValidateTriageForm,
)
from actions.wijkteam import ActionWijkteam, ValidateWijkteamForm
from bot.triage.dialogue import SLOTS
from tests.helpers import run, user

ASKED_WLZ = {
    "triage_subject": "ander",
    "triage_who": "uw moeder",
    "triage_need_text": "traplift",
    "triage_need": "woning",
    "triage_limitation": "lichamelijk",
    "requested_slot": "triage_wlz",
}


def test_a_fresh_answer_is_taken_and_the_next_relevant_question_requested(action_services: Services) -> None:
    messages, slots, _ = run(ValidateTriageForm(), ASKED_WLZ, user("nee, geen indicatie"), loop="triage_form")
    assert messages == []
    assert slots == {"triage_wlz": "nee", "requested_slot": "triage_has_it"}


def test_after_a_question_in_between_the_same_question_comes_again(action_services: Services) -> None:
    _, slots, _ = run(
        ValidateTriageForm(),
        ASKED_WLZ,
        user("wat kost een traplift", "own_contribution"),
        loop="triage_form",
        before_form="action_own_contribution",
    )
    assert slots == {"requested_slot": "triage_wlz"}


@pytest.mark.parametrize("text, intent", [("stoppen", "stop"), ("terug", "go_back"), ("wat is een pgb", "pgb")])
def test_stop_back_and_other_questions_are_handed_back_to_the_policy(
    action_services: Services, text: str, intent: str
) -> None:
    messages, _, events = run(ValidateTriageForm(), ASKED_WLZ, user(text, intent), loop="triage_form")
    assert events == [] and messages == []


def test_an_unclear_answer_gets_a_friendly_repeat(action_services: Services) -> None:
    messages, slots, _ = run(ValidateTriageForm(), ASKED_WLZ, user("blauw", "nlu_fallback"), loop="triage_form")
    assert [m["response"] for m in messages] == ["utter_triage_not_understood"]
    assert slots == {"triage_wlz": None, "requested_slot": "triage_wlz"}


def test_a_question_is_asked_about_the_person_it_is_for_with_buttons(action_services: Services) -> None:
    (ask,) = [action for action in ASK_ACTIONS if action().name() == "action_ask_triage_wlz"]
    (message,), _, _ = run(ask(), ASKED_WLZ)
    assert message["text"].startswith("Heeft uw moeder een Wlz-indicatie")
    assert [b["title"] for b in message["buttons"]] == ["Ja, Wlz-indicatie", "Ja, dag en nacht", "Nee", "Weet ik niet"]
    assert all(b["payload"] == b["title"] for b in message["buttons"])


def test_the_check_starts_with_what_the_first_message_said(action_services: Services) -> None:
    first = user(
        "kan mijn moeder van 82 een traplift krijgen", "check_eligibility", [("provision", "woningaanpassing")]
    )
    (intro,), slots, _ = run(ActionTriageStart(), {"triage_wlz": "nee"}, first)
    assert intro["response"] == "utter_triage_intro_topic" and intro["topic"] == "woning aanpassen"
    assert slots["triage_who"] == "uw moeder" and slots["triage_need"] == "woning" and slots["triage_age"] == "ouder"
    assert slots["triage_wlz"] is None, "answers of an earlier check are cleared"


def test_accepting_the_offer_after_a_provision_answer_uses_that_provision(action_services: Services) -> None:
    asked = user("kan ik een scootmobiel krijgen", "provision_info", [("provision", "scootmobiel")])
    (_,), slots, _ = run(ActionTriageStart(), {"provision": "scootmobiel"}, user("ja", "affirm"), history=[asked])
    assert slots["triage_need"] == "scootmobiel" and slots["triage_need_text"] == "kan ik een scootmobiel krijgen"
    stale = user("wat is de wmo", "wmo_explain")
    _, slots, _ = run(
        ActionTriageStart(), {"provision": "scootmobiel"}, user("ja", "affirm"), history=[asked, stale, stale, stale]
    )
    assert slots["triage_need"] is None, "a provision named long ago is not assumed"


def test_accepting_the_offer_after_a_need_described_in_own_words_keeps_what_was_said(
    action_services: Services,
) -> None:
    asked = user(
        "ik ben 34, heb een burn-out en krijg mijn huishouden niet meer gedaan, kan ik hulp krijgen", "provision_info"
    )
    start = user("ja, doe de check", "check_eligibility")
    (intro,), slots, _ = run(ActionTriageStart(), {"provision": "huishoudelijke_ondersteuning"}, start, history=[asked])
    assert intro["response"] == "utter_triage_intro_topic"
    assert slots["triage_need"] == "huishouden" and slots["triage_who"] == "u"


def test_a_maatwerk_estimate_goes_on_to_the_wijkteam(action_services: Services) -> None:
    answered = {**ASKED_WLZ, "triage_wlz": "nee", "triage_has_it": "nee"}
    (estimate,), slots, events = run(ActionTriageOutcome(), answered)
    assert estimate["text"].startswith("Mijn eerste inschatting voor uw moeder: misschien past ondersteuning op maat")
    assert "Verbouw of koop nog niets" in estimate["text"], "a home adaptation: nothing bought before the decision"
    assert [b["title"] for b in estimate["buttons"]] == ["Meer weten"]
    assert slots == {"triage_outcome": "maatwerk_mogelijk"}
    assert ActiveLoop("wijkteam_form") in events


def test_meer_weten_after_a_maatwerk_estimate_gives_the_conversation_with_its_tips_and_sources(
    action_services: Services,
) -> None:
    answered = {**ASKED_WLZ, "triage_wlz": "nee", "triage_has_it": "nee", "requested_slot": None}
    (estimate,), _, _ = run(ActionTriageOutcome(), answered)
    assert "Bron:" not in estimate["text"] and "Tip:" not in estimate["text"]
    more = user("/assessment_conversation", "assessment_conversation")
    talk, details = run(ActionAssessmentConversation(), {**answered, "triage_outcome": "maatwerk_mogelijk"}, more)[0]
    assert talk["response"] == "utter_assessment_conversation"
    assert (
        details["text"].startswith("Tip: Schrijf op wat niet meer lukt")
        and "Bron: Wmo 2015 art. 2.3.2" in details["text"]
    )
    assert "elektrische fiets" not in details["text"]
    asked = user("hoe gaat het keukentafelgesprek", "assessment_conversation")
    (alone,), _, _ = run(ActionAssessmentConversation(), {}, asked)
    assert alone["response"] == "utter_assessment_conversation", "no estimate: the conversation alone"


def test_another_estimate_waits_for_the_resident(action_services: Services) -> None:
    answered = {**ASKED_WLZ, "triage_wlz": "indicatie", "triage_residence": "instelling"}
    (estimate,), slots, events = run(ActionTriageOutcome(), answered)
    assert "Wet langdurige zorg" in estimate["text"] and slots == {"triage_outcome": "wlz"}
    assert "Vraag een Wlz-indicatie aan" not in estimate["text"], "she has one already"
    assert "Bel het zorgkantoor" in estimate["text"]
    assert [b["title"] for b in estimate["buttons"]] == ["Meer weten", "Contact wijkteam", "Medewerker spreken"]
    assert not [e for e in events if e["event"] == "active_loop"]


def test_going_back_clears_the_last_answer(action_services: Services) -> None:
    _, slots, _ = run(ActionTriageBack(), {**ASKED_WLZ, "triage_wlz": "nee"})
    assert slots == {"triage_wlz": None}
    messages, slots, _ = run(ActionTriageBack(), {})
    assert [m["response"] for m in messages] == ["utter_triage_first_question"] and slots == {}


def test_after_the_national_lines_the_action_adds_only_the_municipality_s_lines(action_services: Services) -> None:
    (violence,), _, _ = run(ActionCrisis(), message=user("mijn man slaat me", "crisis", [("crisis", "geweld")]))
    assert "Bel 112" not in violence["text"] and "Bel Veilig Thuis" not in violence["text"], (
        "utter_crisis_help said them"
    )
    assert violence["text"].startswith("Wilt u daarna verder met uw vraag over de Wmo?")
    (no_bed,), _, _ = run(ActionCrisis(), message=user("ik slaap vannacht buiten", "crisis", [("crisis", "dakloos")]))
    assert no_bed["text"].startswith("Hebt u vannacht geen veilige plek om te slapen? Bel de gemeente: 14 0000")


MAATWERK_DONE = {
    **ASKED_WLZ,
    "triage_wlz": "nee",
    "triage_has_it": "nee",
    "triage_outcome": "maatwerk_mogelijk",
    "wijkteam": "Wijkteam Noord",
}


def test_the_summary_is_shown_with_the_consent_question(action_services: Services) -> None:
    (message,), _, _ = run(ActionAskIntakeConsent(), MAATWERK_DONE)
    assert message["text"].startswith("Samenvatting voor het wijkteam\n- Voor wie: uw moeder")
    assert "Zonder uw ja bewaar ik niets" in message["text"]
    assert [b["title"] for b in message["buttons"]] == ["Ja, delen", "Nee, niet delen"]


@pytest.mark.parametrize(
    "answer, consent",
    [("Ja, delen", "ja"), ("nee, liever niet", "nee"), ("Nee, niet delen", "nee"), ("niet delen", "nee")],
)
def test_consent_is_taken_from_the_answer(action_services: Services, answer: str, consent: str) -> None:
    _, slots, _ = run(ValidateIntakeForm(), MAATWERK_DONE, user(answer), loop="intake_form")
    assert slots == {"intake_consent": consent, "requested_slot": None}


def test_only_a_yes_stores_the_summary_and_the_answers_are_cleared_after(action_services: Services) -> None:
    store = action_services.intakes
    (said,), slots, _ = run(ActionIntakeDone(), {**MAATWERK_DONE, "postcode": "1234 AB", "intake_consent": "nee"})
    assert said["response"] == "utter_intake_not_shared" and store.for_conversation("bewoner-1") == []
    assert slots["triage_need_text"] is None and slots["triage_outcome"] is None
    assert slots["postcode"] is None and slots["wijkteam"] is None, "'ik bewaar niets' forgets the postcode too"
    assert all(slots[name] is None for name in SLOTS), "every check slot is forgotten"
    (said,), slots, _ = run(ActionIntakeDone(), {**MAATWERK_DONE, "postcode": "1234 AB", "intake_consent": "ja"})
    assert "postcode" not in slots, "a shared summary keeps its wijkteam"
    assert said["response"] == "utter_intake_shared"
    (stored,) = store.for_conversation("bewoner-1")
    assert stored["summary"]["for_whom"] == "uw moeder" and stored["summary"]["wijkteam"] == "Wijkteam Noord"


def test_stopping_the_check_forgets_the_answers_and_the_postcode(action_services: Services) -> None:
    (said,), slots, _ = run(
        ActionTriageStopped(), {**MAATWERK_DONE, "postcode": "1234 AB", "wijkteam": "Wijkteam Noord"}
    )
    assert said["response"] == "utter_triage_stopped"
    assert slots["postcode"] is None and slots["wijkteam"] is None and slots["triage_outcome"] is None
    assert all(slots[name] is None for name in SLOTS), "'er is niets bewaard' holds for every answer"


def test_a_postcode_answer_is_validated_and_asked_again_once(action_services: Services) -> None:
    asked = {"requested_slot": "postcode"}
    _, slots, _ = run(ValidateWijkteamForm(), asked, user("1234ab"), loop="wijkteam_form")
    assert slots == {"postcode": "1234 AB", "postcode_attempts": 0, "requested_slot": None}
    messages, slots, _ = run(ValidateWijkteamForm(), asked, user("Kerkstraat"), loop="wijkteam_form")
    assert [m["response"] for m in messages] == ["utter_postcode_not_understood"] and slots["postcode_attempts"] == 1
    _, slots, _ = run(
        ValidateWijkteamForm(), {**asked, "postcode_attempts": 1}, user("Kerkstraat"), loop="wijkteam_form"
    )
    assert slots["postcode"] == "onbekend" and slots["requested_slot"] is None


def test_a_postcode_in_the_question_itself_is_used(action_services: Services) -> None:
    _, slots, _ = run(
        ValidateWijkteamForm(), {"postcode": "1230 AA"}, user("welk wijkteam hoort bij 1240 ab", "find_wijkteam")
    )
    assert slots == {"postcode": "1240 AB", "requested_slot": None}


def test_the_wijkteam_is_named_and_a_maatwerk_estimate_goes_on_to_the_summary(action_services: Services) -> None:
    (message,), slots, events = run(ActionWijkteam(), {"postcode": "1234 AB", "triage_outcome": "maatwerk_mogelijk"})
    assert "Wijkteam Noord" in message["text"] and slots["wijkteam"] == "Wijkteam Noord"
    assert ActiveLoop("intake_form") in events
    (message,), slots, events = run(ActionWijkteam(), {"postcode": "onbekend"})
    assert "Zonder postcode" in message["text"] and slots == {"wijkteam": None, "postcode": None}
    assert ActiveLoop("intake_form") not in events


def test_a_database_failure_in_the_lookup_still_answers(
    action_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    def broken(postcode: str) -> NoReturn:
        raise OperationalError("SELECT", {}, Exception("down"))

    monkeypatch.setattr(action_services.wijkteams, "for_postcode", broken)
    (message,), _, events = run(ActionWijkteam(), {"postcode": "1234 AB"})
    assert message["response"] == "utter_catalogue_unavailable" and events == []


def test_after_danger_the_check_gives_urgent_help_not_a_routine_estimate(action_services: Services) -> None:
    danger = {"danger_signalled": True}
    messages, slots, _ = run(
        ActionTriageStart(), danger, user("kom ik in aanmerking voor hulp in huis", "check_eligibility")
    )
    assert messages == [], "no 'a few questions' when none will come"
    _, asked, _ = run(ValidateTriageForm(), {**danger, **slots}, user("kom ik in aanmerking", "check_eligibility"))
    assert asked["requested_slot"] is None
    (estimate,), outcome, events = run(ActionTriageOutcome(), {**danger, **slots})
    assert outcome == {"triage_outcome": "spoed"} and "112" in estimate["text"]
    assert "identiteitsbewijs" not in estimate["text"] and "Meer weten" not in str(estimate["buttons"])
    assert not [e for e in events if e["event"] == "active_loop"]
