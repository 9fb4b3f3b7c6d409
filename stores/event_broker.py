"""Rasa's RabbitMQ event broker (pika), which never holds up a conversation and loses no event
without saying so.

Rasa's broker already publishes in the background, keeps an event it could not publish and
publishes it again when its connection comes back. Four gaps are closed here:
- Rasa publishes from the server's event loop, which the models keep busy under load: with 16
  residents on 2 instances, 37 of 456 events had reached the queue after 25 s, the rest came when
  the load stopped, and a server that died took them with it. Here the broker has an event loop,
  connection and thread of its own: publishing goes on while the server works.
- RabbitMQ down when the assistant starts: Rasa would retry for minutes and then refuse to start.
  Here it starts, and keeps trying in the background; events wait as while RabbitMQ is down.
- What waits is bounded (`max_unpublished` events per Rasa process, oldest out first), so a long
  outage cannot use up the server's memory. What is dropped is counted and logged.
- One log line when publishing starts to fail, one when it works again, with the counts; not one
  error line per event as Rasa writes.

What is guaranteed: an event published while RabbitMQ answers is confirmed by RabbitMQ and kept
in a durable queue as a persistent message. An event that cannot be published waits in this
process and is published once RabbitMQ is back (it may then arrive twice, and after newer events).
Lost, and counted in the log, are: the oldest waiting events beyond `max_unpublished`, and the
events still waiting when the process stops. Every event was redacted before it got here
(stores/redacting_tracker_store.py).
"""

import asyncio
import logging
import threading
from collections import deque
from collections.abc import Coroutine
from typing import Any, TypeVar

from rasa.core.brokers.pika import PikaEventBroker

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_UNPUBLISHED = 20_000
CLOSING_SECONDS = 5


class Waiting(deque[dict[str, Any]]):
    """Events waiting to be published, at most `maxlen`; counts what had to make room."""

    def __init__(self, maxlen: int) -> None:
        super().__init__(maxlen=maxlen)
        self.dropped = 0

    def append(self, event: dict[str, Any]) -> None:
        if len(self) == self.maxlen:
            self.dropped += 1
            if self.dropped == 1 or self.dropped % 1000 == 0:
                logger.error("RabbitMQ is still down: %d events dropped, the oldest first", self.dropped)
        super().append(event)


class BufferedPikaEventBroker(PikaEventBroker):
    def __init__(
        self,
        host: str,
        username: str,
        password: str,
        max_unpublished: int = MAX_UNPUBLISHED,
        connection_attempts: int = 1,
        event_loop: asyncio.AbstractEventLoop | None = None,
        **kwargs: Any,
    ) -> None:
        # Rasa hands over the server's event loop (`event_loop`); the broker runs on its own.
        loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=loop.run_forever, name="rabbitmq-publisher", daemon=True)
        self._thread.start()
        super().__init__(host, username, password, connection_attempts=connection_attempts, event_loop=loop, **kwargs)
        self._unpublished_events = Waiting(int(max_unpublished))
        self._failing = False
        self._reconnecting: asyncio.Task[None] | None = None
        # Events handed to the broker's thread that it has not taken up yet.
        self._handed_over = 0
        self._counting = threading.Lock()

    async def _in_broker_thread(self, work: Coroutine[Any, Any, T]) -> T:
        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(work, self._loop))

    @property
    def waiting(self) -> int:
        """Events not yet published."""
        return len(self._unpublished_events)

    @property
    def unpublished(self) -> int:
        """Events RabbitMQ has not confirmed yet: waiting, or being published right now. Under load
        it grows when RabbitMQ is slower than the residents, and shrinks again when it eases."""
        return self.waiting + len(self._background_tasks) + self._handed_over

    @property
    def dropped(self) -> int:
        """Events dropped for lack of room since the process started."""
        return self._unpublished_events.dropped

    async def connect(self) -> None:
        """Connects, or, when RabbitMQ cannot be reached, goes on without it and keeps trying."""
        await self._in_broker_thread(self._connect_or_keep_trying())

    async def _connect_or_keep_trying(self) -> None:
        try:
            await super().connect()
        except Exception as error:  # aio_pika raises many kinds while RabbitMQ is unreachable
            logger.error("RabbitMQ cannot be reached (%s): events wait until it can", type(error).__name__)
            self._reconnecting = self._loop.create_task(self._connect_in_background())

    async def _connect_in_background(self) -> None:
        while True:
            await asyncio.sleep(self._retry_delay_in_seconds)
            try:
                await super().connect()
            except Exception:  # tried again after the delay
                continue
            self._publish_unpublished_messages()
            return

    def _publish_unpublished_messages(self, *args: Any, **kwargs: Any) -> None:
        if self._failing:
            logger.warning("RabbitMQ answers again: publishing %d waiting events", self.waiting)
            self._failing = False
        super()._publish_unpublished_messages(*args, **kwargs)

    def publish(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        """Hands the event to the broker's thread, from any thread."""
        with self._counting:
            self._handed_over += 1
        self._loop.call_soon_threadsafe(self._take_up, event, headers)

    def _take_up(self, event: dict[str, Any], headers: dict[str, str] | None) -> None:
        super().publish(event, headers)
        with self._counting:
            self._handed_over -= 1

    async def _publish(self, event: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        if self._exchange is not None:
            try:
                await self._exchange.publish(self._message(event, headers), "")
                if self._unpublished_events:  # also when the connection itself was never lost
                    self._publish_unpublished_messages()
                return
            except Exception as error:  # aio_pika raises many kinds while the connection is gone
                if not self._failing:
                    logger.error("publishing to RabbitMQ fails (%s): events wait until it works", type(error).__name__)
        self._failing = True
        self._unpublished_events.append(event)

    async def close(self) -> None:
        """Gives what is being published a few seconds to get there, then says what never will."""
        await self._in_broker_thread(self._close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    async def _close(self) -> None:
        if self._background_tasks:
            await asyncio.wait(set(self._background_tasks), timeout=CLOSING_SECONDS)
        if self.waiting or self.dropped:
            logger.error("stopping with %d events not published; %d dropped before", self.waiting, self.dropped)
        if self._reconnecting is not None:
            self._reconnecting.cancel()
        await super().close()
