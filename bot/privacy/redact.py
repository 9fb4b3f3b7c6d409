"""De-identification of Dutch free text that is kept: BSN (only numbers that pass the elfproef, so
other nine-digit numbers stay), IBAN, phone numbers (Dutch, Belgian, German, international),
e-mail addresses (also written out: "jan(at)voorbeeld.nl"), names after a cue, street addresses,
the house number next to a postcode and dates of birth. Each is replaced by a label in brackets.

The patterns are in bot.privacy.patterns; docs/measurements.md ("Privacy (issue 12)") compares
them with the `deduce` library on the test sets of tests/unit/privacy.
"""

import re
from collections.abc import Callable, Iterable

from bot.privacy import patterns


def passes_elfproef(number: str) -> bool:
    """The check every BSN passes: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11."""
    digits = [int(d) for d in number]
    return (
        len(digits) == 9 and (sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=False)) - digits[8]) % 11 == 0
    )


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _number(phone: str) -> str:
    """The last nine digits: the same number whether written with 0, +31 or 0031."""
    return _digits(phone)[-9:]


def _street(address: str) -> str:
    return " ".join(address.lower().split())


def public_contacts(phones: Iterable[str], emails: Iterable[str], addresses: Iterable[str] = ()) -> frozenset[str]:
    """The municipality's own published phone numbers, e-mail addresses and visiting addresses,
    which are no personal data."""
    streets = [_street(m.group()) for a in addresses for m in patterns.STREET_ADDRESS.finditer(a)]
    return frozenset([_number(p) for p in phones] + [e.lower() for e in emails] + streets)


Replace = Callable[[re.Match[str]], str]


def _unless_public(label: str, key: Callable[[str], str], public: frozenset[str]) -> Replace:
    return lambda m: m.group() if key(m.group()) in public else label


def _group(name: str, label: str) -> Replace:
    """Replaces only the named group: the cue before it stays ("geboren op [geboortedatum]")."""

    def replace(m: re.Match[str]) -> str:
        start, end = m.span(name)
        whole = m.string
        return whole[m.start() : start] + label + whole[end : m.end()]

    return replace


def _bsn(m: re.Match[str]) -> str:
    return "[BSN]" if passes_elfproef(_digits(m.group())) else m.group()


def redact(text: str, public: frozenset[str] = frozenset()) -> str:
    # Order matters: e-mail before phone numbers (digits in an address), numbers before the
    # patterns that look at words, so that a label never holds part of a number.
    steps: tuple[tuple[re.Pattern[str], str | Replace], ...] = (
        (patterns.EMAIL, _unless_public("[e-mailadres]", str.lower, public)),
        (patterns.OBFUSCATED_EMAIL, "[e-mailadres]"),
        (patterns.IBAN, "[IBAN]"),
        (patterns.PHONE, _unless_public("[telefoonnummer]", _number, public)),
        (patterns.NINE_DIGITS, _bsn),
        (patterns.BIRTH_DATE, _group("date", "[geboortedatum]")),
        (patterns.POSTCODE_THEN_NUMBER, _group("number", "[huisnummer]")),
        (patterns.NUMBER_THEN_POSTCODE, _group("number", "[huisnummer]")),
        (patterns.STREET_ADDRESS, _unless_public("[adres]", _street, public)),
        (patterns.SIGNATURE, _group("name", "[naam]")),
        (patterns.NAME_AFTER_STRONG_CUE, _group("name", "[naam]")),
        (patterns.NAME_AFTER_WEAK_CUE, _group("name", "[naam]")),
    )
    for pattern, replacement in steps:
        text = pattern.sub(replacement, text)
    return text
