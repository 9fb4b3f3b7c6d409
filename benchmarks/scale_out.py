"""Prints what the production stack does scaled out on this machine (tests/live/scale_out.py):
instances of the Rasa server and the action server behind HAProxy, on PostgreSQL, Redis and
RabbitMQ, with concurrent residents in multi-turn conversations: turns answered, throughput,
p50/p95 latency, which server answered, memory per Rasa server, and what was read back from
PostgreSQL and RabbitMQ (lost, duplicated, errors). With --kill, one instance is killed under load.
tests/live/test_scale_out.py is its short form.

    scripts/install && scripts/train && python benchmarks/scale_out.py [--instances 2] [--residents 32]
        [--seconds 120] [--kill 40]
"""

import argparse
import tempfile
import time
from pathlib import Path

from bot.settings import ROOT
from tests.helpers import PORT_BASE
from tests.live.assistant_process import resident_memory_mb
from tests.live.fake_api import FakeApi
from tests.live.scale_out import run_residents, scale_out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--residents", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--kill", type=float, default=None, help="kill the last instance this many seconds in")
    options = parser.parse_args()
    if options.kill is not None and options.instances < 2:
        parser.error("--kill needs at least 2 instances: the residents go on through the others")
    fake_api = FakeApi()
    model = ROOT / "models" / "wmo.tar.gz"
    with tempfile.TemporaryDirectory() as folder:
        launched = time.monotonic()
        with scale_out(model, Path(folder), fake_api, options.instances, PORT_BASE + 800) as stack:
            print(f"{options.instances} instances answering after {time.monotonic() - launched:.0f} s")
            verdict = run_residents(stack, options.residents, options.seconds, options.kill)
            memory = [resident_memory_mb(instance.rasa_server_pid()) for instance in stack.instances]
    fake_api.close()
    print(f"{options.residents} residents, {options.instances} instances")
    print(verdict.summary())
    print("Rasa server memory (RSS): " + ", ".join(f"{mb:.0f} MB" for mb in memory if mb))


if __name__ == "__main__":
    main()
