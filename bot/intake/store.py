"""Intake summaries the resident agreed to share, kept for the wijkteam; the handoff to staff picks
them up."""

import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, Column, DateTime, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.intake.summary import IntakeSummary


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
        intake_id = uuid.uuid4().hex
        row = IntakeRow(
            id=intake_id,
            created_at=datetime.now(timezone.utc),
            conversation_id=conversation_id,
            channel=channel,
            outcome=summary.outcome,
            summary=summary.record(),
            status="nieuw",
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.add(row)
        return intake_id

    def for_conversation(self, conversation_id: str) -> list[dict[str, Any]]:
        statement = select(IntakeRow).where(IntakeRow.conversation_id == conversation_id).order_by(IntakeRow.created_at)
        with Session(self._engine, future=True) as session:
            fields = ("id", "channel", "outcome", "summary", "status")
            return [{name: getattr(row, name) for name in fields} for row in session.execute(statement).scalars()]
