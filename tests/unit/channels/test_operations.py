"""The Rasa server's health checks reach the real stores the production configuration uses: a SQL
tracker store, the Redis lock store, the catalogue database and the action server. A store that does
not answer is named unavailable, and the readiness answer decides on the model and the stores only."""

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.core.tracker_store import AwaitableTrackerStore, TrackerStore
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from bot.observability.health import health
from channels.operations import READY, checks
from stores.redacting_tracker_store import RedactingTrackerStore
from tests.helpers import redis_or_skip
from tests.unit.stores.test_redacting_tracker_store import DOMAIN

CLOSED_PORT = 9  # discard: nothing listens there on this machine


@dataclass
class Agent:
    """The parts of Rasa's Agent the checks read."""

    tracker_store: TrackerStore
    lock_store: LockStore
    action_endpoint: EndpointConfig | None
    loaded: bool = True

    def is_ready(self) -> bool:
        return self.loaded


def sql_store(url: dict[str, Any]) -> TrackerStore:
    # As the Rasa server holds it: its awaitable wrapper around ours around the real store.
    return AwaitableTrackerStore.create(
        EndpointConfig.from_dict({"type": "stores.redacting_tracker_store.RedactingTrackerStore", "store": url}),
        DOMAIN,
    )


def answer(agent: Agent, counted: tuple[str, ...] | None = None) -> tuple[int, dict[str, Any]]:
    return asyncio.run(health(checks(agent), counted))


def test_the_stores_of_a_local_run_are_healthy_and_a_missing_action_server_is_named(tmp_path: Path) -> None:
    store = sql_store({"type": "sql", "dialect": "sqlite", "db": str(tmp_path / "gesprekken.db")})
    endpoint = EndpointConfig(f"http://127.0.0.1:{CLOSED_PORT}/webhook")
    status, body = answer(Agent(store, InMemoryLockStore(), endpoint))
    assert status == 503
    assert body["checks"] == {
        "model": "ok",
        "tracker_store": "ok",
        "lock_store": "ok",
        "catalogue": "ok",
        "action_server": "unavailable",
    }
    assert answer(Agent(store, InMemoryLockStore(), endpoint), READY)[0] == 200
    assert answer(Agent(store, InMemoryLockStore(), endpoint, loaded=False), READY)[0] == 503


def test_a_redis_lock_store_is_pinged_and_named_when_it_does_not_answer() -> None:
    redis_or_skip()
    store = RedactingTrackerStore(DOMAIN)
    status, body = answer(Agent(store, RedisLockStore(host="127.0.0.1", port=6379), None), READY)
    assert status == 200 and body["checks"]["lock_store"] == "ok"
    gone = RedisLockStore(host="127.0.0.1", port=CLOSED_PORT)
    status, body = answer(Agent(store, gone, None), READY)
    assert status == 503 and body["checks"]["lock_store"] == "unavailable"


def test_a_postgresql_tracker_store_that_does_not_answer_is_named(postgres_url: str) -> None:
    parsed = make_url(postgres_url)
    store = sql_store(
        {"type": "sql", "dialect": "postgresql", "url": parsed.host, "port": parsed.port, "db": parsed.database}
        | {"username": parsed.username}
    )
    assert answer(Agent(store, InMemoryLockStore(), None), READY)[0] == 200
    # The server goes away after start: Rasa keeps its store, the check finds it down.
    real = store._tracker_store._inner
    real.engine = create_engine(parsed.set(port=CLOSED_PORT))
    status, body = answer(Agent(store, InMemoryLockStore(), None), READY)
    assert status == 503 and body["checks"]["tracker_store"] == "unavailable"
