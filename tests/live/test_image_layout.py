"""The images' contents and commands, run without a Docker engine: each server's /app is laid out from
the Dockerfile's own COPY instructions, its ENV applied, and its ENTRYPOINT started (port and
interface changed to the test's loopback ports), on a tree it cannot write and without any
capability, against PostgreSQL, Redis and RabbitMQ as in production. Then a resident's question is answered
through both: nothing the servers read at run time is missing from the images.

The project's venv stands in for the images' /opt/venv (built from the same constraints)."""

import json
import os
import re
import shutil
import stat
import subprocess
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from bot.seed import seed_all
from bot.settings import ROOT
from tests.helpers import ACTION_PORT, API_TOKEN, RASA_PORT
from tests.live.assistant_process import joined, wait_for
from tests.rabbitmq import EventQueue, delete_event_queue, new_event_queue
from tests.unit.deploy.conftest import deploy_check
from tests.unit.deploy.test_images import lineage

OWN_RASA_PORT, OWN_ACTION_PORT = RASA_PORT + 60, ACTION_PORT + 60
VENV = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv"))
TOKEN = "test-action-token"


def lay_out(dockerfile: dict[str, Any], server: str, app: Path, model: Path) -> tuple[dict[str, str], list[str]]:
    """Copies what the server's stages COPY into `app`; returns their ENV and ENTRYPOINT."""
    env: dict[str, str] = {}
    entrypoint: list[str] = []
    for stage in reversed(list(lineage(dockerfile, server))):
        for instruction in stage["instructions"]:
            kind, value = instruction["instruction"], instruction["value"]
            if kind == "COPY":
                copy(value, app, model)
            elif kind == "ENV":
                env.update(dict(re.findall(r"(\w+)=(\S+)", value)))
            elif kind == "ENTRYPOINT":
                entrypoint = json.loads(value)
    return env, entrypoint


def copy(value: str, app: Path, model: Path) -> None:
    parts = value.split()
    if parts[0].startswith("--from="):
        stage, source, target = parts[0].removeprefix("--from="), parts[1], parts[2]
        if stage == "model":
            place(model, app / target)
        elif stage == "widget":
            place(ROOT / "web" / source.removeprefix("/web/"), app / target)
        return  # the dependencies' venv: the project's own stands in
    *sources, target = parts
    for source in sources:
        into = app / target
        place(ROOT / source, into / Path(source).name if target.endswith("/") else into)


def place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    else:
        shutil.copy2(source, target)


def read_only(tree: Path) -> None:
    for path in [tree, *tree.rglob("*")]:
        path.chmod(stat.S_IMODE(path.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def command(entrypoint: list[str], port: int) -> list[str]:
    """The ENTRYPOINT with the venv's programs, on the test's port and loopback only."""
    program = str(VENV / "bin" / entrypoint[0])
    arguments = entrypoint[1:]
    arguments[arguments.index("--port") + 1] = str(port)
    arguments[arguments.index("--interface") + 1] = "127.0.0.1"
    # Root without any capability cannot write what it owns read-only: as the images' user cannot.
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs", program, *arguments]


@pytest.fixture(scope="module")
def servers(
    model_path: Path, postgres_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, EventQueue]]:
    dockerfile = deploy_check("dockerfile")
    folder = tmp_path_factory.mktemp("images")
    seed_all(create_engine(postgres_url, future=True))
    database = make_url(postgres_url)
    events = new_event_queue()
    broker = events.broker_settings
    shared = {
        "PATH": f"{VENV / 'bin'}:{os.environ['PATH']}",
        "DATABASE_URL": postgres_url,
        "ACTION_SERVER_TOKEN": TOKEN,
        "TMPDIR": str(folder),
    }
    specific = {
        "rasa": {
            "ACTION_SERVER_URL": f"http://127.0.0.1:{OWN_ACTION_PORT}/webhook",
            "TRACKER_DB_HOST": str(database.host),
            "TRACKER_DB_PORT": str(database.port),
            "TRACKER_DB_NAME": str(database.database),
            "TRACKER_DB_USER": str(database.username),
            "TRACKER_DB_PASSWORD": "",
            "REDIS_HOST": "127.0.0.1",
            "REDIS_PORT": "6379",
            "REDIS_LOCK_DB": "1",
            "RABBITMQ_HOST": str(broker["host"]),
            "RABBITMQ_PORT": str(broker["port"]),
            "RABBITMQ_USERNAME": str(broker["username"]),
            "RABBITMQ_PASSWORD": str(broker["password"]),
            "RABBITMQ_EXCHANGE": events.exchange,
            "RABBITMQ_QUEUE": events.queue,
            "RASA_API_TOKEN": API_TOKEN,
        },
        "actions": {},
    }
    processes = []
    try:
        for server, port in (("actions", OWN_ACTION_PORT), ("rasa", OWN_RASA_PORT)):
            app = folder / server / "app"
            env, entrypoint = lay_out(dockerfile, server, app, model_path)
            read_only(app)
            env = {**env, **shared, **specific[server], "PYTHONPATH": str(app), "HOME": str(folder)}
            with (folder / f"{server}.log").open("w") as log:
                process = subprocess.Popen(
                    command(entrypoint, port), cwd=app, env=env, stdout=log, stderr=subprocess.STDOUT
                )
            processes.append(process)
            wait_for(f"http://127.0.0.1:{port}/health/ready", process)
        yield f"http://127.0.0.1:{OWN_RASA_PORT}", events
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        delete_event_queue(events)
        for path in folder.rglob("*"):
            path.chmod(stat.S_IMODE(path.stat().st_mode) | stat.S_IWUSR)


def test_a_question_is_answered_through_both_images(servers: tuple[str, EventQueue]) -> None:
    url, events = servers
    body = json.dumps({"sender": uuid.uuid4().hex, "message": "Wat kost een scootmobiel?"}).encode()
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {API_TOKEN}"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        replies = json.loads(answer.read())
    assert "abonnementstarief" in joined(replies)
    with urllib.request.urlopen(f"{url}/health", timeout=30) as health:
        assert json.loads(health.read())["status"] == "ok"
    # The conversation's events reached the broker, as the compose file and the chart configure it.
    assert "user" in {event["event"] for event in events.take(30, timeout=10)}
