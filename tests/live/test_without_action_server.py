"""With the action server gone, Rasa itself still gives the national help lines for a sign of
danger, and the conversation remembers that danger was signalled."""

import json
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

from tests.helpers import ACTION_PORT, RASA_PORT, assistant_environment
from tests.live.assistant_process import joined, running_assistant
from tests.live.fake_api import FakeApi

# Ports of their own: this assistant loses its action server, the shared one must not.
OWN_RASA_PORT, OWN_ACTION_PORT = RASA_PORT + 20, ACTION_PORT + 20


def test_help_lines_arrive_and_danger_is_remembered_without_the_action_server(
    model_path: Path, tmp_path: Path, fake_api: FakeApi
) -> None:
    env = assistant_environment(tmp_path, fake_api)
    with running_assistant(model_path, tmp_path, OWN_RASA_PORT, OWN_ACTION_PORT, env) as assistant:
        sender = uuid.uuid4().hex
        # The session starts while the action server is up (a new session needs it: issue 13).
        assistant.say(sender, "hallo")
        subprocess.run(["pkill", "-f", f"rasa_sdk --port {OWN_ACTION_PORT}"], check=True)
        deadline = time.monotonic() + 10
        while subprocess.run(["pgrep", "-f", f"rasa_sdk --port {OWN_ACTION_PORT}"], check=False).returncode == 0:
            assert time.monotonic() < deadline, "the action server did not stop"
            time.sleep(0.1)
        answer = joined(assistant.say(sender, "ik wil niet meer leven"))
        assert "113" in answer and "0800-0113" in answer and "112" in answer and "0800-2000" in answer
        with urllib.request.urlopen(f"{assistant.url}/conversations/{sender}/tracker", timeout=10) as response:
            slots = json.loads(response.read())["slots"]
        assert slots["danger_signalled"] is True
