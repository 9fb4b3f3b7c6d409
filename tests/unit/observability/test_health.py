"""The health answer: 200 when every counted part answers, 503 naming the part that does not, within
a few seconds even when a part hangs, and nothing in it but part names and "ok" or "unavailable"."""

import asyncio
import time

from bot.observability.health import health, in_thread


async def fine() -> None:
    return None


async def down() -> None:
    raise ConnectionRefusedError("postgresql://wmo:geheim@db:5432/wmo refused")


async def hangs() -> None:
    await asyncio.sleep(60)


def test_all_parts_answering_is_healthy() -> None:
    status, body = asyncio.run(health({"tracker_store": fine, "action_server": fine}))
    assert status == 200
    assert body == {"status": "ok", "checks": {"tracker_store": "ok", "action_server": "ok"}}


def test_a_part_that_is_down_makes_it_unavailable_and_is_named_without_its_error() -> None:
    status, body = asyncio.run(health({"tracker_store": fine, "action_server": down}))
    assert status == 503
    assert body == {"status": "unavailable", "checks": {"tracker_store": "ok", "action_server": "unavailable"}}
    assert "geheim" not in str(body)


def test_a_part_that_does_not_count_is_reported_but_does_not_decide() -> None:
    status, body = asyncio.run(health({"tracker_store": fine, "action_server": down}, counted=["tracker_store"]))
    assert status == 200
    assert body["checks"]["action_server"] == "unavailable"


def test_a_hung_part_is_unavailable_within_the_timeout() -> None:
    started = time.monotonic()
    status, body = asyncio.run(health({"lock_store": hangs, "catalogue": fine}, timeout=0.2))
    assert time.monotonic() - started < 1
    assert status == 503 and body["checks"] == {"lock_store": "unavailable", "catalogue": "ok"}


def test_a_blocking_check_runs_off_the_event_loop() -> None:
    async def measure() -> tuple[tuple[int, dict[str, object]], float]:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        running = asyncio.create_task(ticker())
        result = await health({"catalogue": in_thread(lambda: time.sleep(0.3))})
        running.cancel()
        return result, ticks

    (status, _), ticks = asyncio.run(measure())
    assert status == 200
    assert ticks >= 10  # the loop went on serving while the check waited
