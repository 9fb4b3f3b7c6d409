"""The test sets built from residents' own phrasing in public sources the training data does not use,
read and validated against the taxonomy: an unknown intent, service or source id is an error.

Two independent sets: `first` (tests/nlu/cross_source.yml, crisis_set.yml; sources T01...) and
`fresh` (cross_source_fresh.yml, crisis_fresh.yml; sources F01...), written later by another writer
from other sources, after the first set had guided the training data: the fresh set is the honest one."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot.crisis import CrisisKind
from bot.settings import ROOT

SETS = ROOT / "tests" / "nlu"
TRAINING_SOURCES = SETS / "training_sources.md"


@dataclass(frozen=True)
class TestSet:
    name: str
    questions: Path
    crisis: Path
    sources: Path
    id_prefix: str  # the letter of this set's source ids


TEST_SETS = {
    "first": TestSet(
        "first", SETS / "cross_source.yml", SETS / "crisis_set.yml", SETS / "cross_source_sources.md", "T"
    ),
    "fresh": TestSet(
        "fresh",
        SETS / "cross_source_fresh.yml",
        SETS / "crisis_fresh.yml",
        SETS / "cross_source_fresh_sources.md",
        "F",
    ),
}


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


def source_ids(name: str) -> set[str]:
    test_set = TEST_SETS[name]
    return set(re.findall(rf"\b{test_set.id_prefix}\d{{2,3}}\b", test_set.sources.read_text(encoding="utf-8")))


@cache
def questions(name: str) -> list[Question]:
    raw = yaml.safe_load(TEST_SETS[name].questions.read_text(encoding="utf-8"))["questions"]
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
def crisis_messages(name: str) -> list[CrisisMessage]:
    raw = yaml.safe_load(TEST_SETS[name].crisis.read_text(encoding="utf-8"))
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
