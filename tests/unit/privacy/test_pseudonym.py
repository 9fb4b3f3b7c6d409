"""WhatsApp numbers become conversation ids that only the channel can read back, with a key of their
own: a channel secret plays no part, and a rotated pseudonym key keeps old ids readable."""

import pytest

from bot.privacy.pseudonym import Pseudonyms

KEY = "k" * 32
NEW_KEY = "n" * 32
NUMBER = "31612345678"


def test_ids_are_stable_reversible_and_private() -> None:
    names = Pseudonyms(KEY, "wa-")
    first = names.conversation_id(NUMBER)
    assert first == names.conversation_id(NUMBER) != names.conversation_id("31687654321")
    assert NUMBER not in first and first.startswith("wa-")
    assert names.address(first) == NUMBER
    assert Pseudonyms("a" * 32, "wa-").address(first) is None
    assert names.address("tw-" + first[3:]) is None
    assert names.address(first[:-2] + "xx") is None
    assert names.address("wa-%%%") is None


def test_each_channel_has_its_own_ids_from_one_key() -> None:
    cloud, twilio = Pseudonyms(KEY, "wa-"), Pseudonyms(KEY, "tw-")
    assert cloud.conversation_id(NUMBER)[3:] != twilio.conversation_id(NUMBER)[3:]
    assert twilio.address("tw-" + cloud.conversation_id(NUMBER)[3:]) is None


def test_after_rotation_old_ids_still_lead_to_their_number_and_new_ids_use_the_new_key() -> None:
    before = Pseudonyms(KEY, "wa-")
    old_id = before.conversation_id(NUMBER)
    rotating = Pseudonyms(NEW_KEY, "wa-", previous_key=KEY)
    new_id = rotating.conversation_id(NUMBER)
    assert new_id != old_id
    assert rotating.address(old_id) == NUMBER  # staff can still answer a handoff made before
    assert rotating.address(new_id) == NUMBER
    assert Pseudonyms(NEW_KEY, "wa-").address(old_id) is None  # once the previous key is gone


@pytest.mark.parametrize("key", ["", "geheim", "x" * 31])
def test_a_short_key_is_refused(key: str) -> None:
    with pytest.raises(ValueError, match="at least 32 characters"):
        Pseudonyms(key, "wa-")
    with pytest.raises(ValueError, match="at least 32 characters"):
        Pseudonyms(KEY, "wa-", previous_key=key or "kort")
