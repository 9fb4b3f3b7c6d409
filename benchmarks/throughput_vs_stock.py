"""Prints this assistant's throughput beside stock Rasa's, measured in the same run on the same
machine: stock is `rasa init`'s moodbot (same venv, same Rasa, no action server), ours is
scripts/serve on its embedded defaults (SQLite, in-memory stores, the action server). Both run
side by side; the load alternates between them in short slices, so a change in the machine's other
load falls on both. At each level, residents hold multi-turn conversations without pause (a
closed loop: a resident sends the next message when the answer is in).

Per level: turns a second for each and their ratio (ours / stock), p50 and p95 latency, and the
CPU seconds a turn costs each (Rasa server, plus the action server for ours), from which the
turns a second per core follow. At the end: the memory (RSS) of each Rasa server. With
--variant, a second instance of ours runs with extra environment variables, under the same load
in the same slices (to try a setting).

    scripts/install && scripts/train && python benchmarks/throughput_vs_stock.py
        [--levels 1 8 32] [--slices 2] [--seconds 20] [--stock-project DIR] [--variant NAME=VALUE,...]
"""

import argparse
import json
import os
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import ROOT
from tests.helpers import PORT_BASE, assistant_environment, percentile
from tests.live.assistant_process import resident_memory_mb, running_assistant, wait_for
from tests.live.fake_api import FakeApi
from tests.live.scale_out import CONVERSATIONS

STOCK_PORT, OURS_PORT, OURS_ACTION_PORT = PORT_BASE + 870, PORT_BASE + 871, PORT_BASE + 872
VARIANT_PORT, VARIANT_ACTION_PORT = PORT_BASE + 873, PORT_BASE + 874
STOCK_CONVERSATION = ("hello", "I am sad", "yes", "great, thanks", "bye")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    """One assistant under load: where residents reach it, its conversations, and its processes."""

    name: str
    url: str
    conversations: Sequence[Sequence[str]]
    pids: Callable[[], list[int]]


@dataclass
class Slice:
    """What one stretch of load measured."""

    turns: int = 0
    failed: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    latencies: list[float] = field(default_factory=list)


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def answered(url: str, sender: str, text: str) -> bool:
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status == 200 and bool(json.loads(response.read()))
    except (OSError, ValueError):
        return False


def load(server: Server, residents: int, seconds: float) -> Slice:
    """`residents` in conversations with `server` for `seconds`; each turn timed."""
    measured = Slice()
    lock = threading.Lock()
    until = time.monotonic() + seconds

    def resident(number: int) -> None:
        rounds = 0
        while time.monotonic() < until:
            sender = f"bench-{uuid.uuid4().hex[:12]}"
            for text in server.conversations[(number + rounds) % len(server.conversations)]:
                started = time.monotonic()
                ok = answered(server.url, sender, text)
                took = time.monotonic() - started
                with lock:
                    if ok:
                        measured.turns += 1
                        measured.latencies.append(took)
                    else:
                        measured.failed += 1
                if time.monotonic() >= until:
                    return
            rounds += 1

    cpu_before, started = cpu_seconds(server.pids()), time.monotonic()
    threads = [threading.Thread(target=resident, args=(n,)) for n in range(residents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    measured.seconds = time.monotonic() - started
    measured.cpu = cpu_seconds(server.pids()) - cpu_before
    return measured


def summed(slices: list[Slice]) -> Slice:
    total = Slice()
    for part in slices:
        total.turns += part.turns
        total.failed += part.failed
        total.seconds += part.seconds
        total.cpu += part.cpu
        total.latencies += part.latencies
    return total


def stock_project(folder: Path) -> Path:
    """`rasa init`'s moodbot, trained, in `folder` (kept when it is already there)."""
    if not list((folder / "models").glob("*.tar.gz")):
        folder.mkdir(parents=True, exist_ok=True)
        print(f"rasa init in {folder} (trains the moodbot)...", flush=True)
        subprocess.run(["rasa", "init", "--no-prompt", "--init-dir", str(folder)], check=True, capture_output=True)
    return folder


@contextmanager
def running_stock(project: Path, folder: Path) -> Iterator[Server]:
    with open(folder / "stock.log", "w") as log:
        process = subprocess.Popen(
            ["rasa", "run", "--port", str(STOCK_PORT), "--interface", "127.0.0.1", "--model", str(project / "models")],
            cwd=project,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(f"http://127.0.0.1:{STOCK_PORT}/", process)
            yield Server("stock", f"http://127.0.0.1:{STOCK_PORT}", [STOCK_CONVERSATION], lambda: [process.pid])
        finally:
            process.terminate()
            process.wait(timeout=60)


def report(level: int, measured: dict[str, Slice]) -> None:
    print(f"{level} residents:")
    for name, part in measured.items():
        rate = part.turns / part.seconds
        cpu = part.cpu / part.turns * 1000 if part.turns else float("nan")
        print(
            f"  {name:8} {rate:6.1f} turns/s  p50 {percentile(part.latencies, 0.5) * 1000:6.0f} ms  "
            f"p95 {percentile(part.latencies, 0.95) * 1000:6.0f} ms  CPU {cpu:5.1f} ms/turn "
            f"({1000 / cpu if part.turns else 0:5.1f} turns/s per core)  failed {part.failed}"
        )
    stock = measured["stock"].turns / measured["stock"].seconds
    for name, part in measured.items():
        if name != "stock":
            print(f"  ratio {name}/stock: {part.turns / part.seconds / stock:.2f}", flush=True)


@contextmanager
def running_ours(name: str, folder: Path, ports: tuple[int, int], env: dict[str, str]) -> Iterator[Server]:
    folder.mkdir()
    with running_assistant(ROOT / "models" / "wmo.tar.gz", folder, *ports, env) as assistant:
        yield Server(
            name,
            assistant.url,
            [[question for question, _ in conversation] for conversation in CONVERSATIONS],
            lambda: [pid for pid in (assistant.rasa_server_pid(), assistant.action_server_pid()) if pid],
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--slices", type=int, default=2, help="slices of load per server and level")
    parser.add_argument("--seconds", type=float, default=20, help="length of one slice")
    parser.add_argument("--stock-project", type=Path, help="a `rasa init` project to reuse")
    parser.add_argument("--variant", help="NAME=VALUE,...: also run ours with these environment variables")
    options = parser.parse_args()
    fake_api = FakeApi()
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as running:
        folder = Path(scratch)
        project = stock_project(options.stock_project or folder / "moodbot")
        env = assistant_environment(folder, fake_api)
        servers = [running.enter_context(running_stock(project, folder))]
        servers.append(running.enter_context(running_ours("ours", folder / "ours", (OURS_PORT, OURS_ACTION_PORT), env)))
        if options.variant:
            extra = dict(setting.split("=", 1) for setting in options.variant.split(","))
            ports = (VARIANT_PORT, VARIANT_ACTION_PORT)
            servers.append(running.enter_context(running_ours("variant", folder / "variant", ports, {**env, **extra})))
            print(f"variant: ours with {extra}")
        for server in servers:  # warm-up: first turns load what Rasa loads lazily
            load(server, 2, 5)
        for level in options.levels:
            slices: dict[str, list[Slice]] = {server.name: [] for server in servers}
            for _ in range(options.slices):
                for server in servers:
                    slices[server.name].append(load(server, level, options.seconds))
            report(level, {name: summed(parts) for name, parts in slices.items()})
        memory = ", ".join(f"{server.name} {resident_memory_mb(server.pids()[0]):.0f} MB" for server in servers)
    fake_api.close()
    print(f"memory of the Rasa server (RSS): {memory}")


if __name__ == "__main__":
    main()
