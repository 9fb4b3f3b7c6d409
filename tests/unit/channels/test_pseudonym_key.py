"""WhatsApp and Twilio take their conversation ids from WMO_PSEUDONYM_KEY: without it they stay off
and say which variable is missing; with it, the id of a number does not depend on the channel's
own secret."""

import logging

import pytest
from rasa.core.channels.channel import InputChannel

from channels.twilio_whatsapp import TwilioWhatsAppInput
from channels.whatsapp_cloud import WhatsAppCloudInput
from tests.helpers import PSEUDONYM_KEY, TWILIO_SECRETS, WHATSAPP_SECRETS

CHANNELS = [
    (WhatsAppCloudInput, WHATSAPP_SECRETS, "WHATSAPP_APP_SECRET"),
    (TwilioWhatsAppInput, TWILIO_SECRETS, "TWILIO_AUTH_TOKEN"),
]


@pytest.mark.parametrize(("channel", "secrets", "secret"), CHANNELS)
def test_without_the_pseudonym_key_the_channel_stays_off(
    channel: type[InputChannel],
    secrets: dict[str, str],
    secret: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("WMO_PSEUDONYM_KEY", raising=False)
    with caplog.at_level(logging.WARNING):
        assert channel.from_credentials(None).get_output_channel() is None
    assert "WMO_PSEUDONYM_KEY" in caplog.text


@pytest.mark.parametrize(("channel", "secrets", "secret"), CHANNELS)
def test_a_new_channel_secret_gives_the_same_conversation_id(
    channel: type[InputChannel], secrets: dict[str, str], secret: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = []
    for value in ("secret-before", "secret-after"):
        for name, setting in {**secrets, secret: value, "WMO_PSEUDONYM_KEY": PSEUDONYM_KEY}.items():
            monkeypatch.setenv(name, setting)
        ids.append(channel.from_credentials(None).pseudonyms.conversation_id("31612345678"))
    assert ids[0] == ids[1]
