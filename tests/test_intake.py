"""The intake summary says who it is for, the need in the resident's words (without personal numbers)
and the estimate; it is stored only with consent, on SQLite and PostgreSQL alike."""
import pytest
from sqlalchemy import create_engine

from bot.crisis import CrisisKind
from bot.database import Base
from bot.intake import IntakeStore, read_consent, summarise
from bot.redact import passes_elfproef, redact
from bot.triage.dialogue import WHO, Message

MAATWERK_FOR_MOTHER = {
    "triage_subject": "ander", WHO: "uw moeder", "triage_need": "woning", "triage_wlz": "nee", "triage_has_it": "nee",
    "triage_need_text": "Mijn moeder (BSN 123456782, tel 06-12345678) kan de trap niet meer op",
}


@pytest.fixture(scope="module")
def summary(dialogue, advice):
    result = dialogue.assess(MAATWERK_FOR_MOTHER).result
    return summarise(dialogue, advice, MAATWERK_FOR_MOTHER, result, "Wijkteam Noord")


def test_the_summary_has_what_the_wijkteam_needs(summary):
    text = summary.text()
    assert "Voor wie: uw moeder" in text
    assert 'Hulpvraag in eigen woorden: "Mijn moeder (BSN [BSN], tel [telefoonnummer]) kan de trap niet meer op"' in text
    assert "Onderwerp: Woning aanpassen" in text
    assert "Wlz-indicatie of dag en nacht zorg: Nee" in text and "Al aanwezig: Nee, nog niet" in text
    assert "Eerste inschatting: Mijn eerste inschatting: misschien past ondersteuning op maat" in text
    assert "Besproken voorzieningen: Woningaanpassing" in text and "Wijkteam: Wijkteam Noord" in text


def test_the_summary_keeps_no_personal_numbers(summary):
    record = str(summary.record())
    assert "123456782" not in record and "06-12345678" not in record
    assert summary.record()["outcome"] == "maatwerk_mogelijk"


@pytest.mark.parametrize(
    "text, intent, consent",
    [
        ("Ja, delen", "inform", True),
        ("ja graag", "affirm", True),
        ("Nee, niet delen", "inform", False),
        ("liever niet", "deny", False),
        ("hmm", "nlu_fallback", None),
    ],
)
def test_consent_is_read_from_the_answer(text, intent, consent):
    assert read_consent(Message(text, intent, 0.9)) is consent


def test_a_message_with_signs_of_acute_need_is_no_consent():
    assert read_consent(Message("ja, maar ik wil dood", "crisis", 0.9, crisis=(CrisisKind.zelfdoding,))) is None


@pytest.fixture(scope="module")
def store(database_url):
    engine = create_engine(database_url, future=True)
    Base.metadata.create_all(engine)
    yield IntakeStore(engine)
    engine.dispose()


def test_a_shared_summary_is_stored_and_read_back(store, summary):
    conversation = f"gesprek-{id(store)}"
    assert store.for_conversation(conversation) == []
    intake_id = store.save(summary, conversation, "rest")
    (row,) = store.for_conversation(conversation)
    assert row["id"] == intake_id and row["channel"] == "rest" and row["status"] == "nieuw"
    assert row["summary"]["need_words"].endswith("kan de trap niet meer op")
    assert row["summary"]["reasons"] == list(summary.reasons)


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
        ("postcode 1234 AB, huisnummer 12", "postcode 1234 AB, huisnummer 12"),
    ],
)
def test_personal_numbers_are_taken_out(text, kept):
    assert redact(text) == kept


def test_the_elfproef():
    assert passes_elfproef("111222333") and passes_elfproef("123456782")
    assert not passes_elfproef("123456789") and not passes_elfproef("12345678")
