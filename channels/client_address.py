"""The address of the client behind a request, for the rate limits (channels/resident_gate.py) and
the staff console's sign-in throttling: the peer, or behind a proxy named in `WMO_TRUSTED_PROXIES`
what that proxy wrote in X-Forwarded-For (bot/rate_limits/addresses.py). Sanic's own
`remote_addr` is not used: it reads the header from anyone once it reads it at all."""

from sanic.request import Request

from bot.rate_limits import client_address, trusted_proxies


def client_address_of(request: Request) -> str | None:
    return client_address(request.ip, request.headers.get("x-forwarded-for"), trusted_proxies())
