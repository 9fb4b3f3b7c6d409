"""Starts the real assistant (scripts/serve) on spare ports, for tests and benchmarks."""

import contextlib
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from bot.seed import seed_all
from bot.settings import ROOT

Reply = dict[str, Any]  # one message of the assistant's answer, as the REST channel sends it


@dataclass(frozen=True)
class Assistant:
    """The running assistant as a resident reaches it: its REST channel, and its log and database."""

    url: str
    log: Path
    database: str
    api_token: str | None = None
    process_group: int = 0

    def _group(self) -> Iterator[tuple[int, str, list[bytes]]]:
        """(pid, state, command line) of each process in the assistant's process group."""
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                command = (stat.parent / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if int(fields[2]) == self.process_group:
                yield int(stat.parent.name), fields[0], command

    def action_server_pid(self) -> int | None:
        """The action server scripts/serve started for this assistant, if it runs."""
        return next((pid for pid, _, command in self._group() if b"actions.server" in command), None)

    def rasa_server_pid(self) -> int | None:
        """The Rasa server scripts/serve started for this assistant, if it runs."""
        return next((pid for pid, _, command in self._group() if command[2:4] == [b"run", b"--model"]), None)

    def zombies(self) -> list[int]:
        """Processes of the assistant that ended and were never waited for."""
        return [pid for pid, state, _ in self._group() if state == "Z"]

    def tracker(self, conversation_id: str) -> dict[str, Any]:
        """The stored conversation, through Rasa's HTTP API with the token in its header."""
        request = urllib.request.Request(
            f"{self.url}/conversations/{conversation_id}/tracker",
            headers={"Authorization": f"Bearer {self.api_token}"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            tracker: dict[str, Any] = json.loads(response.read())
            return tracker

    def post(self, body: bytes, headers: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """(HTTP status, parsed JSON): the list of replies, or the error Rasa answered with."""
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json", **(headers or {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def say(self, sender: str, text: str, headers: Mapping[str, str] | None = None) -> list[Reply]:
        messages: list[Reply]
        status, messages = self.post(json.dumps({"sender": sender, "message": text}).encode(), headers)
        assert status == 200
        return messages


def resident_memory_mb(pid: int | None) -> float:
    """A process's resident memory (RSS) in MB; 0 when there is no such process."""
    if pid is None:
        return 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def timed(assistant: Assistant, sender: str, text: str) -> float:
    """Seconds until `text` from `sender` is answered (the benchmarks' measure of a turn)."""
    start = time.perf_counter()
    assert assistant.say(sender, text), text
    return time.perf_counter() - start


def joined(messages: Iterable[Reply]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the assistant stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(url)


@contextlib.contextmanager
def launched_assistant(
    model: Path,
    folder: Path,
    rasa_port: int,
    action_port: int,
    extra_env: Mapping[str, str] | None = None,
    database: str | None = None,
) -> Iterator[tuple[Assistant, subprocess.Popen[bytes]]]:
    """scripts/serve started, not yet answering (so several can start side by side), on the catalogue
    in `database` or else a fresh SQLite file; stopped afterwards."""
    database = database or f"sqlite:///{folder / 'catalogue.db'}"
    seed_all(create_engine(database, future=True))
    log = folder / "serve.log"
    env = {
        **os.environ,
        "RASA_PORT": str(rasa_port),
        "ACTION_PORT": str(action_port),
        "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
        "DATABASE_URL": database,
        "MODEL": str(model),
        **(extra_env or {}),
    }
    with open(log, "w") as output:
        process = subprocess.Popen(
            [str(ROOT / "scripts" / "serve")],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield Assistant(f"http://127.0.0.1:{rasa_port}", log, database, env.get("RASA_API_TOKEN"), process.pid), process
    finally:
        with contextlib.suppress(ProcessLookupError):  # a test may have stopped it already
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_answering(assistant: Assistant, process: subprocess.Popen[bytes], action_port: int) -> None:
    # "/" answers with or without the HTTP API (which is on only with RASA_API_TOKEN).
    wait_for(f"{assistant.url}/", process)
    wait_for(f"http://127.0.0.1:{action_port}/health", process)


@contextlib.contextmanager
def running_assistant(
    model: Path, folder: Path, rasa_port: int, action_port: int, extra_env: Mapping[str, str] | None = None
) -> Iterator[Assistant]:
    """Yields the Assistant once both servers answer; stops them afterwards."""
    with launched_assistant(model, folder, rasa_port, action_port, extra_env) as (assistant, process):
        wait_until_answering(assistant, process, action_port)
        yield assistant
