"""A question about what a provision costs is recognised by its words, in residents' phrasings, and
questions about the provision itself, or about effort and time, are not."""

import pytest

from bot.dialogue.cost_question import asks_cost


@pytest.mark.parametrize(
    "text",
    [
        "Moet ik betalen voor een rolstoelvoorziening?",
        "moet ik iets betalen voor huishoudelijke hulp",
        "moet mijn moeder betalen voor dagbesteding",
        "hoeveel moet ik zelf betalen voor een traplift",
        "wat kost een scootmobiel",
        "kost het geld, een scootmobiel?",
        "is de eigen bijdrage hoog voor begeleiding",
        "moeten we zelf iets betalen voor de woningaanpassing",
    ],
)
def test_a_cost_question_is_recognised(text: str) -> None:
    assert asks_cost(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kan ik een traplift krijgen?",
        "wat is een rolstoel",
        "krijg ik een rolstoel als ik niet kan lopen",
        "kost het veel moeite om een scootmobiel aan te vragen",
        "kost dat veel tijd, zo'n aanvraag",
        "moet ik een formulier invullen voor een traplift",
    ],
)
def test_a_question_about_the_provision_itself_is_no_cost_question(text: str) -> None:
    assert not asks_cost(text)
