"""The gate every channel puts before Rasa: ordinary messages pass; a huge one, or one over the rate
limits, is answered on the resident's own channel and never reaches the assistant; a message that
signals danger gets the help lines whatever the limits say; and a message the assistant could not
handle gets the apology (the help lines first on danger) where the channel answers at once."""

import asyncio
from collections.abc import Iterator

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.dialogue.unavailable import apology
from bot.municipality import municipality
from bot.rate_limits import rate_limiter
from bot.settings import settings
from channels.resident_gate import gated


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """3 messages a minute per sender, 5 per address, counted afresh for each test."""
    monkeypatch.setenv("WMO_RATE_LIMIT_SENDER", "3/minute")
    monkeypatch.setenv("WMO_RATE_LIMIT_ADDRESS", "5/minute")
    monkeypatch.delenv("REDIS_HOST", raising=False)
    settings.cache_clear()
    rate_limiter.cache_clear()
    yield
    settings.cache_clear()
    rate_limiter.cache_clear()


def through_gate(
    *messages: tuple[str, str, str | None], store_down: bool = False, answer_failures: bool = True
) -> tuple[list[str], dict[str, list[str]]]:
    """(what reached the assistant, what each sender was answered by the gate) for (sender, text, address)."""
    passed: list[str] = []
    outputs: dict[str, CollectingOutputChannel] = {}

    async def assistant(message: UserMessage) -> None:
        if store_down:
            raise ConnectionError("the conversation store does not answer")
        passed.append(message.text or "")

    async def run() -> None:
        gate = gated(assistant, "socketio", answer_failures)
        for sender, text, address in messages:
            output = outputs.setdefault(sender, CollectingOutputChannel())
            await gate(UserMessage(text, output, sender), address)

    asyncio.run(run())
    return passed, {sender: [m["text"] for m in output.messages] for sender, output in outputs.items()}


def test_an_ordinary_question_reaches_the_assistant() -> None:
    assert through_gate(("bewoner", "Wat kost een scootmobiel?", None)) == (
        ["Wat kost een scootmobiel?"],
        {"bewoner": []},
    )


def test_a_huge_message_is_answered_without_the_assistant() -> None:
    passed, answered = through_gate(("bewoner", "mail a@b.nl " * 9_000, None))
    assert passed == []
    assert len(answered["bewoner"]) == 1 and "te lang" in answered["bewoner"][0]


def test_a_flood_from_one_sender_is_asked_to_wait_once_and_another_resident_is_answered() -> None:
    flood = [("script", f"vraag {n}", "203.0.113.9") for n in range(6)]
    passed, answered = through_gate(*flood, ("bewoner", "Wat is de Wmo?", "198.51.100.2"))
    assert passed == ["vraag 0", "vraag 1", "vraag 2", "Wat is de Wmo?"]
    assert len(answered["script"]) == 1 and answered["script"][0].startswith("Ik krijg nu te veel berichten")
    assert answered["bewoner"] == []


def test_a_flood_from_one_address_is_asked_to_wait_and_another_address_is_answered() -> None:
    flood = [(f"sessie-{n}", "hallo", "203.0.113.9") for n in range(7)]
    passed, answered = through_gate(*flood, ("bewoner", "Wat is de Wmo?", "198.51.100.2"))
    assert passed == ["hallo"] * 5 + ["Wat is de Wmo?"]
    assert [len(answered[f"sessie-{n}"]) for n in range(7)] == [0] * 5 + [1, 1]


def test_danger_gets_the_help_lines_while_rate_limited_every_time() -> None:
    flood = [("bewoner", "hallo", None)] * 4
    danger = [("bewoner", "ik wil niet meer leven", None)] * 2
    passed, answered = through_gate(*flood, *danger)
    assert passed == ["hallo"] * 3
    busy, first_help, _, second_help, _ = answered["bewoner"]
    assert "te veel berichten" in busy
    assert "113" in first_help and "113" in second_help and "112" in first_help


def test_a_message_the_assistant_could_not_handle_gets_the_apology() -> None:
    question = ("bewoner", "Wat kost een scootmobiel?", None)
    assert through_gate(question, store_down=True) == ([], {"bewoner": [apology(municipality())]})


def test_danger_in_a_message_the_assistant_could_not_handle_gets_the_help_lines_first() -> None:
    _, answered = through_gate(("bewoner", "ik wil niet meer leven", None), store_down=True)
    assert len(answered["bewoner"]) == 3 and "113" in answered["bewoner"][0]
    assert answered["bewoner"][-1] == apology(municipality())


def test_a_channel_whose_platform_sends_again_gets_the_failure_itself() -> None:
    with pytest.raises(ConnectionError):
        through_gate(("bewoner", "Wat kost een scootmobiel?", None), store_down=True, answer_failures=False)
