"""The running assistant opens nothing without a token: Rasa's HTTP API and the action server
refuse anonymous calls (the API also behind a proxy, where every call comes from 127.0.0.1), a
token in the URL is refused, oversized bodies are refused, and one huge message does not stall
another resident."""

import asyncio
import http.client
import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import socketio

from actions.server import MAX_BODY_BYTES as ACTION_MAX_BODY_BYTES
from bot.access import MAX_BODY_BYTES
from channels.website_chat import EXPIRED
from tests.helpers import ACTION_PORT, ACTION_TOKEN, API_TOKEN, RASA_PORT, WHATSAPP_SECRETS, assistant_environment
from tests.live.assistant_process import Assistant, Reply, running_assistant
from tests.live.fake_api import FakeApi

ACTION_URL = f"http://127.0.0.1:{ACTION_PORT}"


def status_of(url: str, body: bytes | None = None, token: str | None = None) -> int:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers), timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.parametrize("path", ["/status", "/version", "/conversations/iemand/tracker", "/domain"])
def test_the_http_api_needs_the_token_in_a_header(assistant: Assistant, path: str) -> None:
    assert status_of(assistant.url + path) == 401
    assert status_of(assistant.url + path, token="geraden") == 401
    assert status_of(f"{assistant.url}{path}?token={API_TOKEN}") == 400
    assert status_of(assistant.url + path, token=API_TOKEN) == 200


def test_a_conversation_cannot_be_replaced_anonymously(assistant: Assistant) -> None:
    sender = uuid.uuid4().hex
    assistant.say(sender, "hallo")
    body = json.dumps([{"event": "slot", "name": "danger_signalled", "value": True}]).encode()
    request = urllib.request.Request(f"{assistant.url}/conversations/{sender}/tracker/events", data=body, method="PUT")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 401
    assert assistant.tracker(sender)["slots"]["danger_signalled"] is not True


def test_the_action_server_refuses_calls_without_the_shared_secret(assistant: Assistant) -> None:
    call = json.dumps(
        {"next_action": "action_delete_conversation", "sender_id": "iemand", "tracker": {}, "domain": {}}
    ).encode()
    assert status_of(f"{ACTION_URL}/webhook", call) == 401
    assert status_of(f"{ACTION_URL}/webhook", call, token="geraden") == 401
    assert status_of(f"{ACTION_URL}/actions") == 401
    assert status_of(f"{ACTION_URL}/actions", token=ACTION_TOKEN) == 200
    assert status_of(f"{ACTION_URL}/health") == 200


def test_a_failing_action_call_does_not_echo_the_conversation(assistant: Assistant) -> None:
    call = json.dumps({"next_action": "action_delete_conversation", "tracker": {"events": "BSN 111222333"}}).encode()
    request = urllib.request.Request(
        f"{ACTION_URL}/webhook", data=call, headers={"Authorization": f"Bearer {ACTION_TOKEN}"}
    )
    with pytest.raises(urllib.error.HTTPError) as failed:
        urllib.request.urlopen(request, timeout=30)
    assert failed.value.code >= 400
    assert b"111222333" not in failed.value.read()


def test_an_oversized_body_is_refused(assistant: Assistant) -> None:
    body = json.dumps({"sender": uuid.uuid4().hex, "message": "a" * 400_000}).encode()
    assert status_of(f"{assistant.url}/webhooks/rest/webhook", body) == 413


# Every route of the Rasa server that takes a body: channels, webhooks, the staff console's forms,
# socket.io's polling transport and (with its token) Rasa's HTTP API.
BODY_ROUTES = [
    "/webhooks/rest/webhook",
    "/webhooks/whatsapp/webhook",
    "/webhooks/twilio/webhook",
    "/medewerkers/inloggen",
    "/medewerkers/overdracht/0/antwoord",
    "/socket.io/?EIO=4&transport=polling",
    "/model/parse",
    "/conversations/iemand/tracker/events",
]


@pytest.mark.parametrize("path", BODY_ROUTES)
def test_every_route_refuses_a_body_over_256_kb(assistant: Assistant, path: str) -> None:
    assert status_of(assistant.url + path, b"x" * (MAX_BODY_BYTES + 1), token=API_TOKEN) == 413


def test_a_chunked_body_without_a_length_is_held_to_the_limit_too(assistant: Assistant) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", RASA_PORT, timeout=30)
    chunks = (b"x" * 64_000 for _ in range(5))
    connection.request("POST", "/webhooks/whatsapp/webhook", body=chunks, encode_chunked=True)
    assert connection.getresponse().status == 413
    connection.close()


def test_an_endless_url_is_refused_before_it_is_read(assistant: Assistant) -> None:
    """Meta's verification echoes hub.challenge: an accepted URL of 100 kB would come back whole.
    Sanic stops reading a request's head at 8 kB (the refusal then passes the API guard, hence 401)."""
    verify = f"hub.mode=subscribe&hub.verify_token={WHATSAPP_SECRETS['WHATSAPP_VERIFY_TOKEN']}"
    assert status_of(f"{assistant.url}/webhooks/whatsapp/webhook?{verify}&hub.challenge=ok") == 200
    assert status_of(f"{assistant.url}/webhooks/whatsapp/webhook?{verify}&hub.challenge={'x' * 100_000}") == 401


def declared_size_status(port: int, path: str, size: int, token: str) -> int:
    """The answer to a request that announces a body of `size` bytes, before any of it is sent."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", path)
    connection.putheader("Content-Length", str(size))
    connection.putheader("Authorization", f"Bearer {token}")
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_action_server_refuses_a_body_over_8_mb(assistant: Assistant) -> None:
    assert declared_size_status(ACTION_PORT, "/webhook", ACTION_MAX_BODY_BYTES + 1, ACTION_TOKEN) == 413
    assert status_of(f"{ACTION_URL}/nergens", token=ACTION_TOKEN) == 404  # refusals keep their own status


def test_a_socketio_message_over_256_kb_is_dropped_and_others_go_on(assistant: Assistant) -> None:
    confirmed, arrived = asyncio.run(website_visit(assistant, "a" * (MAX_BODY_BYTES + 1)))
    assert arrived == []
    assert not [e for e in assistant.tracker(confirmed[0])["events"] if e["event"] == "user"]
    assert assistant.say(uuid.uuid4().hex, "hallo")


def test_a_huge_message_does_not_stall_another_resident(assistant: Assistant) -> None:
    assistant.say(uuid.uuid4().hex, "hallo")  # warm
    started = time.monotonic()
    assistant.say(uuid.uuid4().hex, "hallo")
    alone = time.monotonic() - started
    answered: list[Reply] = []
    huge_sender = uuid.uuid4().hex
    huge = threading.Thread(target=lambda: answered.extend(assistant.say(huge_sender, "mail a@b.nl " * 9_000)))
    huge.start()
    time.sleep(0.05)
    started = time.monotonic()
    assistant.say(uuid.uuid4().hex, "hallo")
    beside = time.monotonic() - started
    huge.join()
    assert beside - alone < 0.2 + alone
    assert ["te lang" in reply["text"] for reply in answered] == [True]
    assert not [e for e in assistant.tracker(huge_sender)["events"] if e["event"] == "user"]


async def website_visit(assistant: Assistant, message: str, chosen: str | None = None) -> tuple[list[str], list[str]]:
    """A visitor who says `message` in the session it asks for (`chosen`, or else the one the server
    hands out): what the server confirmed, and what arrived."""
    client = socketio.AsyncClient()
    confirmed: list[str] = []
    arrived: list[str] = []
    client.on("session_confirm", confirmed.append)
    client.on("bot_uttered", lambda message: arrived.append(message.get("text", "")))
    await client.connect(assistant.url, transports=["websocket"])
    await client.emit("session_request", {"session_id": chosen} if chosen else {})
    for _ in range(100):
        if chosen or confirmed:
            break
        await asyncio.sleep(0.05)
    await client.emit("user_uttered", {"message": message, "session_id": chosen or confirmed[0]})
    await asyncio.sleep(1.5)
    if client.connected:
        await client.disconnect()
    return confirmed, arrived


def test_a_website_session_id_the_page_chose_is_refused(assistant: Assistant) -> None:
    chosen = uuid.uuid4().hex
    confirmed, arrived = asyncio.run(website_visit(assistant, "hallo", chosen))
    assert confirmed and confirmed[0] != chosen
    assert arrived == [EXPIRED]
    assert not [e for e in assistant.tracker(chosen)["events"] if e["event"] == "user"]


def test_another_site_cannot_open_the_chat(assistant: Assistant) -> None:
    client = socketio.AsyncClient()
    connect = client.connect(assistant.url, transports=["websocket"], headers={"Origin": "https://elders.example"})
    with pytest.raises(socketio.exceptions.ConnectionError):
        asyncio.run(connect)


def test_in_production_the_rest_channel_needs_the_token(model_path: Path, tmp_path: Path, fake_api: FakeApi) -> None:
    env = {**assistant_environment(tmp_path, fake_api), "WMO_OPEN_REST": "false"}
    with running_assistant(model_path, tmp_path, RASA_PORT + 30, ACTION_PORT + 30, env) as assistant:
        body = json.dumps({"sender": uuid.uuid4().hex, "message": "Wat kost een scootmobiel?"}).encode()
        url = f"{assistant.url}/webhooks/rest/webhook"
        assert status_of(url, body) == 401
        assert status_of(url, body, token=API_TOKEN) == 200
