"""The audit log of the staff console: who signed in, read, answered, handed back or closed which
handoff, who was refused what, and which accounts an administrator changed, and when.

Append-only: this module only adds rows and reads them; the retention purge
(bot/privacy/retention.py) is the one thing that deletes them, after their days. A row holds ids,
the action, the staff name and a short code, never a resident's text.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from sqlalchemy import Column, DateTime, Integer, String, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base, utc

PAGE_SIZE = 50
# Handoff ids are uuid4 hex; anything else a URL carried is not stored, only that it was refused.
_HANDOFF_ID = re.compile(r"^[0-9a-f]{32}$")


class AuditAction(str, Enum):
    logged_in = "ingelogd"
    login_refused = "inloggen_geweigerd"
    logged_out = "uitgelogd"
    read = "gelezen"
    replied = "beantwoord"
    handed_back = "teruggegeven"
    closed = "gesloten"
    refused = "geweigerd"
    audit_read = "logboek_gelezen"
    account_added = "account_toegevoegd"
    account_removed = "account_verwijderd"
    password_changed = "wachtwoord_gewijzigd"
    teams_changed = "teams_gewijzigd"
    admin_changed = "beheerder_gewijzigd"
    sessions_revoked = "sessies_ingetrokken"


class AuditRow(Base):
    __tablename__ = "staff_audit"

    id = Column(Integer, primary_key=True, autoincrement=True)
    at = Column(DateTime(timezone=True), nullable=False, index=True)
    staff = Column(String(64), nullable=False, index=True)
    action = Column(String(32), nullable=False)
    handoff_id = Column(String(32), index=True)
    detail = Column(String(200))


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    staff: str
    action: str
    handoff_id: str | None
    detail: str | None


def valid_handoff_id(value: str) -> bool:
    return bool(_HANDOFF_ID.match(value))


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        Base.metadata.create_all(engine, tables=[Base.metadata.tables[AuditRow.__tablename__]])

    def record(
        self,
        staff: str,
        action: AuditAction,
        handoff_id: str | None = None,
        detail: str | None = None,
        now: datetime | None = None,
    ) -> None:
        """Adds one row; a handoff id that is not a real id's shape is left out, the refusal stays."""
        row = AuditRow(
            at=now or datetime.now(timezone.utc),
            staff=staff[:64],
            action=action.value,
            handoff_id=handoff_id if handoff_id and valid_handoff_id(handoff_id) else None,
            detail=detail[:200] if detail else None,
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.add(row)

    def page(self, number: int, per_page: int = PAGE_SIZE) -> tuple[list[AuditEntry], int]:
        """One page of the log, newest first, and how many rows there are in all."""
        statement = select(AuditRow).order_by(AuditRow.id.desc()).offset((number - 1) * per_page).limit(per_page)
        with Session(self._engine, future=True) as session:
            total = session.execute(select(func.count()).select_from(AuditRow)).scalar_one()
            entries = [
                AuditEntry(utc(row.at), row.staff, row.action, row.handoff_id, row.detail)
                for row in session.execute(statement).scalars()
            ]
        return entries, int(total)
