"""The first estimate in plain Dutch (B1): what fits, why, what to do next, and that the
municipality decides. Texts come from content/triage/outcomes.yml; urgent help from crisis.yml."""

import string
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import Field, root_validator

from bot.content.model import Sentence, StrictModel
from bot.content.reader import read_model
from bot.crisis import CrisisHelp
from bot.dutch import bullets, source_line
from bot.municipality import Municipality
from bot.triage.model import Outcome, Reason, TriageResult
from bot.triage.needs import Needs

PLACEHOLDERS = {"phone", "opening_hours", "youth_page", "website"}


class OutcomeText(StrictModel):
    title: Sentence
    next_step: Sentence
    sources: list[Sentence]
    prepare: list[Sentence] = Field(default_factory=list)


class ReasonText(StrictModel):
    text: Sentence
    source: Sentence


class OutcomesFile(StrictModel):
    disclaimer: Sentence
    checked: date
    outcomes: dict[Outcome, OutcomeText]
    reasons: dict[Reason, ReasonText]

    @root_validator(skip_on_failure=True)
    def _complete(cls, values: dict[str, Any]) -> dict[str, Any]:
        for name, enum in (("outcomes", Outcome), ("reasons", Reason)):
            missing: set[Enum] = set(enum) - set(values[name])
            if missing:
                raise ValueError(f"{name} mist: {', '.join(sorted(m.value for m in missing))}")
        for outcome, text in values["outcomes"].items():
            fields = {f for _, f, _, _ in string.Formatter().parse(text.next_step) if f}
            if fields - PLACEHOLDERS:
                raise ValueError(f"outcomes.{outcome.value}: onbekende invulplek {sorted(fields - PLACEHOLDERS)}")
        return values


class Advice:
    def __init__(self, file: OutcomesFile, needs: Needs, crisis: CrisisHelp, place: Municipality) -> None:
        self._file = file
        self._needs = needs
        self._crisis = crisis
        self._place = place

    def title(self, outcome: Outcome) -> str:
        return self._file.outcomes[outcome].title

    def reasons(self, result: TriageResult) -> list[str]:
        return [self._file.reasons[reason].text for reason in result.reasons]

    def message(self, result: TriageResult, who: str | None = None) -> str:
        """The estimate for the resident. `who` names the person it is about ("uw moeder") when
        someone asks on another's behalf."""
        if result.outcome is Outcome.spoed:
            return self._crisis.message(result.crisis, self._place)
        text = self._file.outcomes[result.outcome]
        parts = [f"Dit gaat over {who}." if who else "", text.title, "Waarom:\n" + bullets(self.reasons(result))]
        if result.provisions:
            parts.append("Wat kan passen:\n" + bullets([self._needs.name(code) for code in result.provisions]))
        place = self._place
        parts.append(
            "Wat nu? "
            + text.next_step.format(
                phone=place.phone,
                opening_hours=place.opening_hours,
                youth_page=place.youth_page,
                website=place.wmo_page,
            )
        )
        if text.prepare:
            parts.append("Wat u kunt voorbereiden:\n" + bullets(text.prepare))
        parts.append(self._file.disclaimer)
        sources = [*text.sources, *(self._file.reasons[reason].source for reason in result.reasons)]
        parts.append(source_line(dict.fromkeys(sources), self._file.checked))
        return "\n\n".join(part for part in parts if part)


def read_outcomes_file(path: Path) -> OutcomesFile:
    return read_model(path, OutcomesFile)
