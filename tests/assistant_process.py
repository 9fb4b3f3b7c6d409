"""Starts the real assistant (scripts/serve) on spare ports, for tests and benchmarks."""
import contextlib
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from sqlalchemy import create_engine

from bot import settings
from bot.catalogue.loader import read_catalogue, seed


def wait_for(url: str, process: subprocess.Popen, timeout: float = 240) -> None:
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
def running_assistant(model: Path, folder: Path, rasa_port: int, action_port: int):
    """Yields (server URL, log file) once both servers answer; stops them afterwards."""
    database = f"sqlite:///{folder / 'catalogue.db'}"
    seed(create_engine(database, future=True), read_catalogue(settings.CATALOGUE_FILE))
    log = folder / "serve.log"
    env = {
        **os.environ,
        "RASA_PORT": str(rasa_port),
        "ACTION_PORT": str(action_port),
        "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
        "DATABASE_URL": database,
        "MODEL": str(model),
    }
    with open(log, "w") as output:
        process = subprocess.Popen(
            [str(settings.ROOT / "scripts" / "serve")],
            env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        wait_for(f"http://127.0.0.1:{rasa_port}/status", process)
        wait_for(f"http://127.0.0.1:{action_port}/health", process)
        yield f"http://127.0.0.1:{rasa_port}", log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
