"""Prints the time from start to the first answer, and per-turn latency through the whole stack
(REST channel, NLU, policies, action server, database): for typical questions, and for the turns
of a complete eligibility check (form validation, estimate, wijkteam lookup, summary).

    scripts/install && scripts/train && python benchmarks/turn_latency.py [rounds]
"""
import statistics
import sys
import tempfile
import time
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
CHECK = [
    "kom ik in aanmerking voor huishoudelijke hulp",
    "Nee",
    "Nee",
    "Nee",
    "1234 AB",
    "Nee, niet delen",
]


def timed(assistant, sender: str, text: str) -> float:
    start = time.perf_counter()
    assert assistant.say(sender, text), text
    return time.perf_counter() - start


def report(name: str, seconds: list) -> None:
    ms = sorted(t * 1000 for t in seconds)
    print(
        f"{name}: {len(ms)} turns, median {statistics.median(ms):.0f} ms, "
        f"p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms, max {ms[-1]:.0f} ms"
    )


def main(rounds: int) -> None:
    model = settings.ROOT / "models" / "wmo.tar.gz"
    with tempfile.TemporaryDirectory() as folder:
        launched = time.perf_counter()
        with running_assistant(model, Path(folder), 16005, 16055) as assistant:
            timed(assistant, "warm-up", "hallo")
            print(f"start to first answer: {time.perf_counter() - launched:.1f} s")
            questions = [timed(assistant, f"vraag-{i}", text) for i in range(rounds) for text in QUESTIONS]
            checks = [timed(assistant, f"check-{i}", text) for i in range(rounds) for text in CHECK]
    report("questions", questions)
    report("eligibility check", checks)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
