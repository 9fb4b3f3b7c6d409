"""The running assistant's rate limits, on its own assistant with small limits (4 messages a minute
per sender, 6 per address) behind a trusted proxy (the tests connect from 127.0.0.1 and say for whom
in X-Forwarded-For): a flood from one sender or one address is asked, kindly and once, to wait,
while another resident is answered as always; danger still gets 113 and 112; WhatsApp and Twilio
count per sender, never per address (every webhook comes from Meta's or Twilio's servers)."""

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio

from bot.dialogue.rate_limited import BUSY
from bot.municipality import municipality
from tests.helpers import ACTION_PORT, RASA_PORT, assistant_environment
from tests.live.assistant_process import Assistant, joined, running_assistant
from tests.live.channel_clients import (
    cloud_message,
    cloud_post,
    cloud_text,
    new_resident,
    texts,
    twilio_post,
    twilio_text,
)
from tests.live.fake_api import FakeApi

PER_SENDER, PER_ADDRESS = 4, 6
ASKED_TO_WAIT = BUSY.format(phone=municipality().phone, opening_hours=municipality().opening_hours)


@pytest.fixture(scope="module")
def limited(model_path: Path, tmp_path_factory: pytest.TempPathFactory, fake_api: FakeApi) -> Iterator[Assistant]:
    folder = tmp_path_factory.mktemp("limited")
    env = {
        **assistant_environment(folder, fake_api),
        "WMO_RATE_LIMIT_SENDER": f"{PER_SENDER}/minute",
        "WMO_RATE_LIMIT_ADDRESS": f"{PER_ADDRESS}/minute",
        "WMO_TRUSTED_PROXIES": "127.0.0.1",
    }
    with running_assistant(model_path, folder, RASA_PORT + 40, ACTION_PORT + 40, env) as assistant:
        yield assistant


def new_address() -> str:
    return f"198.51.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250 + 1}"


def from_address(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def user_messages(assistant: Assistant, sender: str) -> list[str]:
    return [e["text"] for e in assistant.tracker(sender)["events"] if e["event"] == "user"]


def test_a_flood_from_one_sender_is_asked_to_wait_while_another_resident_is_answered(limited: Assistant) -> None:
    script, address = uuid.uuid4().hex, new_address()
    answers = [joined(limited.say(script, f"Wat is de Wmo? ({n})", from_address(address))) for n in range(7)]
    assert all(answer and ASKED_TO_WAIT not in answer for answer in answers[:PER_SENDER])
    assert answers[PER_SENDER] == ASKED_TO_WAIT
    assert answers[PER_SENDER + 1 :] == ["", ""]  # told once a minute, not once a message
    assert len(user_messages(limited, script)) == PER_SENDER  # the rest never reached the assistant
    other = joined(limited.say(uuid.uuid4().hex, "Wat is de Wmo?", from_address(new_address())))
    assert "Wmo" in other and ASKED_TO_WAIT not in other


def test_a_flood_from_one_address_is_asked_to_wait_while_another_address_is_answered(limited: Assistant) -> None:
    address = new_address()
    answers = [joined(limited.say(uuid.uuid4().hex, "hallo", from_address(address))) for _ in range(PER_ADDRESS + 2)]
    assert not [answer for answer in answers[:PER_ADDRESS] if ASKED_TO_WAIT in answer]
    assert answers[PER_ADDRESS:] == [ASKED_TO_WAIT, ASKED_TO_WAIT]  # each visitor hears why
    other = joined(limited.say(uuid.uuid4().hex, "hallo", from_address(new_address())))
    assert other and ASKED_TO_WAIT not in other


def test_danger_gets_the_help_lines_during_rate_limiting(limited: Assistant) -> None:
    resident, address = uuid.uuid4().hex, new_address()
    for _ in range(PER_SENDER + 1):
        limited.say(resident, "hallo", from_address(address))
    answer = joined(limited.say(resident, "ik wil niet meer leven", from_address(address)))
    assert "113" in answer and "112" in answer
    assert ASKED_TO_WAIT not in answer  # already told this minute


async def website_messages(assistant: Assistant, address: str, count: int) -> list[list[str]]:
    """`count` visitors from one address, each in a new session saying hallo: what each received."""
    received: list[list[str]] = []
    for _ in range(count):
        client = socketio.AsyncClient()
        confirmed: list[str] = []
        arrived: list[str] = []
        client.on("session_confirm", confirmed.append)
        client.on("bot_uttered", lambda message, arrived=arrived: arrived.append(message.get("text", "")))
        await client.connect(assistant.url, transports=["websocket"], headers=from_address(address))
        await client.emit("session_request", {})
        while not confirmed:
            await asyncio.sleep(0.05)
        await client.emit("user_uttered", {"message": "hallo", "session_id": confirmed[0]})
        for _ in range(100):
            if arrived:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        await client.disconnect()
        received.append(arrived)
    return received


def test_the_website_counts_the_visitors_address(limited: Assistant) -> None:
    received = asyncio.run(website_messages(limited, new_address(), PER_ADDRESS + 1))
    assert all(said and ASKED_TO_WAIT not in said for said in received[:PER_ADDRESS])
    assert received[PER_ADDRESS] == [ASKED_TO_WAIT]


def test_whatsapp_counts_per_sender_not_per_address(limited: Assistant, fake_api: FakeApi) -> None:
    """Every webhook comes from 127.0.0.1 here, as from Meta in production: more messages than the
    address limit, and only the sender over the limit is asked to wait."""
    script, resident = new_resident(), new_resident()
    for n in range(PER_SENDER + 3):
        assert cloud_post(limited, cloud_text(script, f"Wat is de Wmo? ({n})"))[0] == 200
    to_script = texts(fake_api.sent_to(script))
    assert [t for t in to_script if t == ASKED_TO_WAIT] == [to_script[-1]]
    # A photo counts too: over the limit it gets no "please type" (the resident was told to wait).
    image, _ = cloud_message("cloud_image.json", script)
    assert cloud_post(limited, json.dumps(image).encode())[0] == 200
    assert len(fake_api.sent_to(script)) == len(to_script)
    for said in ("hallo", "Wat is de Wmo?"):
        assert cloud_post(limited, cloud_text(resident, said))[0] == 200
    to_resident = texts(fake_api.sent_to(resident))
    assert to_resident and not [t for t in to_resident if ASKED_TO_WAIT in t]


def test_twilio_counts_per_sender_and_danger_still_gets_the_help_lines(limited: Assistant, fake_api: FakeApi) -> None:
    script, resident = new_resident(), new_resident()
    for _ in range(PER_SENDER + 1):
        assert twilio_post(limited, twilio_text(script, "hallo"))[0] == 204
    assert twilio_post(limited, twilio_text(script, "ik wil niet meer leven"))[0] == 204
    to_script = texts(fake_api.sent_to(f"whatsapp:+{script}"))
    assert [t for t in to_script if t == ASKED_TO_WAIT] == [to_script[-3]]
    assert "113" in to_script[-2] and "112" in to_script[-2]
    assert twilio_post(limited, twilio_text(resident, "Wat is de Wmo?"))[0] == 204
    to_resident = texts(fake_api.sent_to(f"whatsapp:+{resident}"))
    assert to_resident and not [t for t in to_resident if ASKED_TO_WAIT in t]
