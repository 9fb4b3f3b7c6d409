"""Another municipal service declined kindly and pointed to its desk: by the message's words, or by
the desk the NLU suggested by meaning when no word names one."""

from actions.out_of_scope import ActionOutOfScope
from actions.services import Services
from tests.helpers import run, user


def answer(text: str, suggested: str | None = None) -> str:
    entities = [("service", suggested)] if suggested else []
    (said,), _, _ = run(ActionOutOfScope(), message=user(text, "out_of_scope", entities))
    return str(said.get("text") or said.get("response"))


def test_the_words_name_the_desk() -> None:
    assert "https://www.voorbeeldstad.example/afval" in answer("wanneer wordt het grofvuil opgehaald")


def test_without_a_desk_word_the_suggested_desk_is_named(action_services: Services) -> None:
    text = "ik moet mijn nieuwe pas voor de reis ophalen"
    assert "https://www.voorbeeldstad.example/burgerzaken" in answer(text, "paspoort, id-kaart en rijbewijs")


def test_the_words_win_over_a_suggestion() -> None:
    assert "/afval" in answer("mijn kliko is kapot", "parkeren")


def test_an_unknown_suggestion_and_no_words_give_the_kind_general_decline(action_services: Services) -> None:
    assert answer("vertel een mop", "bestaat niet") == "utter_out_of_scope"


def test_a_wmo_item_without_a_desk_word_is_answered_as_wmo(action_services: Services) -> None:
    text = "mijn moeder is doof, krijgt ze een rookmelder met flitslicht vergoed?"
    said, _, _ = run(
        ActionOutOfScope(), message=user(text, "out_of_scope", [("service", "paspoort, id-kaart en rijbewijs")])
    )
    assert said[0]["text"].startswith("Voor een rookmelder met flitslicht of trilkussen geldt: dat is niet zomaar")
    assert said[1]["response"] == "utter_offer_check"


def test_a_desk_word_beside_a_wmo_item_still_names_the_desk() -> None:
    assert "/parkeren" in answer("mag ik met mijn e-bike op de gehandicaptenparkeerplaats staan")


def test_a_provision_named_without_a_desk_word_gets_its_answer(action_services: Services) -> None:
    text = "ik wil nog leren lezen en schrijven, waar kan dat"
    said, slots, _ = run(ActionOutOfScope(), message=user(text, "out_of_scope", [("provision", "taalhuis")]))
    assert said[0]["text"].startswith("Taalhuis") and said[0]["buttons"]
    assert slots == {"provision": "taalhuis"}


def test_a_desk_word_beside_a_provision_still_names_the_desk() -> None:
    text = "ik zit in een rolstoel, kan ik een gehandicaptenparkeerkaart krijgen"
    (said,), _, _ = run(ActionOutOfScope(), message=user(text, "out_of_scope", [("provision", "rolstoel")]))
    assert "/parkeren" in said["text"]
