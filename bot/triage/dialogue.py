"""One turn of the triage conversation, without Rasa: a resident's message becomes answers, or goes
back to the dialogue policy (a question in between, stop, go back, a crisis).

What the resident already said is not asked again: "kan mijn moeder van 82 een traplift krijgen?"
fills who it is for, the age and the need at once, and what an answer says besides (a Wlz-indicatie,
living alone) is kept too. Naming another topic in between changes the topic and keeps the answers
that do not depend on it.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.dialogue.interruptions import asked_in_between, ends_or_pauses
from bot.dialogue.message import Message
from bot.dutch import normalise
from bot.triage.model import (
    UNSURE,
    Assessment,
    General,
    HasIt,
    Limitation,
    Question,
    Subject,
    TriageAnswers,
    TriageResult,
    Wlz,
    YesNo,
)
from bot.triage.needs import OTHER, Need, Needs
from bot.triage.questions import Questions, age_for
from bot.triage.rules import assess
from bot.triage.statements import (
    ADULT_KIN,
    care_day_and_night_after_all,
    healthy_housemate,
    lives_alone,
    manages_self,
    names_relative,
    no_partner_to_help,
    says_carer,
    says_pays_self,
    stated_duration,
    stated_has_it,
    stated_healthy,
    stated_help,
    stated_residence,
    stated_safe_tonight,
    stated_wlz,
    stated_years,
    tried_general,
    who_answered,
    who_is_meant,
)

WHO = "triage_who"  # "u", or "uw moeder" when someone asks for another person
ORDINARY = "triage_ordinary"
PAYS_SELF = "triage_pays_self"
ITEM = "triage_item"  # the thing the resident named, "een e-bike"
COGNITIVE = "triage_cognitive"  # memory, cognitive or psychiatric problems named (TriageAnswers.cognitive)
# Set by the crisis rule whenever danger was signalled (domain/crisis.yml); a check never clears it.
DANGER = "danger_signalled"
QUESTIONS = tuple(question.value for question in Question)
SLOTS = (*QUESTIONS, WHO, ORDINARY, PAYS_SELF, ITEM, COGNITIVE)
MAX_NEED_TEXT = 500
# "ja, mijn man, maar ...": the "ja" names who lives there; "ja, maar die is ziek" alone stays unclear.
_YES_BUT = re.compile(r"^(?:ja|jawel|jazeker|ja hoor),? (?:mijn|onze|haar|zijn) \w+(?: van \d+)?,? maar\b(.+)$")
DESCRIBED_WORDS = 3  # "iemand die ons helpt bij het gesprek" describes a need; "tja" or "weet niet" does not
_HESITATES = re.compile(r"\b(?:weet|weten|idee|snap|begrijp|tja|eh|uh|hmm|geen van|niks|niets)\b")
_DENIED_CAUSE = re.compile(r"\b(?:niet|geen|zonder)(?: \w+)?(?: (?:ziek|ziekte|wond|operatie|pijn))?\b")
# Answers that belong to one topic: a new topic asks them again. Who, age, the cause, the Wlz stay.
_TOPIC_ANSWERS = (
    Question.safe_tonight,
    Question.medical,
    Question.duration,
    Question.has_it,
    Question.help_now,
    Question.housemate,
    Question.general,
)


@dataclass(frozen=True)
class Turn:
    updates: dict[str, Any] = field(default_factory=dict)
    reject: bool = False  # not an answer: let the dialogue policy handle it
    not_understood: bool = False  # an answer, but unclear: ask again


class TriageDialogue:
    def __init__(self, needs: Needs, questions: Questions) -> None:
        self.needs = needs
        self.questions = questions
        # A medical cause of a washing need, as the opening names it ("na een darmoperatie"): the
        # medical question's own words, also at the end of a compound.
        causes = sorted({normalise(word) for word in questions.option_words(Question.medical, YesNo.ja.value)}, key=len)
        self._medical_cause = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(rf"\w*{re.escape(word)}" if len(word) >= 6 else re.escape(word) for word in causes[::-1])
            + r")(?![\w-])"
        )

    def answers(self, slots: Mapping[str, Any]) -> TriageAnswers:
        return TriageAnswers.from_slots(
            slots,
            ordinary_product=bool(slots.get(ORDINARY)),
            pays_self=bool(slots.get(PAYS_SELF)),
            cognitive=bool(slots.get(COGNITIVE)),
            item=slots.get(ITEM) or None,
            danger=bool(slots.get(DANGER)),
            adult=str(slots.get(WHO) or "").removeprefix("uw ") in ADULT_KIN,
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
        """How the questions name the person it is for: "u", "uw moeder", or "uw naaste"."""
        if slots.get(WHO):
            return str(slots[WHO])
        return "uw naaste" if slots.get(Question.subject.value) == Subject.ander.value else "u"

    def start(self, message: Message, context_provision: str | None, context_text: str) -> dict[str, Any]:
        """Fresh answers for a new check, filled from the message that started it, or else from the
        provision the conversation was about (the resident accepted the offer after its answer)."""
        updates: dict[str, Any] = dict.fromkeys(SLOTS)
        if message.text.startswith("/"):  # a clicked button's payload carries no words of the resident
            message = Message("", provisions=message.provisions)
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
            who = self._who_instead_of_need(text, updates)
            if who and any(slots.get(slot) != value for slot, value in who.items()):
                return Turn(who)
        elif question is Question.subject:
            meant = who_answered(text, self.questions.parse(question, text))
            if meant is None:
                return unclear
            updates = {question.value: meant[0].value, WHO: meant[1]}
        else:
            value = self.questions.parse(question, text, message.provisions)
            unsure_or_no = (None, Wlz.onbekend.value, Wlz.nee.value)
            if question is Question.wlz and value in unsure_or_no and care_day_and_night_after_all(text):
                # "weet ik niet, een indicatie heeft hij niet, maar hij kan nooit meer alleen gelaten worden":
                # the need of care day and night is the Wlz's criterion, before any indicatie (Wlz art. 3.2.1).
                value = Wlz.zorg_24_uur.value
            if question is Question.housemate and value is None:
                # "ja, mijn man, maar die heeft dementie": someone lives there, but cannot do it. Gebruikelijke
                # hulp asks a housemate who is able (Wmo 2015 art. 2.3.2 lid 4; CIZ Protocol gebruikelijke zorg).
                value = self._housemate_unable(text)
            if value in UNSURE and asked_in_between(message):
                return Turn(reject=True)  # "weet ik niet, wat is een Wlz-indicatie?": answer that first
            heard = self.questions.heard(question, text)
            if value is None and not heard:
                # Not in the question's words, but said as an opening says it: "mijn knieen zijn op".
                value = self._known(slots, message).get(question.value)
            if value is None and question is Question.need and not asked_in_between(message) and _describes(text):
                # Words typed under the menu that name none of its topics are "Iets anders", with those
                # words kept: asking the menu once more would ask what the resident just said.
                kept = {} if slots.get(Question.need_text.value) else {Question.need_text.value: text[:MAX_NEED_TEXT]}
                return Turn({question.value: OTHER, **kept})
            if value is None:
                # An answer in the question's words that is unclear is asked again, not a new topic.
                new_topic = {} if heard else self._new_topic(slots, question, message)
                return Turn(new_topic) if new_topic else unclear
            updates = {question.value: value}
        # A clicked title says only its answer ("Geheugen of psyche" names no dementia).
        known = {} if clicked else self._known({**slots, **updates}, message)
        return Turn({**known, **updates})

    def _who_instead_of_need(self, text: str, need: Mapping[str, Any]) -> dict[str, Any]:
        """ "voor mezelf" or "voor mijn moeder" under "Waar hebt u hulp bij nodig?" says who it is for,
        not what is needed: kept as that answer, and the need is asked again. Said once more, or when
        the opening said it already, the words are the need as the resident puts it ("hulp voor mijn
        dochter"), so the question never comes a third time."""
        if need[Question.need.value] or need[ITEM] or len(text.split()) > 4:
            return {}
        meant = who_answered(text, self.questions.parse(Question.subject, text))
        return {Question.subject.value: meant[0].value, WHO: meant[1]} if meant else {}

    def _housemate_unable(self, text: str) -> str | None:
        """ "ja, mijn man, maar die heeft dementie, die kan niks meer": nee, when what follows the "maar"
        after a "ja" and the one named reads as nee on its own; "ja, mijn zoon, maar die werkt veel" stays
        unclear."""
        found = _YES_BUT.match(normalise(text))
        if found is None:
            return None
        rest = self.questions.parse(Question.housemate, found.group(1))
        return rest if rest == YesNo.nee.value else None

    def _new_topic(self, slots: Mapping[str, Any], question: Question, message: Message) -> dict[str, Any]:
        """ "Het gaat eigenlijk om de trap": the new topic, with that topic's answers cleared, and
        empty when the message names no other topic."""
        if question is Question.need:
            return {}
        need = self._need(message.text, message.provisions)
        if need[Question.need.value] in (None, slots.get(Question.need.value)):
            return {}
        cleared = {**dict.fromkeys(q.value for q in _TOPIC_ANSWERS), **need}
        return {**cleared, **self._known({**slots, **cleared}, message)}

    def back(self, slots: Mapping[str, Any]) -> dict[str, Any]:
        """Clears the last answer given, so its question comes again (empty at the first question)."""
        answered = self.assess(slots).answered
        if not answered:
            return {}
        last = answered[-1]
        cleared = {
            Question.subject: (Question.subject.value, WHO),
            Question.need_text: (Question.need_text.value, Question.need.value, ORDINARY, PAYS_SELF, ITEM),
        }.get(last, (last.value,))
        return dict.fromkeys(cleared)

    def _need(self, text: str, provisions: Sequence[str]) -> dict[str, Any]:
        item = self.needs.item(text)
        return {
            Question.need_text.value: text[:MAX_NEED_TEXT],
            Question.need.value: self.questions.parse(Question.need_text, text, provisions),
            ORDINARY: bool(item and item.ordinary),
            ITEM: item.name if item else None,
            PAYS_SELF: says_pays_self(text),
        }

    def _known(self, slots: Mapping[str, Any], message: Message) -> dict[str, Any]:
        """What the message says about questions not answered yet."""
        text = message.text
        found: dict[str, Any] = {}
        if slots.get(Question.need.value) is None and slots.get(Question.need_text.value) is None:
            need = self._need(text, message.provisions)
            if need[Question.need.value] is not None or need[ITEM]:
                found.update(need)
        topic = str(found.get(Question.need.value) or slots.get(Question.need.value) or "")
        topic_need = self.needs.get(topic)
        if slots.get(Question.subject.value) is None:
            carer = topic_need is not None and topic_need.for_carer and says_carer(text)
            meant = (Subject.zelf, "u") if carer else who_is_meant(text)
            if meant:
                found[Question.subject.value], found[WHO] = meant[0].value, meant[1]
        subject = found.get(Question.subject.value) or slots.get(Question.subject.value)
        for_other = subject == Subject.ander.value or (subject is None and names_relative(text))
        who = str(found.get(WHO) or slots.get(WHO) or "uw naaste") if for_other else None
        years = stated_years(text, for_other=for_other)
        age = age_for(years) if years is not None else None
        limitation = self.needs.limitation(text)
        if limitation is None and years is not None and years >= self.needs.old_age:
            limitation = Limitation.lichamelijk  # old age is a cause of its own
        if limitation is None and stated_healthy(text, for_other):
            limitation = Limitation.geen  # "ik ben kerngezond", and no illness named
        if self.needs.weighs_begeleiding(text) and not manages_self(text):
            found[COGNITIVE] = True
        alone = lives_alone(text) or (not for_other and no_partner_to_help(text))
        housemate = YesNo.nee if alone else YesNo.ja if healthy_housemate(text, who) else None
        # "als niemand hem eraan herinnert": reminding, not nursing
        prompting = topic_need is not None and topic_need.personal_care and self.needs.prompting(text)
        statements = {
            Question.age: age,
            Question.limitation: limitation,
            Question.housemate: housemate,
            Question.duration: stated_duration(text),
            Question.wlz: stated_wlz(text),
            Question.residence: stated_residence(text),
            Question.help_now: stated_help(text, who),
            Question.safe_tonight: stated_safe_tonight(text),
            Question.general: General.niet_genoeg if self._tried_general(text, message, topic_need) else None,
            Question.has_it: self._has_it(text, message.provisions),
            Question.medical: YesNo.nee if prompting else YesNo.ja if self._medical(text, topic_need) else None,
        }
        for question, value in statements.items():
            if value is not None and slots.get(question.value) is None:
                found[question.value] = value.value
        return found

    def _medical(self, text: str, topic: Need | None) -> bool:
        """ "komt thuis na een darmoperatie en kan zich niet wassen": washing help for a medical cause."""
        said = _DENIED_CAUSE.sub(" ", normalise(text))  # "hij is verder niet ziek" names no cause
        return topic is not None and topic.personal_care and bool(self._medical_cause.search(said))

    def _tried_general(self, text: str, message: Message, topic: Need | None) -> bool:
        """Walk-in help named ("het steunpunt", "de maaltijdservice") and tried without result; of the
        topic's own walk-in help once the topic is known."""
        named = self.needs.general_among(message.provisions)
        if topic is not None:
            named = tuple(code for code in named if code in self.needs.algemeen(topic))
        return bool(named) and tried_general(text)

    def _has_it(self, text: str, provisions: Sequence[str]) -> HasIt | None:
        """Bought, worn out or still working, as the words say. The thing is the provision named ("de
        rolstoel ... is versleten") or no part of the body ("haar knieen zijn versleten" is no aid)."""
        stated = stated_has_it(text)
        if stated is None:
            return None
        has_it, thing = stated
        named = thing is not None and any(thing in normalise(self.needs.name(code)) for code in provisions)
        if thing and not named and self.needs.limitation(thing):
            return None
        return has_it


def _describes(text: str) -> bool:
    """Words that describe something, rather than hesitate ("weet ik niet", "geen idee eigenlijk")."""
    plain = normalise(text)
    return len(plain.split()) >= DESCRIBED_WORDS and not _HESITATES.search(plain)
