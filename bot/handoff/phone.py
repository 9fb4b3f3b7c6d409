"""The phone number a resident gives for a callback: Dutch, and one staff can call."""

import re

# Dutch numbers only: a callback goes out from the municipality's own lines.
_PHONE_DIGITS = re.compile(r"^(?:\+31|0031|0)(\d{9})$")
# Service and premium numbers cannot be called back on.
_NOT_CALLABLE = ("800", "900", "906", "909", "14")


def parse_phone(text: str) -> str | None:
    """A Dutch phone number in any common notation, as +31 and nine digits; None if it is not one."""
    compact = re.sub(r"[\s().-]", "", re.sub(r"\(\s*0\s*\)", "", text.strip()))
    match = _PHONE_DIGITS.match(compact)
    if not match or match.group(1).startswith(_NOT_CALLABLE):
        return None
    return f"+31{match.group(1)}"
