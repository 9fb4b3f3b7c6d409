"""Which doors are public, and the header token that opens the others."""

import pytest

from bot.access import bearer_token_ok, is_public


@pytest.mark.parametrize(
    "path",
    ["/", "/webhooks/whatsapp/webhook", "/webhooks/twilio/webhook", "/chat/", "/medewerkers/inloggen", "/socket.io/"],
)
def test_channels_the_page_and_the_console_are_public(path: str) -> None:
    assert is_public(path)


def test_the_rest_channel_is_open_only_where_configured() -> None:
    assert not is_public("/webhooks/rest/webhook")
    assert is_public("/webhooks/rest/webhook", open_rest=True)


@pytest.mark.parametrize("path", ["/status", "/conversations/abc/tracker", "/model", "/version", "/webhooks"])
def test_the_http_api_is_not_public(path: str) -> None:
    assert not is_public(path)


@pytest.mark.parametrize(
    "header, expected, allowed",
    [
        ("Bearer geheim", "geheim", True),
        ("bearer geheim", "geheim", True),
        ("Bearer geheim2", "geheim", False),
        ("Bearer gehei", "geheim", False),
        ("geheim", "geheim", False),
        ("Basic geheim", "geheim", False),
        (None, "geheim", False),
        ("", "geheim", False),
        ("Bearer ", None, False),
        ("Bearer ", "", False),
    ],
)
def test_only_the_configured_bearer_token_opens(header: str | None, expected: str | None, allowed: bool) -> None:
    assert bearer_token_ok(header, expected) is allowed
