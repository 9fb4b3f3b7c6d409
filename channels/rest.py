"""Rasa's REST channel behind the resident gate (channels/resident_gate.py); same name, same URL.

Rasa's own handler builds the message and calls the gate with it alone, so the address of each
request reaches the gate through a context variable set by this blueprint's middleware, for every
request, before the handler runs.
"""

from contextvars import ContextVar

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.request import Request

from channels.client_address import client_address_of
from channels.resident_gate import Handler, gated

_address: ContextVar[str | None] = ContextVar("rest_resident_address", default=None)


class RestChannel(RestInput):
    def blueprint(self, on_new_message: Handler) -> Blueprint:
        gate = gated(on_new_message, self.name())

        async def from_address(message: UserMessage) -> None:
            await gate(message, _address.get())

        rest = super().blueprint(from_address)

        @rest.middleware("request")
        async def remember_address(request: Request) -> None:
            _address.set(client_address_of(request))

        return rest
