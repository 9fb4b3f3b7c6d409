"""Rate limits as a municipality writes them, and the address they count: X-Forwarded-For believed
only from a proxy the municipality trusts, and then only what that proxy appended."""

import pytest

from bot.rate_limits.addresses import client_address, trusted_networks
from bot.rate_limits.rules import Rule, parse_rules

PROXY = trusted_networks("127.0.0.1, 10.0.0.0/8")


def test_rules_are_read_as_written() -> None:
    assert parse_rules("30/minute, 300/hour") == (Rule(30, 60), Rule(300, 3600))
    assert parse_rules(" 5 / seconds ,1/day") == (Rule(5, 1), Rule(1, 86400))
    assert parse_rules("off") == parse_rules("OFF") == ()


@pytest.mark.parametrize("written", ["30", "30/minuut", "0/minute", "30/minute;300/hour", "", "-1/hour"])
def test_a_rule_that_cannot_be_read_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="is not a rate limit"):
        parse_rules(written)


def test_a_bad_trusted_proxy_is_refused() -> None:
    with pytest.raises(ValueError, match="WMO_TRUSTED_PROXIES"):
        trusted_networks("10.0.0.0/8, proxy.example")


def test_without_a_trusted_proxy_the_header_is_ignored() -> None:
    assert client_address("203.0.113.7", "198.51.100.1", ()) == "203.0.113.7"
    assert client_address("203.0.113.7", "198.51.100.1", PROXY) == "203.0.113.7"


def test_behind_a_trusted_proxy_the_address_it_appended_counts() -> None:
    assert client_address("127.0.0.1", "198.51.100.1", PROXY) == "198.51.100.1"
    # A client that writes its own header cannot choose its address: the proxy appends the real one.
    assert client_address("127.0.0.1", "1.2.3.4, 198.51.100.1", PROXY) == "198.51.100.1"
    # Two proxies of the municipality: the first address from the right that is not one of them.
    assert client_address("127.0.0.1", "198.51.100.1, 10.0.0.5", PROXY) == "198.51.100.1"


def test_a_header_that_is_not_an_address_is_not_believed() -> None:
    assert client_address("127.0.0.1", "nonsense", PROXY) == "127.0.0.1"
    assert client_address("127.0.0.1", None, PROXY) == "127.0.0.1"
    assert client_address(None, "198.51.100.1", PROXY) is None


def test_an_ipv6_address_counts_by_its_64_block() -> None:
    assert client_address("2001:db8:1:2::1", None, ()) == client_address("2001:db8:1:2:ffff::9", None, ())
    assert client_address("2001:db8:1:2::1", None, ()) != client_address("2001:db8:1:3::1", None, ())
    assert client_address("::ffff:203.0.113.7", None, ()) == "203.0.113.7"
