"""Two best guesses to offer as buttons when the assistant is unsure what the resident means."""
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import yaml

from bot import settings

LABELS_FILE = settings.DATA_DIR / "intent_labels.yml"
MAX_BUTTON_TITLE = 20


def read_labels(path: Path) -> Dict[str, str]:
    labels = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    too_long = [title for title in labels.values() if len(title) > MAX_BUTTON_TITLE]
    if too_long:
        raise ValueError(f"{path}: knoptekst langer dan {MAX_BUTTON_TITLE} tekens: {too_long}")
    return labels


@lru_cache(maxsize=None)
def labels() -> Dict[str, str]:
    return read_labels(LABELS_FILE)


def best_guesses(ranking: Sequence[dict], count: int = 2) -> List[Tuple[str, str]]:
    """(intent, label) for the highest-ranked intents that have a label, best first."""
    known = labels()
    names = [entry.get("name") for entry in ranking]
    return [(name, known[name]) for name in names if name in known][:count]
