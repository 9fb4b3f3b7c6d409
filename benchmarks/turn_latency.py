"""Prints the time from start to the first answer, and per-turn latency through the whole stack
(channel, NLU, policies, action server, database, redacting tracker store): for typical questions,
for the turns of a complete eligibility check (form validation, estimate, wijkteam lookup,
summary), for messages with personal numbers (the tracker store redacts them), and for WhatsApp
Cloud API turns (signature, de-duplication, pseudonym, and the answer sent to a local fake API).

    scripts/install && scripts/train && python benchmarks/turn_latency.py [rounds]
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.settings import ROOT
from tests.helpers import assistant_environment, percentile
from tests.live.assistant_process import Assistant, running_assistant, timed
from tests.live.channel_clients import cloud_post, cloud_text, new_resident
from tests.live.fake_api import FakeApi

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


PERSONAL = [
    "Mijn BSN is 111222333, kan ik een traplift krijgen?",
    "Bel mij op 06-12345678 of mail naar a.jansen@example.nl",
]


def timed_whatsapp(assistant: Assistant, fake_api: FakeApi, resident: str, text: str) -> float:
    sent = len(fake_api.sent_to(resident))
    start = time.perf_counter()
    assert cloud_post(assistant, cloud_text(resident, text))[0] == 200
    elapsed = time.perf_counter() - start
    assert len(fake_api.sent_to(resident)) > sent, text
    return elapsed


def report(name: str, seconds: list[float]) -> None:
    ms = [t * 1000 for t in seconds]
    print(
        f"{name}: {len(ms)} turns, median {statistics.median(ms):.0f} ms, "
        f"p95 {percentile(ms, 0.95):.0f} ms, max {max(ms):.0f} ms"
    )


def main(rounds: int) -> None:
    model = ROOT / "models" / "wmo.tar.gz"
    fake_api = FakeApi()
    with tempfile.TemporaryDirectory() as folder:
        env = assistant_environment(Path(folder), fake_api)
        launched = time.perf_counter()
        with running_assistant(model, Path(folder), 16005, 16055, env) as assistant:
            timed(assistant, "warm-up", "hallo")
            print(f"start to first answer: {time.perf_counter() - launched:.1f} s")
            questions = [timed(assistant, f"vraag-{i}", text) for i in range(rounds) for text in QUESTIONS]
            checks = [timed(assistant, f"check-{i}", text) for i in range(rounds) for text in CHECK]
            personal = [timed(assistant, f"privacy-{i}", text) for i in range(rounds) for text in PERSONAL]
            residents = [new_resident() for _ in range(rounds)]
            whatsapp = [timed_whatsapp(assistant, fake_api, r, text) for r in residents for text in QUESTIONS]
    fake_api.close()
    report("questions", questions)
    report("eligibility check", checks)
    report("messages with personal numbers", personal)
    report("WhatsApp Cloud API questions", whatsapp)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
