"""The running assistant over its REST channel: Dutch questions in, the right answers out, and bad
input answered clearly. Starts scripts/serve (action server and Rasa server) on spare ports."""

import uuid

import pytest

from tests.live.assistant_process import Assistant, joined


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Voor wie is de Wmo?", "zo lang mogelijk thuis"),
        ("Welke ondersteuning is er vanuit de Wmo?", "Algemene voorzieningen zijn er voor iedereen"),
        ("Kan ik huishoudelijke hulp krijgen?", "Huishoudelijke ondersteuning (maatwerkvoorziening"),
        ("Hoe vraag ik een traplift aan?", "Woningaanpassing aanvragen"),
        ("Wanneer krijg ik geen maatwerkvoorziening?", "algemeen gebruikelijk"),
        ("Wat kost een scootmobiel?", "In 2024 was dat maximaal € 20,60 per maand"),
        ("Moet ik betalen voor een rolstoelvoorziening?", "Voor rolstoel betaalt u geen eigen bijdrage"),
        # The difference: both forms explained, whichever of the two answers the model picks.
        ("wat is het verschil tussen pgb en zorg in natura", "Zorg in natura"),
        ("mijn moeder is doof, krijgt ze een rookmelder met flitslicht vergoed?", "rookmelder met flitslicht"),
        ("valt wijkverpleging onder de wmo", "uw zorgverzekering"),
        ("hoe lang duurt het voor ik een besluit krijg", "binnen 6 weken"),
        ("wanneer wordt het afval opgehaald", "https://www.voorbeeldstad.example/afval"),
        # An item, not a provision: whether the gemeente pays for it at all.
        ("kan ik rookmelders krijgen van de wmo?", "Iemand zonder beperking betaalt rookmelders ook zelf"),
        (
            "wat kost een inductiekookplaat via de gemeente?",
            "Iemand zonder beperking betaalt een inductiekookplaat ook zelf",
        ),
    ],
)
def test_a_residents_question_gets_the_right_dutch_answer(assistant: Assistant, question: str, expected: str) -> None:
    assert expected in joined(assistant.say(uuid.uuid4().hex, question))


def test_what_does_that_cost_follows_the_conversation(assistant: Assistant) -> None:
    sender = uuid.uuid4().hex
    assert "Woningaanpassing" in joined(assistant.say(sender, "Kan ik een woonaanpassing krijgen?"))
    answer = joined(assistant.say(sender, "Wat kost dat?"))
    assert "Voor woningaanpassing betaalt u een eigen bijdrage" in answer and "2024" in answer


def test_a_button_payload_answers_for_the_chosen_provision(assistant: Assistant) -> None:
    sender = uuid.uuid4().hex
    choice = assistant.say(sender, "ik heb een vraag over een voorziening")
    assert any(
        b["payload"] == '/provision_info{"provision":"dagbesteding"}' for m in choice for b in m.get("buttons", [])
    )
    assert "Dagbesteding (maatwerkvoorziening" in joined(
        assistant.say(sender, '/provision_info{"provision":"dagbesteding"}')
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀🙏👍",
        "<script>alert('x')</script>",
        "'; DROP TABLE provisions; --",
        "scootmobiel " * 910,
        "\u202eطلب مساعدة",
        '/provision_info{"provision":"bestaat_niet"}',
        "/restart",
    ],
)
def test_bad_input_gets_a_clear_answer_and_breaks_nothing(assistant: Assistant, text: str) -> None:
    sender = uuid.uuid4().hex
    messages = assistant.say(sender, text)
    assert messages and all(m.get("text") or m.get("buttons") for m in messages)
    assert "<script>" not in joined(messages)
    assert "Huishoudelijke ondersteuning" in joined(assistant.say(sender, "Kan ik huishoudelijke hulp krijgen?"))


def test_malformed_json_is_refused_with_a_clear_error(assistant: Assistant) -> None:
    status, body = assistant.post(b"{not json")
    assert status == 400 and "json" in body["message"].lower()


def test_personal_details_do_not_reach_the_log(assistant: Assistant) -> None:
    assistant.say(uuid.uuid4().hex, "Mijn BSN is 123456782 en mijn nummer 0612345678, ik heb MS en wil een rolstoel")
    log = assistant.log.read_text(encoding="utf-8")
    assert "123456782" not in log and "0612345678" not in log and "MS en wil" not in log
