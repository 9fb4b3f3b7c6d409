"""What a resident's own words say outright, so the check does not ask it again: who the question is
for ("mijn moeder", "voor mezelf"), an age ("ik ben 82", "mijn zoon van 15"), and that they could pay
themselves (which is never a ground for refusal)."""

import re
from typing import Optional

from bot.dutch import normalise
from bot.triage.model import Age, Subject
from bot.triage.questions import age_for

_RELATIVE = (
    r"(?:mijn|m'n|mn|onze) (moeder|vader|ma|pa|man|vrouw|partner|echtgenoot|echtgenote|zoon|dochter|kind|"
    r"opa|oma|broer|zus|schoonmoeder|schoonvader|buurvrouw|buurman|vriend|vriendin|tante|oom|client|"
    r"kleinzoon|kleindochter)"
)
_FOR_RELATIVE = re.compile(
    rf"\b(?:voor|namens) {_RELATIVE}\b"
    rf"|^(?:kan|mag|heeft|krijgt|komt) {_RELATIVE}\b"
    rf"|\b{_RELATIVE} (?:van|is) \d{{1,3}}\b"
)
_FOR_SELF = re.compile(r"^(?:kan|kom|heb|krijg|mag) ik\b|\bvoor (?:mijzelf|mezelf)\b")
_STATED_AGE = re.compile(
    rf"\b(?:ik ben|ben ik) (\d{{1,3}}) (?:jaar|jr)\b|\b(\d{{1,3}})-?jarige?\b|\b{_RELATIVE} (?:van|is) (\d{{1,3}})\b"
)
_PAYS_SELF = re.compile(
    r"\b(zelf (kunnen |kan )?(betalen|kopen)|genoeg geld|geld genoeg|kan (het|ik) (zelf )?(betalen|kopen))\b"
)


def stated_age(text: str) -> Age | None:
    """An age the resident states outright ("ik ben 82 jaar", "mijn zoon van 15")."""
    match = _STATED_AGE.search(normalise(text))
    return age_for(int(next(group for group in match.groups() if group and group.isdigit()))) if match else None


def _first_group(match: Optional["re.Match[str]"]) -> str | None:
    return next(group for group in match.groups() if group) if match else None


def who_is_meant(text: str) -> tuple[Subject, str] | None:
    """(subject, how to name them) when the words say clearly who the question is for."""
    plain = normalise(text)
    relative = _first_group(_FOR_RELATIVE.search(plain))
    if relative:
        return Subject.ander, f"uw {relative}"
    if _FOR_SELF.search(plain):
        return Subject.zelf, "u"
    return None


def who_answered(text: str, answer: str | None) -> tuple[Subject, str] | None:
    """(subject, how to name them) from an answer to "voor wie vraagt u het?"."""
    relative = _first_group(re.search(rf"\b{_RELATIVE}\b", normalise(text)))
    if relative:
        return Subject.ander, f"uw {relative}"
    if answer is None:
        return None
    return (Subject.zelf, "u") if answer == Subject.zelf.value else (Subject.ander, "uw naaste")


def says_pays_self(text: str) -> bool:
    """The resident says they could pay or buy it themselves."""
    return bool(_PAYS_SELF.search(normalise(text)))
