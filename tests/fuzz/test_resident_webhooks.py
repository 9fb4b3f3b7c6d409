"""The residents' webhooks under fuzz: Rasa's REST channel, the WhatsApp Cloud API webhook (Meta's
verification and its signed notifications) and Twilio's signed webhook. Whatever arrives: no server
error, a refusal says why, a request without the token or signature reaches no conversation and
stores nothing, and a valid message reaches the assistant exactly as sent."""

import json
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from bot.messaging.deduplication import ReceivedMessage
from tests.fuzz.client import FUZZ, Answer, assert_clear, form, quoted, request
from tests.fuzz.strategies import BODY, FORWARDED, HEADER, JSON, MESSAGE, TEXT, headers
from tests.fuzz.target import Target
from tests.helpers import API_TOKEN, TWILIO_SECRETS, WHATSAPP_SECRETS
from tests.live.channel_clients import cloud_signature, cloud_text, twilio_text

REST = "/webhooks/rest/webhook"
WHATSAPP = "/webhooks/whatsapp/webhook"
TWILIO = "/webhooks/twilio/webhook"


def stored(target: Target) -> tuple[int, int, list[str]]:
    """What a refused request must leave as it was: messages through, WhatsApp ids seen, conversations."""
    with target.engine.connect() as db:
        seen = db.execute(select(func.count()).select_from(ReceivedMessage)).scalar_one()
    return target.recorder.count(), seen, sorted(target.conversations.store)


@FUZZ
@given(body=BODY, sent=headers(Authorization=st.one_of(HEADER, st.just("Bearer"), st.just(f"bearer {API_TOKEN}x"))))
def test_rest_without_the_token_is_refused_and_reaches_no_conversation(
    target: Target, body: bytes, sent: dict[str, str]
) -> None:
    before = stored(target)
    answer = request(target.url, "POST", REST, body, {"Content-Type": "application/json", **sent})
    assert answer.status == 401 and answer.json() == {"error": "Niet toegestaan."}
    assert stored(target) == before


REST_MESSAGE = st.fixed_dictionaries(
    {"sender": st.text(min_size=1, max_size=40), "message": MESSAGE},
    optional={"metadata": st.dictionaries(st.text(max_size=12), JSON, max_size=3)},
)


@FUZZ
@given(body=st.one_of(REST_MESSAGE, JSON, st.binary(max_size=100)), forwarded=FORWARDED)
@example(body=None, forwarded="")  # found: Rasa's handler answered 500 to any JSON but an object
@example(body={"sender": "0", "message": 0}, forwarded="")  # found: a number reached the assistant as the message
def test_rest_with_the_token_passes_each_valid_message_and_refuses_the_rest_clearly(
    target: Target, body: Any, forwarded: str
) -> None:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    before = target.recorder.count()
    sent = {"Authorization": f"Bearer {API_TOKEN}", "Content-Type": "application/json", "X-Forwarded-For": forwarded}
    answer = request(target.url, "POST", REST, raw, sent)
    assert_clear(answer)
    arrived = target.recorder.since(before)
    valid = isinstance(body, dict) and isinstance(body.get("sender"), str) and isinstance(body.get("message"), str)
    if valid and body["sender"]:  # Rasa keeps a message without its surrounding spaces
        assert answer.status == 200
        assert [(m.sender_id, m.text) for m in arrived] == [(body["sender"], body["message"].strip())]
    else:
        assert 400 <= answer.status < 500 and arrived == []


@FUZZ
@given(
    mode=st.one_of(st.just("subscribe"), TEXT),
    token=st.one_of(st.just(WHATSAPP_SECRETS["WHATSAPP_VERIFY_TOKEN"]), TEXT),
    challenge=TEXT,
    sent=headers(),
)
def test_whatsapp_verification_answers_only_meta_with_the_verify_token(
    target: Target, mode: str, token: str, challenge: str, sent: dict[str, str]
) -> None:
    query = f"hub.mode={quoted(mode)}&hub.verify_token={quoted(token)}&hub.challenge={quoted(challenge)}"
    answer = request(target.url, "GET", f"{WHATSAPP}?{query}", headers=sent)
    assert_clear(answer)
    if mode == "subscribe" and token == WHATSAPP_SECRETS["WHATSAPP_VERIFY_TOKEN"]:
        assert answer.status == 200 and answer.text == challenge
        assert (answer.headers["content-type"] or "").startswith("text/plain")  # a browser never renders it as a page
    else:
        assert answer.status == 403 and answer.text == "verificatie mislukt"


def whatsapp(target: Target, body: bytes, signature: str, forwarded: str) -> Answer:
    sent = {"Content-Type": "application/json", "X-Hub-Signature-256": signature, "X-Forwarded-For": forwarded}
    return request(target.url, "POST", WHATSAPP, body, sent)


@FUZZ
@given(body=BODY, signature=st.one_of(HEADER, HEADER.map(lambda s: "sha256=" + s)), forwarded=FORWARDED)
@example(body=b"", signature="sha256=\x80", forwarded="")  # found: a non-ASCII signature answered 500
def test_whatsapp_without_metas_signature_is_refused_and_stores_nothing(
    target: Target, body: bytes, signature: str, forwarded: str
) -> None:
    before = stored(target)
    answer = whatsapp(target, body, signature, forwarded)
    assert answer.status == 403 and answer.json() == {"error": "ongeldige handtekening"}
    assert stored(target) == before


@FUZZ
@given(
    body=st.one_of(st.tuples(st.text(st.characters(categories=["Nd"]), min_size=8, max_size=15), MESSAGE), BODY),
    forwarded=FORWARDED,
)
def test_whatsapp_signed_passes_each_text_and_refuses_garbage_clearly(
    target: Target, body: tuple[str, str] | bytes, forwarded: str
) -> None:
    before = target.recorder.count()
    raw = body if isinstance(body, bytes) else cloud_text(body[0], body[1])
    answer = whatsapp(target, raw, cloud_signature(raw), forwarded)
    assert_clear(answer)
    arrived = target.recorder.since(before)
    if isinstance(body, tuple):
        assert answer.status == 200 and [m.text for m in arrived] == [body[1].strip()]
        assert body[0] not in arrived[0].sender_id  # the number never becomes the conversation id
    else:
        assert arrived == []


def twilio(target: Target, fields: dict[str, str], signature: str | None, forwarded: str) -> Answer:
    raw, sent = form(fields)
    if signature is None:
        signature = RequestValidator(TWILIO_SECRETS["TWILIO_AUTH_TOKEN"]).compute_signature(
            TWILIO_SECRETS["TWILIO_WEBHOOK_URL"], fields
        )
    return request(
        target.url, "POST", TWILIO, raw, {**sent, "X-Twilio-Signature": signature, "X-Forwarded-For": forwarded}
    )


FIELDS = st.dictionaries(
    st.sampled_from(["From", "Body", "MessageSid", "WaId", "NumMedia"]) | st.text(max_size=10), TEXT
)


@FUZZ
@given(fields=FIELDS, signature=HEADER, forwarded=FORWARDED)
def test_twilio_without_its_signature_is_refused_and_stores_nothing(
    target: Target, fields: dict[str, str], signature: str, forwarded: str
) -> None:
    before = stored(target)
    answer = twilio(target, fields, signature, forwarded)
    assert answer.status == 403 and answer.json() == {"error": "ongeldige handtekening"}
    assert stored(target) == before


@FUZZ
@given(
    message=st.one_of(st.tuples(st.text(st.characters(categories=["Nd"]), min_size=8, max_size=15), MESSAGE), FIELDS),
    forwarded=FORWARDED,
)
def test_twilio_signed_passes_each_text_and_refuses_the_rest_clearly(
    target: Target, message: tuple[str, str] | dict[str, str], forwarded: str
) -> None:
    fields = twilio_text(*message) if isinstance(message, tuple) else message
    before = target.recorder.count()
    answer = twilio(target, fields, None, forwarded)
    assert_clear(answer)
    arrived = target.recorder.since(before)
    if isinstance(message, tuple):
        # 204: the answer goes out through Twilio's API, not in the webhook's response.
        assert answer.status == 204 and [m.text for m in arrived] == [message[1].strip()]
        assert message[0] not in arrived[0].sender_id  # the number never becomes the conversation id
    elif not fields.get("From") or "Body" not in fields:
        # 403 where an empty field, which the server does not read, leaves the signature unmatched.
        assert answer.status in (400, 403) and arrived == []
