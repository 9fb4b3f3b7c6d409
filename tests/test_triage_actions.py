"""The triage, wijkteam and intake actions as the action server runs them, on a seeded SQLite
database, with trackers shaped as Rasa sends them."""
import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import create_engine

from bot import settings
from bot.database import Base
from bot.intake import IntakeStore
from bot.wijkteams import read_wijkteams, seed_wijkteams


@pytest.fixture(scope="module")
def modules(sqlite_url, catalogue_file):
    from bot.catalogue.loader import seed

    engine = create_engine(sqlite_url, future=True)
    Base.metadata.create_all(engine)
    seed(engine, catalogue_file)
    seed_wijkteams(engine, read_wijkteams(settings.WIJKTEAMS_FILE))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", sqlite_url)
        import actions.triage as triage
        import actions.wijkteam as wijkteam
    return triage, wijkteam, IntakeStore(engine)


def user(text, intent="inform", entities=()):
    return {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": [{"entity": kind, "value": value} for kind, value in entities],
    }


def tracker(message, slots=None, loop=None, before_form="action_listen", history=()):
    """The tracker a validation or ask action gets: earlier user messages, the latest message, the
    action before the form's own run, and the form's run."""
    events = [{"event": "user", "text": m["text"], "parse_data": m} for m in history]
    events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": message["text"], "parse_data": message}]
    if before_form != "action_listen":
        events.append({"event": "action", "name": before_form})
    if loop:
        events.append({"event": "action", "name": loop})
    return Tracker("bewoner-1", dict(slots or {}), message, events, False, None, {"name": loop} if loop else {}, "action_listen")


def run(action, slots=None, message=None, **kwargs):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(message or user(""), slots, **kwargs), {}))
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}, events


ASKED_WLZ = {"triage_subject": "ander", "triage_who": "uw moeder", "triage_need_text": "traplift", "triage_need": "woning", "requested_slot": "triage_wlz"}


def test_a_fresh_answer_is_taken_and_the_next_relevant_question_requested(modules):
    triage, _, _ = modules
    messages, slots, _ = run(triage.ValidateTriageForm(), ASKED_WLZ, user("nee, geen indicatie"), loop="triage_form")
    assert messages == []
    assert slots == {"triage_wlz": "nee", "requested_slot": "triage_has_it"}


def test_after_a_question_in_between_the_same_question_comes_again(modules):
    triage, _, _ = modules
    _, slots, _ = run(
        triage.ValidateTriageForm(), ASKED_WLZ, user("wat kost een traplift", "own_contribution"),
        loop="triage_form", before_form="action_own_contribution",
    )
    assert slots == {"requested_slot": "triage_wlz"}


@pytest.mark.parametrize("text, intent", [("stoppen", "stop"), ("terug", "go_back"), ("wat is een pgb", "pgb")])
def test_stop_back_and_other_questions_are_handed_back_to_the_policy(modules, text, intent):
    triage, _, _ = modules
    messages, slots, events = run(triage.ValidateTriageForm(), ASKED_WLZ, user(text, intent), loop="triage_form")
    assert events == [] and messages == []


def test_an_unclear_answer_gets_a_friendly_repeat(modules):
    triage, _, _ = modules
    messages, slots, _ = run(triage.ValidateTriageForm(), ASKED_WLZ, user("blauw", "nlu_fallback"), loop="triage_form")
    assert [m["response"] for m in messages] == ["utter_triage_not_understood"]
    assert slots == {"triage_wlz": None, "requested_slot": "triage_wlz"}


def test_a_question_is_asked_about_the_person_it_is_for_with_buttons(modules):
    triage, _, _ = modules
    (ask,) = [action for action in triage.ASK_ACTIONS if action().name() == "action_ask_triage_wlz"]
    (message,), _, _ = run(ask(), ASKED_WLZ)
    assert message["text"].startswith("Heeft uw moeder een Wlz-indicatie")
    assert [b["title"] for b in message["buttons"]] == ["Ja, Wlz-indicatie", "Ja, dag en nacht", "Nee", "Weet ik niet"]
    assert all(b["payload"] == b["title"] for b in message["buttons"])


def test_the_check_starts_with_what_the_first_message_said(modules):
    triage, _, _ = modules
    first = user("kan mijn moeder van 82 een traplift krijgen", "check_eligibility", [("provision", "woningaanpassing")])
    (intro,), slots, _ = run(triage.ActionTriageStart(), {"triage_wlz": "nee"}, first)
    assert intro["response"] == "utter_triage_intro_topic" and intro["topic"] == "woning aanpassen"
    assert slots["triage_who"] == "uw moeder" and slots["triage_need"] == "woning" and slots["triage_age"] == "ouder"
    assert slots["triage_wlz"] is None, "answers of an earlier check are cleared"


def test_accepting_the_offer_after_a_provision_answer_uses_that_provision(modules):
    triage, _, _ = modules
    asked = user("kan ik een scootmobiel krijgen", "provision_info", [("provision", "scootmobiel")])
    (intro,), slots, _ = run(triage.ActionTriageStart(), {"provision": "scootmobiel"}, user("ja", "affirm"), history=[asked])
    assert slots["triage_need"] == "scootmobiel" and slots["triage_need_text"] == "kan ik een scootmobiel krijgen"
    stale = user("wat is de wmo", "wmo_explain")
    _, slots, _ = run(triage.ActionTriageStart(), {"provision": "scootmobiel"}, user("ja", "affirm"), history=[asked, stale, stale, stale])
    assert slots["triage_need"] is None, "a provision named long ago is not assumed"


def test_a_maatwerk_estimate_goes_on_to_the_wijkteam(modules):
    triage, _, _ = modules
    answered = {**ASKED_WLZ, "triage_wlz": "nee", "triage_has_it": "nee"}
    (estimate,), slots, events = run(triage.ActionTriageOutcome(), answered)
    assert estimate["text"].startswith("Dit gaat over uw moeder.\n\nMijn eerste inschatting: misschien past")
    assert slots == {"triage_outcome": "maatwerk_mogelijk"}
    assert ActiveLoop("wijkteam_form") in events


def test_another_estimate_waits_for_the_resident(modules):
    triage, _, _ = modules
    answered = {**ASKED_WLZ, "triage_wlz": "indicatie"}
    (estimate,), slots, events = run(triage.ActionTriageOutcome(), answered)
    assert "Wet langdurige zorg" in estimate["text"] and slots == {"triage_outcome": "wlz"}
    assert not [e for e in events if e["event"] == "active_loop"]


def test_going_back_clears_the_last_answer(modules):
    triage, _, _ = modules
    _, slots, _ = run(triage.ActionTriageBack(), {**ASKED_WLZ, "triage_wlz": "nee"})
    assert slots == {"triage_wlz": None}
    messages, slots, _ = run(triage.ActionTriageBack(), {})
    assert [m["response"] for m in messages] == ["utter_triage_first_question"] and slots == {}


def test_crisis_help_names_the_right_line_first(modules):
    triage, _, _ = modules
    (message,), _, _ = run(triage.ActionCrisis(), message=user("mijn man slaat me", "crisis", [("crisis", "geweld")]))
    assert message["text"].split("\n\n")[1] == "Is er nu direct gevaar? Bel 112."
    assert "0800-2000" in message["text"].split("\n\n")[2]


MAATWERK_DONE = {**ASKED_WLZ, "triage_wlz": "nee", "triage_has_it": "nee", "triage_outcome": "maatwerk_mogelijk", "wijkteam": "Wijkteam Noord"}


def test_the_summary_is_shown_with_the_consent_question(modules):
    triage, _, _ = modules
    (message,), _, _ = run(triage.ActionAskIntakeConsent(), MAATWERK_DONE)
    assert message["text"].startswith("Samenvatting voor het wijkteam\n- Voor wie: uw moeder")
    assert "Zonder uw ja bewaar ik niets" in message["text"]
    assert [b["title"] for b in message["buttons"]] == ["Ja, delen", "Nee, niet delen"]


@pytest.mark.parametrize("answer, consent", [("Ja, delen", "ja"), ("nee, liever niet", "nee")])
def test_consent_is_taken_from_the_answer(modules, answer, consent):
    triage, _, _ = modules
    _, slots, _ = run(triage.ValidateIntakeForm(), MAATWERK_DONE, user(answer), loop="intake_form")
    assert slots == {"intake_consent": consent, "requested_slot": None}


def test_only_a_yes_stores_the_summary_and_the_answers_are_cleared_after(modules):
    triage, _, store = modules
    (said,), slots, _ = run(triage.ActionIntakeDone(), {**MAATWERK_DONE, "intake_consent": "nee"})
    assert said["response"] == "utter_intake_not_shared" and store.for_conversation("bewoner-1") == []
    assert slots["triage_need_text"] is None and slots["triage_outcome"] is None
    (said,), _, _ = run(triage.ActionIntakeDone(), {**MAATWERK_DONE, "intake_consent": "ja"})
    assert said["response"] == "utter_intake_shared"
    (stored,) = store.for_conversation("bewoner-1")
    assert stored["summary"]["for_whom"] == "uw moeder" and stored["summary"]["wijkteam"] == "Wijkteam Noord"


def test_a_postcode_answer_is_validated_and_asked_again_once(modules):
    _, wijkteam, _ = modules
    asked = {"requested_slot": "postcode"}
    _, slots, _ = run(wijkteam.ValidateWijkteamForm(), asked, user("1234ab"), loop="wijkteam_form")
    assert slots == {"postcode": "1234 AB", "postcode_attempts": 0, "requested_slot": None}
    messages, slots, _ = run(wijkteam.ValidateWijkteamForm(), asked, user("Kerkstraat"), loop="wijkteam_form")
    assert [m["response"] for m in messages] == ["utter_postcode_not_understood"] and slots["postcode_attempts"] == 1
    _, slots, _ = run(wijkteam.ValidateWijkteamForm(), {**asked, "postcode_attempts": 1}, user("Kerkstraat"), loop="wijkteam_form")
    assert slots["postcode"] == "onbekend" and slots["requested_slot"] is None


def test_a_postcode_in_the_question_itself_is_used(modules):
    _, wijkteam, _ = modules
    _, slots, _ = run(wijkteam.ValidateWijkteamForm(), {"postcode": "1230 AA"}, user("welk wijkteam hoort bij 1240 ab", "find_wijkteam"))
    assert slots == {"postcode": "1240 AB", "requested_slot": None}


def test_the_wijkteam_is_named_and_a_maatwerk_estimate_goes_on_to_the_summary(modules):
    _, wijkteam, _ = modules
    (message,), slots, events = run(wijkteam.ActionWijkteam(), {"postcode": "1234 AB", "triage_outcome": "maatwerk_mogelijk"})
    assert "Wijkteam Noord" in message["text"] and slots["wijkteam"] == "Wijkteam Noord"
    assert ActiveLoop("intake_form") in events
    (message,), slots, events = run(wijkteam.ActionWijkteam(), {"postcode": "onbekend"})
    assert "Zonder postcode" in message["text"] and slots == {"wijkteam": None, "postcode": None}
    assert ActiveLoop("intake_form") not in events


def test_a_database_failure_in_the_lookup_still_answers(modules, monkeypatch):
    _, wijkteam, _ = modules
    from sqlalchemy.exc import OperationalError

    def broken(postcode):
        raise OperationalError("SELECT", {}, Exception("down"))

    monkeypatch.setattr(wijkteam.DIRECTORY, "for_postcode", broken)
    (message,), _, events = run(wijkteam.ActionWijkteam(), {"postcode": "1234 AB"})
    assert message["response"] == "utter_catalogue_unavailable" and events == []
