"""Handing a conversation to wijkteam staff: the record staff work from, and callback requests.

A record is made only after the resident agreed. It holds what staff need so the resident does not
repeat the story: why, the topic, the resident's recent questions and the intake summary, all
with personal numbers taken out. A callback request also holds the phone number the resident
gave for it; that number is the one personal detail kept, because the resident asked for the call.
"""

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from sqlalchemy import JSON, Column, DateTime, String, Text, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.handoff.model import OPEN, RESIDENT, HandoffKind, HandoffSummary, Status
from bot.intake.store import IntakeRow


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
    callback_phone: str | None
    staff: str | None

    @classmethod
    def of(cls, row: HandoffRow) -> "Handoff":
        return cls(
            id=row.id,
            created_at=row.created_at,
            conversation_id=row.conversation_id,
            channel=row.channel,
            kind=row.kind,
            status=row.status,
            summary=HandoffSummary.from_record(row.summary),
            callback_phone=row.callback_phone,
            staff=row.staff,
        )


def _now() -> datetime:
    return datetime.now(timezone.utc)


class HandoffStore:
    """One instance per process, sharing the process's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(
        self,
        conversation_id: str,
        channel: str,
        kind: HandoffKind,
        summary: HandoffSummary,
        callback_phone: str | None = None,
    ) -> str:
        """Records a handoff the resident agreed to; returns its id."""
        if kind is HandoffKind.callback and not callback_phone:
            raise ValueError("a callback request needs a phone number")
        now = _now()
        handoff_id = uuid.uuid4().hex
        row = HandoffRow(
            id=handoff_id,
            created_at=now,
            updated_at=now,
            conversation_id=conversation_id,
            channel=channel,
            kind=kind.value,
            status=Status.open.value,
            summary=asdict(summary),
            callback_phone=callback_phone,
            consent_at=now,
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.add(row)
        return handoff_id

    def get(self, handoff_id: str) -> Handoff | None:
        with Session(self._engine, future=True) as session:
            row = session.get(HandoffRow, handoff_id)
            return Handoff.of(row) if row else None

    def open_handoffs(self) -> list[Handoff]:
        statement = select(HandoffRow).where(HandoffRow.status.in_(OPEN)).order_by(HandoffRow.created_at)
        with Session(self._engine, future=True) as session:
            return [Handoff.of(row) for row in session.execute(statement).scalars()]

    def open_chat(self, conversation_id: str) -> Handoff | None:
        """The conversation's chat that staff have not yet handed back or closed."""
        statement = select(HandoffRow).where(
            HandoffRow.conversation_id == conversation_id,
            HandoffRow.kind == HandoffKind.chat.value,
            HandoffRow.status.in_(OPEN),
        )
        with Session(self._engine, future=True) as session:
            row = session.execute(statement).scalars().first()
            return Handoff.of(row) if row else None

    def set_status(self, handoff_id: str, status: Status, staff: str) -> None:
        statement = (
            update(HandoffRow)
            .where(HandoffRow.id == handoff_id)
            .values(status=status.value, staff=staff, updated_at=_now())
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
            handoffs = session.execute(delete(HandoffRow).where(HandoffRow.conversation_id == conversation_id))
            intakes = session.execute(delete(IntakeRow).where(IntakeRow.conversation_id == conversation_id))
        removed: int = handoffs.rowcount + intakes.rowcount
        return removed
