"""The intake summary after a maatwerk estimate: who it is for, the need in the resident's own words,
the answers, the provisions discussed and the estimate. The resident reads it and decides whether
the wijkteam may have it; only then is it stored. Personal numbers are taken out first.
"""
import re
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any, List, Mapping, Optional, Tuple

from sqlalchemy import JSON, Column, DateTime, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.redact import redact
from bot.text import normalise
from bot.triage.advice import Advice
from bot.triage.dialogue import SURE, Message, TriageDialogue
from bot.triage.model import Question, TriageResult

CONSENT_BUTTONS = ("Ja, delen", "Nee, niet delen")
_NO = re.compile(r"^(nee|neen|liever niet|niet delen|niet|hoeft niet|laat maar)\b")
_YES = re.compile(r"^(ja|jawel|graag|goed|prima|oke|ok|akkoord|delen|dat mag|mag)\b")

# Answers listed in the summary when given; who, the need and its words have lines of their own.
_LISTED = [q for q in Question if q not in (Question.subject, Question.need_text, Question.need)]


@dataclass(frozen=True)
class IntakeSummary:
    for_whom: str
    need_words: str
    topic: str
    answers: Tuple[Tuple[str, str], ...]  # (question, answer) as the resident saw them
    outcome: str
    estimate: str
    reasons: Tuple[str, ...]
    provisions: Tuple[str, ...]
    wijkteam: Optional[str]

    def text(self) -> str:
        lines = [
            f"Voor wie: {self.for_whom}",
            f"Hulpvraag in eigen woorden: \"{self.need_words}\"",
            f"Onderwerp: {self.topic}",
            *(f"{question}: {answer}" for question, answer in self.answers),
            f"Eerste inschatting: {self.estimate}",
            *(f"Waarom: {reason}" for reason in self.reasons),
        ]
        if self.provisions:
            lines.append(f"Besproken voorzieningen: {', '.join(self.provisions)}")
        if self.wijkteam:
            lines.append(f"Wijkteam: {self.wijkteam}")
        return "Samenvatting voor het wijkteam\n" + "\n".join(f"- {line}" for line in lines)

    def record(self) -> dict:
        return asdict(self)


def summarise(
    dialogue: TriageDialogue, advice: Advice, slots: Mapping[str, Any], result: TriageResult,
    wijkteam: Optional[str],
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
        need_words=redact(answers.need_text or ""),
        topic=questions.answer_title(Question.need, answers.need),
        answers=tuple(given),
        outcome=result.outcome.value,
        estimate=advice.title(result.outcome),
        reasons=tuple(advice.reasons(result)),
        provisions=tuple(dialogue.needs.name(code) for code in result.provisions),
        wijkteam=wijkteam,
    )


def read_consent(message: Message) -> Optional[bool]:
    """Yes or no to a consent question; None when the answer is not clearly one of them, and for a
    message with signs of acute need, which is never an answer ("ja, ik wil dood")."""
    if message.crisis:
        return None
    plain = normalise(message.text).strip(" .!?")
    if _NO.match(plain) or (message.intent == "deny" and message.confidence >= SURE):
        return False
    if _YES.match(plain) or (message.intent == "affirm" and message.confidence >= SURE):
        return True
    return None


class IntakeRow(Base):
    """A summary the resident agreed to share. The handoff to wijkteam staff picks it up."""

    __tablename__ = "intakes"

    id = Column(String(32), primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False)
    conversation_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=False)
    outcome = Column(String(32), nullable=False)
    summary = Column(JSON, nullable=False)
    status = Column(String(16), nullable=False, default="nieuw")


class IntakeStore:
    """One instance per process, sharing the process's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def save(self, summary: IntakeSummary, conversation_id: str, channel: str) -> str:
        """Stores a summary the resident consented to share; returns its id."""
        row = IntakeRow(
            id=uuid.uuid4().hex, created_at=datetime.now(timezone.utc), conversation_id=conversation_id,
            channel=channel, outcome=summary.outcome, summary=summary.record(), status="nieuw",
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.add(row)
            return row.id

    def for_conversation(self, conversation_id: str) -> List[dict]:
        statement = select(IntakeRow).where(IntakeRow.conversation_id == conversation_id).order_by(IntakeRow.created_at)
        with Session(self._engine, future=True) as session:
            fields = ("id", "channel", "outcome", "summary", "status")
            return [{name: getattr(row, name) for name in fields} for row in session.execute(statement).scalars()]
