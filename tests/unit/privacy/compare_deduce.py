"""Compares this project's redaction with the `deduce` library (3.0.3) on the test sets of
corpus.py: recall on the personal data per kind, look-alikes left unchanged, and time per
message. Not a test (deduce is not a dependency); the figures are in docs/measurements.md,
"Privacy (issue 12)". Run with deduce installed:

    .venv/bin/pip install deduce==3.0.3 && python -m tests.unit.privacy.compare_deduce
"""

import importlib
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable

import yaml

from bot.privacy.redact import redact
from bot.settings import ROOT
from stores.redacting_tracker_store import published_contacts
from tests.unit.privacy.corpus import FIRST, LAST, SEED, must_go, must_stay
from tests.unit.privacy.test_deidentify import survives

Redactor = Callable[[str], str]

# Names without any cue, which this project's patterns leave by design and deduce's name lists
# may find: the figure that says what deduce would add.
_UNCUED = [
    "{} belde gisteren over de traplift.",
    "Ik woon samen met {} in een flat.",
    "Mijn buurvrouw {} doet de boodschappen.",
    "Kan {} mij morgen terugbellen?",
    "De brief van de gemeente ging naar {}.",
]


def uncued_names() -> list[tuple[str, str]]:
    rng = random.Random(SEED + 2)
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(len(_UNCUED) * 4)]
    return [(_UNCUED[i % len(_UNCUED)].format(name), name) for i, name in enumerate(names)]


def answers() -> list[str]:
    """The assistant's own answers, which the stored conversation holds too."""
    texts = []
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for variants in (yaml.safe_load(path.read_text()).get("responses") or {}).values():
            texts += [v["text"] for v in variants if isinstance(v, dict) and "text" in v]
    return texts


def _report(name: str, run: Redactor) -> None:
    go, stay = must_go(), must_stay()
    found, total = Counter[str](), Counter[str]()
    times = []
    for variant in go:
        start = time.perf_counter()
        out = run(variant.text)
        times.append(time.perf_counter() - start)
        total[variant.kind] += 1
        found[variant.kind] += not survives(variant.secret, out)
    kept = 0
    for text in stay:
        start = time.perf_counter()
        kept += run(text) == text
        times.append(time.perf_counter() - start)
    long = " ".join(v.text for v in go)
    long = (long * (40_000 // len(long) + 1))[:40_000]
    start = time.perf_counter()
    run(long)
    seconds = time.perf_counter() - start
    print(f"## {name}")
    print(f"recall {sum(found.values())}/{len(go)}; look-alikes kept {kept}/{len(stay)}")
    print("per kind: " + ", ".join(f"{k} {found[k]}/{total[k]}" for k in sorted(total)))
    uncued = sum(not survives(name, run(text)) for text, name in uncued_names())
    print(f"names without a cue: {uncued}/{len(uncued_names())}")
    print(f"assistant's answers changed: {sum(run(t) != t for t in answers())}/{len(answers())}")
    print(f"mean {statistics.mean(times) * 1000:.2f} ms, p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms")
    print(f"40,000 characters: {seconds * 1000:.0f} ms")


def main() -> None:
    public = published_contacts()
    start = time.perf_counter()
    deduce = importlib.import_module("deduce").Deduce()
    print(f"deduce loaded in {time.perf_counter() - start:.1f} s")

    def with_deduce(text: str) -> str:
        return str(deduce.deidentify(text).deidentified_text)

    def deduce_names(text: str) -> str:
        found = [a for a in deduce.deidentify(text).annotations if a.tag == "persoon"]
        for a in sorted(found, key=lambda a: -int(a.start_char)):
            text = text[: a.start_char] + "[naam]" + text[a.end_char :]
        return text

    _report("own patterns", lambda text: redact(text, public))
    _report("deduce 3.0.3", with_deduce)
    _report("own patterns, then deduce", lambda text: with_deduce(redact(text, public)))
    _report("own patterns, then deduce's names only", lambda text: deduce_names(redact(text, public)))


if __name__ == "__main__":
    main()
