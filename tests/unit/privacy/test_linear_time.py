"""Redaction takes time in proportion to the text: one long message cannot stall the assistant.

Structurally: no pattern can match more than a bounded number of characters (every quantifier is
bounded), which with Python's matcher bounds the work per starting position. And measured: on
inputs built to make backtracking patterns explode, 40,000 characters cost about ten times 4,000.
"""

import logging
import sre_parse
import time
from collections.abc import Callable

import pytest

from bot.privacy import patterns
from bot.privacy.log_redaction import cleaned
from bot.privacy.redact import redact

# Longer than any name, address or number needs; far from sre's "unbounded" (MAXREPEAT).
MAX_WIDTH = 1000
PATTERNS = {name: value for name, value in vars(patterns).items() if name.isupper() and hasattr(value, "pattern")}

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


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_has_a_bounded_width(name: str) -> None:
    _, high = sre_parse.parse(PATTERNS[name].pattern, PATTERNS[name].flags).getwidth()
    assert high <= MAX_WIDTH, f"{name} can match {high} characters"


def _seconds(run: Callable[[str], str], text: str) -> float:
    best = float("inf")
    for _ in range(5):  # the best of five: a busy machine only ever adds time
        start = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("run", [lambda t: redact(t), lambda t: cleaned(t, logging.INFO)], ids=["redact", "log"])
@pytest.mark.parametrize("piece", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_forty_thousand_characters_cost_about_ten_times_four_thousand(run: Callable[[str], str], piece: str) -> None:
    short, long = ((piece * (n // len(piece) + 1))[:n] for n in (4_000, 40_000))
    # Linear is 10 times, quadratic 100; the margin absorbs a busy machine.
    assert _seconds(run, long) < 30 * _seconds(run, short) + 0.02
