"""One turn of the triage conversation, without Rasa: a resident's message becomes answers, or goes
back to the dialogue policy (a question in between, stop, go back, a crisis).

What the resident already said is not asked again: "kan mijn moeder van 82 een traplift krijgen?"
fills who it is for, the age and the need at once.
"""
import re
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

from bot.crisis import CrisisKind
from bot.text import normalise
from bot.triage.model import Age, Assessment, Question, Subject, TriageAnswers
from bot.triage.needs import Needs
from bot.triage.questions import Questions, age_for
from bot.triage.rules import assess

WHO = "triage_who"  # "u", or "uw moeder" when someone asks for another person
ORDINARY = "triage_ordinary"
PAYS_SELF = "triage_pays_self"
QUESTIONS = tuple(question.value for question in Question)
SLOTS = (*QUESTIONS, WHO, ORDINARY, PAYS_SELF)
MAX_NEED_TEXT = 500

# Intents that end or pause the check whatever question is open.
CONTROL_INTENTS = {"stop", "go_back", "crisis", "goodbye", "request_human", "delete_conversation"}
# Questions with an answer of their own: answered in between, then the check asks again.
QUESTION_INTENTS = {
    "wmo_explain", "provision_overview", "provision_info", "apply_how", "assessment_conversation",
    "procedure_timeline", "objection", "own_contribution", "pgb", "client_support", "not_wmo",
    "eligibility_rules", "find_wijkteam", "bot_challenge", "out_of_scope",
}
SURE = 0.6

_RELATIVE = (
    r"(?:mijn|m'n|mn|onze) (moeder|vader|ma|pa|man|vrouw|partner|echtgenoot|echtgenote|zoon|dochter|kind|"
    r"opa|oma|broer|zus|schoonmoeder|schoonvader|buurvrouw|buurman|vriend|vriendin|tante|oom|client|"
    r"kleinzoon|kleindochter)"
)
_FOR_RELATIVE = re.compile(
    rf"\b(?:voor|namens) {_RELATIVE}\b"
    rf"|^(?:kan|mag|heeft|krijgt|komt) {_RELATIVE}\b"
    rf"|\b{_RELATIVE} (?:van|is) \d{{1,3}}\b"
)
_FOR_SELF = re.compile(r"^(?:kan|kom|heb|krijg|mag) ik\b|\bvoor (?:mijzelf|mezelf)\b")
_STATED_AGE = re.compile(
    rf"\b(?:ik ben|ben ik) (\d{{1,3}}) (?:jaar|jr)\b|\b(\d{{1,3}})-?jarige?\b|\b{_RELATIVE} (?:van|is) (\d{{1,3}})\b"
)
_PAYS_SELF = re.compile(
    r"\b(zelf (kunnen |kan )?(betalen|kopen)|genoeg geld|geld genoeg|kan (het|ik) (zelf )?(betalen|kopen))\b"
)


@dataclass(frozen=True)
class Message:
    """What the dialogue needs to know of the resident's latest message."""

    text: str
    intent: str = ""
    confidence: float = 0.0
    provisions: Tuple[str, ...] = ()  # catalogue codes named in it
    crisis: Tuple[CrisisKind, ...] = ()  # signs of acute need found in it


def ends_or_pauses(message: Message) -> bool:
    """A sign of acute need, or a sure wish to stop, go back, leave or talk to a person."""
    return bool(message.crisis) or (message.intent in CONTROL_INTENTS and message.confidence >= SURE)


def asked_in_between(message: Message) -> bool:
    """A question with an answer of its own, asked while a form waits for an answer."""
    return message.intent in QUESTION_INTENTS and message.confidence >= SURE


@dataclass(frozen=True)
class Turn:
    updates: Dict[str, Any] = field(default_factory=dict)
    reject: bool = False  # not an answer: let the dialogue policy handle it
    not_understood: bool = False  # an answer, but unclear: ask again


def stated_age(text: str) -> Optional[Age]:
    """An age the resident states outright ("ik ben 82 jaar", "mijn zoon van 15")."""
    match = _STATED_AGE.search(normalise(text))
    return age_for(int(next(group for group in match.groups() if group and group.isdigit()))) if match else None


def _first_group(match: Optional[re.Match]) -> Optional[str]:
    return next(group for group in match.groups() if group) if match else None


def who_is_meant(text: str) -> Optional[Tuple[Subject, str]]:
    """(subject, how to name them) when the words say clearly who the question is for."""
    plain = normalise(text)
    relative = _first_group(_FOR_RELATIVE.search(plain))
    if relative:
        return Subject.ander, f"uw {relative}"
    if _FOR_SELF.search(plain):
        return Subject.zelf, "u"
    return None


def who_answered(text: str, answer: Optional[str]) -> Optional[Tuple[Subject, str]]:
    """(subject, how to name them) from an answer to "voor wie vraagt u het?"."""
    relative = _first_group(re.search(rf"\b{_RELATIVE}\b", normalise(text)))
    if relative:
        return Subject.ander, f"uw {relative}"
    if answer is None:
        return None
    return (Subject.zelf, "u") if answer == Subject.zelf.value else (Subject.ander, "uw naaste")


class TriageDialogue:
    def __init__(self, needs: Needs, questions: Questions) -> None:
        self.needs = needs
        self.questions = questions

    def answers(self, slots: Mapping[str, Any]) -> TriageAnswers:
        return TriageAnswers.from_slots(
            slots, ordinary_product=bool(slots.get(ORDINARY)), pays_self=bool(slots.get(PAYS_SELF))
        )

    def assess(self, slots: Mapping[str, Any]) -> Assessment:
        return assess(self.answers(slots), self.needs)

    def who(self, slots: Mapping[str, Any]) -> str:
        return slots.get(WHO) or "u"

    def start(self, message: Message, context_provision: Optional[str], context_text: str) -> Dict[str, Any]:
        """Fresh answers for a new check, filled from the message that started it, or else from the
        provision the conversation was about (the resident accepted the offer after its answer)."""
        updates: Dict[str, Any] = {slot: None for slot in SLOTS}
        updates.update(self._known(updates, message))
        if context_provision:
            updates.update(self._known(updates, Message(context_text, provisions=(context_provision,))))
        return updates

    def take(self, slots: Mapping[str, Any], requested: Optional[str], message: Message) -> Turn:
        """The resident's answer to the requested question (a Question's slot name)."""
        question = Question(requested)
        text = message.text.strip()
        clicked = normalise(text) in {normalise(title) for title in self.questions.buttons(question)}
        if message.crisis or (not clicked and ends_or_pauses(message)):
            return Turn(reject=True)
        unclear = Turn(reject=True) if asked_in_between(message) else Turn(not_understood=True)
        if question is Question.need_text:
            if not text:
                return Turn(not_understood=True)
            updates = self._need(text, message.provisions)
            if updates[Question.need.value] is None and asked_in_between(message):
                return unclear
        elif question is Question.subject:
            meant = who_answered(text, self.questions.parse(question, text))
            if meant is None:
                return unclear
            updates = {question.value: meant[0].value, WHO: meant[1]}
        else:
            value = self.questions.parse(question, text, message.provisions)
            if value is None:
                return unclear
            updates = {question.value: value}
        return Turn({**self._known({**slots, **updates}, message), **updates})

    def back(self, slots: Mapping[str, Any]) -> Dict[str, Any]:
        """Clears the last answer given, so its question comes again (empty at the first question)."""
        answered = self.assess(slots).answered
        if not answered:
            return {}
        last = answered[-1]
        cleared = {
            Question.subject: (Question.subject.value, WHO),
            Question.need_text: (Question.need_text.value, Question.need.value, ORDINARY, PAYS_SELF),
        }.get(last, (last.value,))
        return {slot: None for slot in cleared}

    def _need(self, text: str, provisions: Sequence[str]) -> Dict[str, Any]:
        return {
            Question.need_text.value: text[:MAX_NEED_TEXT],
            Question.need.value: self.questions.parse(Question.need_text, text, provisions),
            ORDINARY: self.needs.ordinary_product(text, provisions),
            PAYS_SELF: bool(_PAYS_SELF.search(normalise(text))),
        }

    def _known(self, slots: Mapping[str, Any], message: Message) -> Dict[str, Any]:
        """What the message says about questions not answered yet."""
        found: Dict[str, Any] = {}
        if slots.get(Question.subject.value) is None:
            meant = who_is_meant(message.text)
            if meant:
                found[Question.subject.value], found[WHO] = meant[0].value, meant[1]
        if slots.get(Question.age.value) is None:
            age = stated_age(message.text)
            if age:
                found[Question.age.value] = age.value
        if slots.get(Question.need.value) is None and slots.get(Question.need_text.value) is None:
            need = self._need(message.text, message.provisions)
            if need[Question.need.value] is not None:
                found.update(need)
        return found
