"""Whether a message may go on to the assistant: per sender (a conversation on one channel) and per
address, each with its own rules (bot/rate_limits/rules.py).

Counting is a sliding window: the count of the current fixed window plus the previous window's,
weighted by how much of it still lies within the last `seconds`. That is as smooth as a log of every
message (no doubled burst at a window's edge) at the cost of two numbers per key. Every message
counts, also one that is refused, so a script that keeps on sending stays refused while a resident
who waits gets through again.

A refused message is answered, but only the first in a minute per sender: a script that sends a
hundred messages does not get a hundred answers.
"""

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.rate_limits.counters import Counters, Counts
from bot.rate_limits.rules import Rule

NOTICE_SECONDS = 60


def _key(kind: str, subject: str, seconds: int) -> str:
    """A short hash: the stores hold no conversation id or address, and a key's size does not depend
    on what a client sent."""
    return hashlib.blake2b(f"{kind}\0{seconds}\0{subject}".encode(), digest_size=12).hexdigest()


def sliding_count(counts: Counts, seconds: int, now: float) -> float:
    previous, current = counts
    return previous * (1 - (now % seconds) / seconds) + current


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    tell: bool = False  # refused, and the first refusal this minute for this sender: answer it


class RateLimiter:
    def __init__(
        self,
        counters: Counters,
        per_sender: Sequence[Rule],
        per_address: Sequence[Rule],
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._counters = counters
        self._per_sender, self._per_address = tuple(per_sender), tuple(per_address)
        self._clock = clock

    async def check(self, sender: str, address: str | None) -> Verdict:
        """Counts this message of `sender` (a channel's name and conversation id) from `address` (None:
        not limited by address, as for webhooks that all come from Meta or Twilio)."""
        limits = [(rule, _key("sender", sender, rule.seconds)) for rule in self._per_sender]
        if address is not None:
            limits += [(rule, _key("address", address, rule.seconds)) for rule in self._per_address]
        if not limits:
            return Verdict(allowed=True)
        now = self._clock()
        counts = await self._counters.increment([(key, rule.seconds) for rule, key in limits], now)
        if all(
            sliding_count(count, rule.seconds, now) <= rule.count
            for (rule, _), count in zip(limits, counts, strict=True)
        ):
            return Verdict(allowed=True)
        [(_, told)] = await self._counters.increment([(_key("notice", sender, NOTICE_SECONDS), NOTICE_SECONDS)], now)
        return Verdict(allowed=False, tell=told == 1)
