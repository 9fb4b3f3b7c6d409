"""The production stack scaled out (tests/live/scale_out.py): two instances behind HAProxy on this
machine's PostgreSQL, Redis and RabbitMQ, eight residents in multi-turn conversations at once, and
one instance killed under load. Every turn answered is kept once, with its answer, in PostgreSQL,
and on RabbitMQ too unless the killed instance answered it (what it had not yet published died with
it); residents go on through the other instance, and only the turns the killed one had in flight
fail. benchmarks/scale_out.py runs the same at full length and prints the figures."""

import os
from pathlib import Path

import pytest
import redis
from sqlalchemy import create_engine

from tests.helpers import PORT_BASE, POSTGRES_ADMIN_URL, reachable
from tests.live.fake_api import FakeApi
from tests.live.scale_out import HAPROXY, run_residents, scale_out
from tests.rabbitmq import delete_event_queue, new_event_queue

RESIDENTS, SECONDS, KILL_AFTER = 8, 30, 5


def test_two_instances_keep_every_turn_once_and_a_killed_one_costs_only_its_turns_in_flight(
    model_path: Path, tmp_path: Path, fake_api: FakeApi
) -> None:
    if not HAPROXY.exists():
        if os.environ.get("CI"):
            pytest.fail("the scale-out test needs Debian's haproxy (scripts/test installs it)")
        pytest.skip("no haproxy on this machine")
    reachable("PostgreSQL", lambda: create_engine(POSTGRES_ADMIN_URL).connect().close())
    reachable("Redis", lambda: redis.Redis(host="127.0.0.1", port=6379).ping())
    reachable("RabbitMQ", lambda: delete_event_queue(new_event_queue()))
    with scale_out(model_path, tmp_path, fake_api, 2, PORT_BASE + 700) as stack:
        verdict = run_residents(stack, RESIDENTS, SECONDS, KILL_AFTER)
    print(verdict.summary())
    # RabbitMQ leaves out what the killed instance answered: what it had not yet published died with it.
    assert verdict.lost == {"PostgreSQL": 0, "RabbitMQ": 0}
    assert verdict.duplicated == {"PostgreSQL": 0, "RabbitMQ": 0}
    assert verdict.errors() == []
    killed = verdict.killed_at
    assert killed is not None
    # Both instances took turns, then only the one left; each resident had at most one turn in flight.
    assert {t.server for t in verdict.turns if t.started < killed} == {"rasa1", "rasa2"}
    assert {t.server for t in verdict.turns if t.answered and t.started > killed + 2} == {"rasa1"}
    in_flight = verdict.in_flight()
    assert len({t.sender for t in in_flight}) == len(in_flight)
    residents_after = {t.sender.rsplit("-", 1)[0] for t in verdict.turns if t.right and t.started > killed}
    assert len(residents_after) == RESIDENTS
