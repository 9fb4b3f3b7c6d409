"""Dutch postcodes in a resident's message, and reading the answer to "wat is uw postcode?"."""

import re

# Four digits (no leading zero) and two letters; SA, SD and SS are never issued.
_POSTCODE = re.compile(r"(?<![\w])([1-9][0-9]{3}) ?([a-zA-Z]{2})(?![\w])")
_UNUSED_LETTERS = {"SA", "SD", "SS"}
_NO_POSTCODE = re.compile(
    r"\b(weet ik niet|weet niet|geen idee|liever niet|zeg ik liever niet|geen postcode|sla over|overslaan)\b"
)
UNKNOWN = "onbekend"  # the resident gave no postcode: they get the general number
MAX_ATTEMPTS = 2


def parse_postcode(text: str) -> str | None:
    """The first valid postcode in the text, written as "1234 AB"; None if there is none."""
    for digits, letters in _POSTCODE.findall(text or ""):
        if letters.upper() not in _UNUSED_LETTERS:
            return f"{digits} {letters.upper()}"
    return None


def read_postcode_answer(text: str, attempts: int) -> tuple[str | None, bool]:
    """(postcode or UNKNOWN, False) once settled; (None, True) to ask once more."""
    postcode = parse_postcode(text)
    if postcode:
        return postcode, False
    if _NO_POSTCODE.search(text.lower()) or attempts + 1 >= MAX_ATTEMPTS:
        return UNKNOWN, False
    return None, True
