"""WhatsApp on the running assistant: recorded Cloud API and Twilio payloads posted to the real
webhooks, answers read where they arrive (the local fake of Meta's and Twilio's APIs)."""

import json
import urllib.request

import pytest

from tests.helpers import WHATSAPP_SECRETS
from tests.live.assistant_process import Assistant
from tests.live.channel_clients import (
    cloud_message,
    cloud_post,
    cloud_reply,
    cloud_signature,
    cloud_text,
    new_resident,
    recorded,
    texts,
    twilio_post,
    twilio_text,
)
from tests.live.fake_api import FakeApi


def test_meta_verifies_the_webhook_with_the_verify_token(assistant: Assistant) -> None:
    url = f"{assistant.url}/webhooks/whatsapp/webhook?hub.mode=subscribe&hub.challenge=1158201444"
    with urllib.request.urlopen(f"{url}&hub.verify_token={WHATSAPP_SECRETS['WHATSAPP_VERIFY_TOKEN']}") as answer:
        assert answer.read() == b"1158201444"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{url}&hub.verify_token=geraden")
    assert refused.value.code == 403


def test_a_question_is_answered_with_real_reply_buttons(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    status, _ = cloud_post(assistant, cloud_text(resident, "Wat is een scootmobiel?"))
    assert status == 200
    sent = fake_api.sent_to(resident)
    assert sent[0].path == "/v21.0/106540352242922/messages"
    assert sent[0].headers["Authorization"] == "Bearer test-access-token"
    assert texts(sent)[0].startswith("Scootmobiel (maatwerkvoorziening")
    interactive = sent[-1].body["interactive"]
    assert interactive["type"] == "button"
    choices = [b["reply"] for b in interactive["action"]["buttons"]]
    titles = [c["title"] for c in choices]
    assert len(titles) == 3 and "Meer weten" in titles and "Wat kost het?" in titles
    # Tapping a button sends its id back: the assistant answers it in context.
    cloud_post(assistant, cloud_reply(resident, choices[titles.index("Wat kost het?")]))
    assert "abonnementstarief" in texts(fake_api.sent_to(resident)[len(sent) :])[0]


def test_more_than_three_choices_arrive_as_a_list(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    # A need in words that name no topic: the check shows its menu of topics.
    for said in ("Ik wil nagaan of ik hulp kan krijgen", "het gaat thuis niet meer zo goed"):
        cloud_post(assistant, cloud_text(resident, said))
    interactive = fake_api.sent_to(resident)[-1].body["interactive"]
    assert interactive["type"] == "list"
    rows = interactive["action"]["sections"][0]["rows"]
    assert 3 < len(rows) <= 10 and all(len(row["title"]) <= 24 for row in rows)


def test_a_retried_message_is_answered_once(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    body = cloud_text(resident, "Wat is de Wmo?", message_id=f"wamid.retry{resident}")
    assert cloud_post(assistant, body)[0] == 200
    answered = len(fake_api.sent_to(resident))
    assert answered > 0
    assert cloud_post(assistant, body)[0] == 200
    assert len(fake_api.sent_to(resident)) == answered


def test_a_bad_signature_is_refused_and_nothing_is_answered(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    body = cloud_text(resident, "Wat is de Wmo?")
    assert cloud_post(assistant, body, cloud_signature(body, "niet-het-geheim"))[0] == 403
    assert cloud_post(assistant, body, "sha256=")[0] == 403
    assert fake_api.sent_to(resident) == []


@pytest.mark.parametrize("body", [b"{niet: json", b"", b"[]", json.dumps({"object": "page", "entry": []}).encode()])
def test_malformed_json_is_refused_with_400(assistant: Assistant, body: bytes) -> None:
    status, answer = cloud_post(assistant, body)
    assert status == 400 and "geen geldige WhatsApp-melding" in answer.decode()


def test_status_callbacks_are_accepted_and_ignored(assistant: Assistant, fake_api: FakeApi) -> None:
    before = len(fake_api.requests)
    body = json.dumps(recorded("cloud_status.json")).encode()
    assert cloud_post(assistant, body)[0] == 200
    assert len(fake_api.requests) == before


def test_a_photo_gets_a_kind_answer(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    payload, _ = cloud_message("cloud_image.json", resident)
    assert cloud_post(assistant, json.dumps(payload).encode())[0] == 200
    assert texts(fake_api.sent_to(resident)) == ["Ik kan alleen tekst lezen. Wilt u uw vraag typen?"]


def test_the_phone_number_is_not_the_conversation_id(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    cloud_post(assistant, cloud_text(resident, "Hallo"))
    assert fake_api.sent_to(resident)
    assert resident not in assistant.log.read_text()


def test_twilio_answers_in_one_message_with_the_choices_listed(assistant: Assistant, fake_api: FakeApi) -> None:
    resident = new_resident()
    status, _ = twilio_post(assistant, twilio_text(resident, "Wat is een scootmobiel?"))
    assert status == 204
    sent = fake_api.sent_to(f"whatsapp:+{resident}")
    assert sent[0].path.endswith("/Messages.json") and sent[0].body["From"] == "whatsapp:+14155238886"
    answer = texts(sent)
    assert len(answer) <= 3 and answer[0].startswith("Scootmobiel (maatwerkvoorziening") and "Bron:" in answer[0]
    assert "U kunt antwoorden met:\n" in answer[-1] and "\n- Wat kost het?" in answer[-1]


def test_twilio_refuses_bad_signatures_and_incomplete_forms_and_answers_retries_once(
    assistant: Assistant, fake_api: FakeApi
) -> None:
    resident = new_resident()
    form = twilio_text(resident, "Wat is de Wmo?")
    assert twilio_post(assistant, form, token="niet-het-token")[0] == 403
    incomplete = {k: v for k, v in form.items() if k != "Body"}
    assert twilio_post(assistant, incomplete)[0] == 400
    assert fake_api.sent_to(f"whatsapp:+{resident}") == []
    assert twilio_post(assistant, form)[0] == 204
    answered = len(fake_api.sent_to(f"whatsapp:+{resident}"))
    assert answered > 0
    assert twilio_post(assistant, form)[0] == 204
    assert len(fake_api.sent_to(f"whatsapp:+{resident}")) == answered
