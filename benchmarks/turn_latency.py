"""Prints the time from start to the first answer, and per-turn latency through the whole stack
(REST channel, NLU, policies, action server, catalogue database) for typical questions.

    scripts/install && scripts/train && python benchmarks/turn_latency.py [turns]
"""
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bot import settings
from tests.assistant_process import running_assistant

QUESTIONS = [
    "Voor wie is de Wmo?",
    "Kan ik huishoudelijke hulp krijgen?",
    "Wat kost dat?",
    "Hoe vraag ik een traplift aan?",
    "Welke ondersteuning is er?",
    "wat is een pgb",
    "Wanneer krijg ik geen maatwerkvoorziening?",
    "wanneer wordt het afval opgehaald",
]


def ask(server: str, sender: str, text: str) -> float:
    request = urllib.request.Request(
        f"{server}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        assert json.loads(response.read()), text
    return time.perf_counter() - start


def main(turns: int) -> None:
    model = settings.ROOT / "models" / "wmo.tar.gz"
    with tempfile.TemporaryDirectory() as folder:
        launched = time.perf_counter()
        with running_assistant(model, Path(folder), 16005, 16055) as (server, _):
            ask(server, "warm-up", "hallo")
            print(f"start to first answer: {time.perf_counter() - launched:.1f} s")
            timings = [ask(server, f"bench-{i // len(QUESTIONS)}", QUESTIONS[i % len(QUESTIONS)]) for i in range(turns)]
    ms = sorted(t * 1000 for t in timings)
    print(
        f"{turns} turns: median {statistics.median(ms):.0f} ms, "
        f"p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms, max {ms[-1]:.0f} ms"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
