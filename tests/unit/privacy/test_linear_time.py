"""Redaction takes time in proportion to the text: one long message cannot stall the assistant.

No pattern can match more than a bounded number of characters (every quantifier is bounded), which
with Python's matcher bounds the work per starting position. What that means in time is measured,
not asserted (a busy machine makes timings flaky): benchmarks/redaction_scaling.py prints it.
"""

import sre_parse

import pytest

from bot.privacy import patterns

# Longer than any name, address or number needs; far from sre's "unbounded" (MAXREPEAT).
MAX_WIDTH = 1000
PATTERNS = {name: value for name, value in vars(patterns).items() if name.isupper() and hasattr(value, "pattern")}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_has_a_bounded_width(name: str) -> None:
    _, high = sre_parse.parse(PATTERNS[name].pattern, PATTERNS[name].flags).getwidth()
    assert high <= MAX_WIDTH, f"{name} can match {high} characters"
