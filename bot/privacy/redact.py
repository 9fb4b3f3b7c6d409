"""Removes personal numbers and addresses from text that is kept: BSN (only numbers that pass the
elfproef, so other nine-digit numbers stay), IBAN, Dutch phone numbers and e-mail addresses."""

import re
from collections.abc import Iterable

# Country, check digits, an optional bank code (NL: ABNA), then the account number in digits.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z]{4})?(?: ?\d{1,4}){3,8}\b", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)(?: ?\(0\))?(?:[ -]?\d){9}(?!\d)")
_NINE_DIGITS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def passes_elfproef(number: str) -> bool:
    """The check every BSN passes: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11."""
    digits = [int(d) for d in number]
    return (
        len(digits) == 9 and (sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=False)) - digits[8]) % 11 == 0
    )


def _number(phone: str) -> str:
    """The last nine digits: the same number whether written with 0, +31 or 0031."""
    return re.sub(r"\D", "", phone)[-9:]


def public_contacts(phones: Iterable[str], emails: Iterable[str]) -> frozenset[str]:
    """The municipality's own published numbers and addresses, which are no personal data."""
    return frozenset([_number(p) for p in phones] + [e.lower() for e in emails])


def redact(text: str, public: frozenset[str] = frozenset()) -> str:
    text = _IBAN.sub("[IBAN]", text)
    text = _EMAIL.sub(lambda m: m.group() if m.group().lower() in public else "[e-mailadres]", text)
    text = _PHONE.sub(lambda m: m.group() if _number(m.group()) in public else "[telefoonnummer]", text)
    return _NINE_DIGITS.sub(lambda m: "[BSN]" if passes_elfproef(m.group()) else m.group(), text)
