"""The metrics count what operators need and nothing a resident typed: each message's intent, the
fallbacks and crisis signals among them (counted once, when the conversation is stored), each turn's
time and failure (at the gate every channel passes), and queue lengths read when Prometheus asks."""

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

from prometheus_client import REGISTRY
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.observability.metrics import QueueLength, exposition
from bot.settings import ROOT
from channels.resident_gate import gated
from stores.redacting_tracker_store import RedactingTrackerStore
from tests.unit.stores.test_redacting_tracker_store import DOMAIN


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def said(intent: str, text: str = "iets", channel: str = "rest") -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, input_channel=channel)


def test_each_message_is_counted_once_by_its_intent_with_fallbacks_and_crisis_signals() -> None:
    store = RedactingTrackerStore(DOMAIN)
    before = {
        "crisis": value("wmo_crisis_signals_total", channel="socketio"),
        "nlu": value("wmo_fallbacks_total", kind="nlu"),
        "core": value("wmo_fallbacks_total", kind="core"),
        "greet": value("wmo_intents_total", intent="greet"),
    }
    tracker = DialogueStateTracker.from_events(
        f"meten-{uuid.uuid4().hex[:8]}",
        [
            ActionExecuted("action_listen"),
            said("greet", "hallo", "socketio"),
            said("nlu_fallback", "dat ding bij dat andere ding", "socketio"),
            said("crisis", "ik wil niet meer leven", "socketio"),
            ActionExecuted("action_default_fallback"),
        ],
        DOMAIN.slots,
    )
    asyncio.run(store.save(tracker))
    asyncio.run(store.save(tracker))  # saved again: nothing new to count
    assert value("wmo_crisis_signals_total", channel="socketio") == before["crisis"] + 1
    assert value("wmo_fallbacks_total", kind="nlu") == before["nlu"] + 1
    assert value("wmo_fallbacks_total", kind="core") == before["core"] + 1
    assert value("wmo_intents_total", intent="greet") == before["greet"] + 1
    # Retrieved for the next turn: what was counted is not counted again.
    again = asyncio.run(store.retrieve(tracker.sender_id))
    assert again is not None
    again.update(said("greet", "hallo", "socketio"))
    asyncio.run(store.save(again))
    assert value("wmo_intents_total", intent="greet") == before["greet"] + 2
    assert value("wmo_crisis_signals_total", channel="socketio") == before["crisis"] + 1


def test_no_text_a_resident_typed_reaches_the_metrics() -> None:
    store = RedactingTrackerStore(DOMAIN)
    tracker = DialogueStateTracker.from_events(
        "privacy-meting", [said("inform", "mijn bsn is 111222333 en ik heet Jan")], DOMAIN.slots
    )
    asyncio.run(store.save(tracker))
    body, _ = exposition()
    assert b"111222333" not in body and b"Jan" not in body and b"privacy-meting" not in body


def test_every_turn_is_timed_at_the_gate_and_a_failed_one_counted() -> None:
    output = CollectingOutputChannel()
    count_before = value("wmo_turn_seconds_count", channel="rest")
    errors_before = value("wmo_errors_total", where="turn")
    seconds_before = value("wmo_turn_seconds_sum", channel="rest")

    async def answers(message: UserMessage) -> None:
        await asyncio.sleep(0.05)

    async def fails(message: UserMessage) -> None:
        raise RuntimeError("kapot")

    asyncio.run(gated(answers, "rest")(UserMessage("hallo", output, "bewoner", input_channel="rest"), None))
    assert value("wmo_turn_seconds_count", channel="rest") == count_before + 1
    # The event loop may wake a sleep up to its clock resolution early: a margin, not the exact 0.05.
    assert value("wmo_turn_seconds_sum", channel="rest") - seconds_before >= 0.04
    # The resident gets the apology (channels/resident_gate.py); the failed turn still counts.
    asyncio.run(gated(fails, "rest")(UserMessage("hallo", output, "bewoner", input_channel="rest"), None))
    assert value("wmo_errors_total", where="turn") == errors_before + 1
    assert value("wmo_turns_in_progress") == 0


def test_a_queue_length_is_read_when_asked_and_left_out_when_its_source_fails() -> None:
    waiting = [3]
    queue = QueueLength("wmo_test_wachtrij", "test", lambda: waiting[0])
    body, content_type = exposition((queue,))
    assert b"wmo_test_wachtrij 3.0" in body and content_type.startswith("text/plain")
    waiting[0] = 5
    assert b"wmo_test_wachtrij 5.0" in exposition((queue,))[0]

    def unreachable() -> int:
        raise ConnectionError("database weg")

    body, _ = exposition((QueueLength("wmo_test_wachtrij", "test", unreachable),))
    assert b"wmo_test_wachtrij" not in body and b"wmo_turns_in_progress" in body


def test_several_worker_processes_report_together(tmp_path: Path) -> None:
    """With PROMETHEUS_MULTIPROC_DIR (Sanic workers), each process's counts reach the exposition."""
    count = "from bot.observability.metrics import count_user_message; count_user_message('greet', 'rest')"
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for _ in range(2):
        subprocess.run([sys.executable, "-c", count], env=env, check=True, cwd=ROOT)
    show = "from bot.observability.metrics import exposition; print(exposition()[0].decode())"
    shown = subprocess.run([sys.executable, "-c", show], env=env, check=True, cwd=ROOT, capture_output=True, text=True)
    assert 'wmo_intents_total{intent="greet"} 2.0' in shown.stdout
