"""The catalogue file's structure, validated with pydantic so a bad entry fails with its location."""
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import List

from pydantic import constr, root_validator, validator

from bot.strict import StrictModel

Code = constr(regex=r"^[a-z][a-z_]*$")
Text = constr(strip_whitespace=True, min_length=3)


class Kind(str, Enum):
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
    name: Text
    kind: Kind
    summary: Text
    for_whom: Text
    conditions: List[Text]
    exclusions: List[Text]
    pgb: bool
    contribution: Contribution
    how_to_apply: Text
    terms: List[constr(strip_whitespace=True, to_lower=True, min_length=2)]
    sources: List[Text]
    checked: date

    @validator("sources", "terms")
    def _not_empty(cls, value):  # noqa: N805 - pydantic validators take the class
        if not value:
            raise ValueError("mag niet leeg zijn")
        return value


class ContributionRate(StrictModel):
    year: int
    amount: Decimal
    period: constr(regex=r"^(maand|4 weken)$")
    verified: bool
    source: Text
    checked: date


class SourcedText(StrictModel):
    text: Text
    source: Text
    checked: date


SOURCED_LISTS = ("contribution_exemptions", "exclusion_grounds", "not_grounds", "pgb_conditions")


class CatalogueFile(StrictModel):
    contribution_rates: List[ContributionRate]
    not_provisions: List[constr(strip_whitespace=True, to_lower=True, min_length=2)]
    contribution_exemptions: List[SourcedText]
    exclusion_grounds: List[SourcedText]
    not_grounds: List[SourcedText]
    pgb_conditions: List[SourcedText]
    provisions: List[Provision]

    @root_validator(skip_on_failure=True)
    def _unique(cls, values):  # noqa: N805
        codes = [p.code for p in values["provisions"]]
        duplicates = {c for c in codes if codes.count(c) > 1}
        if duplicates:
            raise ValueError(f"dubbele code(s): {', '.join(sorted(duplicates))}")
        owners = {}
        for provision in values["provisions"]:
            for term in provision.terms:
                if owners.setdefault(term, provision.code) != provision.code:
                    raise ValueError(f"term '{term}' hoort bij {owners[term]} en {provision.code}")
        years = [r.year for r in values["contribution_rates"]]
        if len(set(years)) != len(years):
            raise ValueError("een jaar staat meer dan eens in contribution_rates")
        return values
