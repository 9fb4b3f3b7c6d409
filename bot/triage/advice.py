"""The first estimate in plain Dutch (B1): what fits, why, what to do next, and that the
municipality decides. Texts come from data/triage/outcomes.yml; urgent help from crisis.yml."""
import string
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

import yaml
from pydantic import constr, root_validator

from bot import settings
from bot.answers import source_line
from bot.crisis import CrisisHelp
from bot.municipality import Municipality
from bot.strict import StrictModel
from bot.triage.model import Outcome, Reason, TriageResult
from bot.triage.needs import Needs

OUTCOMES_FILE = settings.DATA_DIR / "triage" / "outcomes.yml"
PLACEHOLDERS = {"phone", "opening_hours", "youth_page", "website"}
Text = constr(strip_whitespace=True, min_length=3)


class OutcomeText(StrictModel):
    title: Text
    next_step: Text
    sources: List[Text]
    prepare: List[Text] = []


class ReasonText(StrictModel):
    text: Text
    source: Text


class OutcomesFile(StrictModel):
    disclaimer: Text
    checked: date
    outcomes: Dict[Outcome, OutcomeText]
    reasons: Dict[Reason, ReasonText]

    @root_validator(skip_on_failure=True)
    def _complete(cls, values):  # noqa: N805 - pydantic validators take the class
        for name, enum in (("outcomes", Outcome), ("reasons", Reason)):
            missing = set(enum) - set(values[name])
            if missing:
                raise ValueError(f"{name} mist: {', '.join(sorted(m.value for m in missing))}")
        for outcome, text in values["outcomes"].items():
            fields = {f for _, f, _, _ in string.Formatter().parse(text.next_step) if f}
            if fields - PLACEHOLDERS:
                raise ValueError(f"outcomes.{outcome.value}: onbekende invulplek {sorted(fields - PLACEHOLDERS)}")
        return values


def _bullets(lines: List[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


class Advice:
    def __init__(self, file: OutcomesFile, needs: Needs, crisis: CrisisHelp, place: Municipality) -> None:
        self._file = file
        self._needs = needs
        self._crisis = crisis
        self._place = place

    def title(self, outcome: Outcome) -> str:
        return self._file.outcomes[outcome].title

    def reasons(self, result: TriageResult) -> List[str]:
        return [self._file.reasons[reason].text for reason in result.reasons]

    def message(self, result: TriageResult, who: Optional[str] = None) -> str:
        """The estimate for the resident. `who` names the person it is about ("uw moeder") when
        someone asks on another's behalf."""
        if result.outcome is Outcome.spoed:
            return self._crisis.message(result.crisis, self._place)
        text = self._file.outcomes[result.outcome]
        parts = [f"Dit gaat over {who}." if who else "", text.title, "Waarom:\n" + _bullets(self.reasons(result))]
        if result.provisions:
            parts.append("Wat kan passen:\n" + _bullets([self._needs.name(code) for code in result.provisions]))
        place = self._place
        parts.append(
            "Wat nu? "
            + text.next_step.format(
                phone=place.phone, opening_hours=place.opening_hours,
                youth_page=place.youth_page, website=place.wmo_page,
            )
        )
        if text.prepare:
            parts.append("Wat u kunt voorbereiden:\n" + _bullets(text.prepare))
        parts.append(self._file.disclaimer)
        sources = [*text.sources, *(self._file.reasons[reason].source for reason in result.reasons)]
        parts.append(source_line(dict.fromkeys(sources), self._file.checked))
        return "\n\n".join(part for part in parts if part)


def read_outcomes_file(path: Path = OUTCOMES_FILE) -> OutcomesFile:
    return OutcomesFile.parse_obj(yaml.safe_load(Path(path).read_text(encoding="utf-8")))
