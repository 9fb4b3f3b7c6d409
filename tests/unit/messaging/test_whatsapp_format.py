"""WhatsApp Cloud API formats: signatures, recorded notifications, outgoing messages within Meta's
limits."""

import hashlib
import hmac
import json
from typing import Any

import pytest

from bot.messaging.whatsapp import (
    BODY_LIMIT,
    MalformedNotificationError,
    messages_for,
    read_notification,
    signature_valid,
    split_text,
)
from bot.settings import ROOT

PAYLOADS = ROOT / "tests" / "payloads"


def recorded(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text())


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_only_the_app_secrets_signature_of_these_exact_bytes_is_valid() -> None:
    body = (PAYLOADS / "cloud_text.json").read_bytes()
    assert signature_valid("geheim", body, sign("geheim", body))
    assert not signature_valid("geheim", body + b" ", sign("geheim", body))
    assert not signature_valid("geheim", body, sign("ander", body))
    assert not signature_valid("geheim", body, None)
    assert not signature_valid("geheim", body, sign("geheim", body).replace("sha256=", "sha1="))
    assert not signature_valid("", body, sign("", body))


def test_recorded_notifications_are_read() -> None:
    [text] = read_notification(recorded("cloud_text.json"))
    assert (text.sender, text.text) == ("31612345678", "Wat is een scootmobiel?")
    [reply] = read_notification(recorded("cloud_button_reply.json"))
    assert reply.text == "REPLACED_BY_TEST"  # the button's id: the payload the assistant gave it
    assert read_notification(recorded("cloud_status.json")) == []
    [image] = read_notification(recorded("cloud_image.json"))
    assert image.text is None


@pytest.mark.parametrize(
    "payload",
    [
        [],
        {"object": "page", "entry": []},
        {"object": "whatsapp_business_account"},
        {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": {"messages": [{"type": "text"}]}}]}]},
    ],
)
def test_what_is_not_a_whatsapp_notification_is_refused(payload: Any) -> None:
    with pytest.raises(MalformedNotificationError):
        read_notification(payload)


def buttons(*titles: str) -> list[dict[str, str]]:
    return [{"title": title, "payload": f'/pick{{"n": {i}}}'} for i, title in enumerate(titles)]


def test_text_alone_is_one_text_message_with_its_paragraphs() -> None:
    [message] = messages_for("316", "Eerste alinea.\n\nTweede alinea.")
    assert message["type"] == "text" and message["text"]["body"] == "Eerste alinea.\n\nTweede alinea."


def test_up_to_three_short_choices_are_reply_buttons() -> None:
    [message] = messages_for("316", "Mag dat?", buttons("Ja, graag", "Nee, dank u"))
    interactive = message["interactive"]
    assert interactive["type"] == "button" and interactive["body"]["text"] == "Mag dat?"
    assert [b["reply"]["title"] for b in interactive["action"]["buttons"]] == ["Ja, graag", "Nee, dank u"]
    assert interactive["action"]["buttons"][1]["reply"]["id"] == '/pick{"n": 1}'


def test_more_or_longer_choices_are_a_list_within_its_limits() -> None:
    [message] = messages_for("316", "Kies:", buttons("Een", "Twee", "Drie", "Vier"))
    assert message["interactive"]["type"] == "list"
    [long] = messages_for("316", "Kies:", buttons("Huishoudelijke ondersteuning", "Nee"))
    rows = long["interactive"]["action"]["sections"][0]["rows"]
    assert long["interactive"]["type"] == "list"
    assert len(rows[0]["title"]) <= 24 and rows[0]["description"] == "Huishoudelijke ondersteuning"
    assert len(long["interactive"]["action"]["button"]) <= 20


def test_more_than_ten_choices_are_split_over_lists() -> None:
    messages = messages_for("316", "Kies:", buttons(*[f"Keuze {n}" for n in range(13)]))
    rows = [len(m["interactive"]["action"]["sections"][0]["rows"]) for m in messages]
    assert rows == [10, 3]


def test_a_long_text_goes_first_and_its_last_part_carries_the_buttons() -> None:
    text = "\n\n".join(f"Alinea {n}: " + "woord " * 60 for n in range(8))
    messages = messages_for("316", text, buttons("Ja", "Nee"))
    assert [m["type"] for m in messages][-1] == "interactive"
    assert len(messages[-1]["interactive"]["body"]["text"]) <= BODY_LIMIT
    sent = "\n\n".join([m["text"]["body"] for m in messages[:-1]] + [messages[-1]["interactive"]["body"]["text"]])
    assert sent == text


def test_split_text_never_exceeds_the_limit_and_loses_nothing() -> None:
    text = "kort\n\n" + "x" * 50 + "\n" + "y " * 40
    parts = split_text(text, 30)
    assert all(len(p) <= 30 for p in parts)
    assert "".join(parts).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
