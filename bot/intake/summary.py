"""The intake summary after a maatwerk estimate: who it is for, the need in the resident's own words,
the answers, the provisions discussed and the estimate. The resident reads it and decides whether
the wijkteam may have it; only then is it stored. Personal numbers are taken out first.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from bot.dutch import bullets
from bot.privacy.redact import redact
from bot.triage.advice import Advice
from bot.triage.dialogue import TriageDialogue
from bot.triage.model import Question, TriageResult

CONSENT_BUTTONS = ("Ja, delen", "Nee, niet delen")

# Answers listed in the summary when given; who, the need and its words have lines of their own.
_LISTED = [q for q in Question if q not in (Question.subject, Question.need_text, Question.need)]


@dataclass(frozen=True)
class IntakeSummary:
    for_whom: str
    need_words: str
    topic: str
    answers: tuple[tuple[str, str], ...]  # (question, answer) as the resident saw them
    outcome: str
    estimate: str
    reasons: tuple[str, ...]
    provisions: tuple[str, ...]
    wijkteam: str | None

    def text(self) -> str:
        lines = [
            f"Voor wie: {self.for_whom}",
            *([f'Hulpvraag in eigen woorden: "{self.need_words}"'] if self.need_words else []),
            f"Onderwerp: {self.topic}",
            *(f"{question}: {answer}" for question, answer in self.answers),
            f"Eerste inschatting: {self.estimate}",
            *(f"Waarom: {reason}" for reason in self.reasons),
        ]
        if self.provisions:
            lines.append(f"Besproken voorzieningen: {', '.join(self.provisions)}")
        if self.wijkteam:
            lines.append(f"Wijkteam: {self.wijkteam}")
        return "Samenvatting voor het wijkteam\n" + bullets(lines)

    def record(self) -> dict[str, Any]:
        return asdict(self)


def summarise(
    dialogue: TriageDialogue,
    advice: Advice,
    slots: Mapping[str, Any],
    result: TriageResult,
    wijkteam: str | None,
) -> IntakeSummary:
    questions = dialogue.questions
    answers = dialogue.answers(slots)
    given = [
        (questions.label(question), questions.answer_title(question, slots[question.value]))
        for question in _LISTED
        if answers.get(question) is not None
    ]
    who = dialogue.who(slots)
    return IntakeSummary(
        for_whom="uzelf" if who == "u" else who,
        # A clicked button sends a payload ("/provision_info{...}"): those are no words of the resident.
        need_words="" if (answers.need_text or "").startswith("/") else redact(answers.need_text or ""),
        topic=questions.answer_title(Question.need, answers.need) if answers.need else "",
        answers=tuple(given),
        outcome=result.outcome.value,
        estimate=advice.title(result.outcome),
        reasons=tuple(advice.reasons(result)),
        provisions=tuple(dialogue.needs.name(code) for code in result.provisions),
        wijkteam=wijkteam,
    )
