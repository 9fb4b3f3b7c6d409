"""Messaging platforms retry a webhook they think failed (Meta's Cloud API, Twilio): every message id
is remembered for a week, in the database so a retry to any instance is caught, and a message is
answered once."""

from datetime import datetime, timedelta, timezone

from sqlalchemy import Column, DateTime, String, delete
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.database import Base


class ReceivedMessage(Base):
    __tablename__ = "whatsapp_received"

    message_id = Column(String(128), primary_key=True)
    received_at = Column(DateTime(timezone=True), nullable=False, index=True)


class Deduplicator:
    """Remembers message ids for a week, in the database, so retries to any instance are caught."""

    KEEP = timedelta(days=7)

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def first_time(self, message_id: str) -> bool:
        now = datetime.now(timezone.utc)
        try:
            with Session(self._engine, future=True) as session, session.begin():
                session.execute(delete(ReceivedMessage).where(ReceivedMessage.received_at < now - self.KEEP))
                session.add(ReceivedMessage(message_id=message_id, received_at=now))
        except IntegrityError:
            return False
        return True

    def forget(self, message_id: str) -> None:
        """Lets a retry of a message that failed be handled after all."""
        with Session(self._engine, future=True) as session, session.begin():
            session.execute(delete(ReceivedMessage).where(ReceivedMessage.message_id == message_id))
