"""How many bubbles (separate messages) a turn shows on each channel, rendered by the channels' own
code: Rasa's REST collector and socketio output (the website widget) split a text at every blank
line; WhatsApp Cloud and Twilio join paragraphs up to their length limits and add the choices."""

import asyncio
from collections.abc import Sequence
from functools import cache
from typing import Any

import yaml
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.channels.socketio import SocketIOOutput

from bot.messaging.whatsapp import messages_for, split_text
from bot.municipality import municipality
from bot.settings import ROOT
from channels.twilio_whatsapp import BODY_LIMIT, choices_text

CHANNELS = ("rest", "socketio", "whatsapp", "twilio")
MAX_BUBBLES = 3


@cache
def responses() -> dict[str, list[dict[str, Any]]]:
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return dict(domain["responses"])


def rendered(message: dict[str, Any]) -> dict[str, Any]:
    """A dispatcher message as Rasa sends it: a response filled in with the municipality's slots
    and the action's values, its own buttons followed by the action's."""
    name = message.get("response")
    if not name:
        return {"text": message.get("text") or "", "buttons": list(message.get("buttons") or [])}
    variant = responses()[name][0]
    values = {**municipality().as_slots(), **{k: v for k, v in message.items() if isinstance(v, str)}}
    text = variant.get("text", "")
    for key, value in values.items():
        text = text.replace(f"{{{key}}}", value)
    return {"text": text, "buttons": [*(variant.get("buttons") or []), *(message.get("buttons") or [])]}


class _Sio:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    async def emit(self, *args: Any, **kwargs: Any) -> None:
        self.sent.append(args)


async def _rasa_channels(messages: Sequence[dict[str, Any]]) -> tuple[int, int]:
    rest, sio = CollectingOutputChannel(), _Sio()
    socketio = SocketIOOutput(sio, "bot_uttered")
    for message in messages:
        await rest.send_response("bewoner", dict(message))
        await socketio.send_response("bewoner", dict(message))
    return len(rest.messages), len(sio.sent)


def bubbles(turn: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Bubbles per channel for the messages an assistant's turn sends."""
    messages = [rendered(message) for message in turn]
    sent = [{k: v for k, v in m.items() if v} for m in messages]
    rest, socketio = asyncio.run(_rasa_channels(sent))
    whatsapp = sum(len(messages_for("31600000000", m["text"], m["buttons"])) for m in messages)
    twilio = sum(
        len(split_text(choices_text(m["text"], m["buttons"]) if m["buttons"] else m["text"], BODY_LIMIT))
        for m in messages
    )
    return {"rest": rest, "socketio": socketio, "whatsapp": whatsapp, "twilio": twilio}


def too_many(turn: Sequence[dict[str, Any]]) -> dict[str, int]:
    """The channels on which the turn has more than three bubbles (empty when it fits)."""
    return {channel: count for channel, count in bubbles(turn).items() if count > MAX_BUBBLES}
