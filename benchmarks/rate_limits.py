"""Prints what the rate limits cost: the time of one check per message (the default rules, a sender
and an address) in memory and in Redis, what the in-memory store holds when full, and how long a
flood of new senders takes to go through.

    python benchmarks/rate_limits.py [messages]      (Redis on 127.0.0.1:6379 for the Redis figure)
"""

import asyncio
import sys
import time
import tracemalloc
import uuid

import redis

from bot.rate_limits.counters import Counters, MemoryCounters, redis_counters
from bot.rate_limits.limiter import RateLimiter
from bot.rate_limits.rules import parse_rules
from bot.settings import Settings

DEFAULTS = Settings()


def limiter(counters: Counters) -> RateLimiter:
    return RateLimiter(counters, parse_rules(DEFAULTS.rate_limit_sender), parse_rules(DEFAULTS.rate_limit_address))


async def per_message(limits: RateLimiter, messages: int) -> float:
    """Microseconds per check, over `messages` residents on 1,000 addresses."""
    started = time.perf_counter()
    for n in range(messages):
        await limits.check(f"socketio:{n % 5_000}", f"198.51.{n % 1_000 // 250}.{n % 250}")
    return (time.perf_counter() - started) / messages * 1e6


def flooded(keys: int) -> tuple[MemoryCounters, float]:
    """A full in-memory store after a flood of twice as many new senders as it holds: the store, and
    microseconds per message of the flood."""
    counters = MemoryCounters(keys)
    limits = limiter(counters)

    async def flood() -> float:
        started = time.perf_counter()
        for n in range(2 * keys):
            await limits.check(f"socketio:new-{n}", None)
        return (time.perf_counter() - started) / (2 * keys) * 1e6

    return counters, asyncio.run(flood())


def megabytes_when_full(keys: int) -> float:
    tracemalloc.start()
    counters, _ = flooded(keys)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert len(counters) <= keys
    return held / 1e6


def main(messages: int) -> None:
    print(f"rules: per sender {DEFAULTS.rate_limit_sender}; per address {DEFAULTS.rate_limit_address}")
    memory = asyncio.run(per_message(limiter(MemoryCounters(DEFAULTS.rate_limit_memory_keys)), messages))
    print(f"in memory: {memory:.1f} µs per message (a sender and an address, 4 counts)")
    try:
        redis.Redis(host="127.0.0.1", port=6379).ping()
    except redis.exceptions.ConnectionError:
        print("Redis: not reachable on 127.0.0.1:6379, skipped")
    else:
        prefix = f"bench:{uuid.uuid4().hex[:6]}:"
        shared = asyncio.run(per_message(limiter(redis_counters("redis://127.0.0.1:6379/0", prefix)), messages))
        print(f"Redis on loopback: {shared:.0f} µs per message (one pipelined round trip)")
        client = redis.Redis(host="127.0.0.1", port=6379)
        for key in client.scan_iter(f"{prefix}*"):
            client.delete(key)
    keys = DEFAULTS.rate_limit_memory_keys
    counters, flood = flooded(keys)
    held = megabytes_when_full(keys)
    print(
        f"in memory, full ({keys:,} keys): {held:.1f} MB, {held * 1e6 / keys:.0f} bytes a key; "
        f"a flood of {2 * keys:,} new senders: {flood:.1f} µs per message, {len(counters):,} keys kept"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
