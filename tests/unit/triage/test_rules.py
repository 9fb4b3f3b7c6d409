"""The triage's rules, table-driven: each scenario is one line a Wmo consultant can read and check
(tests/unit/triage/scenarios.yml).

A scenario gives only the answers a resident would be asked for in that situation; the test also
checks that the triage asks exactly those, no more (the fewest questions) and no fewer. After danger
was signalled it asks nothing at all.
"""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.catalogue.models import CatalogueFile
from bot.crisis import CrisisKind
from bot.triage.advice import Advice
from bot.triage.model import Outcome, Question, Reason, TriageAnswers, TriageResult
from bot.triage.needs import Needs
from bot.triage.rules import assess

# (situation, answers, expected outcome, a reason the estimate must give), from scenarios.yml.
SCENARIOS = [
    (row["situation"], row["answers"], row["outcome"], row["reason"])
    for row in yaml.safe_load((Path(__file__).parent / "scenarios.yml").read_text(encoding="utf-8"))
]
URGENT = ("crisis", "danger")


def given(spec: str) -> dict[str, str]:
    """The scenario's answers by question name, its flags, and "subject" unless it is urgent."""
    values = dict(part.partition("=")[::2] for part in spec.split())
    return values if any(flag in values for flag in URGENT) else {"subject": "zelf", **values}


def answers_from(spec: str) -> TriageAnswers:
    values = given(spec)
    crisis = tuple(CrisisKind(kind) for kind in filter(None, [values.get("crisis")]))
    # need_text=vervoer_naar_de_dagbesteding: the resident's own words, with spaces.
    slots = {
        Question[name].value: value.replace("_", " ") if name == "need_text" else value
        for name, value in values.items()
        if name in Question.__members__
    }
    return TriageAnswers.from_slots(
        slots,
        crisis=crisis,
        danger="danger" in values,
        ordinary_product="ordinary" in values,
        pays_self="pays_self" in values,
        cognitive="cognitive" in values,
        item=values["item"].replace("_", " ") if "item" in values else None,
    )


def asked_for(spec: str) -> set[Question]:
    """The questions the situation needs; none once danger was signalled."""
    if any(flag in given(spec) for flag in URGENT):
        return set()
    values = given(spec)
    said = {"need_text"} if "need" in values else set()  # the words came with the need, not asked
    return {Question[name] for name in values if name in Question.__members__ and name not in said}


def result_of(spec: str, needs: Needs) -> TriageResult:
    """The result of the triage on the scenario's answers, which must have one."""
    result = assess(answers_from(spec), needs).result
    assert result is not None, f"no result for {spec}"
    return result


@pytest.mark.parametrize("situation, spec, outcome, reason", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario(needs: Needs, situation: str, spec: str, outcome: str, reason: str) -> None:
    assessment = assess(answers_from(spec), needs)
    assert assessment.next_question is None, f"would still ask {assessment.next_question}"
    assert assessment.result is not None
    assert assessment.result.outcome is Outcome(outcome)
    assert Reason(reason) in assessment.result.reasons
    assert set(assessment.answered) == asked_for(spec), "asks other questions than this situation needs"


def test_at_least_120_scenarios_cover_every_outcome_and_every_reason() -> None:
    counts = Counter(outcome for _, _, outcome, _ in SCENARIOS)
    print("\nscenarios per outcome:", dict(counts))
    assert len(SCENARIOS) >= 120 and len({situation for situation, _, _, _ in SCENARIOS}) == len(SCENARIOS)
    assert set(counts) == {outcome.value for outcome in Outcome}
    assert {reason for _, _, _, reason in SCENARIOS} == {reason.value for reason in Reason}


# The catalogue's exclusion grounds, by a phrase of each, and the reasons the check gives for them.
GROUNDS = {
    "U hebt het al": {Reason.al_geregeld},
    "algemeen gebruikelijk": {Reason.algemeen_gebruikelijk},
    "mensen om u heen": {Reason.netwerk_helpt, Reason.gebruikelijke_hulp, Reason.algemene_voorziening_eerst},
    "andere wet": {
        Reason.wlz_indicatie,
        Reason.wlz_zorg_24_uur,
        Reason.zvw_medisch,
        Reason.zvw_kortdurend,
        Reason.zvw_hulpmiddel,
        Reason.jeugdwet,
    },
    "het oude nog goed werkt": {Reason.vervanging_niet_nodig},
    "verpleeghuis": {Reason.wlz_indicatie},
    # Unsafe or foreseeable: only the onderzoek can judge that. The check never guesses it, and never
    # on age (the scootmobiel and the 95-year-old's traplift above stay maatwerk_mogelijk).
    "onveilig": set(),
}


def test_every_exclusion_ground_in_the_catalogue_has_its_scenarios(catalogue_file: CatalogueFile, needs: Needs) -> None:
    given = {reason for _, spec, _, _ in SCENARIOS for reason in result_of(spec, needs).reasons}
    for ground in catalogue_file.exclusion_grounds:
        phrases = [phrase for phrase in GROUNDS if phrase in ground.text]
        assert len(phrases) == 1, f"no single scenario group for: {ground.text}"
        assert GROUNDS[phrases[0]] <= given


@pytest.mark.parametrize("situation, spec, outcome, reason", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_being_able_to_pay_never_changes_the_outcome(
    needs: Needs, situation: str, spec: str, outcome: str, reason: str
) -> None:
    toggled = spec.replace(" pays_self", "") if "pays_self" in spec else f"{spec} pays_self"
    assert result_of(toggled, needs).outcome is Outcome(outcome)


def test_age_is_only_asked_where_the_jeugdwet_could_apply(needs: Needs) -> None:
    for _, spec, _, _ in SCENARIOS:
        answers = answers_from(spec)
        if Question.age in assess(answers, needs).answered:
            assert answers.need is not None
            assert needs[answers.need].youth


@pytest.mark.parametrize("situation, spec, outcome, reason", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_every_estimate_says_it_is_no_decision_or_gives_urgent_help(
    needs: Needs, advice: Advice, situation: str, spec: str, outcome: str, reason: str
) -> None:
    result = result_of(spec, needs)
    text = advice.message(result)
    if outcome == "spoed":
        assert "112" in text
    else:
        assert "eerste inschatting, geen besluit" in text and "De gemeente beslist" in text
        # Its sources in the estimate, or behind its "Meer weten" where the first bubble must stay short.
        assert ("Bron: " in text) is not advice.details_in_more(result.outcome)
        assert "Bron: " in advice.details(result)


def test_the_check_asks_one_question_at_a_time_in_the_wmo_order(needs: Needs) -> None:
    slots = {Question.subject.value: "zelf", Question.need.value: "huishouden"}
    order: list[Question] = []
    while True:
        step = assess(TriageAnswers.from_slots(slots), needs)
        if step.result:
            break
        question = step.next_question
        assert question is not None, "no result and no next question"
        order.append(question)
        slots[question.value] = {
            Question.limitation: "lichamelijk",
            Question.wlz: "nee",
            Question.help_now: "nee",
            Question.housemate: "nee",
        }[question]
    assert order == [Question.limitation, Question.wlz, Question.help_now, Question.housemate]
    assert step.result.outcome is Outcome.maatwerk_mogelijk and step.result.provisions == (
        "huishoudelijke_ondersteuning",
    )
