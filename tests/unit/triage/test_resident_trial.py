"""The check tried as residents would (issue 11, "Done when"): new situations in resident_trial.yml,
and in resident_trial_2.yml to resident_trial_4.yml, each written independently after the previous
trial's failures were fixed, each with the outcome a Wmo consultant expects, written before the
check ran on them. A resident types every answer from the situation's facts; a question whose
answer the opening or an earlier answer already gave, or a question asked again, counts as a repeat.

The estimate must match the consultant's in at least 95% of the situations, with no repeats. A
situation the check gets wrong keeps its expected outcome and is marked `known_wrong_outcome` or
`known_repeat` in the file: its test xfails strictly until the rules are fixed (the causes are in
/tmp/issue11/trial_failures.md, trial2_failures.md and trial3_failures.md); a file below the bar
says so in `known_below_bar`."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.crisis import crisis_detector
from bot.dialogue.message import Message
from bot.triage.dialogue import DANGER
from bot.triage.model import Age, Question
from tests.unit.triage.test_conversations import Conversation, matcher  # noqa: F401 (fixture)
from tests.unit.triage.test_rules import SCENARIOS, URGENT, given

FILES = (
    "resident_trial.yml",
    "resident_trial_2.yml",
    "resident_trial_3.yml",
    "resident_trial_4.yml",
    "resident_trial_5.yml",
    "resident_trial_6.yml",
    "resident_trial_7.yml",
    "resident_trial_8.yml",
)
# Per file: the situations, the facts' `defaults` and the answer bank (`answers`).
TRIALS: dict[str, dict[str, Any]] = {
    name: yaml.safe_load((Path(__file__).parent / name).read_text(encoding="utf-8")) for name in FILES
}
NEEDS = {Question.need_text, Question.need}  # the need said once answers both
MIN_MATCH = 0.95
MOST_ASKED = 2  # a question comes at most twice: once, and once more with its buttons after an unread answer


class Resident(Conversation):
    """A check in typed answers; a message that signals danger is a crisis, as the assistant's
    crisis detector marks it, and the crisis rule then records the danger."""

    def say(self, text: str) -> Message:
        crisis = tuple(crisis_detector().detect(text))
        return Message(text, "crisis" if crisis else "inform", 0.9, tuple(self.matcher.codes(text)), crisis)


@dataclass
class Trial:
    situation: dict[str, Any]
    outcome: str = ""
    asked: list[Question] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # the resident's answers, "?" after one not read
    repeats: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return self.outcome == self.situation["expected"]

    def report(self) -> str:
        steps = "; ".join(f"{q.name} -> '{a}'" for q, a in zip(self.asked, self.said, strict=True)) or "niets gevraagd"
        return f"{self.situation['name']}: verwacht {self.situation['expected']}, kreeg {self.outcome}; {steps}"


def typed_answer(book: dict[str, Any], situation: dict[str, Any], number: int, question: Question) -> str:
    """What the resident types: the situation's own words, or a phrasing from the trial's answer bank."""
    if question.name in situation.get("typed", {}):
        return str(situation["typed"][question.name])
    facts = {**book["defaults"], **situation["facts"]}
    answers = book["answers"]
    if question in NEEDS:
        return str(facts.get("need_text") or _pick(answers["need_text"][facts["need"]], number))
    assert question.name in facts, f"{situation['name']}: no fact for {question.name}"
    value = facts[question.name]
    if question is Question.age:
        code = Age.jonger.value if value < 18 else Age.ouder.value
        return _pick(answers["age"][code], number).format(age=value)
    return _pick(answers[question.name][str(value)], number)


def clicked_answer(resident: Resident, book: dict[str, Any], situation: dict[str, Any], question: Question) -> str:
    """The button for the situation's fact, as a resident clicks it when a typed answer was not read."""
    facts = {**book["defaults"], **situation["facts"]}
    if question in NEEDS:
        return resident.dialogue.questions.answer_title(Question.need, facts["need"])
    value = facts[question.name]
    if question is Question.age:
        value = Age.jonger.value if value < 18 else Age.ouder.value
    return resident.dialogue.questions.answer_title(question, str(value))


def _pick(phrasings: list[str], number: int) -> str:
    return phrasings[number % len(phrasings)]


def try_situation(resident: Resident, book: dict[str, Any], number: int, situation: dict[str, Any]) -> Trial:
    trial = Trial(situation)
    opening = resident.say(situation["opening"])
    resident.open(situation["opening"], **({DANGER: True} if opening.crisis else {}))
    known = {Question[name] for name in situation["said"]}
    if Question.need in known:
        known |= NEEDS
    danger = situation.get("danger", {})
    unread: set[Question] = set()
    for step in range(len(Question) * 2):
        assessment = resident.dialogue.assess(resident.slots)
        if assessment.result:
            trial.outcome = assessment.result.outcome.value
            return trial
        question = assessment.next_question
        assert question is not None
        if question in known:
            again = "na een niet gelezen antwoord" if question in trial.asked else "al gezegd"
            trial.repeats.append(f"{situation['name']}: vraagt {question.name} ({again})")
        trial.asked.append(question)
        if danger.get("at") == step:
            text = danger["text"]
        elif question in unread:  # asked again with buttons: the resident clicks one
            text = clicked_answer(resident, book, situation, question)
        else:
            text = typed_answer(book, situation, number, question)
        message = resident.say(text)
        turn = resident.dialogue.take(resident.slots, question.value, message)
        trial.said.append(text + ("?" if turn.not_understood else ""))
        if turn.reject and message.crisis:
            resident.slots[DANGER] = True  # the crisis rule records it; the check then goes on
            continue
        assert not turn.reject, f"{situation['name']}: '{text}' is no answer to {question.name}"
        resident.slots.update(turn.updates)
        known.add(question)  # also when not read: asking it again asks what was said
        if turn.not_understood:
            unread.add(question)
        else:
            known |= {Question[name] for name in situation.get("typed_says", {}).get(question.name, [])}
            if question is Question.need_text and resident.slots.get(Question.need.value):
                known.add(Question.need)
    # A check that never ends is that situation's failure, not the whole trial's.
    trial.outcome = "no estimate: the check kept asking"
    return trial


@pytest.fixture(scope="module")
def trials(dialogue: Any, matcher: Any) -> dict[str, list[Trial]]:  # noqa: F811 (the imported fixture)
    return {
        name: [try_situation(Resident(dialogue, matcher), book, n, s) for n, s in enumerate(book["situations"])]
        for name, book in TRIALS.items()
    }


def _marks(known: str | None) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason=known)] if known else []


@pytest.mark.parametrize(
    ("file", "number"),
    [
        pytest.param(name, number, marks=_marks(s.get("known_wrong_outcome") or s.get("known_repeat")), id=s["name"])
        for name, book in TRIALS.items()
        for number, s in enumerate(book["situations"])
    ],
)
def test_a_resident_gets_the_consultants_estimate_without_repeats(
    trials: dict[str, list[Trial]], file: str, number: int
) -> None:
    trial = trials[file][number]
    assert trial.matches, trial.report()
    assert not trial.repeats, trial.repeats


@pytest.mark.parametrize(
    "file", [pytest.param(name, marks=_marks(book.get("known_below_bar")), id=name) for name, book in TRIALS.items()]
)
def test_the_trial_matches_a_consultant_in_95_percent_with_no_repeats(
    trials: dict[str, list[Trial]], file: str, capsys: pytest.CaptureFixture[str]
) -> None:
    size = len(trials[file])
    matched = sum(trial.matches for trial in trials[file])
    repeats = [repeat for trial in trials[file] for repeat in trial.repeats]
    questions = [len(trial.asked) for trial in trials[file]]
    with capsys.disabled():
        print(f"\n{file}: {matched}/{size} match a consultant ({matched / size:.0%}), {len(repeats)} repeats")
        print(f"questions per check: mean {sum(questions) / size:.1f}, most {max(questions)}")
        for trial in trials[file]:
            if not trial.matches:
                print(f"  mismatch: {trial.report()}")
        for repeat in repeats:
            print(f"  repeat: {repeat}")
    assert size >= 40
    assert matched / size >= MIN_MATCH
    assert not repeats


def test_no_trial_asks_any_question_more_than_twice(trials: dict[str, list[Trial]]) -> None:
    """Whatever the resident types, the check moves on after an answer it cannot read twice: the words
    kept as "Iets anders", or the buttons. A check that asks one thing a third time never ends."""
    asked = {
        trial.situation["name"]: {q.name: n for q, n in Counter(trial.asked).items() if n > MOST_ASKED}
        for book in trials.values()
        for trial in book
    }
    assert {name: counts for name, counts in asked.items() if counts} == {}


def test_no_scenario_asks_any_question_more_than_twice(dialogue: Any, matcher: Any) -> None:  # noqa: F811
    """Each scenario played through the dialogue with its answers clicked (the first button where it
    gives none) ends, and asks no question more than twice."""
    too_often = {}
    for situation, spec, _, _ in SCENARIOS:
        values = given(spec)
        if any(flag in values for flag in URGENT):
            continue
        resident = Resident(dialogue, matcher).open("")
        asked: Counter[Question] = Counter()
        for _ in range(len(Question) * MOST_ASKED + 1):
            question = resident.dialogue.assess(resident.slots).next_question
            if question is None:
                break
            asked[question] += 1
            value = values.get(Question.need.name if question in NEEDS else question.name)
            shown = Question.need if question in NEEDS else question
            text = dialogue.questions.answer_title(shown, value) if value else dialogue.questions.buttons(question)[0]
            resident.slots.update(dialogue.take(resident.slots, question.value, resident.say(text)).updates)
        if max(asked.values(), default=0) > MOST_ASKED or question is not None:
            too_often[situation] = dict(asked)
    assert too_often == {}
