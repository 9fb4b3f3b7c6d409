"""The website widget's channel: Rasa's socketio channel with two doors closed.

- Origins: only the page's own origin, or those in `WMO_WEB_ORIGINS` (comma-separated, e.g.
  `https://www.voorbeeldstad.nl`), may open a connection; Rasa's channel allows every site.
- Sessions: the server hands out signed conversation ids (bot/web_sessions.py). A page that asks
  with an id this server did not sign gets a fresh one, and a message carrying such an id is
  refused with a kind answer, so nobody can write into, or read, another resident's conversation.

Each message carries the visitor's network address as a pseudonym (bot/web_sessions.py), set here
and never taken from the page, so the handoff can limit open handoffs per address.
"""

import ipaddress
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from sanic.request import Request

from bot.access import MAX_BODY_BYTES
from bot.rate_limits import client_address
from bot.settings import settings
from bot.web_sessions import ADDRESS_METADATA, WebSessions, web_session_key
from channels.client_address import client_address_of
from channels.resident_gate import gated

logger = logging.getLogger(__name__)
EXPIRED = "Dit gesprek is verlopen. Laad de pagina opnieuw om een nieuw gesprek te beginnen."


def visitor_address(request: Request | None) -> str | None:
    """The visitor's network address (channels/client_address.py: the peer, or what a trusted proxy
    forwarded), unless nothing was forwarded and the peer is this machine: behind a proxy nobody
    configured every visitor would be one address. None: unknown."""
    if request is None:
        return None
    address = client_address_of(request)
    try:
        from_this_machine = ipaddress.ip_address(request.ip).is_loopback
    except ValueError:
        from_this_machine = False
    return None if from_this_machine and address == client_address(request.ip, None, ()) else address


class WebsiteChat(SocketIOInput):
    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        channel = super().from_credentials(credentials)
        assert isinstance(channel, WebsiteChat)
        channel.sessions = WebSessions(web_session_key(settings().web_session_secret))
        origins = [origin.strip() for origin in (settings().web_origins or "").split(",") if origin.strip()]
        channel.origins = origins or None
        return channel

    sessions: WebSessions
    origins: list[str] | None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        gate = gated(on_new_message, self.name())
        blueprint = super().blueprint(gate)
        sio = self.sio
        # None is engine.io's "same origin only"; Rasa sets [] (no check at all).
        sio.eio.cors_allowed_origins = self.origins
        # A socket.io message is held to the body limit of every other request (engine.io allows 1 MB).
        sio.eio.max_http_buffer_size = MAX_BODY_BYTES

        async def session_request(sid: str, data: dict[str, Any] | None) -> None:
            asked = (data or {}).get("session_id")
            session_id = asked if self.sessions.valid(asked) else self.sessions.issue()
            sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            output = SocketIOOutput(sio, self.bot_message_evt)
            session_id = data.get("session_id")
            if not self.sessions.valid(session_id):
                logger.info("website message with a session id this server did not issue: refused")
                await sio.emit(self.bot_message_evt, {"text": EXPIRED}, room=sid)
                return
            message = data.get("message")
            metadata = data.get(self.metadata_key)
            metadata = metadata if isinstance(metadata, dict) else {}
            # The request that opened this connection (engine.io's environ has no real peer address).
            address = visitor_address((sio.get_environ(sid, namespace=self.namespace) or {}).get("sanic.request"))
            metadata.pop(ADDRESS_METADATA, None)  # only this channel sets it
            if address:
                metadata[ADDRESS_METADATA] = self.sessions.address(address)
            await gate(
                UserMessage(
                    message if isinstance(message, str) else "",
                    output,
                    session_id,
                    input_channel=self.name(),
                    metadata=metadata,
                ),
                address,
            )

        # Replaces the handlers Rasa's channel registered for these events.
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return blueprint
