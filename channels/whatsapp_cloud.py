"""WhatsApp Business Cloud API (Meta) as a Rasa input channel, at /webhooks/whatsapp/webhook.

Set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_PHONE_NUMBER_ID and
WMO_PSEUDONYM_KEY (bot/privacy/pseudonym.py) to switch it on; WHATSAPP_API_BASE_URL and
WHATSAPP_API_VERSION choose where messages are sent (tests point the base URL at a local fake).
Without them the webhook answers 503.
"""

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.database import default_engine
from bot.messaging.deduplication import Deduplicator
from bot.messaging.whatsapp import (
    UNSUPPORTED,
    MalformedNotificationError,
    messages_for,
    read_notification,
    signature_valid,
)
from bot.privacy.pseudonym import Pseudonyms
from channels.environment import from_environment, pseudonyms
from channels.resident_gate import gated

logger = logging.getLogger(__name__)

REQUIRED = (
    "WHATSAPP_ACCESS_TOKEN",
    "WHATSAPP_APP_SECRET",
    "WHATSAPP_VERIFY_TOKEN",
    "WHATSAPP_PHONE_NUMBER_ID",
    "WMO_PSEUDONYM_KEY",
)
OPTIONAL = {
    "WHATSAPP_API_BASE_URL": "https://graph.facebook.com",
    "WHATSAPP_API_VERSION": "v21.0",
    "WMO_PSEUDONYM_KEY_PREVIOUS": "",
}


class WhatsAppCloudOutput(OutputChannel):
    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    def __init__(self, settings: dict[str, str], pseudonyms: Pseudonyms) -> None:
        base = settings["WHATSAPP_API_BASE_URL"].rstrip("/")
        self._url = f"{base}/{settings['WHATSAPP_API_VERSION']}/{settings['WHATSAPP_PHONE_NUMBER_ID']}/messages"
        self._headers = {"Authorization": f"Bearer {settings['WHATSAPP_ACCESS_TOKEN']}"}
        self._pseudonyms = pseudonyms

    async def _send(self, recipient_id: str, messages: Callable[[str], list[dict[str, Any]]]) -> None:
        address = self._pseudonyms.address(recipient_id)
        if address is None:
            raise ValueError("not a WhatsApp conversation of this channel")
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout, headers=self._headers) as session:
            for message in messages(address):
                async with session.post(self._url, json=message) as answer:
                    if answer.status >= 300:
                        # The body can quote the message; the status says enough.
                        raise RuntimeError(f"WhatsApp Cloud API answered {answer.status}")

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._send(recipient_id, lambda to: messages_for(to, text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._send(recipient_id, lambda to: messages_for(to, text, buttons))

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, image)


class WhatsAppCloudInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "whatsapp"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(from_environment("WhatsApp Cloud API", REQUIRED, OPTIONAL))

    def __init__(self, settings: dict[str, str] | None) -> None:
        self.settings = settings
        self.pseudonyms = pseudonyms(settings, "wa-") if settings else None
        self.seen = Deduplicator(default_engine())

    def get_output_channel(self) -> OutputChannel | None:
        if self.settings is None or self.pseudonyms is None:
            return None
        return WhatsAppCloudOutput(self.settings, self.pseudonyms)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def unsupported(message: UserMessage) -> None:
            await message.output_channel.send_text_message(message.sender_id, UNSUPPORTED)

        # Both count against the same limits (one sender, one channel); per sender only, since every
        # webhook comes from Meta's servers.
        gate, unsupported_gate = (
            gated(on_new_message, self.name(), answer_failures=False),
            gated(unsupported, self.name(), answer_failures=False),
        )
        hook = Blueprint("whatsapp_cloud_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.settings else "niet ingesteld"})

        @hook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            """Meta's subscription check: echo hub.challenge when the verify token matches."""
            if not self.settings:
                return response.text("WhatsApp is niet ingesteld", status=503)
            token_ok = request.args.get("hub.verify_token") == self.settings["WHATSAPP_VERIFY_TOKEN"]
            if request.args.get("hub.mode") != "subscribe" or not token_ok:
                return response.text("verificatie mislukt", status=403)
            return response.text(request.args.get("hub.challenge", ""))

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            output, pseudonyms = self.get_output_channel(), self.pseudonyms
            if not self.settings or output is None or pseudonyms is None:
                return response.text("WhatsApp is niet ingesteld", status=503)
            body = request.body or b""
            signature = request.headers.get("X-Hub-Signature-256")
            if not signature_valid(self.settings["WHATSAPP_APP_SECRET"], body, signature):
                return response.json({"error": "ongeldige handtekening"}, status=403)
            try:
                incoming = read_notification(json.loads(body))
            except (ValueError, MalformedNotificationError) as error:
                return response.json({"error": f"geen geldige WhatsApp-melding: {error}"}, status=400)
            for message in incoming:
                if not self.seen.first_time(message.message_id):
                    continue
                sender = pseudonyms.conversation_id(message.sender)
                try:
                    if message.text is None:  # an image, a voice message, a location: a kind "please type"
                        await unsupported_gate(UserMessage("", output, sender, input_channel=self.name()), None)
                    else:
                        await gate(UserMessage(message.text, output, sender, input_channel=self.name()), None)
                except Exception:
                    # Let Meta retry this message: it is no longer marked as seen.
                    self.seen.forget(message.message_id)
                    logger.exception("a WhatsApp message could not be handled")
                    return response.json({"error": "tijdelijk niet verwerkt"}, status=500)
            return response.json({"status": "ok"})

        return hook
