"""Conversation ids for the website widget that the server hands out and the page cannot choose.

Rasa's socketio channel takes the session id the browser sends, so whoever knows or guesses a
resident's id writes into that conversation and receives its replies, staff replies included.
Here an id is `random-signature`: only ids this server signed are accepted, and a page that brings
any other gets a fresh one. The key is `WMO_WEB_SESSION_SECRET` (shared by every instance, so a
reload reaching another server continues the conversation) or, unset, new per process.

The same key makes the visitor's network address into a pseudonym that the channel puts in each
message's metadata (ADDRESS_METADATA): the handoff counts open handoffs per address with it, so
one script cannot fill the staff queue from many conversations. It is never stored with the
conversation (stores/redacting_tracker_store.py drops it).
"""

import hashlib
import hmac
import secrets

from bot.privacy import base64url

ADDRESS_METADATA = "wmo_adres"


class WebSessions:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def _signature(self, ident: str) -> str:
        return base64url.encode(hmac.new(self._key, b"web:" + ident.encode(), hashlib.sha256).digest()[:16])

    def issue(self) -> str:
        ident = secrets.token_hex(16)
        return f"{ident}-{self._signature(ident)}"

    def address(self, ip: str) -> str:
        """The network address as a pseudonym only this key makes."""
        return base64url.encode(hmac.new(self._key, b"address:" + ip.encode(), hashlib.sha256).digest()[:12])

    def valid(self, session_id: object) -> bool:
        if not isinstance(session_id, str):
            return False
        ident, _, signature = session_id.partition("-")
        return len(ident) == 32 and hmac.compare_digest(signature.encode(), self._signature(ident).encode())


def web_session_key(configured: str | None) -> bytes:
    return configured.encode() if configured else secrets.token_bytes(32)
