"""Every event of a conversation reaches RabbitMQ redacted; while RabbitMQ is down (a proxy the
test cuts: the server is shared) the conversation goes on and its events wait, bounded, and
arrive when RabbitMQ is back, also when it was down from the start."""

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.settings import ROOT
from stores.event_broker import BufferedPikaEventBroker
from stores.redacting_tracker_store import RedactingTrackerStore
from tests.helpers import PORT_BASE
from tests.live.tcp_proxy import TcpProxy, tcp_proxy
from tests.rabbitmq import EventQueue

DOMAIN = Domain.load(str(ROOT / "domain"))
PROXY_PORT = PORT_BASE + 903
SAID = "mijn bsn is 111222333, bel 06-12345678"


async def connected(queue: EventQueue, port: int | None = None, **settings: Any) -> BufferedPikaEventBroker:
    """The broker as Rasa creates it from endpoints.production.yml, through the proxy when `port` is given."""
    config = {**queue.broker_settings, **({"port": port} if port else {}), "retry_delay_in_seconds": 0.5, **settings}
    broker = await BufferedPikaEventBroker.from_endpoint_config(EndpointConfig(config.pop("host"), **config))
    assert broker is not None
    return broker


def turn(sender: str, number: int) -> DialogueStateTracker:
    events = []
    for n in range(number):
        events += [
            ActionExecuted("action_listen"),
            UserUttered(f"{SAID} ({n})", {"name": "inform", "confidence": 0.9}),
            BotUttered(f"Antwoord {n}"),
        ]
    return DialogueStateTracker.from_events(sender, events, DOMAIN.slots)


async def until(condition: Callable[[], bool], timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        await asyncio.sleep(0.1)


def published_texts(events: list[dict[str, Any]]) -> list[str]:
    return [event.get("text") or "" for event in events if event["event"] in ("user", "bot")]


def test_every_event_of_a_conversation_reaches_the_queue_redacted(event_queue: EventQueue) -> None:
    sender = uuid.uuid4().hex

    async def converse() -> None:
        broker = await connected(event_queue)
        store = RedactingTrackerStore(DOMAIN, event_broker=broker)
        await store.save(turn(sender, 1))
        await store.save(turn(sender, 2))
        await until(lambda: broker.unpublished == 0)
        await broker.close()

    asyncio.run(converse())
    events = event_queue.take(6)
    assert len(events) == 6 and {event["sender_id"] for event in events} == {sender}
    body = json.dumps(events)
    assert "111222333" not in body and "06-12345678" not in body
    assert published_texts(events)[0] == "mijn bsn is [BSN], bel [telefoonnummer] (0)"


def test_events_are_published_while_the_servers_event_loop_is_busy(event_queue: EventQueue) -> None:
    sender = uuid.uuid4().hex

    async def busy_server() -> list[dict[str, Any]]:
        broker = await connected(event_queue)
        await RedactingTrackerStore(DOMAIN, event_broker=broker).save(turn(sender, 2))
        # As the models do under load: the server's loop does not run while the queue is read.
        with ThreadPoolExecutor(1) as reader:
            arrived = reader.submit(event_queue.take, 6, 10).result()
        await broker.close()
        return arrived

    assert len(published_texts(asyncio.run(busy_server()))) == 4


def test_events_wait_while_rabbitmq_is_down_and_arrive_when_it_is_back(event_queue: EventQueue) -> None:
    sender = uuid.uuid4().hex

    async def outage(proxy: TcpProxy) -> None:
        broker = await connected(event_queue, PROXY_PORT)
        store = RedactingTrackerStore(DOMAIN, event_broker=broker)
        proxy.down()
        await store.save(turn(sender, 2))  # the conversation goes on
        await until(lambda: broker.waiting == 6)
        # What operators see as wmo_events_unpublished (channels/operations.py).
        assert broker.unpublished == 6
        proxy.up()
        await until(lambda: broker.unpublished == 0)
        await broker.close()

    with tcp_proxy(PROXY_PORT, ("127.0.0.1", 5672)) as proxy:
        asyncio.run(outage(proxy))
    assert len(published_texts(event_queue.take(6))) == 4


def test_the_assistant_starts_while_rabbitmq_is_down_and_publishes_once_it_is_up(event_queue: EventQueue) -> None:
    sender = uuid.uuid4().hex

    async def start_without(proxy: TcpProxy) -> None:
        started = time.monotonic()
        broker = await connected(event_queue, PROXY_PORT)
        assert time.monotonic() - started < 3
        await RedactingTrackerStore(DOMAIN, event_broker=broker).save(turn(sender, 1))
        await until(lambda: broker.waiting == 3)
        proxy.up()
        await until(lambda: broker.waiting == 0)
        await broker.close()

    with tcp_proxy(PROXY_PORT, ("127.0.0.1", 5672)) as proxy:
        proxy.down()
        asyncio.run(start_without(proxy))
    assert len(event_queue.take(3)) == 3


def test_a_long_outage_drops_the_oldest_events_and_counts_them(event_queue: EventQueue) -> None:
    sender = uuid.uuid4().hex

    async def long_outage(proxy: TcpProxy) -> tuple[int, int]:
        broker = await connected(event_queue, PROXY_PORT, max_unpublished=4)
        proxy.down()
        await RedactingTrackerStore(DOMAIN, event_broker=broker).save(turn(sender, 2))
        await until(lambda: broker.waiting + broker.dropped == 6)
        counts = broker.waiting, broker.dropped
        proxy.up()
        await until(lambda: broker.waiting == 0)
        await broker.close()
        return counts

    with tcp_proxy(PROXY_PORT, ("127.0.0.1", 5672)) as proxy:
        assert asyncio.run(long_outage(proxy)) == (4, 2)
    assert published_texts(event_queue.take(4))[-1] == "Antwoord 1"
