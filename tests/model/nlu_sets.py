"""The test sets built from residents' own phrasing in public sources the training data does not use
(tests/nlu/cross_source.yml, tests/nlu/crisis_set.yml; sources in tests/nlu/cross_source_sources.md),
read and validated against the taxonomy: an unknown intent, service or source id is an error."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot.crisis import CrisisKind
from bot.settings import ROOT

SETS = ROOT / "tests" / "nlu"
CROSS_SOURCE = SETS / "cross_source.yml"
CRISIS_SET = SETS / "crisis_set.yml"
TEST_SOURCES = SETS / "cross_source_sources.md"
TRAINING_SOURCES = SETS / "training_sources.md"


@dataclass(frozen=True)
class Question:
    text: str
    kind: str  # "wmo": a question about the Wmo; "other": another municipal service
    intents: tuple[str, ...]
    provisions: tuple[str, ...]
    service: str | None
    source: str


@dataclass(frozen=True)
class CrisisMessage:
    text: str
    kind: CrisisKind | None  # None: an ordinary message that uses the words of danger


def source_ids() -> set[str]:
    return set(re.findall(r"\bT\d{2,3}\b", TEST_SOURCES.read_text(encoding="utf-8")))


@cache
def questions() -> list[Question]:
    raw = yaml.safe_load(CROSS_SOURCE.read_text(encoding="utf-8"))["questions"]
    return [
        Question(
            text=item["text"],
            kind=item["kind"],
            intents=tuple(item["intents"]),
            provisions=tuple(item.get("provisions") or ()),
            service=item.get("service"),
            source=item["source"],
        )
        for item in raw
    ]


@cache
def crisis_messages() -> list[CrisisMessage]:
    raw = yaml.safe_load(CRISIS_SET.read_text(encoding="utf-8"))
    return [CrisisMessage(item["text"], CrisisKind(item["kind"])) for item in raw["crisis"]] + [
        CrisisMessage(item["text"], None) for item in raw["ordinary"]
    ]


def hosts(path: Path) -> set[str]:
    """The sites a source list names (host without www.), to check two lists share none."""
    found = re.findall(
        r"(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:nl|be|com|org|eu|info|net))",
        path.read_text(encoding="utf-8").lower(),
    )
    return set(found)
