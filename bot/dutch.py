"""Dutch text as the assistant writes and reads it: dates, amounts, lists, source lines, and the
normalised form residents' words are matched in."""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower case, no accents, single spaces: "Cliënt  Ondersteuning" becomes "client ondersteuning"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", plain).strip()


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def euro(amount: Decimal) -> str:
    """€ 1.234,56"""
    return "€ " + f"{amount:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def listing(names: Sequence[str]) -> str:
    """ "a, b en c"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def source_line(sources: Iterable[str], checked: date) -> str:
    return f"Bron: {'; '.join(sources)}. Gecontroleerd op {dutch_date(checked)}."
