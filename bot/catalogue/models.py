"""The catalogue file's structure, validated with pydantic so a bad entry fails with its location."""

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import ConstrainedStr, root_validator, validator

from bot.content.model import Code, Sentence, StrictModel, Word


class Period(ConstrainedStr):
    regex = r"^(maand|4 weken)$"


class ProvisionKind(str, Enum):
    algemeen = "algemeen"
    maatwerk = "maatwerk"


class Contribution(str, Enum):
    abonnementstarief = "abonnementstarief"
    geen = "geen"
    inkomensafhankelijk = "inkomensafhankelijk"
    eigen_tarief = "eigen_tarief"
    ritprijs = "ritprijs"


class Provision(StrictModel):
    code: Code
    name: Sentence
    kind: ProvisionKind
    summary: Sentence
    for_whom: Sentence
    conditions: list[Sentence]
    exclusions: list[Sentence]
    pgb: bool
    contribution: Contribution
    how_to_apply: Sentence
    terms: list[Word]
    sources: list[Sentence]
    checked: date

    @validator("sources", "terms")
    def _not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("mag niet leeg zijn")
        return value


class ContributionRate(StrictModel):
    year: int
    amount: Decimal
    period: Period
    verified: bool
    source: Sentence
    checked: date


class SourcedText(StrictModel):
    text: Sentence
    source: Sentence
    checked: date


SOURCED_LISTS = ("contribution_exemptions", "exclusion_grounds", "not_grounds", "pgb_conditions")


class CatalogueFile(StrictModel):
    contribution_rates: list[ContributionRate]
    not_provisions: list[Word]
    contribution_exemptions: list[SourcedText]
    exclusion_grounds: list[SourcedText]
    not_grounds: list[SourcedText]
    pgb_conditions: list[SourcedText]
    provisions: list[Provision]

    @root_validator(skip_on_failure=True)
    def _unique(cls, values: dict[str, Any]) -> dict[str, Any]:
        codes = [p.code for p in values["provisions"]]
        duplicates = {c for c in codes if codes.count(c) > 1}
        if duplicates:
            raise ValueError(f"dubbele code(s): {', '.join(sorted(duplicates))}")
        owners: dict[str, str] = {}
        for provision in values["provisions"]:
            for term in provision.terms:
                if owners.setdefault(term, provision.code) != provision.code:
                    raise ValueError(f"term '{term}' hoort bij {owners[term]} en {provision.code}")
        years = [r.year for r in values["contribution_rates"]]
        if len(set(years)) != len(years):
            raise ValueError("een jaar staat meer dan eens in contribution_rates")
        return values
