"""What operators see of the running assistant: /metrics on both servers refuses anyone without the
metrics token and counts what residents' turns did (a crisis signal, a message not understood, a
handoff); /health names the part that is down and answers 503 when the action server is gone,
while /health/ready, the readiness probe, keeps the instance in service for the help lines."""

import json
import os
import re
import signal
import socket
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ACTION_PORT, RASA_PORT, assistant_environment
from tests.live.assistant_process import Assistant, joined, running_assistant
from tests.live.fake_api import FakeApi

# Ports of their own: this assistant loses its action server at the end.
OWN_RASA_PORT, OWN_ACTION_PORT = RASA_PORT + 40, ACTION_PORT + 40
METRICS_TOKEN = "test-metrics-token"
ACTION_URL = f"http://127.0.0.1:{OWN_ACTION_PORT}"


def get(url: str, token: str | None = None) -> tuple[int, str]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as answer:
            return int(answer.status), answer.read().decode()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode()


def sample(metrics: str, name: str, **labels: str) -> float:
    """One sample of the Prometheus text, 0 when it is not there yet."""
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    pattern = re.escape(f"{name}{{{wanted}}}" if labels else name) + r" (\S+)"
    found = re.search(rf"^{pattern}$", metrics, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


@pytest.fixture(scope="module")
def operated(model_path: Path, tmp_path_factory: pytest.TempPathFactory, fake_api: FakeApi) -> Iterator[Assistant]:
    folder = tmp_path_factory.mktemp("operations")
    env = {**assistant_environment(folder, fake_api), "WMO_METRICS_TOKEN": METRICS_TOKEN, "WMO_LOG_FORMAT": "json"}
    with running_assistant(model_path, folder, OWN_RASA_PORT, OWN_ACTION_PORT, env) as assistant:
        yield assistant


def rasa_metrics(assistant: Assistant) -> str:
    status, body = get(f"{assistant.url}/metrics", METRICS_TOKEN)
    assert status == 200
    return body


def action_metrics() -> str:
    status, body = get(f"{ACTION_URL}/metrics", METRICS_TOKEN)
    assert status == 200
    return body


@pytest.mark.parametrize("server", ["rasa", "actions"])
def test_metrics_need_the_metrics_token(operated: Assistant, server: str) -> None:
    url = f"{operated.url}/metrics" if server == "rasa" else f"{ACTION_URL}/metrics"
    assert get(url)[0] == 401
    assert get(url, "geraden")[0] == 401
    assert get(url, "test-api-token")[0] == 401  # the API token does not open them
    status, body = get(url, METRICS_TOKEN)
    assert status == 200 and "process_resident_memory_bytes" in body


def test_a_crisis_a_message_not_understood_and_a_handoff_are_counted(operated: Assistant) -> None:
    before_rasa, before_actions = rasa_metrics(operated), action_metrics()
    crisis = joined(operated.say(uuid.uuid4().hex, "ik wil niet meer leven"))
    assert "113" in crisis
    misunderstood = operated.say(uuid.uuid4().hex, "dat ene gedoe daar")
    assert misunderstood[-1]["text"].startswith("Ik weet niet zeker wat u bedoelt.")
    resident = uuid.uuid4().hex
    operated.say(resident, "Ik wil een medewerker spreken")
    operated.say(resident, "ja")
    after_rasa, after_actions = rasa_metrics(operated), action_metrics()

    def grew(before: str, after: str, name: str, **labels: str) -> float:
        return sample(after, name, **labels) - sample(before, name, **labels)

    assert grew(before_rasa, after_rasa, "wmo_crisis_signals_total", channel="rest") == 1
    assert grew(before_rasa, after_rasa, "wmo_intents_total", intent="crisis") == 1
    assert grew(before_rasa, after_rasa, "wmo_fallbacks_total", kind="nlu") == 1
    assert grew(before_rasa, after_rasa, "wmo_intents_total", intent="request_human") == 1
    assert grew(before_rasa, after_rasa, "wmo_turn_seconds_count", channel="rest") == 4
    assert grew(before_actions, after_actions, "wmo_handoffs_total", kind="chat") == 1
    assert sample(after_actions, "wmo_open_handoffs") >= 1
    assert grew(before_actions, after_actions, "wmo_action_seconds_count", action="action_handoff") == 1
    # Nothing a resident typed, and no conversation id, is in either.
    assert "leven" not in after_rasa + after_actions and resident not in after_rasa + after_actions


def test_the_logs_are_json_lines_without_the_residents_words(operated: Assistant) -> None:
    operated.say(uuid.uuid4().hex, "mijn bsn is 111222333, wat kost een scootmobiel?")
    text = operated.log.read_text(encoding="utf-8")
    logged = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert logged and all({"time", "level", "logger", "message"} <= set(line) for line in logged)
    assert "111222333" not in text


def test_health_names_each_part(operated: Assistant) -> None:
    status, body = get(f"{operated.url}/health")
    assert status == 200
    assert json.loads(body) == {
        "status": "ok",
        "checks": {"model": "ok", "tracker_store": "ok", "lock_store": "ok", "catalogue": "ok", "action_server": "ok"},
    }
    status, body = get(f"{ACTION_URL}/health/ready")
    assert (status, json.loads(body)) == (200, {"status": "ok", "checks": {"catalogue": "ok"}})


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def action_server_pid() -> int:
    """This assistant's action server, found by its own port among the processes."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"actions.server" in words and str(OWN_ACTION_PORT).encode() in words:
            found.append(int(cmdline.parent.name))
    [pid] = found
    return pid


def test_with_the_action_server_gone_health_is_503_and_the_instance_stays_ready(operated: Assistant) -> None:
    """Last in this file: it stops this assistant's own action server."""
    resident = uuid.uuid4().hex
    operated.say(resident, "hallo")  # a new session still needs the action server (issue 13)
    pid = action_server_pid()
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    while listening(OWN_ACTION_PORT):
        assert time.monotonic() < deadline, "the action server did not stop"
        time.sleep(0.1)
    started = time.monotonic()
    status, body = get(f"{operated.url}/health")
    assert time.monotonic() - started < 5
    assert status == 503
    answer: dict[str, Any] = json.loads(body)
    assert answer["status"] == "unavailable"
    assert answer["checks"]["action_server"] == "unavailable" and answer["checks"]["tracker_store"] == "ok"
    ready, body = get(f"{operated.url}/health/ready")
    assert ready == 200 and json.loads(body)["checks"]["action_server"] == "unavailable"
    # And residents in danger still get the help lines.
    assert "113" in joined(operated.say(resident, "ik wil niet meer leven"))
