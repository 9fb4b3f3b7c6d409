"""The intake summary says who it is for, the need in the resident's words (without personal numbers)
and the estimate; it is stored only with consent, on SQLite and PostgreSQL alike."""

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from bot.database import Base
from bot.intake.store import IntakeStore
from bot.intake.summary import IntakeSummary, summarise
from bot.triage.advice import Advice
from bot.triage.dialogue import WHO, TriageDialogue

MAATWERK_FOR_MOTHER = {
    "triage_subject": "ander",
    WHO: "uw moeder",
    "triage_need": "woning",
    "triage_limitation": "lichamelijk",
    "triage_wlz": "nee",
    "triage_has_it": "nee",
    "triage_need_text": "Mijn moeder (BSN 123456782, tel 06-12345678) kan de trap niet meer op",
}


@pytest.fixture(scope="module")
def summary(dialogue: TriageDialogue, advice: Advice) -> IntakeSummary:
    result = dialogue.assess(MAATWERK_FOR_MOTHER).result
    assert result is not None
    return summarise(dialogue, advice, MAATWERK_FOR_MOTHER, result, "Wijkteam Noord")


def test_the_summary_has_what_the_wijkteam_needs(summary: IntakeSummary) -> None:
    text = summary.text()
    assert "Voor wie: uw moeder" in text
    assert (
        'Hulpvraag in eigen woorden: "Mijn moeder (BSN [BSN], tel [telefoonnummer]) kan de trap niet meer op"' in text
    )
    assert "Onderwerp: Woning aanpassen" in text
    assert "Wlz-indicatie of dag en nacht zorg: Nee" in text and "Al aanwezig: Nee, nog niet" in text
    assert "Eerste inschatting: misschien past ondersteuning op maat" in text and "inschatting: Mijn" not in text
    assert "Besproken voorzieningen: Woningaanpassing" in text and "Wijkteam: Wijkteam Noord" in text


def test_the_summary_keeps_no_personal_numbers(summary: IntakeSummary) -> None:
    record = str(summary.record())
    assert "123456782" not in record and "06-12345678" not in record
    assert summary.record()["outcome"] == "maatwerk_mogelijk"


@pytest.fixture(scope="module")
def store(database_url: str) -> Iterator[IntakeStore]:
    engine = create_engine(database_url, future=True)
    Base.metadata.create_all(engine)
    yield IntakeStore(engine)
    engine.dispose()


def test_a_shared_summary_is_stored_and_read_back(store: IntakeStore, summary: IntakeSummary) -> None:
    conversation = f"gesprek-{id(store)}"
    assert store.for_conversation(conversation) == []
    intake_id = store.save(summary, conversation, "rest")
    (row,) = store.for_conversation(conversation)
    assert row["id"] == intake_id and row["channel"] == "rest" and row["status"] == "nieuw"
    assert row["summary"]["need_words"].endswith("kan de trap niet meer op")
    assert row["summary"]["reasons"] == list(summary.reasons)
