"""The website widget's channel: Rasa's socketio channel with two doors closed.

- Origins: only the page's own origin, or those in `WMO_WEB_ORIGINS` (comma-separated, e.g.
  `https://www.voorbeeldstad.nl`), may open a connection; Rasa's channel allows every site.
- Sessions: the server hands out signed conversation ids (bot/web_sessions.py). A page that asks
  with an id this server did not sign gets a fresh one, and a message carrying such an id is
  refused with a kind answer, so nobody can write into, or read, another resident's conversation.
- Packets: only what a browser's socket.io client sends reaches socket.io (`well_formed`). Socket.io
  raises on anything else (a packet only servers send, an event that is not a list with a name, an
  event named "connect" that calls the connect handler with the wrong arguments, text that is no
  packet), and engine.io logs each as an error with its traceback: one script could fill the error
  log that wakes the operators. The handlers take any number of arguments, for the same reason, and
  a long-polling body engine.io cannot read is refused (400) before engine.io logs it as an error.

Each message carries the visitor's network address as a pseudonym (bot/web_sessions.py), set here
and never taken from the page, so the handoff can limit open handoffs per address.
"""

import ipaddress
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from engineio.payload import Payload
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import packet

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


# Socket.io's own events: its browser client refuses to emit them.
RESERVED_EVENTS = ("connect", "connect_error", "disconnect")


def well_formed(data: object) -> bool:
    """A socket.io packet a browser's client sends: a connect, a disconnect, an event (a list that
    starts with a name that is not reserved) or an acknowledgement (a list), as text (the widget
    sends no binary)."""
    if not isinstance(data, str):
        return False
    try:
        decoded = packet.Packet(encoded_packet=data)
    except ValueError:  # not JSON where JSON belongs, or no packet at all
        return False
    if decoded.packet_type in (packet.CONNECT, packet.DISCONNECT):
        return True
    if decoded.packet_type == packet.EVENT:
        name = decoded.data[0] if isinstance(decoded.data, list) and decoded.data else None
        return isinstance(name, str) and name not in RESERVED_EVENTS
    return decoded.packet_type == packet.ACK and isinstance(decoded.data, list)


def readable_payload(body: bytes) -> bool:
    """An engine.io long-polling body: packets it can read, each starting with its type."""
    try:
        Payload(encoded_payload=body.decode("utf-8"))
    except (ValueError, KeyError):  # a packet type that is no number, bad base64 or UTF-8, empty "d="
        return False
    return True


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

        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = asked if self.sessions.valid(asked) else self.sessions.issue()
            sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        async def handle_message(sid: str, data: Any = None, *_: Any) -> None:
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

        dispatch = sio._handle_eio_message  # socket.io's own reading of each engine.io message

        async def well_formed_only(eio_sid: str, data: object) -> None:
            if well_formed(data):
                await dispatch(eio_sid, data)
            else:
                logger.info("website: a socket.io packet no browser sends was dropped")

        # Replaces the handlers Rasa's channel registered for these events, and socket.io's own for
        # engine.io's messages.
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        sio.eio.on("message", well_formed_only)

        handle_request = sio.eio.handle_request  # the route is made from it when the blueprint is registered

        async def readable_only(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            if request.method == "POST" and not readable_payload(request.body or b""):
                return response.text("Geen geldig socket.io-bericht.", status=400)
            answer: HTTPResponse = await handle_request(request, *args, **kwargs)
            return answer

        sio.eio.handle_request = readable_only
        return blueprint
