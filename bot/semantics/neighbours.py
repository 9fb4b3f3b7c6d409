"""Nearest labelled example by cosine: which known sentence is a new message most like?

Meant for crisis similarity (is this message close to a known crisis phrasing?) and for fallback
suggestions (which intent's examples are nearest?). Embeddings are the L2-normalised rows of
bot.semantics.embed, so the cosine is a dot product; rows that are not normalised are normalised here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Match:
    label: str
    cosine: float
    example: int  # index of the nearest example in the LabelledExamples


def _normalised(matrix: npt.ArrayLike) -> FloatArray:
    rows = np.atleast_2d(np.asarray(matrix, dtype=np.float32))
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    normalised: FloatArray = (rows / np.maximum(norms, 1e-12)).astype(np.float32, copy=False)
    return normalised


class LabelledExamples:
    """Example sentences' embeddings, each with a label (an intent, a crisis kind, ...)."""

    def __init__(self, labels: Sequence[str], embeddings: npt.ArrayLike) -> None:
        matrix = _normalised(embeddings)
        if len(labels) != matrix.shape[0]:
            raise ValueError(f"{len(labels)} labels for {matrix.shape[0]} embeddings")
        if not labels:
            raise ValueError("no examples")
        self.labels: tuple[str, ...] = tuple(labels)
        self._matrix = matrix

    @property
    def matrix(self) -> FloatArray:
        """The normalised embeddings, one row per example (to store them)."""
        return self._matrix

    def __len__(self) -> int:
        return len(self.labels)

    def cosines(self, embedding: npt.ArrayLike) -> FloatArray:
        """Cosine of `embedding` (one vector) with every example, in example order."""
        query = _normalised(embedding)
        if query.shape != (1, self._matrix.shape[1]):
            raise ValueError(f"expected one vector of {self._matrix.shape[1]} values, got shape {query.shape}")
        scores: FloatArray = self._matrix @ query[0]
        return scores

    def nearest(self, embedding: npt.ArrayLike) -> Match:
        """The example nearest to `embedding`: its label and cosine."""
        scores = self.cosines(embedding)
        best = int(np.argmax(scores))
        return Match(self.labels[best], float(scores[best]), best)

    def best_per_label(self, embedding: npt.ArrayLike, top: int | None = None) -> list[Match]:
        """Per label its nearest example, best label first (for "did you mean ...?" suggestions)."""
        scores = self.cosines(embedding)
        best: dict[str, Match] = {}
        for index, (label, score) in enumerate(zip(self.labels, scores, strict=True)):
            if label not in best or score > best[label].cosine:
                best[label] = Match(label, float(score), index)
        ranked = sorted(best.values(), key=lambda match: (-match.cosine, match.label))
        return ranked if top is None else ranked[:top]
