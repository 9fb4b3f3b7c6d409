"""The first estimate in plain Dutch (B1): what fits, why, what to do next, and that the
municipality decides, short enough for one message on a phone; more behind its "Meer weten" button.
Texts come from content/triage/outcomes.yml; urgent help from crisis.yml."""

import string
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import Field, root_validator

from bot.content.model import Code, Sentence, StrictModel
from bot.content.reader import read_model
from bot.crisis import CrisisHelp
from bot.dutch import bullets, source_line
from bot.municipality import Municipality
from bot.triage.model import Outcome, Reason, TriageResult
from bot.triage.needs import Item, Needs

PLACEHOLDERS = {"phone", "opening_hours", "youth_page", "website"}
REASON_PLACEHOLDERS = {"item"}
MORE = "Meer weten"
WIJKTEAM = {"title": "Contact wijkteam", "payload": "/find_wijkteam"}
# Where "Meer weten" leads: an intent that has an answer of its own (domain/*.yml).
MoreIntent = Code


class OutcomeText(StrictModel):
    title: Sentence  # follows "Mijn eerste inschatting: ", so it starts in lower case
    next_step: Sentence
    sources: list[Sentence]
    prepare: list[Sentence] = Field(default_factory=list)
    more: MoreIntent | None = None
    # The tips and the source line behind "Meer weten" (Advice.details), so the estimate reads on a phone.
    details_in_more: bool = False

    @root_validator(skip_on_failure=True)
    def _details_need_more(cls, values: dict[str, Any]) -> dict[str, Any]:
        if values["details_in_more"] and not values["more"]:
            raise ValueError("details_in_more vraagt een knop 'Meer weten' (more)")
        return values


class ReasonText(StrictModel):
    text: Sentence
    source: Sentence
    next_step: Sentence | None = None  # instead of the outcome's, when this reason comes first


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
        steps = {f"outcomes.{o.value}": t.next_step for o, t in values["outcomes"].items()}
        steps.update({f"reasons.{r.value}": t.next_step for r, t in values["reasons"].items() if t.next_step})
        texts = {f"reasons.{r.value}": t.text for r, t in values["reasons"].items()}
        for allowed, checked in ((PLACEHOLDERS, steps), (REASON_PLACEHOLDERS, texts)):
            for name, text in checked.items():
                fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
                if fields - allowed:
                    raise ValueError(f"{name}: onbekende invulplek {sorted(fields - allowed)}")
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
        item = result.item or "dit"
        return [self._file.reasons[reason].text.format(item=item) for reason in result.reasons]

    def about_item(self, item: Item) -> str:
        """Whether the gemeente pays for an item a resident asks about outside the check
        ("krijg ik rookmelders van de Wmo?"): algemeen gebruikelijk or not, with its source."""
        reason = Reason.algemeen_gebruikelijk if item.ordinary else Reason.niet_algemeen_gebruikelijk
        said = self._file.reasons[reason]
        sources = [said.source, *([item.source] if item.source else [])]
        return "\n".join([said.text.format(item=item.name), source_line(sources, self._file.checked)])

    def message(self, result: TriageResult, who: str | None = None) -> str:
        """The estimate for the resident, as one message. `who` names the person it is about
        ("uw moeder") when someone asks on another's behalf."""
        if result.outcome is Outcome.spoed:
            return self._crisis.message(result.crisis, self._place)
        text = self._file.outcomes[result.outcome]
        about = f" voor {who}" if who else ""
        parts = [f"Mijn eerste inschatting{about}: {text.title}", "Waarom:\n" + bullets(self.reasons(result))]
        if result.provisions:
            parts.append("Wat kan passen: " + self._needs.names(result.provisions) + ".")
        steps = [self._next_step(result)]
        if result.need and self._needs[result.need].advice:
            steps.append(str(self._needs[result.need].advice))
        parts.append("Wat nu? " + " ".join(steps))
        parts.append(self._file.disclaimer)
        if not text.details_in_more:
            parts.append(self.details(result))
        # Line ends, no blank lines: the website and REST show every paragraph as its own bubble.
        return "\n".join(parts)

    def details_in_more(self, outcome: Outcome) -> bool:
        return self._file.outcomes[outcome].details_in_more

    def details(self, result: TriageResult) -> str:
        """The estimate's tips and its source line: in the estimate itself, or behind "Meer weten"
        when the outcome says `details_in_more`. The sources are the outcome's and those of the
        reasons it gives, and of the item a reason speaks of (an e-bike ruling only for an e-bike)."""
        text = self._file.outcomes[result.outcome]
        tip = ["Tip: " + " ".join(text.prepare)] if text.prepare else []
        return "\n".join([*tip, source_line(self.sources(result), self._file.checked)])

    def sources(self, result: TriageResult) -> list[str]:
        item = self._needs.item_named(result.item) if result.item else None
        sources = list(self._file.outcomes[result.outcome].sources)
        for reason in result.reasons:
            said = self._file.reasons[reason]
            sources.append(said.source)
            if item and item.source and "{item}" in said.text:
                sources.append(item.source)
        return list(dict.fromkeys(sources))

    def buttons(self, result: TriageResult, discuss: dict[str, str]) -> list[dict[str, str]]:
        """ "Meer weten" and the way to a person; a maatwerk estimate goes on to the wijkteam itself."""
        more = self._file.outcomes[result.outcome].more
        shown = [{"title": MORE, "payload": f"/{more}"}] if more else []
        if result.outcome is Outcome.maatwerk_mogelijk:
            return shown
        if result.outcome is not Outcome.spoed:
            shown.append(WIJKTEAM)
        return [*shown, discuss]

    def _next_step(self, result: TriageResult) -> str:
        first = self._file.reasons[result.reasons[0]].next_step
        place = self._place
        return (first or self._file.outcomes[result.outcome].next_step).format(
            phone=place.phone, opening_hours=place.opening_hours, youth_page=place.youth_page, website=place.wmo_page
        )


def read_outcomes_file(path: Path) -> OutcomesFile:
    return read_model(path, OutcomesFile)
