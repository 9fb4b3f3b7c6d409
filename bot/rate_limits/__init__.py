"""Rate limits per sender and per address, shared in Redis when there is one, bounded in memory when
not (README "Configuration"). The channels put them in the resident gate (channels/resident_gate.py)."""

from functools import cache

from bot.rate_limits.addresses import Network, client_address, trusted_networks
from bot.rate_limits.counters import Counters, FallbackCounters, MemoryCounters, redis_counters
from bot.rate_limits.limiter import RateLimiter, Verdict
from bot.rate_limits.rules import parse_rules
from bot.settings import settings

__all__ = ["RateLimiter", "Verdict", "client_address", "rate_limiter", "trusted_proxies"]


@cache
def rate_limiter() -> RateLimiter:
    """One per process: the counts in Redis (falling back to memory), or in memory alone."""
    configured = settings()
    counters: Counters = MemoryCounters(configured.rate_limit_memory_keys)
    if configured.rate_limit_redis:
        counters = FallbackCounters(redis_counters(configured.rate_limit_redis), counters)
    return RateLimiter(counters, parse_rules(configured.rate_limit_sender), parse_rules(configured.rate_limit_address))


@cache
def trusted_proxies() -> tuple[Network, ...]:
    return trusted_networks(settings().trusted_proxies)
