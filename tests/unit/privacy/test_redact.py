"""Personal numbers are taken out of kept text; other numbers stay."""

import pytest

from bot.privacy.redact import passes_elfproef, redact


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Mijn BSN is 123456782.", "Mijn BSN is [BSN]."),
        ("ordernummer 123456789", "ordernummer 123456789"),  # fails the elfproef: not a BSN
        ("bel me op 06-12345678 of +31 6 1234 5678", "bel me op [telefoonnummer] of [telefoonnummer]"),
        ("(tel 0612345678) of +31 (0)6 12345678", "(tel [telefoonnummer]) of [telefoonnummer]"),
        ("vast: 010-1234567", "vast: [telefoonnummer]"),
        ("mail j.jansen@example.nl", "mail [e-mailadres]"),
        ("IBAN NL91 ABNA 0417 1643 00", "IBAN [IBAN]"),
        # A postcode alone finds the wijkteam; with the house number it is an address.
        ("postcode 1234 AB", "postcode 1234 AB"),
        ("postcode 1234 AB, huisnummer 12", "postcode 1234 AB, huisnummer [huisnummer]"),
    ],
)
def test_personal_numbers_are_taken_out(text: str, kept: str) -> None:
    assert redact(text) == kept


def test_the_elfproef() -> None:
    assert passes_elfproef("111222333") and passes_elfproef("123456782")
    assert not passes_elfproef("123456789") and not passes_elfproef("12345678")
