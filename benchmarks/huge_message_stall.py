"""Prints how long another resident's "hallo" takes while a 100,000-character message is being
handled, against the same "hallo" alone: issue 12's bar is at most 200 ms more. The huge message is
cut at the gate (channels/resident_gate.py) and answered kindly; the test that guards it is
tests/live/test_closed_doors.py::test_a_huge_message_does_not_stall_another_resident.

    scripts/install && scripts/train && python benchmarks/huge_message_stall.py [rounds]
"""

import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bot.settings import ROOT
from tests.helpers import assistant_environment
from tests.live.assistant_process import Assistant, running_assistant, timed
from tests.live.fake_api import FakeApi

HUGE = "mail a@b.nl " * 8_400  # 100,800 characters of what the old redaction choked on


def beside_a_huge_message(assistant: Assistant) -> tuple[float, float]:
    """Seconds for the huge message itself, and for another resident's "hallo" sent just after it."""
    took: list[float] = []
    huge = threading.Thread(target=lambda: took.append(timed(assistant, uuid.uuid4().hex, HUGE)))
    huge.start()
    time.sleep(0.05)
    other = timed(assistant, uuid.uuid4().hex, "hallo")
    huge.join()
    return took[0], other


def main(rounds: int) -> None:
    fake_api = FakeApi()
    with tempfile.TemporaryDirectory() as folder:
        env = assistant_environment(Path(folder), fake_api)
        with running_assistant(ROOT / "models" / "wmo.tar.gz", Path(folder), 16005, 16055, env) as assistant:
            timed(assistant, "warm-up", "hallo")
            alone = [timed(assistant, uuid.uuid4().hex, "hallo") for _ in range(rounds)]
            pairs = [beside_a_huge_message(assistant) for _ in range(rounds)]
    fake_api.close()
    huge, beside = [p[0] for p in pairs], [p[1] for p in pairs]
    ms = statistics.median
    print(f"'hallo' alone: median {ms(alone) * 1000:.0f} ms, max {max(alone) * 1000:.0f} ms ({rounds} turns)")
    print(f"the 100,800-character message: median {ms(huge) * 1000:.0f} ms, max {max(huge) * 1000:.0f} ms")
    print(f"'hallo' beside it: median {ms(beside) * 1000:.0f} ms, max {max(beside) * 1000:.0f} ms")
    added, worst = ms(beside) - ms(alone), max(beside) - ms(alone)
    print(f"added delay: median {added * 1000:.0f} ms, worst {worst * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
