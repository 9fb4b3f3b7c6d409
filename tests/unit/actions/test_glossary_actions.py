"""action_define_term explains a term with its source, hands a provision to the provision answer and
answers an unknown word kindly; action_aid_repair names the aid the resident means."""

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.glossary import ActionDefineTerm
from actions.services import Services
from actions.topics import ActionAidRepair
from tests.helpers import dispatch, make_tracker, texts


def with_terms(tracker: Tracker, *keys: str) -> Tracker:
    tracker.latest_message["entities"] += [{"entity": "term", "value": key} for key in keys]
    return tracker


def test_a_term_gets_its_definition_and_source(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    events = dispatch(
        ActionDefineTerm(),
        dispatcher,
        with_terms(make_tracker("Wat betekent beschikking?", "define_term"), "beschikking"),
    )
    (text,) = texts(dispatcher)
    assert text.startswith("Beschikking: De beschikking is de brief met het besluit")
    assert "Bron: Wmo 2015, art. 2.3.5 lid 2. Gecontroleerd op" in text
    assert events == []


def test_two_terms_get_two_definitions(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    tracker = with_terms(
        make_tracker("wat is het CAK en het abonnementstarief", "define_term"), "cak", "abonnementstarief"
    )
    dispatch(ActionDefineTerm(), dispatcher, tracker)
    first, second = texts(dispatcher)
    assert first.startswith("CAK:") and second.startswith("Abonnementstarief:")


def test_a_provision_named_instead_gets_the_provision_answer(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    events = dispatch(
        ActionDefineTerm(), dispatcher, make_tracker("Wat is een traplift?", "define_term", ["woningaanpassing"])
    )
    (message,) = dispatcher.messages
    assert message["text"].startswith("Woningaanpassing (maatwerkvoorziening")
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Meer weten", '/eligibility_rules{"provision":"woningaanpassing"}'),
        ("Wat kost het?", "/own_contribution"),
        ("Kom ik in aanmerking", "/check_eligibility"),
    ]
    assert events == [{"event": "slot", "timestamp": None, "name": "provision", "value": "woningaanpassing"}]


def test_a_provision_s_own_word_with_a_definition_gets_the_definition(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionDefineTerm(),
        dispatcher,
        make_tracker("Wat is een mantelzorger?", "define_term", ["mantelzorgondersteuning"]),
    )
    (text,) = texts(dispatcher)
    assert text.startswith("Mantelzorger: Een mantelzorger is iemand die mantelzorg geeft")


def test_an_unknown_word_gets_a_kind_offer(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    dispatch(ActionDefineTerm(), dispatcher, make_tracker("Wat betekent flapdrol?", "define_term"))
    assert texts(dispatcher) == ["utter_define_term_unknown"]


def test_a_named_aid_is_named_in_the_repair_answer(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    dispatch(
        ActionAidRepair(),
        dispatcher,
        make_tracker("de accu van mijn scootmobiel is leeg", "aid_repair", ["scootmobiel"]),
    )
    (message,) = dispatcher.messages
    assert message["response"] == "utter_aid_repair" and message["aid"] == "uw scootmobiel"


def test_the_aid_talked_about_before_counts(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    dispatch(ActionAidRepair(), dispatcher, make_tracker("hij is kapot", "aid_repair", slots={"provision": "rolstoel"}))
    (message,) = dispatcher.messages
    assert message["aid"] == "uw rolstoel"


def test_without_an_aid_the_repair_answer_is_general(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionAidRepair(),
        dispatcher,
        make_tracker("wie betaalt de reparatie", "aid_repair", ["huishoudelijke_ondersteuning"]),
    )
    (message,) = dispatcher.messages
    assert message["aid"] == "uw hulpmiddel"
