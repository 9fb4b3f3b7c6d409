"""The retention purge against temporary SQLite databases, and the deletion answer per channel."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, insert, text, update
from sqlalchemy.engine import Engine

from actions.privacy import copies_response
from bot.content.reader import ContentError
from bot.database import Base
from bot.handoff.model import HandoffKind, HandoffSummary
from bot.handoff.store import HandoffRow, HandoffStore
from bot.intake.store import IntakeRow, IntakeStore
from bot.privacy.retention import RetentionPolicy, purge, read_retention
from bot.settings import ROOT
from bot.staff.audit import AuditAction, AuditLog
from tests.helpers import open_handoffs

NOW = datetime(2026, 12, 2, tzinfo=timezone.utc)
POLICY = RetentionPolicy(conversations=30, handoffs=90, intakes=90, callback_numbers=14, audit_log=365)
SUMMARY = HandoffSummary("gevraagd", (), (), None)


@pytest.fixture()
def records(tmp_path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{tmp_path / 'wmo.db'}", future=True)
    Base.metadata.create_all(engine)
    return engine


def handoff(engine: Engine, days_old: int, phone: str | None = "0612345678") -> str:
    kind = HandoffKind.callback if phone else HandoffKind.chat
    handoff_id = HandoffStore(engine).create("c1", "website", kind, SUMMARY, phone)
    with engine.begin() as connection:
        older = update(HandoffRow).where(HandoffRow.id == handoff_id)
        connection.execute(older.values(created_at=NOW - timedelta(days_old)))
    return handoff_id


def test_the_shipped_policy_is_valid() -> None:
    assert read_retention(ROOT / "content" / "retention.yml") == POLICY


def test_a_policy_without_a_kind_or_with_zero_days_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "retention.yml"
    path.write_text(yaml.safe_dump({"conversations": 0, "handoffs": 90, "intakes": 90}))
    with pytest.raises(ContentError, match=r"conversations.*callback_numbers"):
        read_retention(path)


def test_old_handoffs_go_old_callback_numbers_are_blanked_and_new_ones_stay(records: Engine) -> None:
    old, blanked, new = handoff(records, 91), handoff(records, 20), handoff(records, 3)
    store = HandoffStore(records)

    purged = purge(records, None, POLICY, NOW)

    assert (purged.handoffs, purged.callback_numbers, purged.conversations) == (1, 1, None)
    assert store.get(old) is None
    assert store.get(blanked).callback_phone is None  # type: ignore[union-attr]
    assert store.get(new).callback_phone == "0612345678"  # type: ignore[union-attr]
    assert "gesprekken: geen SQL-trackerstore" in purged.report()


def test_old_intakes_go_and_a_second_run_removes_nothing(records: Engine) -> None:
    with records.begin() as connection:
        for days_old in (100, 1):
            connection.execute(
                insert(IntakeRow).values(
                    id=f"i{days_old}",
                    created_at=NOW - timedelta(days_old),
                    conversation_id="c1",
                    channel="website",
                    outcome="advies",
                    summary={},
                    status="nieuw",
                )
            )

    assert purge(records, None, POLICY, NOW).intakes == 1
    assert [row["id"] for row in IntakeStore(records).for_conversation("c1")] == ["i1"]
    assert purge(records, None, POLICY, NOW).report() == (
        "overdrachten: 0, intakes: 0, terugbelnummers: 0, logboekregels: 0, gesprekken: geen SQL-trackerstore"
    )


@pytest.fixture()
def tracker(tmp_path: Path) -> Engine:
    """The `events` table of Rasa's SQLTrackerStore: old conversation `old`, recent `new`."""
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}", future=True)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, timestamp FLOAT)"))
        for sender, days_old in (("old", 40), ("old", 31), ("new", 40), ("new", 2)):
            stamp = (NOW - timedelta(days_old)).timestamp()
            event = text("INSERT INTO events (sender_id, timestamp) VALUES (:s, :t)")
            connection.execute(event, {"s": sender, "t": stamp})
    return engine


def senders(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return [row[0] for row in connection.execute(text("SELECT DISTINCT sender_id FROM events ORDER BY sender_id"))]


def test_a_dry_run_counts_conversations_and_removes_nothing(records: Engine, tracker: Engine) -> None:
    handoff(records, 91)
    purged = purge(records, tracker, POLICY, NOW, dry_run=True)
    assert (purged.handoffs, purged.conversations) == (1, 1)
    assert senders(tracker) == ["new", "old"]
    assert len(open_handoffs(HandoffStore(records))) == 1


def test_a_conversation_goes_whole_when_its_latest_event_is_old(records: Engine, tracker: Engine) -> None:
    assert purge(records, tracker, POLICY, NOW).conversations == 1
    assert senders(tracker) == ["new"]
    assert purge(records, tracker, POLICY, NOW).conversations == 0


def test_audit_rows_go_after_their_days_and_outlive_the_handoffs_they_name(records: Engine) -> None:
    audit = AuditLog(records)
    for days_old in (400, 100, 1):
        audit.record("jan", AuditAction.read, "0" * 32, now=NOW - timedelta(days_old))
    read = handoff(records, 100)
    purged = purge(records, None, POLICY, NOW)
    assert (purged.audit_entries, purged.handoffs) == (1, 1) and "logboekregels: 1" in purged.report()
    assert HandoffStore(records).get(read) is None and audit.page(1)[1] == 2


def domain_text(response: str) -> str:
    domain = yaml.safe_load((ROOT / "domain" / "privacy.yml").read_text(encoding="utf-8"))
    return str(domain["responses"][response][0]["text"])


@pytest.mark.parametrize(
    ("sender", "remains"),
    [("wa-3f9a", "bij Meta"), ("tw-77c1", "Twilio"), ("9b2e-website-session", "Sluit dit venster")],
)
def test_after_deleting_the_resident_hears_what_remains_on_their_channel(sender: str, remains: str) -> None:
    assert remains in domain_text(copies_response(sender))
