"""Signed, expiring session tokens for the staff console, and the token every console form carries."""

import hashlib
import hmac
import secrets
import time

from bot.privacy import base64url
from bot.settings import settings

SESSION_SECONDS = 8 * 3600


class Sessions:
    """Signed tokens `name.expiry.signature`; the key is secret and, by default, new per process."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _sign(self, message: str) -> str:
        return base64url.encode(hmac.new(self._key, message.encode(), hashlib.sha256).digest())

    def issue(self, name: str, now: float | None = None) -> str:
        body = f"{name}.{int((now or time.time()) + SESSION_SECONDS)}"
        return f"{body}.{self._sign(body)}"

    def holder(self, token: str, now: float | None = None) -> str | None:
        """The staff name a valid, unexpired token belongs to."""
        name, _, rest = (token or "").partition(".")
        expiry, _, signature = rest.partition(".")
        if not (name and expiry.isdigit() and signature):
            return None
        if not hmac.compare_digest(signature, self._sign(f"{name}.{expiry}")):
            return None
        return name if int(expiry) > (now or time.time()) else None

    def form_token(self, session_token: str) -> str:
        """The token every console form carries, so another site cannot post for a logged-in user."""
        return self._sign(f"form:{session_token}")

    def form_token_valid(self, session_token: str, token: str) -> bool:
        return bool(token) and hmac.compare_digest(token, self.form_token(session_token))


def session_key() -> bytes:
    """`WMO_CONSOLE_SECRET` keeps sessions valid across restarts and instances; else a fresh key."""
    configured = settings().console_secret
    return configured.encode() if configured else secrets.token_bytes(32)
