"""What to offer as buttons when the assistant is unsure what the resident means: the questions about
a provision the resident named, or else the two best guesses with the Dutch labels of
content/intent_labels.yml."""

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from pydantic import ConstrainedStr

from bot.content.model import StrictModel
from bot.content.reader import read_model
from bot.messaging.limits import BUTTON_TITLE
from bot.settings import settings


class Label(ConstrainedStr):
    min_length = 2
    max_length = BUTTON_TITLE


class IntentLabels(StrictModel):
    __root__: dict[str, Label]


def read_labels(path: Path) -> dict[str, str]:
    return dict(read_model(path, IntentLabels).__root__)


@cache
def labels() -> dict[str, str]:
    return read_labels(settings().intent_labels_file)


def best_guesses(ranking: Sequence[dict[str, object]], count: int = 2) -> list[tuple[str, str]]:
    """(intent, label) for the highest-ranked intents that have a label, best first."""
    known = labels()
    names = [str(entry.get("name")) for entry in ranking]
    return [(name, known[name]) for name in names if name in known][:count]


# What residents most often want to know about a provision they name, as button titles.
PROVISION_QUESTIONS = {
    "provision_info": "Wat houdt het in?",
    "own_contribution": "Wat kost het?",
    "apply_how": "Hoe vraag ik het aan",
    "check_eligibility": "Kom ik in aanmerking",
}


def provision_questions(ranking: Sequence[dict[str, object]], count: int = 3) -> list[tuple[str, str]]:
    """(intent, label) of the provision questions in the classifier's order; unranked ones last."""
    names = [str(entry.get("name")) for entry in ranking]
    ordered = sorted(PROVISION_QUESTIONS, key=lambda intent: names.index(intent) if intent in names else len(names))
    return [(intent, PROVISION_QUESTIONS[intent]) for intent in ordered][:count]
