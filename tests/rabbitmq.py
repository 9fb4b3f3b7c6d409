"""An exchange and a queue of RabbitMQ (127.0.0.1:5672, guest/guest, or WMO_TEST_RABBITMQ_URL) for
one test run, so runs of other checkouts on the same server never see each other's events."""

import asyncio
import json
import os
import time
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import aio_pika

# Messages RabbitMQ delivers to a reader before it acknowledges them.
PREFETCH = 500
RABBITMQ_URL = os.environ.get("WMO_TEST_RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672/")


@dataclass(frozen=True)
class EventQueue:
    exchange: str
    queue: str

    @property
    def broker_settings(self) -> dict[str, Any]:
        """The broker's settings as endpoints.production.yml gives them."""
        url = urlparse(RABBITMQ_URL)
        return {
            "host": url.hostname,
            "port": url.port or 5672,
            "username": url.username,
            "password": url.password,
            "exchange_name": self.exchange,
            "queues": [self.queue],
        }

    def take(self, count: int, timeout: float = 15) -> list[dict[str, Any]]:
        """The next `count` events published, oldest first; fewer when `timeout` passes first."""
        return asyncio.run(self._take(count, timeout))

    async def _take(self, count: int, timeout: float) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        connection = await aio_pika.connect(RABBITMQ_URL)
        async with connection:
            channel = await connection.channel()
            queue = await channel.declare_queue(self.queue, durable=True)
            while len(events) < count and time.monotonic() < deadline:
                message = await queue.get(no_ack=True, fail=False)
                if message is None:
                    await asyncio.sleep(0.1)
                else:
                    events.append(json.loads(message.body))
        return events

    def drain(self, quiet: float = 3) -> list[dict[str, Any]]:
        """Every event still in the queue, oldest first: taken until none came for `quiet` seconds."""
        return asyncio.run(self._drain(quiet))

    async def _drain(self, quiet: float) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = []
        connection = await aio_pika.connect(RABBITMQ_URL)
        async with connection:
            channel = await connection.channel()
            # Delivered in batches, not fetched one round trip each: a long run leaves tens of thousands.
            await channel.set_qos(prefetch_count=PREFETCH)
            queue = await channel.declare_queue(self.queue, durable=True)
            async with queue.iterator() as messages:
                while True:
                    try:
                        message = await asyncio.wait_for(messages.__anext__(), quiet)
                    except asyncio.TimeoutError:
                        break
                    events.append(json.loads(message.body))
                    # Acknowledged as taken, in batches: RabbitMQ sends no more than `prefetch_count`
                    # unacknowledged, so acknowledging only at the end stopped the reading at 1,000.
                    if len(events) % PREFETCH == 0:
                        await message.ack(multiple=True)
                # Any delivered after the last one taken go back to the queue.
                if len(events) % PREFETCH:
                    await message.ack(multiple=True)
        return events


async def _declare(names: EventQueue) -> None:
    connection = await aio_pika.connect(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        exchange = await channel.declare_exchange(names.exchange, aio_pika.ExchangeType.FANOUT)
        queue = await channel.declare_queue(names.queue, durable=True)
        await queue.bind(exchange, "")


async def _delete(names: EventQueue) -> None:
    connection = await aio_pika.connect(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        await channel.queue_delete(names.queue)
        await channel.exchange_delete(names.exchange)


def new_event_queue() -> EventQueue:
    """Declared at once, so nothing published before the broker first connects goes unseen."""
    tag = uuid.uuid4().hex[:8]
    names = EventQueue(f"wmo_test_{tag}", f"wmo_test_{tag}")
    asyncio.run(_declare(names))
    return names


def delete_event_queue(names: EventQueue) -> None:
    asyncio.run(_delete(names))
