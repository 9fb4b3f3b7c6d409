"""A decision spoken of decides the bezwaar answer; an item asked about without one is no objection."""

import pytest

from bot.dialogue.objection import speaks_of_a_decision


@pytest.mark.parametrize(
    "text",
    [
        "mijn aanvraag voor een traplift is afgewezen",
        "ik ben het niet eens met de beschikking",
        "de gemeente zegt nee tegen de scootmobiel van mijn moeder",
        "hoe teken ik bezwaar aan",
        "ze willen de huishoudelijke hulp van mijn vader stoppen",
        "waar kan ik een klacht indienen over de thuiszorg",
    ],
)
def test_a_decision_is_heard(text: str) -> None:
    assert speaks_of_a_decision(text)


@pytest.mark.parametrize(
    "text",
    [
        "krijgt mijn moeder een rookmelder met flitslicht vergoed",
        "betaalt de gemeente een inductiekookplaat",
        "kan ik een e-bike krijgen van de wmo",
    ],
)
def test_a_question_whether_something_is_paid_for_is_no_decision(text: str) -> None:
    assert not speaks_of_a_decision(text)
