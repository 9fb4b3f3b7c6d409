"""Which doors of the servers are open to everyone, and the token that opens the others.

Residents, webhooks and staff come in through the channels, the demo page and the staff console,
each with its own checks. Everything else (Rasa's HTTP API, the action server) reads and changes
every conversation, so it needs a secret token in the `Authorization: Bearer` header, compared in
constant time. A token in the query string is refused outright: it lands in proxy logs.
"""

import hmac

# Path prefixes of the Rasa server that are public by design; each has its own checks. /health tells
# only which part is down; /metrics asks its own token (channels/operations.py).
PUBLIC_PREFIXES = ("/webhooks/", "/chat", "/medewerkers", "/socket.io", "/health", "/metrics")
# Rasa's REST channel checks nothing: anyone could write into any conversation. Open only where
# configured (the local run and the tests); in production it needs the API token like the API.
REST_PREFIX = "/webhooks/rest/"
# Request bodies beyond this are refused before they are read: a message is at most a few
# thousand characters, a WhatsApp webhook a few kilobytes.
MAX_BODY_BYTES = 256 * 1024


def is_public(path: str, open_rest: bool = False) -> bool:
    # "/" is Rasa's liveness answer ("Hello from Rasa"), used by load balancers.
    if path.startswith(REST_PREFIX):
        return open_rest
    return path == "/" or path.startswith(PUBLIC_PREFIXES)


def same_secret(supplied: str, expected: str) -> bool:
    """Compared in constant time, whatever the client sent: Sanic reads header bytes that are not
    UTF-8 as surrogates, which a plain encode() refuses, and compare_digest refuses a str that is not
    ASCII; either answered 500 before."""
    return hmac.compare_digest(supplied.encode("utf-8", "surrogateescape"), expected.encode())


def bearer_token_ok(authorization: str | None, expected: str | None) -> bool:
    """True only for `Bearer <expected>`; an unset expected token opens nothing."""
    if not expected:
        return False
    scheme, _, supplied = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and same_secret(supplied.strip(), expected)
