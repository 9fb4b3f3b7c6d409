"""The health answer of a server: each named check passes or not within a few seconds, and the answer
says which, in a small JSON body without personal data or error texts (they could name hosts or
users). 200 when every check that counts passes, 503 otherwise.

Which checks count is the caller's choice: readiness leaves out the action server, because a Rasa
server without it still gives the help lines to a resident in danger and an apology to the rest;
taking every instance out of the load balancer then would silence them too.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy.engine import Engine

logger = logging.getLogger(__name__)

Check = Callable[[], Awaitable[None]]
OK, UNAVAILABLE = "ok", "unavailable"
# Probes wait a few seconds at most; a hung store must not hold the answer longer.
TIMEOUT_SECONDS = 2.0


async def _outcome(name: str, check: Check, timeout: float) -> str:
    try:
        await asyncio.wait_for(check(), timeout)
    except Exception as error:
        logger.warning("health check %s failed: %s", name, type(error).__name__)
        return UNAVAILABLE
    return OK


async def health(
    checks: Mapping[str, Check], counted: Collection[str] | None = None, timeout: float = TIMEOUT_SECONDS
) -> tuple[int, dict[str, Any]]:
    """(HTTP status, body): all checks run side by side; `counted` (default: all) decide the status."""
    outcomes = await asyncio.gather(*(_outcome(name, check, timeout) for name, check in checks.items()))
    results = dict(zip(checks, outcomes, strict=True))
    deciding = results if counted is None else {name: results[name] for name in counted}
    healthy = all(outcome == OK for outcome in deciding.values())
    return (200 if healthy else 503), {"status": OK if healthy else UNAVAILABLE, "checks": results}


# Blocking checks get threads of their own: a hung store keeps its thread until its own timeout, and
# probes every few seconds must not use up the event loop's shared pool that the servers rely on.
_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="health")


def database_answers(engine: Engine) -> None:
    """A blocking check that the database behind the engine answers a query."""
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT 1")


def in_thread(blocking: Callable[[], object]) -> Check:
    """A check for a blocking call (a database query, a Redis ping), run off the event loop so a hung
    store cannot stall residents' turns."""

    async def check() -> None:
        await asyncio.get_running_loop().run_in_executor(_THREADS, blocking)

    return check
