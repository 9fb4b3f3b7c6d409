"""After a conversation full of personal numbers, ending in a callback request, none of them is in
the log, in the stored conversation, or in what the staff console keeps, except the number the
resident gave to be called back on, in the callback request. This assistant logs at debug level,
where Rasa writes every message and tracker: the log filter must catch them all. (Debug logs do
hold other message text, such as medical details: never run production at debug level.) Its office
is never open, so asking for a person leads to a callback request."""

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.helpers import ACTION_PORT, RASA_PORT, assistant_environment
from tests.live.assistant_process import Assistant, joined, running_assistant
from tests.live.fake_api import FakeApi

SAID = [
    "Mijn BSN is 111222333, kan ik een traplift krijgen?",
    "Mijn rekeningnummer is NL91 ABNA 0417 1643 00",
    "Bel mij op 06-12345678 of mail naar a.jansen@example.nl",
    "Ik wil een medewerker spreken",
    "Ja, bel mij terug",
    "06-87654321",
]
CALLBACK = "+31687654321"
PERSONAL = ["111222333", "NL91 ABNA 0417 1643 00", "0417 1643", "06-12345678", "12345678", "a.jansen@example.nl"]


@pytest.fixture(scope="module")
def assistant(model_path: Path, tmp_path_factory: pytest.TempPathFactory, fake_api: FakeApi) -> Iterator[Assistant]:
    folder = tmp_path_factory.mktemp("debug_assistant")
    env = {**assistant_environment(folder, fake_api, office_open=False), "LOG_LEVEL": "DEBUG"}
    with running_assistant(model_path, folder, RASA_PORT + 100, ACTION_PORT + 100, env) as running:
        yield running


@pytest.fixture(scope="module")
def conversation(assistant: Assistant) -> str:
    sender = f"privacy-{uuid.uuid4().hex[:8]}"
    answers = [joined(assistant.say(sender, said)) for said in SAID]
    assert "Zullen we u dan terugbellen?" in answers[-3] and "op de eerstvolgende werkdag" in answers[-3]
    assert "Op welk telefoonnummer" in answers[-2]
    assert "Uw terugbelverzoek staat klaar" in answers[-1]
    return sender


def test_no_personal_number_is_logged(assistant: Assistant, conversation: str) -> None:
    log = assistant.log.read_text()
    assert "[BSN]" in log and "[e-mailadres]" in log  # the messages were logged, and redacted
    for number in (*PERSONAL, "87654321"):
        assert number not in log


def test_no_personal_number_is_stored_in_the_conversation(assistant: Assistant, conversation: str) -> None:
    tracker = assistant.tracker(conversation)
    users = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert users[0] == "Mijn BSN is [BSN], kan ik een traplift krijgen?"
    assert users[2] == "Bel mij op [telefoonnummer] of mail naar [e-mailadres]"
    assert users[-1] == "[telefoonnummer]"
    stored = json.dumps(tracker)
    for number in (*PERSONAL, "87654321"):
        assert number not in stored


def test_the_console_keeps_only_the_number_given_for_the_callback(assistant: Assistant, conversation: str) -> None:
    engine = create_engine(assistant.database, future=True)
    with engine.connect() as connection:
        [(kind, phone, summary)] = connection.execute(
            text("SELECT kind, callback_phone, summary FROM handoffs WHERE conversation_id = :c"), {"c": conversation}
        ).all()
    engine.dispose()
    assert (kind, phone) == ("terugbellen", CALLBACK)
    assert "[IBAN]" in summary
    for number in (*PERSONAL, "87654321"):
        assert number not in summary
