"""Is a message like the crisis examples in meaning, not only in words? A linear probe on e5 sentence
embeddings (bot.semantics.probe), trained on the NLU training data: crisis against every other intent,
the near-misses included.

The patterns of content/crisis.yml catch the phrasings someone thought of; the probe catches indirect
ones that share their meaning. Its kinds come from the nearest crisis example the patterns can read, so
the help lines still fit the danger.

Two thresholds (components/crisis_detector.py): `alone`, at which the probe by itself raises the
alarm, 0.9, where its false alarms in 5-fold cross-validation on the training data are about 0.5%
(at 0.8 short answers naming a relative, "het gaat om mijn moeder", still alarmed); and
`with_intent`, 0.3, at which it confirms DIET's `crisis`, so an ordinary message the classifier took
for a crisis does not alarm. docs/measurements.md says how they were chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from bot.crisis.signals import CrisisKind
from bot.semantics.neighbours import LabelledExamples
from bot.semantics.probe import LinearProbe

CRISIS, OTHER = "crisis", "other"
_SEPARATOR = ","  # an example's kinds joined into one LabelledExamples label; "" for none


@dataclass(frozen=True)
class Thresholds:
    alone: float
    with_intent: float


class CrisisProbe:
    def __init__(self, probe: LinearProbe, examples: LabelledExamples, thresholds: Thresholds) -> None:
        if set(probe.labels) != {CRISIS, OTHER}:
            raise ValueError(f"a crisis probe has the labels {CRISIS} and {OTHER}, not {probe.labels}")
        self._probe = probe
        self._examples = examples
        self.thresholds = thresholds

    @classmethod
    def fit(
        cls,
        embeddings: npt.NDArray[np.float32],
        is_crisis: Sequence[bool],
        kinds: Sequence[Sequence[CrisisKind]],
        thresholds: Thresholds,
        regularisation: float,
        seed: int,
    ) -> CrisisProbe:
        """`kinds` are the pattern kinds of each crisis example, in the order of the crisis examples."""
        crisis = [index for index, flag in enumerate(is_crisis) if flag]
        if len(kinds) != len(crisis):
            raise ValueError(f"{len(kinds)} kinds for {len(crisis)} crisis examples")
        probe = LinearProbe.fit(embeddings, [CRISIS if flag else OTHER for flag in is_crisis], regularisation, seed)
        examples = LabelledExamples([_SEPARATOR.join(k.value for k in ks) for ks in kinds], embeddings[crisis])
        return cls(probe, examples, thresholds)

    def probability(self, embedding: npt.ArrayLike) -> float:
        return self._probe.probabilities(embedding)[CRISIS]

    def signals(self, embedding: npt.ArrayLike, intent_says_crisis: bool) -> bool:
        threshold = self.thresholds.with_intent if intent_says_crisis else self.thresholds.alone
        return self.probability(embedding) >= threshold

    def kinds(self, embedding: npt.ArrayLike) -> list[CrisisKind]:
        """The kinds of the nearest crisis example that has kinds (none if no example has any)."""
        for match in self._examples.best_per_label(embedding):
            if match.label:
                return [CrisisKind(value) for value in match.label.split(_SEPARATOR)]
        return []

    def save(self, directory: Path) -> None:
        self._probe.save(directory / "probe.npz")
        np.savez(
            directory / "examples.npz",
            labels=np.asarray(self._examples.labels),
            embeddings=self._examples.matrix,
            thresholds=np.asarray([self.thresholds.alone, self.thresholds.with_intent], dtype=np.float64),
        )

    @classmethod
    def load(cls, directory: Path) -> CrisisProbe:
        with np.load(directory / "examples.npz") as data:
            alone, with_intent = (float(value) for value in data["thresholds"])
            examples = LabelledExamples([str(label) for label in data["labels"]], data["embeddings"])
        return cls(LinearProbe.load(directory / "probe.npz"), examples, Thresholds(alone, with_intent))
