"""Handing a conversation to wijkteam staff: the record staff work from, and callback requests.

A record is made only after the resident agreed. It holds what staff need so the resident does not
repeat the story: why, the topic, the resident's recent questions and the intake summary, all
with personal numbers taken out. A callback request also holds the phone number the resident
gave for it; that number is the one personal detail kept, because the resident asked for the call.

Each handoff belongs to the wijkteam of the resident's postcode, or to the general queue
(GENERAL); staff see the queues of their account (bot/staff/accounts.py), a page at a time, oldest
first. One conversation has at most one open handoff, and one network address (the website's
visitors, as a keyed pseudonym) at most MAX_OPEN_PER_ADDRESS, so a script cannot fill the queue.
"""

import math
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Column, DateTime, String, Text, delete, func, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base, utc
from bot.handoff.model import GENERAL, OPEN, RESIDENT, HandoffKind, HandoffSummary, Status
from bot.intake.store import IntakeRow

PAGE_SIZE = 25
# Open handoffs from one network address: a family, or a library's computers, may share one.
MAX_OPEN_PER_ADDRESS = 3


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
    # The wijkteam's code; NULL for the general queue.
    team = Column(String(64), index=True)
    # The website visitor's network address as a keyed pseudonym, only while the handoff is open.
    address = Column(String(64), index=True)


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
    team: str | None

    @classmethod
    def of(cls, row: HandoffRow) -> "Handoff":
        return cls(
            id=row.id,
            created_at=utc(row.created_at),
            conversation_id=row.conversation_id,
            channel=row.channel,
            kind=row.kind,
            status=row.status,
            summary=HandoffSummary.from_record(row.summary),
            callback_phone=row.callback_phone,
            staff=row.staff,
            team=row.team,
        )


@dataclass(frozen=True)
class Visibility:
    """Which handoffs one staff member sees: those of their wijkteams (`teams`) and, with
    `general`, those of no wijkteam that exists now (`known`), so none is left without a reader."""

    teams: frozenset[str]
    general: bool
    known: frozenset[str]

    @classmethod
    def of(cls, queues: frozenset[str], known: frozenset[str]) -> "Visibility":
        return cls(queues & known, GENERAL in queues, known)

    def sees(self, handoff: Handoff) -> bool:
        return handoff.team in self.teams or (self.general and handoff.team not in self.known)

    def condition(self) -> Any:
        own = HandoffRow.team.in_(sorted(self.teams))
        if not self.general:
            return own
        return or_(own, HandoffRow.team.is_(None), HandoffRow.team.not_in(sorted(self.known)))


@dataclass(frozen=True)
class QueuePage:
    handoffs: list[Handoff]
    number: int
    pages: int
    total: int


class Refusal(str, Enum):
    """Why a new handoff is not recorded."""

    already_open = "al_open"  # this conversation has one open: that one goes on
    address_full = "adres_vol"  # this network address has MAX_OPEN_PER_ADDRESS open


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
        team: str | None = None,
        address: str | None = None,
    ) -> str:
        """Records a handoff the resident agreed to; returns its id. `team` is the wijkteam's code
        (None: the general queue), `address` the website visitor's pseudonymous network address."""
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
            team=team,
            address=address,
        )
        with Session(self._engine, future=True) as session, session.begin():
            session.add(row)
        return handoff_id

    def get(self, handoff_id: str) -> Handoff | None:
        with Session(self._engine, future=True) as session:
            row = session.get(HandoffRow, handoff_id)
            return Handoff.of(row) if row else None

    def queue(self, visibility: Visibility, number: int, per_page: int = PAGE_SIZE) -> QueuePage:
        """One page of the open handoffs this member sees, oldest first; a page past the end is the last."""
        visible = HandoffRow.status.in_(OPEN) & visibility.condition()
        with Session(self._engine, future=True) as session:
            total = int(session.execute(select(func.count()).where(visible)).scalar_one())
            pages = max(1, math.ceil(total / per_page))
            number = min(max(1, number), pages)
            statement = (
                select(HandoffRow)
                .where(visible)
                .order_by(HandoffRow.created_at, HandoffRow.id)
                .offset((number - 1) * per_page)
                .limit(per_page)
            )
            handoffs = [Handoff.of(row) for row in session.execute(statement).scalars()]
        return QueuePage(handoffs, number, pages, total)

    def refusal(self, conversation_id: str, address: str | None) -> Refusal | None:
        """Why this conversation may not open another handoff now; None if it may."""
        still_open = HandoffRow.status.in_(OPEN)
        with Session(self._engine, future=True) as session:
            here = select(func.count()).where(still_open, HandoffRow.conversation_id == conversation_id)
            if session.execute(here).scalar_one():
                return Refusal.already_open
            if address:
                there = select(func.count()).where(still_open, HandoffRow.address == address)
                if session.execute(there).scalar_one() >= MAX_OPEN_PER_ADDRESS:
                    return Refusal.address_full
        return None

    def count_open(self) -> int:
        """How many handoffs and callback requests wait for staff (a queue length for the metrics)."""
        statement = select(func.count()).select_from(HandoffRow).where(HandoffRow.status.in_(OPEN))
        with Session(self._engine, future=True) as session:
            return int(session.execute(statement).scalar_one())

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
        # The address only counts open handoffs: it goes when the handoff is no longer open.
        kept = {} if status.value in OPEN else {"address": None}
        statement = (
            update(HandoffRow)
            .where(HandoffRow.id == handoff_id)
            .values(status=status.value, staff=staff, updated_at=_now(), **kept)
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
