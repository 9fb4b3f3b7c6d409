"""Rasa's REST channel behind the resident gate (channels/resident_gate.py); same name, same URL.

Rasa's own handler builds the message and calls the gate with it alone, so the address of each
request reaches the gate through a context variable set by this blueprint's middleware, for every
request, before the handler runs. The middleware also refuses a body Rasa's handler cannot read
(not a JSON object, no sender or text): Rasa's own answers those with a server error, or drops the
message while answering 200.
"""

from contextvars import ContextVar
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.client_address import client_address_of
from channels.resident_gate import Handler, gated

_address: ContextVar[str | None] = ContextVar("rest_resident_address", default=None)


def refusal(body: Any) -> str | None:
    """Why a webhook body is not a message, in words the caller can act on; None: it is one."""
    if not isinstance(body, dict):
        return 'Stuur een JSON-object: {"sender": "...", "message": "..."}.'
    if not isinstance(body.get("sender"), str) or not body["sender"]:
        return '"sender" moet een niet-lege tekst zijn.'
    if not isinstance(body.get("message"), str):
        return '"message" moet een tekst zijn.'
    if not isinstance(body.get("metadata", {}), dict | None):
        return '"metadata" moet een JSON-object zijn.'
    if not isinstance(body.get("input_channel", ""), str | None):
        return '"input_channel" moet een tekst zijn.'
    return None


class RestChannel(RestInput):
    def blueprint(self, on_new_message: Handler) -> Blueprint:
        gate = gated(on_new_message, self.name())

        async def from_address(message: UserMessage) -> None:
            await gate(message, _address.get())

        rest = super().blueprint(from_address)

        @rest.middleware("request")
        async def check(request: Request) -> HTTPResponse | None:
            _address.set(client_address_of(request))
            if request.method != "POST":
                return None
            problem = refusal(request.json)  # a body that is not JSON at all: Sanic's own 400
            return response.json({"error": problem}, status=400) if problem else None

        return rest
