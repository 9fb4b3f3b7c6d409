"""Prints how redaction time grows with the text, on inputs built to make backtracking patterns
explode: for each piece, the time for 40,000 characters over the time for 4,000. Linear is about
10, quadratic about 100. The guarantee itself is structural (every pattern has a bounded width,
tests/unit/privacy/test_linear_time.py); this shows what it means in time on this machine.

    scripts/install && python benchmarks/redaction_scaling.py
"""

import logging
import time
from collections.abc import Callable

from bot.privacy.log_redaction import cleaned
from bot.privacy.redact import redact

# Each repeats a piece that almost matches one of the patterns.
ADVERSARIAL = {
    "e-mail": "a.a-a+a",
    "e-mail written out": "jan at voorbeeld punt ",
    "iban": "NL91 ABNA 0417 ",
    "digits": "1 2.3-4 5(6)7/",
    "phone": "+31 (0)6 1",
    "names": "Mijn naam is Jan de Van Der ",
    "street": "Dorpsstraatstraat ",
    "dates": "geboren op 3 maart ",
    "postcode": "1234 AB nr ",
    "words": "a" * 50 + " ",
}
RUNS: dict[str, Callable[[str], str]] = {"redact": redact, "log": lambda text: cleaned(text, logging.INFO)}


def best_seconds(run: Callable[[str], str], text: str) -> float:
    best = float("inf")
    for _ in range(5):  # the best of five: a busy machine only ever adds time
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    worst = 0.0
    for name, piece in ADVERSARIAL.items():
        short, long = ((piece * (n // len(piece) + 1))[:n] for n in (4_000, 40_000))
        for kind, run in RUNS.items():
            a, b = best_seconds(run, short), best_seconds(run, long)
            worst = max(worst, b / a)
            times = f"4,000 chars {a * 1000:7.2f} ms, 40,000 chars {b * 1000:8.2f} ms"
            print(f"{name:>20} {kind:>6}: {times}, ratio {b / a:5.1f}")
    print(f"largest ratio: {worst:.1f} (linear about 10, quadratic about 100)")


if __name__ == "__main__":
    main()
