"""Which messages a form hands back: a question in between is answered, an answer stays an answer."""

from bot.dialogue.interruptions import asked_in_between, ends_or_pauses
from bot.dialogue.message import Message


def test_a_sure_question_in_between_is_answered() -> None:
    assert asked_in_between(Message("wat kost dat", "own_contribution", 0.9))
    assert not asked_in_between(Message("wat kost dat", "own_contribution", 0.4))


def test_a_provision_question_that_names_no_provision_stays_an_answer() -> None:
    assert not asked_in_between(Message("Dorpsstraat", "provision_info", 1.0))
    assert asked_in_between(Message("wat is een traplift", "provision_info", 0.9, ("woningaanpassing",)))


def test_a_sure_wish_to_stop_pauses_the_form() -> None:
    assert ends_or_pauses(Message("stoppen", "stop", 0.9)) and not ends_or_pauses(Message("stoppen", "stop", 0.3))
