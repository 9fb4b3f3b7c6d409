"""The address a resident's message came from, as the rate limits count it.

Behind a reverse proxy every request comes from the proxy; the resident's address is in
`X-Forwarded-For`. That header is whatever the client wrote, plus what each proxy appended, so it is
read only when the request comes from a proxy the municipality named as trusted
(`WMO_TRUSTED_PROXIES`), and then from the right: the first address that is not a trusted proxy is
the one our own proxy saw. Anything a client put before it is never believed.

An IPv6 address counts by its /64: one household or phone gets a whole /64 and can change the rest at
will.
"""

import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def trusted_networks(text: str | None) -> tuple[Network, ...]:
    """ "127.0.0.1, 10.0.0.0/8, ::1": addresses and networks, separated by commas."""
    parts = [part.strip() for part in (text or "").split(",") if part.strip()]
    try:
        return tuple(ipaddress.ip_network(part, strict=False) for part in parts)
    except ValueError as error:
        raise ValueError(f"WMO_TRUSTED_PROXIES: {error}") from None


def _parse(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: Address, trusted: Sequence[Network]) -> bool:
    return any(address in network for network in trusted)


def _counted(address: Address) -> str:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def client_address(peer: str | None, forwarded_for: str | None, trusted: Sequence[Network]) -> str | None:
    """The address to count: the peer's, unless the peer is a trusted proxy that says who it forwards."""
    address = _parse(peer or "")
    if address is None:
        return None
    if _trusted(address, trusted):
        for hop in reversed((forwarded_for or "").split(",")):
            forwarded = _parse(hop)
            if forwarded is None:
                break  # not written by a proxy we trust: stop believing the header here
            address = forwarded
            if not _trusted(forwarded, trusted):
                break
    return _counted(address)
