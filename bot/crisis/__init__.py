"""Signs of acute need in any message, and the help lines to give before anything else. Patterns and
help lines live in content/crisis.yml; this package only validates, matches and composes."""

from functools import cache

from bot.crisis.detector import CrisisDetector
from bot.crisis.help import CrisisHelp
from bot.crisis.signals import CrisisFile, CrisisKind, read_crisis_file
from bot.settings import settings

__all__ = [
    "CrisisDetector",
    "CrisisFile",
    "CrisisHelp",
    "CrisisKind",
    "crisis_detector",
    "crisis_file",
    "crisis_help",
    "read_crisis_file",
]


@cache
def crisis_file() -> CrisisFile:
    return read_crisis_file(settings().crisis_file)


@cache
def crisis_detector() -> CrisisDetector:
    return CrisisDetector(crisis_file())


@cache
def crisis_help() -> CrisisHelp:
    return CrisisHelp(crisis_file())
