"""A channel secret rotated (README "Rotating secrets") keeps every WhatsApp conversation: the
conversation id comes from WMO_PSEUDONYM_KEY, not from the app secret or the auth token. Two runs of
the assistant on one stored conversation database, the second with new channel secrets."""

from pathlib import Path

from bot.privacy.pseudonym import Pseudonyms
from tests.helpers import ACTION_PORT, PSEUDONYM_KEY, RASA_PORT, assistant_environment
from tests.live.assistant_process import running_assistant
from tests.live.channel_clients import (
    cloud_post,
    cloud_signature,
    cloud_text,
    new_resident,
    texts,
    twilio_post,
    twilio_text,
)
from tests.live.fake_api import FakeApi

ENDPOINTS = """
action_endpoint:
  url: ${{ACTION_SERVER_URL}}
  headers:
    Authorization: Bearer ${{ACTION_SERVER_TOKEN}}
tracker_store:
  type: stores.redacting_tracker_store.RedactingTrackerStore
  store:
    type: sql
    dialect: sqlite
    db: {db}
"""


def test_a_rotated_channel_secret_keeps_the_conversation(model_path: Path, tmp_path: Path, fake_api: FakeApi) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(ENDPOINTS.format(db=tmp_path / "conversations.db"))
    cloud_resident, twilio_resident = new_resident(), new_resident()
    first_secrets = {"WHATSAPP_APP_SECRET": "app-secret-before", "TWILIO_AUTH_TOKEN": "auth-token-before"}
    second_secrets = {"WHATSAPP_APP_SECRET": "app-secret-after", "TWILIO_AUTH_TOKEN": "auth-token-after"}
    for secrets, said in ((first_secrets, "Wat is de Wmo?"), (second_secrets, "Wat kost een scootmobiel?")):
        env = {**assistant_environment(tmp_path, fake_api), **secrets, "RASA_ENDPOINTS": str(endpoints)}
        with running_assistant(model_path, tmp_path, RASA_PORT + 60, ACTION_PORT + 60, env) as assistant:
            body = cloud_text(cloud_resident, said)
            assert cloud_post(assistant, body, cloud_signature(body, secrets["WHATSAPP_APP_SECRET"]))[0] == 200
            form = twilio_text(twilio_resident, said)
            assert twilio_post(assistant, form, secrets["TWILIO_AUTH_TOKEN"])[0] == 204
            cloud_id = Pseudonyms(PSEUDONYM_KEY, "wa-").conversation_id(cloud_resident)
            twilio_id = Pseudonyms(PSEUDONYM_KEY, "tw-").conversation_id(f"whatsapp:+{twilio_resident}")
            conversations = {
                channel: [e["text"] for e in assistant.tracker(conversation)["events"] if e["event"] == "user"]
                for channel, conversation in (("cloud", cloud_id), ("twilio", twilio_id))
            }
    # After the rotation both residents are still in the one conversation they had, and answered.
    expected = ["Wat is de Wmo?", "Wat kost een scootmobiel?"]
    assert conversations == {"cloud": expected, "twilio": expected}
    assert "abonnementstarief" in " ".join(texts(fake_api.sent_to(cloud_resident)))
    assert "abonnementstarief" in " ".join(texts(fake_api.sent_to(f"whatsapp:+{twilio_resident}")))
