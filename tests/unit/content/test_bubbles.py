"""No turn sends more than three bubbles, on any channel: every answer of every action for every
provision (alone, two at once, in the check), the general answers, the glossary, crisis help, the
fallbacks, the check's estimates, every response in the domain and every rule's chain of responses."""

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.catalogue as answer
from actions.crisis import ActionCrisis
from actions.fallback import ActionDefaultAskAffirmation
from actions.glossary import ActionDefineTerm
from actions.intake import ActionAskIntakeConsent
from actions.out_of_scope import ActionOutOfScope
from actions.services import Services
from actions.topics import ActionAidRepair
from actions.wijkteam import ActionWijkteam
from bot.catalogue.models import CatalogueFile, ProvisionKind
from bot.crisis import CrisisKind
from bot.glossary import glossary
from bot.messaging.limits import BUTTON_TITLE, REPLY_BUTTONS
from bot.municipality import municipality
from bot.settings import ROOT
from bot.triage.advice import Advice
from bot.triage.model import Outcome, Reason, TriageResult
from tests.helpers import dispatch, make_tracker
from tests.unit.content.bubbles import bubbles, rendered, responses, too_many

# Each answering action with the intent it answers.
INTENTS: dict[type[Action], str] = {
    answer.ActionProvisionInfo: "provision_info",
    answer.ActionOwnContribution: "own_contribution",
    answer.ActionPgb: "pgb",
    answer.ActionApplyHow: "apply_how",
    answer.ActionEligibilityRules: "eligibility_rules",
}
ANSWERS = list(INTENTS)


def turn(action: Action, tracker: Tracker) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    dispatch(action, dispatcher, tracker)
    return dispatcher.messages


def in_form(tracker: Tracker) -> Tracker:
    tracker.active_loop = {"name": "triage_form"}
    return tracker


def choices_last(sent: list[dict[str, Any]]) -> bool:
    """Only the turn's last message has buttons: the website widget shows only the last's."""
    return not any(rendered(message)["buttons"] for message in sent[:-1])


def codes(catalogue_file: CatalogueFile) -> list[str]:
    return [p.code for p in catalogue_file.provisions]


def test_the_counter_counts_what_each_channel_shows() -> None:
    paragraphs = {"text": "Een.\n\nTwee.\n\nDrie.\n\nVier."}
    assert bubbles([paragraphs]) == {"rest": 4, "socketio": 4, "whatsapp": 1, "twilio": 1}
    choices = [{"title": f"Keuze {n}", "payload": f"/greet{n}"} for n in range(4)]
    assert bubbles([{"text": "Kies.\n\nNu.", "buttons": choices}]) == {
        "rest": 1,
        "socketio": 2,
        "whatsapp": 1,
        "twilio": 1,
    }
    assert bubbles([{"response": "utter_greet"}, {"response": "utter_offer_check"}])["rest"] == 2


def test_the_counter_fails_a_wall_of_text() -> None:
    assert too_many([{"text": "\n\n".join(["Regel."] * 7)}]) == {"rest": 7, "socketio": 7}


@pytest.mark.parametrize("action", ANSWERS, ids=lambda a: a.__name__)
def test_every_answer_about_one_provision_fits(
    action_services: Services, catalogue_file: CatalogueFile, action: type[Action]
) -> None:
    for code in codes(catalogue_file):
        sent = turn(action(), make_tracker(f"vraag over {code}", INTENTS[action], [code]))
        assert not too_many(sent) and choices_last(sent), (code, bubbles(sent))
        # WhatsApp shows these as reply buttons: at most three, titles of at most 20 characters.
        choices = [message.get("buttons") or [] for message in sent]
        assert all(len(b) <= REPLY_BUTTONS and all(len(t["title"]) <= BUTTON_TITLE for t in b) for b in choices)


@pytest.mark.parametrize("action", ANSWERS, ids=lambda a: a.__name__)
def test_every_answer_about_two_or_three_provisions_at_once_fits(
    action_services: Services, catalogue_file: CatalogueFile, action: type[Action]
) -> None:
    maatwerk = [p.code for p in catalogue_file.provisions if p.kind is ProvisionKind.maatwerk]
    algemeen = [p.code for p in catalogue_file.provisions if p.kind is ProvisionKind.algemeen]
    mixed = [*zip(maatwerk, algemeen, strict=False), *zip(algemeen, maatwerk, strict=False)]
    pairs = [*itertools.pairwise(codes(catalogue_file)), *mixed]
    for named in [*pairs, (maatwerk[0], maatwerk[1], algemeen[0])]:
        sent = turn(action(), make_tracker("twee tegelijk", INTENTS[action], list(named)))
        assert not too_many(sent) and choices_last(sent), (named, bubbles(sent))


@pytest.mark.parametrize("action", [*ANSWERS, answer.ActionProvisionOverview], ids=lambda a: a.__name__)
def test_every_general_answer_fits(action_services: Services, action: type[Action]) -> None:
    sent = turn(action(), make_tracker("algemene vraag", INTENTS.get(action, "provision_overview")))
    assert sent and not too_many(sent), bubbles(sent)


def test_a_provision_asked_about_during_the_check_fits_with_the_question_that_follows(
    action_services: Services, catalogue_file: CatalogueFile
) -> None:
    question = {
        "text": "Woont u alleen?",
        "buttons": [{"title": "Ja", "payload": "Ja"}, {"title": "Nee", "payload": "Nee"}],
    }
    for named in itertools.pairwise(codes(catalogue_file)):
        sent = turn(answer.ActionProvisionInfo(), in_form(make_tracker("wat is dat", "provision_info", list(named))))
        assert not too_many([*sent, question]), (named, bubbles([*sent, question]))


def test_every_glossary_term_alone_or_two_at_once_fits(action_services: Services) -> None:
    keys = [entry.key for entry in glossary().terms]
    for named in [*((key,) for key in keys), *itertools.pairwise(keys)]:
        tracker = make_tracker("wat betekent dat", "define_term")
        tracker.latest_message["entities"] = [{"entity": "term", "value": key} for key in named]
        sent = turn(ActionDefineTerm(), tracker)
        assert len(sent) == len(named) and not too_many(sent), (named, bubbles(sent))


def test_a_provision_asked_as_a_term_fits(action_services: Services, catalogue_file: CatalogueFile) -> None:
    for named in itertools.pairwise(codes(catalogue_file)):
        sent = turn(ActionDefineTerm(), make_tracker("wat is een scootmobiel", "define_term", list(named)))
        assert not too_many(sent) and choices_last(sent), (named, bubbles(sent))


@pytest.mark.parametrize("kinds", [[kind] for kind in CrisisKind] + [list(CrisisKind), []], ids=str)
def test_crisis_help_with_the_national_lines_first_fits(action_services: Services, kinds: list[CrisisKind]) -> None:
    tracker = make_tracker("het gaat niet meer", "crisis")
    tracker.latest_message["entities"] = [{"entity": "crisis", "value": kind.value} for kind in kinds]
    sent = [{"response": "utter_crisis_help"}, *turn(ActionCrisis(), tracker)]
    assert len(sent) == 2 and bubbles(sent)["socketio"] == 2, bubbles(sent)


@pytest.mark.parametrize(
    "tracker",
    [
        make_tracker("kost pgb", "nlu_fallback", ranking=[{"name": "own_contribution"}, {"name": "pgb"}]),
        make_tracker("wie geeft een scootmobiel", "nlu_fallback", ["scootmobiel"], ranking=[{"name": "apply_how"}]),
        make_tracker("   ", "nlu_fallback"),
    ],
    ids=["guesses", "provision", "empty"],
)
def test_the_fallback_fits(action_services: Services, tracker: Tracker) -> None:
    sent = turn(ActionDefaultAskAffirmation(), tracker)
    assert bubbles(sent)["socketio"] == 1


@pytest.mark.parametrize(
    "action, tracker",
    [
        (ActionOutOfScope(), make_tracker("wanneer wordt het afval opgehaald", "out_of_scope")),
        (ActionOutOfScope(), make_tracker("wat is de hoofdstad van frankrijk", "out_of_scope")),
        (ActionAidRepair(), make_tracker("mijn scootmobiel is kapot", "aid_repair", ["scootmobiel"])),
        (ActionWijkteam(), make_tracker("1234 AB", "inform", slots={"postcode": "1234 AB"})),
        (ActionWijkteam(), make_tracker("weet ik niet", "inform", slots={"postcode": "onbekend"})),
        (ActionWijkteam(), make_tracker("9999 ZZ", "inform", slots={"postcode": "9999 ZZ"})),
    ],
    ids=["other-service", "out-of-scope", "aid-repair", "wijkteam", "no-postcode", "other-municipality"],
)
def test_the_other_answers_fit(action_services: Services, action: Action, tracker: Tracker) -> None:
    sent = turn(action, tracker)
    assert sent and not too_many(sent), bubbles(sent)


def test_every_other_municipal_service_gets_one_bubble(action_services: Services) -> None:
    for service in municipality().other_services:
        sent = turn(ActionOutOfScope(), make_tracker(f"vraag over {service.words[0]}", "out_of_scope"))
        assert bubbles(sent)["socketio"] == 1, service.name


def test_the_postcode_turn_after_a_maatwerk_estimate_fits(action_services: Services) -> None:
    """The wijkteam's answer, then the summary with the consent question, in one turn."""
    slots = {
        "triage_subject": "ander",
        "triage_who": "uw moeder",
        "triage_need": "woning",
        "triage_need_text": "Mijn moeder kan de trap niet meer op",
        "triage_limitation": "lichamelijk",
        "triage_wlz": "nee",
        "triage_has_it": "nee",
        "postcode": "1234 AB",
        "triage_outcome": "maatwerk_mogelijk",
    }
    sent = [
        *turn(ActionWijkteam(), make_tracker("1234 AB", "inform", slots=slots)),
        *turn(ActionAskIntakeConsent(), make_tracker("1234 AB", "inform", slots={**slots, "wijkteam": "Wijkteam"})),
    ]
    assert len(sent) == 2 and not too_many(sent), bubbles(sent)


def test_every_response_in_the_domain_fits() -> None:
    wide = {name: bubbles([{"response": name}]) for name in responses()}
    assert {name: counts for name, counts in wide.items() if max(counts.values()) > 3} == {}


def rule_turns() -> list[tuple[str, list[str]]]:
    """(rule, responses) for every run of responses a rule sends after the resident spoke."""
    found = []
    for path in sorted(Path(ROOT / "data" / "rules").glob("*.yml")):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []:
            run: list[str] = []
            for step in [*rule.get("steps", []), {"intent": "end"}]:
                if "action" in step and str(step["action"]).startswith("utter_"):
                    run.append(step["action"])
                elif run and ("intent" in step or "action" in step):
                    found.append((rule["rule"], run))
                    run = []
    return found


@pytest.mark.parametrize("rule, names", rule_turns(), ids=lambda value: str(value)[:40])
def test_every_rule_s_chain_of_responses_fits(rule: str, names: list[str]) -> None:
    sent = [{"response": name} for name in names]
    assert not too_many(sent), bubbles(sent)


ESTIMATES = {
    Outcome.spoed: (Reason.crisis,),
    Outcome.wlz: (Reason.wlz_indicatie,),
    Outcome.zorgverzekering: (Reason.zvw_medisch,),
    Outcome.jeugdwet: (Reason.jeugdwet,),
    Outcome.eigen_kracht: (Reason.netwerk_helpt,),
    Outcome.algemene_voorziening: (Reason.algemene_voorziening_eerst,),
    Outcome.maatwerk_mogelijk: (Reason.geen_eigen_oplossing, Reason.algemene_voorziening_niet_genoeg),
}


def test_meer_weten_after_a_maatwerk_estimate_fits_with_the_postcode_question_that_follows(advice: Advice) -> None:
    """The conversation, the estimate's tips and sources, and the wijkteam form asking again."""
    result = TriageResult(Outcome.maatwerk_mogelijk, ESTIMATES[Outcome.maatwerk_mogelijk], ("woningaanpassing",))
    sent = [
        {"response": "utter_assessment_conversation"},
        {"text": advice.details(result)},
        {"response": "utter_ask_postcode"},
    ]
    assert not too_many(sent), bubbles(sent)


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_every_estimate_of_the_check_fits(advice: Advice, outcome: Outcome) -> None:
    """The estimate with its buttons; a maatwerk estimate is followed by the postcode question."""
    result = TriageResult(outcome, ESTIMATES[outcome], provisions=("huishoudelijke_ondersteuning",))
    discuss = {"title": "Medewerker spreken", "payload": "/request_human"}
    sent: list[dict[str, Any]] = [
        {"text": advice.message(result, "uw moeder"), "buttons": advice.buttons(result, discuss)}
    ]
    if outcome is Outcome.maatwerk_mogelijk:
        sent.append({"response": "utter_ask_postcode"})
    assert not too_many(sent), bubbles(sent)
