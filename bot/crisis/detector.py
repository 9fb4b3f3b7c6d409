"""Finds signs of acute need (danger, violence at home, suicidal thoughts, no place to sleep
tonight, a carer at breaking point) in any message, by the patterns of the crisis file."""

import re

from bot.crisis.signals import CrisisFile, CrisisKind
from bot.dutch import normalise


class CrisisDetector:
    def __init__(self, file: CrisisFile) -> None:
        self._signals = [(signal.kind, [re.compile(pattern) for pattern in signal.patterns]) for signal in file.signals]

    def detect(self, text: str) -> list[CrisisKind]:
        """Every kind of acute need the text signals, in the file's order (empty if none)."""
        plain = normalise(text)
        return [kind for kind, patterns in self._signals if any(p.search(plain) for p in patterns)]
