"""Rasa's Twilio channel, set up for WhatsApp, at /webhooks/twilio/webhook.

What it adds to Rasa's own channel: Twilio's X-Twilio-Signature is checked (Rasa's is not), a
message without sender or text gets 400 instead of an error, MessageSid retries are answered once,
the resident's number is not the conversation id, an answer arrives as one message instead of one
per paragraph, and choices are listed in it (Twilio sends real WhatsApp buttons only from
templates approved in advance).

Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_NUMBER ("whatsapp:+31...") and
WMO_PSEUDONYM_KEY (bot/privacy/pseudonym.py) to switch it on; TWILIO_WEBHOOK_URL is the public
address Twilio signs (behind a proxy it differs from what the server sees); TWILIO_API_BASE_URL
points the outgoing calls elsewhere (tests use a local fake).
"""

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator

from bot.database import default_engine
from bot.messaging.deduplication import Deduplicator
from bot.messaging.whatsapp import split_text
from bot.privacy.pseudonym import Pseudonyms
from channels.environment import from_environment, pseudonyms
from channels.resident_gate import gated

REQUIRED = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_NUMBER", "WMO_PSEUDONYM_KEY")
OPTIONAL = {"TWILIO_WEBHOOK_URL": "", "TWILIO_API_BASE_URL": "", "WMO_PSEUDONYM_KEY_PREVIOUS": ""}
TWILIO_API = "https://api.twilio.com"
BODY_LIMIT = 1600  # Twilio's limit for a WhatsApp message body


class _RedirectedHttpClient(TwilioHttpClient):
    def __init__(self, base_url: str) -> None:
        super().__init__()
        self._base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        return super().request(method, url.replace(TWILIO_API, self._base_url, 1), *args, **kwargs)


def choices_text(text: str, buttons: list[dict[str, Any]]) -> str:
    titles = "\n".join(f"- {button['title']}" for button in buttons)
    return f"{text}\n\nU kunt antwoorden met:\n{titles}"


class TwilioWhatsAppOutput(TwilioOutput):
    def __init__(self, settings: dict[str, str], pseudonyms: Pseudonyms) -> None:
        super().__init__(
            settings["TWILIO_ACCOUNT_SID"], settings["TWILIO_AUTH_TOKEN"], settings["TWILIO_WHATSAPP_NUMBER"]
        )
        if settings["TWILIO_API_BASE_URL"]:
            self.http_client = _RedirectedHttpClient(settings["TWILIO_API_BASE_URL"])
        self._pseudonyms = pseudonyms

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        address = self._pseudonyms.address(recipient_id)
        if address is None:
            raise ValueError("not a Twilio conversation of this channel")
        for part in split_text(text, BODY_LIMIT):
            await self._send_message({"to": address, "from_": self.twilio_number, "body": part})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_message(recipient_id, choices_text(text, buttons))


class TwilioWhatsAppInput(TwilioInput):
    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(from_environment("Twilio WhatsApp", REQUIRED, OPTIONAL))

    def __init__(self, settings: dict[str, str] | None) -> None:
        given = settings or {}
        super().__init__(
            given.get("TWILIO_ACCOUNT_SID"),
            given.get("TWILIO_AUTH_TOKEN"),
            given.get("TWILIO_WHATSAPP_NUMBER"),
            debug_mode=True,
        )
        self.settings = settings
        self.pseudonyms = pseudonyms(settings, "tw-") if settings else None
        self.seen = Deduplicator(default_engine())

    def get_output_channel(self) -> TwilioWhatsAppOutput | None:
        if self.settings is None or self.pseudonyms is None:
            return None
        return TwilioWhatsAppOutput(self.settings, self.pseudonyms)

    def _signed(self, request: Request, settings: dict[str, str]) -> bool:
        url = settings["TWILIO_WEBHOOK_URL"] or request.url
        form = {name: values[0] for name, values in request.form.items()}
        signature = request.headers.get("X-Twilio-Signature", "")
        return bool(signature) and RequestValidator(self.auth_token).validate(url, form, signature)

    def get_metadata(self, request: Request) -> dict[str, Any]:
        return {"message_sid": request.form.get("MessageSid")}

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        gate = gated(on_new_message, self.name(), answer_failures=False)

        async def under_pseudonym(message: UserMessage) -> None:
            if self.pseudonyms is None:  # the guard below answers 503 before a message gets here
                raise RuntimeError("Twilio is niet ingesteld")
            message.sender_id = self.pseudonyms.conversation_id(message.sender_id)
            try:
                # Limited per sender only: every webhook comes from Twilio's servers.
                await gate(message, None)
            except Exception:
                # Let Twilio's retry of this message be handled: it is no longer marked as seen.
                if message.metadata.get("message_sid"):
                    self.seen.forget(message.metadata["message_sid"])
                raise

        hook = super().blueprint(under_pseudonym)

        @hook.middleware("request")
        async def guard(request: Request) -> response.HTTPResponse | None:
            if request.method != "POST":
                return None
            if not self.settings:
                return response.text("Twilio is niet ingesteld", status=503)
            if not self._signed(request, self.settings):
                return response.json({"error": "ongeldige handtekening"}, status=403)
            if not request.form.get("From") or request.form.get("Body") is None:
                return response.json({"error": "From en Body zijn nodig"}, status=400)
            message_id = request.form.get("MessageSid")
            if message_id and not self.seen.first_time(message_id):
                return response.text("", status=204)
            return None

        return hook
