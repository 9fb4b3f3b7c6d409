"""The assistant on endpoints.production.yml, on this machine's PostgreSQL, Redis and RabbitMQ, for
the fault tests and benchmarks/faults.py. It reaches the action server, Redis and RabbitMQ through
proxies the caller controls (those servers are shared with other checkouts, so they are never
stopped themselves), has its own RabbitMQ exchange and queue, and starts while RabbitMQ is down."""

import contextlib
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from tests.helpers import assistant_environment
from tests.live.assistant_process import Assistant, Reply, running_assistant
from tests.live.fake_api import FakeApi
from tests.live.tcp_proxy import TcpProxy
from tests.rabbitmq import EventQueue, delete_event_queue, new_event_queue

Event = dict[str, Any]


def keys(events: list[Event]) -> set[tuple[str, float]]:
    return {(event["event"], event["timestamp"]) for event in events}


@dataclass
class Stack:
    assistant: Assistant
    action_port: int
    actions: TcpProxy
    redis: TcpProxy
    rabbitmq: TcpProxy
    events: EventQueue
    tracker_db_url: str
    published: list[Event] = field(default_factory=list)

    def published_for(self, sender: str, stored: list[Event], timeout: float = 20) -> list[Event]:
        """The events published for one conversation, once each stored event is among them (or the
        timeout passed); one in flight when RabbitMQ went away may come twice."""
        deadline = time.monotonic() + timeout
        while True:
            mine = [event for event in self.published if event["sender_id"] == sender]
            if keys(stored) <= keys(mine) or time.monotonic() > deadline:
                return mine
            self.published += self.events.take(len(stored), timeout=1)

    def action_server_answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.action_port}/health", timeout=1):
                return True
        except OSError:
            return False


def timed(assistant: Assistant, sender: str, text: str) -> tuple[list[Reply], float]:
    started = time.monotonic()
    replies = assistant.say(sender, text)
    return replies, time.monotonic() - started


def production_environment(
    tracker_db_url: str, events: EventQueue, redis_port: int, rabbitmq: tuple[str, int]
) -> dict[str, str]:
    """What endpoints.production.yml reads: the tracker store in this database, locks (and the rate
    limits' counts) in Redis on this machine's redis_port, events to their own exchange and queue at
    rabbitmq (host, port). The REST channel open, as the tests' residents reach it."""
    tracker_db = make_url(tracker_db_url)
    broker = events.broker_settings
    return {
        "RASA_ENDPOINTS": "endpoints.production.yml",
        "WMO_OPEN_REST": "true",
        "TRACKER_DB_HOST": str(tracker_db.host),
        "TRACKER_DB_PORT": str(tracker_db.port),
        "TRACKER_DB_NAME": str(tracker_db.database),
        "TRACKER_DB_USER": str(tracker_db.username),
        "TRACKER_DB_PASSWORD": tracker_db.password or "",
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": str(redis_port),
        "REDIS_LOCK_DB": "1",
        "RABBITMQ_HOST": rabbitmq[0],
        "RABBITMQ_PORT": str(rabbitmq[1]),
        "RABBITMQ_USERNAME": broker["username"],
        "RABBITMQ_PASSWORD": broker["password"],
        "RABBITMQ_EXCHANGE": events.exchange,
        "RABBITMQ_QUEUE": events.queue,
    }


@contextlib.contextmanager
def production_stack(
    model: Path, folder: Path, fake_api: FakeApi, tracker_db_url: str, rasa_port: int, action_port: int, proxy_port: int
) -> Iterator[Stack]:
    """Proxies on proxy_port (action server), +1 (Redis) and +2 (RabbitMQ)."""
    events = new_event_queue()
    broker = events.broker_settings
    env = {
        **assistant_environment(folder, fake_api),
        **production_environment(tracker_db_url, events, proxy_port + 1, ("127.0.0.1", proxy_port + 2)),
        "ACTION_SERVER_URL": f"http://127.0.0.1:{proxy_port}/webhook",
    }
    actions = TcpProxy(proxy_port, ("127.0.0.1", action_port))
    redis = TcpProxy(proxy_port + 1, ("127.0.0.1", 6379))
    rabbitmq = TcpProxy(proxy_port + 2, (broker["host"], broker["port"]))
    rabbitmq.down()
    try:
        with running_assistant(model, folder, rasa_port, action_port, env) as assistant:
            rabbitmq.up()
            yield Stack(assistant, action_port, actions, redis, rabbitmq, events, tracker_db_url)
    finally:
        for proxy in (actions, redis, rabbitmq):
            proxy.down()
        delete_event_queue(events)
