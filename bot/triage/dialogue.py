"""One turn of the triage conversation, without Rasa: a resident's message becomes answers, or goes
back to the dialogue policy (a question in between, stop, go back, a crisis).

What the resident already said is not asked again: "kan mijn moeder van 82 een traplift krijgen?"
fills who it is for, the age and the need at once.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.dialogue.interruptions import asked_in_between, ends_or_pauses
from bot.dialogue.message import Message
from bot.dutch import normalise
from bot.triage.model import Assessment, Question, TriageAnswers, TriageResult
from bot.triage.needs import Needs
from bot.triage.questions import Questions
from bot.triage.rules import assess
from bot.triage.statements import says_pays_self, stated_age, who_answered, who_is_meant

WHO = "triage_who"  # "u", or "uw moeder" when someone asks for another person
ORDINARY = "triage_ordinary"
PAYS_SELF = "triage_pays_self"
QUESTIONS = tuple(question.value for question in Question)
SLOTS = (*QUESTIONS, WHO, ORDINARY, PAYS_SELF)
MAX_NEED_TEXT = 500


@dataclass(frozen=True)
class Turn:
    updates: dict[str, Any] = field(default_factory=dict)
    reject: bool = False  # not an answer: let the dialogue policy handle it
    not_understood: bool = False  # an answer, but unclear: ask again


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

    def result(self, slots: Mapping[str, Any]) -> TriageResult:
        """The estimate of a check that has all its answers."""
        assessment = self.assess(slots)
        if assessment.result is None:
            raise ValueError(f"the check still asks {assessment.next_question}")
        return assessment.result

    def who(self, slots: Mapping[str, Any]) -> str:
        return slots.get(WHO) or "u"

    def start(self, message: Message, context_provision: str | None, context_text: str) -> dict[str, Any]:
        """Fresh answers for a new check, filled from the message that started it, or else from the
        provision the conversation was about (the resident accepted the offer after its answer)."""
        updates: dict[str, Any] = dict.fromkeys(SLOTS)
        updates.update(self._known(updates, message))
        if context_provision:
            updates.update(self._known(updates, Message(context_text, provisions=(context_provision,))))
        return updates

    def take(self, slots: Mapping[str, Any], requested: str | None, message: Message) -> Turn:
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

    def back(self, slots: Mapping[str, Any]) -> dict[str, Any]:
        """Clears the last answer given, so its question comes again (empty at the first question)."""
        answered = self.assess(slots).answered
        if not answered:
            return {}
        last = answered[-1]
        cleared = {
            Question.subject: (Question.subject.value, WHO),
            Question.need_text: (Question.need_text.value, Question.need.value, ORDINARY, PAYS_SELF),
        }.get(last, (last.value,))
        return dict.fromkeys(cleared)

    def _need(self, text: str, provisions: Sequence[str]) -> dict[str, Any]:
        return {
            Question.need_text.value: text[:MAX_NEED_TEXT],
            Question.need.value: self.questions.parse(Question.need_text, text, provisions),
            ORDINARY: self.needs.ordinary_product(text, provisions),
            PAYS_SELF: says_pays_self(text),
        }

    def _known(self, slots: Mapping[str, Any], message: Message) -> dict[str, Any]:
        """What the message says about questions not answered yet."""
        found: dict[str, Any] = {}
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
