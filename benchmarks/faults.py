"""Prints what each fault costs a resident of the assistant on the production stack (this
machine's PostgreSQL, Redis and RabbitMQ; tests/live/production_stack.py), next to an ordinary turn:
seconds to the apology with the action server hung and gone, seconds until scripts/serve has a
killed action server back, the turn after PostgreSQL's connections ended, a turn while Redis is
down, and the events of turns while RabbitMQ is down: kept, published afterwards, lost.

    scripts/install && scripts/train && python benchmarks/faults.py
"""

import os
import signal
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from bot.settings import ROOT
from tests.helpers import PORT_BASE, end_connections, scratch_database
from tests.live.assistant_process import joined
from tests.live.fake_api import FakeApi
from tests.live.production_stack import Stack, keys, production_stack, timed

MODEL = ROOT / "models" / "wmo.tar.gz"
RASA_PORT, ACTION_PORT, PROXY_PORT = PORT_BASE + 75, PORT_BASE + 125, PORT_BASE + 931
QUESTION = "Wat kost een scootmobiel?"
DANGER = "ik wil niet meer leven"


def seconds(stack: Stack, text: str, sender: str | None = None) -> tuple[float, str]:
    replies, took = timed(stack.assistant, sender or uuid.uuid4().hex, text)
    said = joined(replies)
    kind = "apology" if "Sorry, er gaat bij ons iets mis" in said else "help lines" if "113" in said else "answer"
    return took, kind


def until(condition: Callable[[], bool], timeout: float = 90) -> float:
    started = time.monotonic()
    while not condition() and time.monotonic() - started < timeout:
        time.sleep(0.05)
    return time.monotonic() - started


def answering_again(stack: Stack, sender: str) -> float:
    """Seconds until a question gets its answer again, asked over and over."""
    started = time.monotonic()
    while seconds(stack, QUESTION, sender)[1] != "answer":
        pass
    return time.monotonic() - started


def report(name: str, took: float, kind: str) -> None:
    print(f"{name:<58} {took:6.2f} s  {kind}")


def main() -> None:
    fake_api = FakeApi()
    with (
        tempfile.TemporaryDirectory() as folder,
        scratch_database("wmo_faults") as database,
        production_stack(
            ROOT / "models" / "wmo.tar.gz",
            Path(folder),
            fake_api,
            database,
            PORT_BASE + 75,
            PORT_BASE + 125,
            PORT_BASE + 931,
        ) as stack,
    ):
        sender = uuid.uuid4().hex
        seconds(stack, "hallo", sender)
        ordinary = [seconds(stack, QUESTION, sender)[0] for _ in range(5)]
        report("ordinary turn (median of 5)", statistics.median(ordinary), "answer")

        stack.actions.hang()
        report("action server hung: a question", *seconds(stack, QUESTION, sender))
        report("action server hung: the next question", *seconds(stack, QUESTION, sender))
        report("action server hung: a new conversation, danger", *seconds(stack, DANGER))
        stack.actions.up()
        report("action server back: answers again after", answering_again(stack, sender), "answer")

        pid = stack.assistant.action_server_pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        killed = time.monotonic()
        until(lambda: not stack.action_server_answers())
        report("action server killed: a question", *seconds(stack, QUESTION, sender))
        report("action server killed: danger", *seconds(stack, DANGER, sender))
        until(stack.action_server_answers)
        report("action server killed: started again by scripts/serve after", time.monotonic() - killed, "")
        report("action server started again: answers again after", answering_again(stack, sender), "answer")

        ended = end_connections(database)
        report(f"PostgreSQL's {ended} connections ended: the next question", *seconds(stack, QUESTION, sender))

        stack.redis.down()
        report("Redis down: a question", *seconds(stack, QUESTION, sender))
        stack.redis.up()
        report("Redis back: the next question", *seconds(stack, QUESTION, sender))

        stack.rabbitmq.down()
        outage = uuid.uuid4().hex
        took = [seconds(stack, question, outage) for question in (QUESTION, "Wat is een rolstoel?", QUESTION)]
        report("RabbitMQ down: three questions (the slowest)", max(t for t, _ in took), took[-1][1])
        stack.rabbitmq.up()
        back = time.monotonic()
        stored = stack.assistant.tracker(outage)["events"]
        published = stack.published_for(outage, stored, timeout=60)
        arrived = keys(stored) & keys(published)
        report("RabbitMQ back: every kept event published after", time.monotonic() - back, "")
        print(
            f"RabbitMQ down: {len(stored)} events stored, {len(arrived)} published afterwards, "
            f"{len(stored) - len(arrived)} lost, {len(published) - len(arrived)} published twice"
        )
    fake_api.close()


if __name__ == "__main__":
    main()
