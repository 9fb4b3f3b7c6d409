"""The website channel's view of a visitor's network address, which limits open handoffs per
address: the one a trusted proxy forwards, the connection's own, and none for this machine."""

from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from bot.rate_limits import trusted_proxies
from bot.settings import settings
from channels.website_chat import visitor_address


@pytest.fixture(autouse=True)
def proxy_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WMO_TRUSTED_PROXIES", "127.0.0.1")
    settings.cache_clear()
    trusted_proxies.cache_clear()
    yield
    settings.cache_clear()
    trusted_proxies.cache_clear()


@pytest.mark.parametrize(
    "forwarded, peer, address",
    [
        ("203.0.113.7", "127.0.0.1", "203.0.113.7"),  # behind the trusted proxy
        ("203.0.113.7", "198.51.100.9", "198.51.100.9"),  # a header from anyone else is not believed
        (None, "198.51.100.9", "198.51.100.9"),  # straight to the assistant
        (None, "127.0.0.1", None),  # the proxy forwarded nothing: every visitor would be this one address
        (None, "::1", None),
    ],
)
def test_a_visitors_address_is_the_forwarded_or_the_connections_own(
    forwarded: str | None, peer: str, address: str | None
) -> None:
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    assert visitor_address(SimpleNamespace(ip=peer, headers=headers)) == address  # type: ignore[arg-type]
    assert visitor_address(None) is None
