"""A linear probe on e5 sentence embeddings: logistic regression from an embedding to a label, small
enough (one row of 384 weights per label) to keep in the model and to score in microseconds.

Fitted with scikit-learn when the model is trained; scored with numpy alone when it runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float32]


class LinearProbe:
    def __init__(self, labels: Sequence[str], weights: npt.ArrayLike, biases: npt.ArrayLike) -> None:
        self.labels: tuple[str, ...] = tuple(labels)
        self._weights = np.atleast_2d(np.asarray(weights, dtype=np.float32))
        self._biases = np.asarray(biases, dtype=np.float32).ravel()
        if len(self.labels) < 2 or self._weights.shape[0] != len(self._biases):
            shape = f"{self._weights.shape[0]} weight rows, {len(self._biases)} biases"
            raise ValueError(f"{len(self.labels)} labels, {shape}")

    @classmethod
    def fit(cls, embeddings: npt.ArrayLike, labels: Sequence[str], regularisation: float, seed: int) -> LinearProbe:
        """Balanced classes: the rare labels (a crisis, a small desk) count as much as the common ones."""
        from sklearn.linear_model import LogisticRegression  # only when training

        model = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=5000, random_state=seed)
        model.fit(np.asarray(embeddings, dtype=np.float32), list(labels))
        return cls([str(label) for label in model.classes_], model.coef_, model.intercept_)

    def probabilities(self, embedding: npt.ArrayLike) -> dict[str, float]:
        scores = self._weights @ np.asarray(embedding, dtype=np.float32).ravel() + self._biases
        if len(self.labels) == 2:  # scikit-learn keeps one row for two classes: the second label's score
            second = float(1.0 / (1.0 + np.exp(-scores[0])))
            return {self.labels[0]: 1.0 - second, self.labels[1]: second}
        exp = np.exp(scores - scores.max())
        shares = exp / exp.sum()
        return {label: float(share) for label, share in zip(self.labels, shares, strict=True)}

    def best(self, embedding: npt.ArrayLike) -> tuple[str, float]:
        label, share = max(self.probabilities(embedding).items(), key=lambda item: item[1])
        return label, share

    def save(self, path: Path) -> None:
        np.savez(path, labels=np.asarray(self.labels), weights=self._weights, biases=self._biases)

    @classmethod
    def load(cls, path: Path) -> LinearProbe:
        with np.load(path) as data:
            return cls([str(label) for label in data["labels"]], data["weights"], data["biases"])
