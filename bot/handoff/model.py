"""What staff work from when a conversation is handed to them: the kind of handoff, why, its status,
and the summary that spares the resident telling the story again, with personal numbers taken out."""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from bot.privacy.redact import redact


class HandoffKind(str, Enum):
    chat = "chat"  # staff take over the conversation now
    callback = "terugbellen"  # outside office hours: staff call the resident back


class HandoffReason(str, Enum):
    asked = "gevraagd"
    not_understood = "niet_begrepen"
    estimate = "inschatting_bespreken"


class Status(str, Enum):
    open = "open"
    taken = "in_behandeling"
    handed_back = "teruggegeven"
    closed = "gesloten"


REASON_TEXT = {
    HandoffReason.asked: "De inwoner vroeg om een medewerker.",
    HandoffReason.not_understood: "De assistent begreep de vraag twee keer niet.",
    HandoffReason.estimate: "De inwoner wil de eerste inschatting bespreken.",
}
OPEN = (Status.open.value, Status.taken.value)
RESIDENT = "inwoner"  # who closed a chat the resident stopped
# The queue of handoffs without a known wijkteam: no postcode given, one outside every team's area,
# or a team since removed from the wijkteams file.
GENERAL = "algemeen"


@dataclass(frozen=True)
class HandoffSummary:
    reason: str
    topics: tuple[str, ...]
    questions: tuple[str, ...]  # the resident's latest messages, personal numbers taken out
    intake: dict[str, Any] | None  # the intake summary the resident agreed to share, if any

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "HandoffSummary":
        return cls(record["reason"], tuple(record["topics"]), tuple(record["questions"]), record["intake"])

    def lines(self) -> list[str]:
        lines = [REASON_TEXT[HandoffReason(self.reason)]]
        if self.topics:
            lines.append(f"Onderwerp: {', '.join(self.topics)}")
        lines.extend(f'Vraag: "{question}"' for question in self.questions)
        return lines


def summarise_handoff(
    reason: HandoffReason, topics: Sequence[str], questions: Sequence[str], intake: dict[str, Any] | None
) -> HandoffSummary:
    return HandoffSummary(
        reason=reason.value,
        topics=tuple(topics),
        questions=tuple(redact(q) for q in questions if q.strip()),
        intake=intake,
    )
