"""Unpadded URL-safe base64, for tokens and pseudonyms that travel in URLs, cookies and ids."""

import base64


def encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
