"""On the generated test sets (tests/unit/privacy/corpus.py): every personal-data variant is gone
from the redacted text, and every look-alike is left exactly as it was."""

import re
from collections import Counter

import pytest

from bot.privacy.redact import redact
from stores.redacting_tracker_store import published_contacts
from tests.unit.privacy.corpus import Variant, must_go, must_stay

PUBLIC = published_contacts()
MUST_GO = must_go()
MUST_STAY = must_stay()


def survives(secret: str, text: str) -> bool:
    """The secret as written, as a whole word; for a number also its characters without the
    separators, so that "06 12 [telefoonnummer]" would count as surviving."""
    if re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", text):
        return True
    compact = re.sub(r"\W", "", secret)
    return any(c.isdigit() for c in secret) and compact in re.sub(r"\W", "", text)


def test_the_sets_are_large_and_spread_over_every_kind() -> None:
    assert len(MUST_GO) >= 200 and len(MUST_STAY) >= 200
    kinds = Counter(v.kind for v in MUST_GO)
    assert set(kinds) == {"telefoon", "bsn", "e-mail", "iban", "naam", "adres", "postcode+huisnummer", "geboortedatum"}
    assert min(kinds.values()) >= 20


@pytest.mark.parametrize("variant", MUST_GO, ids=lambda v: f"{v.kind}:{v.secret}")
def test_personal_data_goes(variant: Variant) -> None:
    assert not survives(variant.secret, redact(variant.text, PUBLIC))


@pytest.mark.parametrize("text", MUST_STAY)
def test_look_alikes_stay(text: str) -> None:
    assert redact(text, PUBLIC) == text


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Mijn naam is Jan de Vries.", "Mijn naam is [naam]."),
        ("geboren op 3 maart 1944", "geboren op [geboortedatum]"),
        ("Ik woon op Dorpsstraat 12a", "Ik woon op [adres]"),
        ("1234 AB 12", "1234 AB [huisnummer]"),
        ("jan [at] voorbeeld [dot] nl", "[e-mailadres]"),
        ("BSN 123.45.67.82", "BSN [BSN]"),
        ("bel +31-(0)6-12345678", "bel [telefoonnummer]"),
    ],
)
def test_labels_say_what_was_there(text: str, kept: str) -> None:
    assert redact(text, PUBLIC) == kept
