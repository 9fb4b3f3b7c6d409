"""Where the counts of the rate limits live: in Redis, shared by every instance, or in this process in
a structure of fixed size; and the switch between the two when Redis stops answering.

A count belongs to a key and a fixed window of time (`seconds` long). Each store keeps, per key, the
count of the current window and of the one before, which is all the sliding estimate needs
(bot/rate_limits/limiter.py). Keys are hashes (bot/rate_limits/limiter.py): neither store holds an
address or a conversation id.
"""

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Protocol

import redis.asyncio
import redis.exceptions

logger = logging.getLogger(__name__)

Window = tuple[str, int]  # (key, seconds)
Counts = tuple[int, int]  # (previous window, current window, this hit included)


class CountersUnavailableError(Exception):
    """The shared store did not answer in time."""


class Counters(Protocol):
    async def increment(self, windows: Sequence[Window], now: float) -> list[Counts]:
        """Counts one hit in the current window of each; the counts of each after it."""
        ...


class MemoryCounters:
    """At most `max_keys` keys: beyond that the one used longest ago goes, so a flood of new senders
    or addresses cannot grow memory, and keys in use (a sender who keeps on sending) stay."""

    def __init__(self, max_keys: int) -> None:
        if max_keys < 1:
            raise ValueError("the rate limits need room for at least one key")
        self._max_keys = max_keys
        self._counts: OrderedDict[str, tuple[int, int, int]] = OrderedDict()  # key: (window, previous, current)

    def __len__(self) -> int:
        return len(self._counts)

    async def increment(self, windows: Sequence[Window], now: float) -> list[Counts]:
        return [self._increment(key, seconds, now) for key, seconds in windows]

    def _increment(self, key: str, seconds: int, now: float) -> Counts:
        window = int(now // seconds)
        kept, previous, current = self._counts.pop(key, (window, 0, 0))
        if kept == window - 1:
            previous, current = current, 0
        elif kept != window:
            previous, current = 0, 0
        self._counts[key] = (window, previous, current + 1)  # last in order: the most recently used
        if len(self._counts) > self._max_keys:
            self._counts.popitem(last=False)
        return previous, current + 1


class RedisCounters:
    """One round trip per message: the current window's key is incremented and expires after two
    windows, the previous window's key is read."""

    def __init__(self, client: redis.asyncio.Redis, prefix: str = "wmo:rate:") -> None:
        self._client = client
        self._prefix = prefix

    async def increment(self, windows: Sequence[Window], now: float) -> list[Counts]:
        try:
            async with self._client.pipeline(transaction=False) as pipe:
                for key, seconds in windows:
                    window = int(now // seconds)
                    pipe.incr(f"{self._prefix}{key}:{window}")
                    pipe.expire(f"{self._prefix}{key}:{window}", 2 * seconds)
                    pipe.get(f"{self._prefix}{key}:{window - 1}")
                answers = await pipe.execute()
        except (redis.exceptions.RedisError, OSError, asyncio.TimeoutError) as error:
            raise CountersUnavailableError(type(error).__name__) from error
        return [(int(answers[i + 2] or 0), int(answers[i])) for i in range(0, len(answers), 3)]


def redis_counters(url: str, prefix: str = "wmo:rate:", timeout: float = 0.25) -> RedisCounters:
    """Short timeouts: a Redis that hangs must cost a resident a quarter second once, not a stall."""
    client = redis.asyncio.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
    return RedisCounters(client, prefix)


class FallbackCounters:
    """The shared counts while Redis answers; this process's own while it does not, saying so once in
    the log, and trying Redis again every `retry_seconds`, so Redis down never takes the assistant
    down, nor makes every message wait for a timeout."""

    def __init__(
        self,
        shared: Counters,
        local: Counters,
        retry_seconds: float = 30,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._shared, self._local = shared, local
        self._retry_seconds, self._clock = retry_seconds, clock
        self._down = False
        self._retry_at = 0.0

    async def increment(self, windows: Sequence[Window], now: float) -> list[Counts]:
        if self._down and self._clock() < self._retry_at:
            return await self._local.increment(windows, now)
        try:
            counts = await self._shared.increment(windows, now)
        except CountersUnavailableError as error:
            if not self._down:
                self._down = True
                logger.warning("rate limits: Redis does not answer (%s); counting in this process until it does", error)
            self._retry_at = self._clock() + self._retry_seconds
            return await self._local.increment(windows, now)
        if self._down:
            logger.warning("rate limits: Redis answers again; counts are shared again")
            self._down = False
        return counts
