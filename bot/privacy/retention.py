"""`python -m bot.privacy.retention`: removes what is older than the municipality's retention policy
(content/retention.yml). A scheduler runs it daily; running it twice removes nothing more.

Handoffs, intake summaries and rows of the staff console's audit log older than their days are
deleted; a callback number older than its days is blanked while its handoff stays. Conversations
are deleted from Rasa's SQL tracker store (table `events`) when the latest event of a conversation
is older than its days. An in-memory tracker store needs nothing: its conversations end with the
process. Prints counts only.
"""

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pydantic import conint
from sqlalchemy import create_engine, delete, func, select, text, update
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import Session

from bot.content.model import StrictModel
from bot.content.reader import ContentError, read_model
from bot.database import default_engine
from bot.handoff.store import HandoffRow
from bot.intake.store import IntakeRow
from bot.settings import settings
from bot.staff.audit import AuditRow

Days = conint(ge=1, le=3650)


class RetentionPolicy(StrictModel):
    conversations: Days  # type: ignore[valid-type]
    handoffs: Days  # type: ignore[valid-type]
    intakes: Days  # type: ignore[valid-type]
    callback_numbers: Days  # type: ignore[valid-type]
    audit_log: Days  # type: ignore[valid-type]


def read_retention(path: str | Path) -> RetentionPolicy:
    return read_model(path, RetentionPolicy)


@dataclass(frozen=True)
class Purged:
    handoffs: int
    intakes: int
    callback_numbers: int
    audit_entries: int
    conversations: int | None  # None: no SQL tracker store to purge

    def report(self) -> str:
        conversations = "geen SQL-trackerstore" if self.conversations is None else str(self.conversations)
        return (
            f"overdrachten: {self.handoffs}, intakes: {self.intakes}, "
            f"terugbelnummers: {self.callback_numbers}, logboekregels: {self.audit_entries}, "
            f"gesprekken: {conversations}"
        )


def _before(now: datetime, days: int) -> datetime:
    return now - timedelta(days=days)


def purge_records(engine: Engine, policy: RetentionPolicy, now: datetime, dry_run: bool) -> tuple[int, int, int, int]:
    """Deletes old handoffs, intakes and audit rows and blanks old callback numbers; returns the four counts."""
    handoffs_before = _before(now, policy.handoffs)
    intakes_before = _before(now, policy.intakes)
    numbers_before = _before(now, policy.callback_numbers)
    old_handoffs = HandoffRow.created_at < handoffs_before
    old_intakes = IntakeRow.created_at < intakes_before
    old_audit = AuditRow.at < _before(now, policy.audit_log)
    # A number is counted only on a handoff that stays; a deleted handoff takes its number along.
    old_numbers = (
        (HandoffRow.created_at < numbers_before)
        & (HandoffRow.created_at >= handoffs_before)
        & HandoffRow.callback_phone.isnot(None)
    )
    with Session(engine, future=True) as session, session.begin():
        if dry_run:
            return tuple(
                session.execute(select(func.count()).where(condition)).scalar_one()
                for condition in (old_handoffs, old_intakes, old_numbers, old_audit)
            )
        handoffs = session.execute(delete(HandoffRow).where(old_handoffs)).rowcount
        intakes = session.execute(delete(IntakeRow).where(old_intakes)).rowcount
        numbers = session.execute(update(HandoffRow).where(old_numbers).values(callback_phone=None)).rowcount
        audit = session.execute(delete(AuditRow).where(old_audit)).rowcount
    return handoffs, intakes, numbers, audit


# Rasa's SQLTrackerStore keeps every event as a row of `events` with a float UNIX `timestamp`.
_OLD_SENDERS = "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :before"


def purge_conversations(engine: Engine, days: int, now: datetime, dry_run: bool) -> int:
    """Deletes every conversation whose latest event is older than `days`; returns how many went."""
    before = _before(now, days).timestamp()
    with engine.begin() as connection:
        senders = connection.execute(text(f"SELECT COUNT(*) FROM ({_OLD_SENDERS}) AS old"), {"before": before})
        count = int(senders.scalar_one())
        if not dry_run:
            connection.execute(text(f"DELETE FROM events WHERE sender_id IN ({_OLD_SENDERS})"), {"before": before})
    return count


def tracker_db_url() -> str | None:
    """The tracker store's URL from the variables endpoints.production.yml reads; None when unset."""
    host = os.environ.get("TRACKER_DB_HOST")
    if not host:
        return None
    port = os.environ.get("TRACKER_DB_PORT")
    return str(
        URL.create(
            "postgresql",
            username=os.environ.get("TRACKER_DB_USER"),
            password=os.environ.get("TRACKER_DB_PASSWORD"),
            host=host,
            port=int(port) if port else None,
            database=os.environ.get("TRACKER_DB_NAME"),
        ).render_as_string(hide_password=False)
    )


def purge(
    records: Engine, tracker: Engine | None, policy: RetentionPolicy, now: datetime, dry_run: bool = False
) -> Purged:
    handoffs, intakes, numbers, audit = purge_records(records, policy, now, dry_run)
    conversations = purge_conversations(tracker, policy.conversations, now, dry_run) if tracker else None
    return Purged(handoffs, intakes, numbers, audit, conversations)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.privacy.retention", description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="tel alleen, verwijder niets")
    parser.add_argument("--tracker-db-url", help="SQL-trackerstore; standaard uit TRACKER_DB_HOST enz.")
    arguments = parser.parse_args(argv)
    try:
        policy = read_retention(settings().retention_file)
    except ContentError as error:
        print(f"afgekeurd: {error}", file=sys.stderr)
        return 1
    url = arguments.tracker_db_url or tracker_db_url()
    tracker = create_engine(url, future=True) if url else None
    purged = purge(default_engine(), tracker, policy, datetime.now(timezone.utc), arguments.dry_run)
    print(("te verwijderen (proef): " if arguments.dry_run else "verwijderd: ") + purged.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
