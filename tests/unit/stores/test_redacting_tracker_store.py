"""The tracker store keeps no BSN, IBAN, phone number or e-mail address, in memory, in SQL
(SQLite and PostgreSQL) and in Redis, forgets a conversation when asked, and loses no turn to a
PostgreSQL restart. The production endpoints file is loaded as the assistant loads it."""

import asyncio
import uuid
from typing import Any

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, Restarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.settings import ROOT
from bot.web_sessions import ADDRESS_METADATA
from stores.redacting_tracker_store import FORGET_ACTION, RedactingTrackerStore
from tests.helpers import end_connections, redis_or_skip

DOMAIN = Domain.load(str(ROOT / "domain"))
PERSONAL = ("111222333", "06-12345678", "NL91ABNA0417164300", "a.jansen@example.nl")
SAID = "mijn bsn is 111222333, bel 06-12345678, iban NL91ABNA0417164300, mail a.jansen@example.nl"


def conversation(sender: str, *extra: Event) -> DialogueStateTracker:
    events = [
        ActionExecuted("action_listen"),
        UserUttered(SAID, {"name": "inform", "confidence": 0.9}),
        SlotSet("callback_phone", "+31612345678"),
        BotUttered("Dank u, ik bel 06-12345678."),
        *extra,
    ]
    return DialogueStateTracker.from_events(sender, events, DOMAIN.slots)


def sql_config(url: str) -> dict[str, Any]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return {"type": "sql", "dialect": "sqlite", "db": parsed.database}
    return {
        "type": "sql",
        "dialect": "postgresql",
        "url": parsed.host,
        "port": parsed.port,
        "db": parsed.database,
        "username": parsed.username,
    }


@pytest.fixture(params=["memory", "sqlite", "postgres", "redis"])
def store(request: pytest.FixtureRequest) -> RedactingTrackerStore:
    if request.param == "memory":
        return RedactingTrackerStore(DOMAIN)
    if request.param == "redis":
        redis_or_skip()
        return RedactingTrackerStore(
            DOMAIN,
            store={"type": "redis", "url": "127.0.0.1", "port": 6379, "key_prefix": f"test{uuid.uuid4().hex[:6]}"},
        )
    return RedactingTrackerStore(DOMAIN, store=sql_config(request.getfixturevalue(f"{request.param}_url")))


def raw_text(store: RedactingTrackerStore, sender: str) -> str:
    """What the store really holds, read past Rasa's own retrieval."""
    inner = store._inner
    if hasattr(inner, "red"):
        return inner.red.get(inner.key_prefix + sender) or ""
    if hasattr(inner, "SQLEvent"):
        with inner.session_scope() as session:
            return " ".join(row.data for row in session.query(inner.SQLEvent).filter_by(sender_id=sender))
    return inner.store.get(sender) or ""


def test_personal_numbers_never_reach_the_store(store: RedactingTrackerStore) -> None:
    sender = f"privacy-{uuid.uuid4().hex[:8]}"
    asyncio.run(store.save(conversation(sender)))
    kept = raw_text(store, sender)
    assert "Dank u, ik bel [telefoonnummer]." in kept
    for number in (*PERSONAL, "+31612345678"):
        assert number not in kept
    tracker = asyncio.run(store.retrieve(sender))
    assert tracker is not None
    assert tracker.get_slot("callback_phone") == "[telefoonnummer]"
    assert tracker.latest_message.text == ("mijn bsn is [BSN], bel [telefoonnummer], iban [IBAN], mail [e-mailadres]")


def test_the_website_visitors_address_pseudonym_is_never_stored(store: RedactingTrackerStore) -> None:
    sender = f"adres-{uuid.uuid4().hex[:8]}"
    said = UserUttered("ja", {"name": "affirm"}, metadata={ADDRESS_METADATA: "Qm9vbWdyb2VuZQ", "pagina": "/wmo"})
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, [ActionExecuted("action_listen"), said])))
    kept = raw_text(store, sender)
    assert "Qm9vbWdyb2VuZQ" not in kept and ADDRESS_METADATA not in kept and "/wmo" in kept


def test_a_conversation_is_forgotten_only_when_the_forgetting_action_succeeded(store: RedactingTrackerStore) -> None:
    sender = f"vergeet-{uuid.uuid4().hex[:8]}"
    asyncio.run(store.save(conversation(sender)))
    asked = [
        ActionExecuted("action_listen"),
        UserUttered("verwijder mijn gesprek", {"name": "delete_conversation"}),
        ActionExecuted(FORGET_ACTION),
    ]
    failed = conversation(sender, *asked, BotUttered("Het verwijderen lukte nu niet."))
    asyncio.run(store.save(failed))
    assert asyncio.run(store.retrieve(sender)) is not None
    asyncio.run(store.save(conversation(sender, *asked, Restarted(), ActionExecuted("action_session_start"))))
    assert asyncio.run(store.retrieve(sender)) is None
    assert raw_text(store, sender) == ""


def test_the_production_endpoints_give_the_redacting_store_on_postgresql(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = make_url(postgres_url)
    for name, value in {
        "ACTION_SERVER_URL": "http://127.0.0.1:5055/webhook",
        "ACTION_SERVER_TOKEN": "geheim",
        "TRACKER_DB_HOST": parsed.host,
        "TRACKER_DB_PORT": str(parsed.port),
        "TRACKER_DB_NAME": parsed.database,
        "TRACKER_DB_USER": parsed.username,
        "TRACKER_DB_PASSWORD": "",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": "6379",
        "REDIS_LOCK_DB": "1",
        "RABBITMQ_HOST": "127.0.0.1",
        "RABBITMQ_PORT": "5672",
        "RABBITMQ_USERNAME": "guest",
        "RABBITMQ_PASSWORD": "guest",
        "RABBITMQ_EXCHANGE": "wmo-events",
        "RABBITMQ_QUEUE": "wmo-events",
    }.items():
        monkeypatch.setenv(name, value)
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.production.yml"))
    store = TrackerStore.create(endpoints.tracker_store, DOMAIN)
    sender = f"productie-{uuid.uuid4().hex[:8]}"
    asyncio.run(store.save(conversation(sender)))
    redacting = getattr(store, "_tracker_store", store)  # Rasa may wrap it in an AwaitableTrackerStore
    assert isinstance(redacting, RedactingTrackerStore)
    assert type(redacting._inner).__name__ == "SQLTrackerStore"
    assert "111222333" not in raw_text(redacting, sender) and "[BSN]" in raw_text(redacting, sender)
    assert endpoints.lock_store.type == "redis"
    assert endpoints.event_broker.type == "stores.event_broker.BufferedPikaEventBroker"
    assert endpoints.event_broker.kwargs["queues"] == ["wmo-events"]


def test_the_municipalitys_own_numbers_and_addresses_are_kept(store: RedactingTrackerStore) -> None:
    from bot.privacy.redact import public_contacts, redact

    public = public_contacts(["010 - 123 45 67"], ["Noord@Wijkteam.example"])
    assert redact("bel 0101234567 of +31 10 1234567, mail noord@wijkteam.example", public) == (
        "bel 0101234567 of +31 10 1234567, mail noord@wijkteam.example"
    )
    assert redact("bel 0612345678, mail jan@example.nl", public) == "bel [telefoonnummer], mail [e-mailadres]"
    sender = f"wijkteam-{uuid.uuid4().hex[:8]}"
    team = next(iter(store._public - {"140000"}))  # a wijkteam address from data/wijkteams.csv
    asyncio.run(store.save(conversation(sender, BotUttered(f"Mail het wijkteam: {team}"))))
    assert f"Mail het wijkteam: {team}" in raw_text(store, sender)


def test_each_event_is_redacted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long conversation costs no more per turn than a short one: saving again redacts only
    the events that are new, whether the tracker was kept or retrieved again."""
    import stores.redacting_tracker_store as module

    redacted: list[Event] = []
    original = module.redacted_event

    def counting(event: Event, public: frozenset[str]) -> Event:
        redacted.append(event)
        return original(event, public)

    monkeypatch.setattr(module, "redacted_event", counting)
    store = RedactingTrackerStore(DOMAIN)
    sender = f"eenmaal-{uuid.uuid4().hex[:8]}"
    tracker = conversation(sender)
    asyncio.run(store.save(tracker))
    assert len(redacted) == len(tracker.events)
    tracker.update(BotUttered("Nog een vraag?"))
    asyncio.run(store.save(tracker))  # the same tracker, one event more
    assert len(redacted) == len(tracker.events)
    again = asyncio.run(store.retrieve(sender))
    assert again is not None
    again.update(UserUttered("bel 0687654321", {"name": "inform"}))
    asyncio.run(store.save(again))  # retrieved: its events are clean, only the new one is redacted
    assert len(redacted) == len(tracker.events) + 1
    assert "0687654321" not in raw_text(store, sender) and "12345678" not in raw_text(store, sender)


def test_a_database_restart_costs_no_turn(postgres_url: str) -> None:
    store = RedactingTrackerStore(DOMAIN, store=sql_config(postgres_url))
    sender = f"herstart-{uuid.uuid4().hex[:8]}"
    asyncio.run(store.save(conversation(sender)))
    assert end_connections(postgres_url) >= 1
    tracker = asyncio.run(store.retrieve(sender))
    assert tracker is not None and tracker.latest_message.text.startswith("mijn bsn is [BSN]")
    asyncio.run(store.save(conversation(sender, BotUttered("Nog een vraag?"))))
    assert "Nog een vraag?" in raw_text(store, sender)
