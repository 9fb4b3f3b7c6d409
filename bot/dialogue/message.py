"""The resident's latest message, as the forms need to know it."""

from dataclasses import dataclass

from bot.crisis import CrisisKind


@dataclass(frozen=True)
class Message:
    text: str
    intent: str = ""
    confidence: float = 0.0
    provisions: tuple[str, ...] = ()  # catalogue codes named in it
    crisis: tuple[CrisisKind, ...] = ()  # signs of acute need found in it
