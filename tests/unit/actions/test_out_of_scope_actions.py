"""Another municipal service declined kindly and pointed to its desk: by the message's words, or by
the desk the NLU suggested by meaning when no word names one."""

from actions.out_of_scope import ActionOutOfScope
from tests.helpers import run, user


def answer(text: str, suggested: str | None = None) -> str:
    entities = [("service", suggested)] if suggested else []
    (said,), _, _ = run(ActionOutOfScope(), message=user(text, "out_of_scope", entities))
    return str(said.get("text") or said.get("response"))


def test_the_words_name_the_desk() -> None:
    assert "https://www.voorbeeldstad.example/afval" in answer("wanneer wordt het grofvuil opgehaald")


def test_without_a_desk_word_the_suggested_desk_is_named() -> None:
    text = "ik moet mijn nieuwe pas voor de reis ophalen"
    assert "https://www.voorbeeldstad.example/burgerzaken" in answer(text, "paspoort, id-kaart en rijbewijs")


def test_the_words_win_over_a_suggestion() -> None:
    assert "/afval" in answer("mijn kliko is kapot", "parkeren")


def test_an_unknown_suggestion_and_no_words_give_the_kind_general_decline() -> None:
    assert answer("vertel een mop", "bestaat niet") == "utter_out_of_scope"
