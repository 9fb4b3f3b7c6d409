"""Nearest labelled example by cosine (bot.semantics.neighbours), on hand-made and on real embeddings."""

from __future__ import annotations

import numpy as np
import pytest

from bot.semantics import embed
from bot.semantics.neighbours import LabelledExamples


def test_the_nearest_example_gives_label_and_cosine() -> None:
    examples = LabelledExamples(["a", "b", "a"], [[1.0, 0.0], [0.0, 1.0], [0.6, 0.8]])
    match = examples.nearest([0.1, 0.9])
    assert match.label == "b"
    assert match.example == 1
    assert match.cosine == pytest.approx(0.9 / np.hypot(0.1, 0.9), abs=1e-6)


def test_unnormalised_vectors_are_compared_by_cosine() -> None:
    examples = LabelledExamples(["far", "near"], [[10.0, 0.0], [0.0, 0.1]])
    assert examples.nearest([0.0, 5.0]).label == "near"
    assert examples.nearest([0.0, 5.0]).cosine == pytest.approx(1.0)


def test_best_per_label_ranks_labels_by_their_nearest_example() -> None:
    examples = LabelledExamples(["x", "y", "x", "z"], [[1.0, 0.0], [0.7, 0.7], [0.9, 0.1], [-1.0, 0.0]])
    ranked = examples.best_per_label([1.0, 0.0])
    assert [m.label for m in ranked] == ["x", "y", "z"]
    assert ranked[0].cosine == pytest.approx(1.0)
    assert len(examples.best_per_label([1.0, 0.0], top=2)) == 2


def test_mismatches_are_refused() -> None:
    with pytest.raises(ValueError, match="labels"):
        LabelledExamples(["a"], [[1, 0], [0, 1]])
    with pytest.raises(ValueError, match="no examples"):
        LabelledExamples([], np.zeros((0, 2)))
    with pytest.raises(ValueError, match="one vector"):
        LabelledExamples(["a"], [[1, 0]]).nearest([1, 0, 0])


def test_a_resident_message_finds_the_provision_it_needs() -> None:
    sentences = {
        "woningaanpassing": "traplift aanvragen",
        "out_of_scope": "afval ophalen",
        "vervoer": "regiotaxi voor mensen die slecht ter been zijn",
    }
    examples = LabelledExamples(list(sentences), embed(list(sentences.values())))
    match = examples.nearest(embed("moeder kan de trap niet meer op")[0])
    assert match.label == "woningaanpassing"
    assert 0.0 < match.cosine <= 1.0
