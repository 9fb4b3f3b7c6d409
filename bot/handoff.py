"""Handing a conversation to wijkteam staff: the record staff work from, and callback requests.

A record is made only after the resident agreed. It holds what staff need so the resident does not
repeat the story: why, the topic, the resident's recent questions and the intake summary, all
with personal numbers taken out. A callback request also holds the phone number the resident
gave for it; that number is the one personal detail kept, because the resident asked for the call.
"""
import re
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import List, Optional, Sequence, Tuple

from sqlalchemy import JSON, Column, DateTime, String, Text, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.intake import IntakeRow
from bot.redact import redact


class Kind(str, Enum):
    chat = "chat"  # staff take over the conversation now
    callback = "terugbellen"  # outside office hours: staff call the resident back


class Reason(str, Enum):
    asked = "gevraagd"
    not_understood = "niet_begrepen"
    estimate = "inschatting_bespreken"


class Status(str, Enum):
    open = "open"
    taken = "in_behandeling"
    handed_back = "teruggegeven"
    closed = "gesloten"


REASON_TEXT = {
    Reason.asked: "De inwoner vroeg om een medewerker.",
    Reason.not_understood: "De assistent begreep de vraag twee keer niet.",
    Reason.estimate: "De inwoner wil de eerste inschatting bespreken.",
}
OPEN = (Status.open.value, Status.taken.value)
RESIDENT = "inwoner"  # who closed a chat the resident stopped

# Dutch numbers only: a callback goes out from the municipality's own lines.
_PHONE_DIGITS = re.compile(r"^(?:\+31|0031|0)(\d{9})$")
# Service and premium numbers cannot be called back on.
_NOT_CALLABLE = ("800", "900", "906", "909", "14")


def parse_phone(text: str) -> Optional[str]:
    """A Dutch phone number in any common notation, as +31 and nine digits; None if it is not one."""
    compact = re.sub(r"[\s().-]", "", re.sub(r"\(\s*0\s*\)", "", text.strip()))
    match = _PHONE_DIGITS.match(compact)
    if not match or match.group(1).startswith(_NOT_CALLABLE):
        return None
    return f"+31{match.group(1)}"


@dataclass(frozen=True)
class HandoffSummary:
    reason: str
    topics: Tuple[str, ...]
    questions: Tuple[str, ...]  # the resident's latest messages, personal numbers taken out
    intake: Optional[dict]  # the intake summary the resident agreed to share, if any

    @classmethod
    def from_record(cls, record: dict) -> "HandoffSummary":
        return cls(record["reason"], tuple(record["topics"]), tuple(record["questions"]), record["intake"])

    def lines(self) -> List[str]:
        lines = [REASON_TEXT[Reason(self.reason)]]
        if self.topics:
            lines.append(f"Onderwerp: {', '.join(self.topics)}")
        lines.extend(f"Vraag: \"{question}\"" for question in self.questions)
        return lines


def summarise_handoff(
    reason: Reason, topics: Sequence[str], questions: Sequence[str], intake: Optional[dict]
) -> HandoffSummary:
    return HandoffSummary(
        reason=reason.value, topics=tuple(topics), questions=tuple(redact(q) for q in questions if q.strip()),
        intake=intake,
    )


class HandoffRow(Base):
    __tablename__ = "handoffs"

    id = Column(String(32), primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False)
    updated_at = Column(DateTime(timezone=True), nullable=False)
    conversation_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(64), nullable=False)
    kind = Column(String(16), nullable=False)
    status = Column(String(16), nullable=False, index=True)
    summary = Column(JSON, nullable=False)
    callback_phone = Column(String(16))
    consent_at = Column(DateTime(timezone=True), nullable=False)
    staff = Column(String(64))
    note = Column(Text)


@dataclass(frozen=True)
class Handoff:
    id: str
    created_at: datetime
    conversation_id: str
    channel: str
    kind: str
    status: str
    summary: HandoffSummary
    callback_phone: Optional[str]
    staff: Optional[str]

    @classmethod
    def of(cls, row: HandoffRow) -> "Handoff":
        return cls(
            id=row.id, created_at=row.created_at, conversation_id=row.conversation_id, channel=row.channel,
            kind=row.kind, status=row.status, summary=HandoffSummary.from_record(row.summary),
            callback_phone=row.callback_phone, staff=row.staff,
        )


def _now() -> datetime:
    return datetime.now(timezone.utc)


class HandoffStore:
    """One instance per process, sharing the process's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(
        self, conversation_id: str, channel: str, kind: Kind, summary: HandoffSummary,
        callback_phone: Optional[str] = None,
    ) -> str:
        """Records a handoff the resident agreed to; returns its id."""
        if kind is Kind.callback and not callback_phone:
            raise ValueError("a callback request needs a phone number")
        now = _now()
        row = HandoffRow(
            id=uuid.uuid4().hex, created_at=now, updated_at=now, conversation_id=conversation_id, channel=channel,
            kind=kind.value, status=Status.open.value, summary=asdict(summary), callback_phone=callback_phone,
            consent_at=now,
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.add(row)
            return row.id

    def get(self, handoff_id: str) -> Optional[Handoff]:
        with Session(self._engine, future=True) as session:
            row = session.get(HandoffRow, handoff_id)
            return Handoff.of(row) if row else None

    def open_handoffs(self) -> List[Handoff]:
        statement = select(HandoffRow).where(HandoffRow.status.in_(OPEN)).order_by(HandoffRow.created_at)
        with Session(self._engine, future=True) as session:
            return [Handoff.of(row) for row in session.execute(statement).scalars()]

    def open_chat(self, conversation_id: str) -> Optional[Handoff]:
        """The conversation's chat that staff have not yet handed back or closed."""
        statement = select(HandoffRow).where(
            HandoffRow.conversation_id == conversation_id, HandoffRow.kind == Kind.chat.value,
            HandoffRow.status.in_(OPEN),
        )
        with Session(self._engine, future=True) as session:
            row = session.execute(statement).scalars().first()
            return Handoff.of(row) if row else None

    def set_status(self, handoff_id: str, status: Status, staff: str) -> None:
        statement = update(HandoffRow).where(HandoffRow.id == handoff_id).values(
            status=status.value, staff=staff, updated_at=_now()
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.execute(statement)

    def close_chat(self, conversation_id: str) -> None:
        """The resident stopped waiting: the conversation's open chat is closed."""
        chat = self.open_chat(conversation_id)
        if chat:
            self.set_status(chat.id, Status.closed, RESIDENT)

    def forget_conversation(self, conversation_id: str) -> int:
        """Deletes every handoff and intake summary of a conversation; returns how many rows went."""
        with Session(self._engine, future=True) as session, session.begin():
            removed = 0
            for table in (HandoffRow, IntakeRow):
                removed += session.execute(delete(table).where(table.conversation_id == conversation_id)).rowcount
            return removed
