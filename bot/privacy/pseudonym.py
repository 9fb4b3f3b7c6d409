"""Conversation ids for messaging channels that are not the resident's phone number.

WhatsApp identifies a resident by phone number. Used as Rasa's conversation id, that number would
sit in the tracker store, the event stream, the handoff records and every log line that names the
conversation. Instead the id is the number encrypted with AES-SIV: the same number always gives
the same id (so the conversation continues), and only the channel, holding the key, can turn the
id back into the number it must send to.
"""

import hashlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from bot.privacy import base64url


class Pseudonyms:
    def __init__(self, secret: str, prefix: str) -> None:
        if not secret:
            raise ValueError("a pseudonym key needs a secret")
        # AES-SIV takes a 64-byte key; derived, so the municipality manages one secret per channel.
        key = hashlib.sha512(b"wmo-assistent pseudonym\0" + secret.encode()).digest()
        self._cipher = AESSIV(key)
        self._prefix = prefix

    def conversation_id(self, address: str) -> str:
        sealed = self._cipher.encrypt(address.encode(), None)
        return self._prefix + base64url.encode(sealed)

    def address(self, conversation_id: str) -> str | None:
        """The address behind an id this channel made; None for any other id."""
        if not conversation_id.startswith(self._prefix):
            return None
        token = conversation_id[len(self._prefix) :]
        try:
            return self._cipher.decrypt(base64url.decode(token), None).decode()
        except (InvalidTag, ValueError):
            return None
