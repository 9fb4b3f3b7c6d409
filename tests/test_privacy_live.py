"""After a conversation full of personal numbers, none of them is in the log, in the stored
conversation, or in what the staff console keeps. This assistant logs at debug level, where Rasa
writes every message and tracker: the log filter must catch them all. (Debug logs do hold other
message text, such as medical details: never run production at debug level.)"""
import json
import urllib.request
import uuid

import pytest
from sqlalchemy import create_engine, text

from tests.assistant_process import running_assistant
from tests.conftest import assistant_environment

pytestmark = pytest.mark.model

SAID = [
    "Mijn BSN is 111222333, kan ik een traplift krijgen?",
    "Mijn rekeningnummer is NL91 ABNA 0417 1643 00",
    "Bel mij op 06-12345678 of mail naar a.jansen@example.nl",
    "Ik wil een medewerker spreken",
    "ja",
]
PERSONAL = ["111222333", "NL91 ABNA 0417 1643 00", "0417 1643", "06-12345678", "12345678", "a.jansen@example.nl"]


@pytest.fixture(scope="module")
def assistant(model_path, tmp_path_factory, fake_api):
    folder = tmp_path_factory.mktemp("debug_assistant")
    env = {**assistant_environment(folder, fake_api), "LOG_LEVEL": "DEBUG"}
    with running_assistant(model_path, folder, 15105, 15155, env) as running:
        yield running


@pytest.fixture(scope="module")
def conversation(assistant):
    sender = f"privacy-{uuid.uuid4().hex[:8]}"
    for said in SAID:
        assistant.say(sender, said)
    return sender


def test_no_personal_number_is_logged(assistant, conversation):
    log = assistant.log.read_text()
    assert "[BSN]" in log and "[e-mailadres]" in log  # the messages were logged, and redacted
    for number in PERSONAL:
        assert number not in log


def test_no_personal_number_is_stored_in_the_conversation(assistant, conversation):
    with urllib.request.urlopen(f"{assistant.url}/conversations/{conversation}/tracker", timeout=30) as answer:
        tracker = json.loads(answer.read())
    users = [e["text"] for e in tracker["events"] if e["event"] == "user"]
    assert users[0] == "Mijn BSN is [BSN], kan ik een traplift krijgen?"
    assert users[2] == "Bel mij op [telefoonnummer] of mail naar [e-mailadres]"
    stored = json.dumps(tracker)
    for number in PERSONAL:
        assert number not in stored


def test_the_console_keeps_no_personal_number(assistant, conversation):
    engine = create_engine(assistant.database, future=True)
    with engine.connect() as connection:
        [summary] = connection.execute(
            text("SELECT summary FROM handoffs WHERE conversation_id = :c"), {"c": conversation}
        ).scalars().all()
    engine.dispose()
    assert "[IBAN]" in summary
    for number in PERSONAL:
        assert number not in summary
