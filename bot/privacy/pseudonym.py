"""Conversation ids for messaging channels that are not the resident's phone number.

WhatsApp identifies a resident by phone number. Used as Rasa's conversation id, that number would
sit in the tracker store, the event stream, the handoff records and every log line that names the
conversation. Instead the id is the number encrypted with AES-SIV: the same number always gives
the same id (so the conversation continues), and only the channel, holding the key, can turn the
id back into the number it must send to.

The key is `WMO_PSEUDONYM_KEY`, apart from every channel secret, so an app secret or auth token can
be rotated without changing a single id. Each channel derives its own key from it (a number has
different ids on Cloud API and Twilio). When the pseudonym key itself is rotated, the previous one
stays readable (`WMO_PSEUDONYM_KEY_PREVIOUS`): ids made with it still lead to their number, so
staff can answer open handoffs, while new messages get ids under the new key.
"""

import hashlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from bot.privacy import base64url

# A key a person can remember is a key someone can guess; 32 characters of `secrets.token_urlsafe` are plenty.
MIN_KEY_CHARACTERS = 32


def _cipher(key: str, prefix: str) -> AESSIV:
    if len(key) < MIN_KEY_CHARACTERS:
        raise ValueError(f"WMO_PSEUDONYM_KEY (and a previous one) must be at least {MIN_KEY_CHARACTERS} characters")
    # AES-SIV takes a 64-byte key; the prefix names the channel, so each channel has its own.
    return AESSIV(hashlib.sha512(b"wmo-assistent pseudonym\0" + prefix.encode() + b"\0" + key.encode()).digest())


class Pseudonyms:
    def __init__(self, key: str, prefix: str, previous_key: str | None = None) -> None:
        self._cipher = _cipher(key, prefix)
        self._readable = [self._cipher, *([_cipher(previous_key, prefix)] if previous_key else [])]
        self._prefix = prefix

    def conversation_id(self, address: str) -> str:
        sealed = self._cipher.encrypt(address.encode(), None)
        return self._prefix + base64url.encode(sealed)

    def address(self, conversation_id: str) -> str | None:
        """The address behind an id this channel made, with the key or the previous one; None for any other id."""
        if not conversation_id.startswith(self._prefix):
            return None
        try:
            sealed = base64url.decode(conversation_id[len(self._prefix) :])
        except ValueError:
            return None
        for cipher in self._readable:
            try:
                return cipher.decrypt(sealed, None).decode()
            except (InvalidTag, ValueError):
                continue
        return None
