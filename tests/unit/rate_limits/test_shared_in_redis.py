"""With Redis configured, every instance of the assistant counts in the same place: two limiters,
each with its own connection, as two servers have, refuse together. Needs the Redis server on
127.0.0.1:6379 (mandatory when CI is set)."""

import asyncio
import os
import uuid

import pytest
import redis

from bot.rate_limits.counters import redis_counters
from bot.rate_limits.limiter import RateLimiter, Verdict
from bot.rate_limits.rules import parse_rules

URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def prefix() -> str:
    try:
        redis.Redis.from_url(URL).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    return f"test:{uuid.uuid4().hex[:8]}:"


def servers(prefix: str) -> tuple[RateLimiter, RateLimiter]:
    """Two assistants' limiters on one Redis: 5 a minute per sender, 8 per address."""

    def one() -> RateLimiter:
        return RateLimiter(redis_counters(URL, prefix), parse_rules("5/minute"), parse_rules("8/minute"))

    return one(), one()


def test_two_servers_share_the_count_of_a_sender(prefix: str) -> None:
    async def run() -> list[Verdict]:
        first, second = servers(prefix)
        return [await (first if n % 2 else second).check("web:a", None) for n in range(7)]

    assert [v.allowed for v in asyncio.run(run())] == [True] * 5 + [False] * 2


def test_two_servers_share_the_count_of_an_address(prefix: str) -> None:
    async def run() -> list[Verdict]:
        first, second = servers(prefix)
        return [await (first if n % 2 else second).check(f"web:{n}", "203.0.113.1") for n in range(9)]

    assert [v.allowed for v in asyncio.run(run())] == [True] * 8 + [False]


def test_redis_holds_no_address_or_conversation_id_and_forgets(prefix: str) -> None:
    async def run() -> None:
        first, _ = servers(prefix)
        await first.check("web:bewoner-123", "203.0.113.1")

    asyncio.run(run())
    client = redis.Redis.from_url(URL)
    keys = client.keys(f"{prefix}*")
    assert len(keys) == 2
    assert not [k for k in keys if b"bewoner-123" in k or b"203.0.113.1" in k]
    assert all(0 < client.ttl(k) <= 120 for k in keys)
    client.delete(*keys)
