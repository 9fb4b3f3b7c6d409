"""Console sessions kept in the database, so every instance shares them and logout or revocation
ends them everywhere. The cookie holds a random session id; only its SHA-256 hash is stored."""

import hashlib
import hmac
import secrets
import time

from sqlalchemy import Column, Float, String, delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.access import same_secret
from bot.database import Base

SESSION_SECONDS = 8 * 3600


class SessionRow(Base):
    __tablename__ = "staff_sessions"

    id_hash = Column(String(64), primary_key=True)
    name = Column(String(64), nullable=False, index=True)
    expires_at = Column(Float, nullable=False, index=True)


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


class Sessions:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        Base.metadata.create_all(engine, tables=[Base.metadata.tables[SessionRow.__tablename__]])

    def issue(self, name: str, now: float | None = None) -> str:
        """A new session for `name`; expired ones of every account are removed on the way."""
        now = now or time.time()
        session_id = secrets.token_urlsafe(32)
        with Session(self._engine) as db, db.begin():
            db.execute(delete(SessionRow).where(SessionRow.expires_at <= now))
            db.add(SessionRow(id_hash=_hash(session_id), name=name, expires_at=now + SESSION_SECONDS))
        return session_id

    def holder(self, session_id: str, now: float | None = None) -> str | None:
        """The staff name of a live session."""
        if not session_id:
            return None
        with Session(self._engine) as db:
            row = db.execute(select(SessionRow).where(SessionRow.id_hash == _hash(session_id))).scalar()
        return row.name if row is not None and row.expires_at > (now or time.time()) else None

    def end(self, session_id: str) -> None:
        with Session(self._engine) as db, db.begin():
            db.execute(delete(SessionRow).where(SessionRow.id_hash == _hash(session_id or "")))

    def revoke(self, name: str) -> int:
        """Ends every session of an account; the number ended."""
        with Session(self._engine) as db, db.begin():
            return int(db.execute(delete(SessionRow).where(SessionRow.name == name)).rowcount)

    @staticmethod
    def form_token(session_id: str) -> str:
        """The token every console form carries, so another site cannot post for a logged-in user;
        derived from the secret session id, so it needs no key of its own."""
        return hmac.new(session_id.encode(), b"form", hashlib.sha256).hexdigest()

    def form_token_valid(self, session_id: str, token: str) -> bool:
        return bool(session_id and token) and same_secret(token, self.form_token(session_id))
