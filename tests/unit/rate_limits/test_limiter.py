"""The rate limits count per sender and per address in a sliding window, tell a resident once a
minute, forget nothing they must remember under a flood of new senders, and keep working (in memory)
when Redis does not answer."""

import asyncio
import logging
from collections.abc import Sequence

import pytest

from bot.rate_limits.counters import (
    CountersUnavailableError,
    Counts,
    FallbackCounters,
    MemoryCounters,
    Window,
    redis_counters,
)
from bot.rate_limits.limiter import RateLimiter, Verdict
from bot.rate_limits.rules import parse_rules


class Clock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def limiter(sender: str = "5/minute", address: str = "8/minute", keys: int = 1000) -> tuple[RateLimiter, Clock]:
    clock = Clock()
    return RateLimiter(MemoryCounters(keys), parse_rules(sender), parse_rules(address), clock), clock


def checks(limits: RateLimiter, *calls: tuple[str, str | None]) -> list[Verdict]:
    async def run() -> list[Verdict]:
        return [await limits.check(sender, address) for sender, address in calls]

    return asyncio.run(run())


def test_a_sender_over_the_limit_is_refused_and_told_once() -> None:
    limits, _ = limiter()
    verdicts = checks(limits, *[("web:a", "203.0.113.1")] * 8)
    assert [v.allowed for v in verdicts] == [True] * 5 + [False] * 3
    assert [v.tell for v in verdicts[5:]] == [True, False, False]


def test_another_sender_on_another_address_is_not_affected() -> None:
    limits, _ = limiter()
    checks(limits, *[("web:a", "203.0.113.1")] * 10)
    assert checks(limits, ("web:b", "203.0.113.2")) == [Verdict(allowed=True)]


def test_many_senders_from_one_address_are_refused_together() -> None:
    limits, _ = limiter()
    verdicts = checks(limits, *[(f"web:{n}", "203.0.113.1") for n in range(10)])
    assert [v.allowed for v in verdicts] == [True] * 8 + [False] * 2
    assert all(v.tell for v in verdicts[8:])  # each of them hears why
    assert checks(limits, ("web:x", "203.0.113.2")) == [Verdict(allowed=True)]


def test_without_an_address_only_the_sender_counts() -> None:
    limits, _ = limiter(sender="20/minute")
    assert all(v.allowed for v in checks(limits, *[(f"whatsapp:{n}", None) for n in range(50)]))


def test_a_resident_who_waits_gets_through_again() -> None:
    limits, clock = limiter()
    clock.now = 60 * 100_000  # the start of a minute
    assert not checks(limits, *[("web:a", None)] * 7)[-1].allowed
    clock.now += 30
    assert not checks(limits, ("web:a", None))[0].allowed  # the last minute holds 8
    clock.now += 60
    assert checks(limits, ("web:a", None))[0].allowed  # half of those 8 lie in the last minute


def test_the_window_slides_so_a_burst_at_its_edge_does_not_double_the_limit() -> None:
    limits, clock = limiter(sender="10/minute")
    clock.now = 60 * 100_000 + 59  # the last second of a fixed window
    assert all(v.allowed for v in checks(limits, *[("web:a", None)] * 10))
    clock.now += 2  # a fixed window would start counting afresh here
    assert not checks(limits, ("web:a", None))[0].allowed


def test_off_counts_nothing() -> None:
    limits, _ = limiter(sender="off", address="off")
    assert all(v.allowed for v in checks(limits, *[("web:a", "203.0.113.1")] * 100))


def test_memory_stays_bounded_under_a_flood_of_new_senders_and_the_flooder_stays_refused() -> None:
    counters = MemoryCounters(2_000)
    clock = Clock()
    limits = RateLimiter(counters, parse_rules("5/minute"), parse_rules("off"), clock)

    async def flood() -> list[Verdict]:
        verdicts = []
        for n in range(50_000):
            await limits.check(f"web:new-{n}", None)
            if n % 100 == 0:
                verdicts.append(await limits.check("web:flooder", None))
        return verdicts

    verdicts = asyncio.run(flood())
    assert len(counters) <= 2_000
    assert not any(v.allowed for v in verdicts[5:])


class Flaky:
    """A shared store that fails while `down` is set."""

    def __init__(self) -> None:
        self.down = True
        self.asked = 0
        self.inner = MemoryCounters(100)

    async def increment(self, windows: Sequence[Window], now: float) -> list[Counts]:
        self.asked += 1
        if self.down:
            raise CountersUnavailableError("ConnectionError")
        return await self.inner.increment(windows, now)


def test_redis_down_falls_back_to_memory_and_says_so_once(caplog: pytest.LogCaptureFixture) -> None:
    shared, wall = Flaky(), Clock()
    monotonic = Clock(0)
    counters = FallbackCounters(shared, MemoryCounters(100), retry_seconds=30, clock=monotonic)
    limits = RateLimiter(counters, parse_rules("5/minute"), parse_rules("off"), wall)
    with caplog.at_level(logging.WARNING, logger="bot.rate_limits.counters"):
        verdicts = checks(limits, *[("web:a", None)] * 6)
        asked_while_down = shared.asked
        monotonic.now += 31
        shared.down = False
        after = checks(limits, ("web:b", None))
    assert [v.allowed for v in verdicts] == [True] * 5 + [False]
    assert asked_while_down == 1  # not a timeout for every message: tried again after 30 s
    assert after == [Verdict(allowed=True)]
    assert len(shared.inner) == 1  # counted in Redis again
    said = [r.getMessage() for r in caplog.records]
    assert len([m for m in said if "does not answer" in m]) == 1
    assert len([m for m in said if "answers again" in m]) == 1


def test_an_unreachable_redis_does_not_take_the_limits_down() -> None:
    # Nothing listens on port 1: the connection is refused at once, every retry included.
    counters = FallbackCounters(redis_counters("redis://127.0.0.1:1/0"), MemoryCounters(100))
    limits = RateLimiter(counters, parse_rules("5/minute"), parse_rules("off"))
    verdicts = checks(limits, *[("web:a", None)] * 6)
    assert [v.allowed for v in verdicts] == [True] * 5 + [False]
