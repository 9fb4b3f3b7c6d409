"""Actions answer from the catalogue (a real SQLite database), adapt to the provision and context."""

from typing import NoReturn

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import OperationalError

from actions.catalogue import (
    ActionApplyHow,
    ActionEligibilityRules,
    ActionObjection,
    ActionOwnContribution,
    ActionPgb,
    ActionProvisionInfo,
    ActionProvisionOverview,
    ActionWmoExplain,
)
from actions.fallback import ActionDefaultAskAffirmation
from actions.out_of_scope import ActionOutOfScope
from actions.services import Services
from actions.session import ActionSessionStart
from tests.helpers import dispatch, make_tracker, texts


def test_provision_info_answers_from_the_catalogue_and_offers_the_check(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    events = dispatch(
        ActionProvisionInfo(),
        dispatcher,
        make_tracker("Kan ik een traplift krijgen?", "provision_info", ["woningaanpassing"]),
    )
    message, offer = dispatcher.messages
    assert message["text"].startswith("Woningaanpassing (maatwerkvoorziening")
    assert "traplift" in message["text"] and "Gecontroleerd op" in message["text"]
    # The choices come with the last bubble: the website widget shows only the last message's.
    assert not message["buttons"]
    assert offer["response"] == "utter_offer_check"
    assert offer["buttons"] == [
        {"title": "Meer weten", "payload": '/eligibility_rules{"provision":"woningaanpassing"}'}
    ]
    assert events == [{"event": "slot", "timestamp": None, "name": "provision", "value": "woningaanpassing"}]


def test_an_algemene_voorziening_needs_no_check_and_gets_the_follow_up_questions(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionProvisionInfo(),
        dispatcher,
        make_tracker("is er een maaltijdservice", "provision_info", ["maaltijdvoorziening"]),
    )
    (message,) = dispatcher.messages
    assert message["text"].startswith("Maaltijdservice (algemene voorziening")
    assert [b["payload"] for b in message["buttons"]] == [
        '/eligibility_rules{"provision":"maaltijdvoorziening"}',
        "/own_contribution",
        "/apply_how",
    ]


def test_meer_weten_gives_the_details_of_that_provision(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionEligibilityRules(),
        dispatcher,
        make_tracker('/eligibility_rules{"provision":"rolstoel"}', "eligibility_rules", ["rolstoel"]),
    )
    details, decision = texts(dispatcher)
    assert details.startswith("Rolstoel: Voor inwoners die door een beperking langer dan ongeveer 6 maanden")
    assert "Voorwaarden:" in details and "Meestal niet als:" in details and "Aanvragen: " in details
    assert "Bron: " in details and "\n\n" not in details
    assert decision == "utter_decision_by_municipality"


def test_provision_info_without_a_provision_asks_which_one(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionProvisionInfo(),
        dispatcher,
        make_tracker("Kan ik hulp krijgen?", "provision_info", slots={"provision": "rolstoel"}),
    )
    (message,) = dispatcher.messages
    assert message["response"] == "utter_ask_which_provision"
    payloads = [b["payload"] for b in message["buttons"]]
    assert '/provision_info{"provision":"scootmobiel"}' in payloads and payloads[-1] == "/provision_overview"


@pytest.mark.parametrize(
    ("question", "provision"),
    [
        ("mijn schoonvader is 88 en kan niet meer goed douchen, wat kan de gemeente doen?", "Persoonlijke verzorging"),
        ("wat is er als je je huis niet meer schoon krijgt", "Huishoudelijke ondersteuning"),
    ],
)
def test_a_need_described_without_a_provision_gets_that_needs_provision(
    action_services: Services, dispatcher: CollectingDispatcher, question: str, provision: str
) -> None:
    dispatch(ActionProvisionInfo(), dispatcher, make_tracker(question, "provision_info"))
    assert texts(dispatcher)[0].startswith(provision)
    assert "utter_ask_which_provision" not in texts(dispatcher)


def test_two_provisions_in_one_question_get_two_answers(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionProvisionInfo(),
        dispatcher,
        make_tracker("scootmobiel of rolstoel", "provision_info", ["scootmobiel", "rolstoel"]),
    )
    assert [t.split(" (")[0] for t in texts(dispatcher)] == ["Scootmobiel", "Rolstoel", "utter_offer_check"]
    more = dispatcher.messages[-1]["buttons"]
    assert more == [{"title": "Meer weten", "payload": '/eligibility_rules{"provision":["scootmobiel","rolstoel"]}'}]


def test_what_does_that_cost_uses_the_provision_asked_about_before(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionOwnContribution(),
        dispatcher,
        make_tracker("Wat kost dat?", "own_contribution", slots={"provision": "rolstoel"}),
    )
    assert texts(dispatcher)[0].startswith("Voor rolstoel betaalt u geen eigen bijdrage")


def test_costs_without_a_provision_explain_the_tariff_with_its_year(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(ActionOwnContribution(), dispatcher, make_tracker("Wat is de eigen bijdrage?", "own_contribution"))
    (text,) = texts(dispatcher)
    assert "abonnementstarief" in text and "In 2024 was dat maximaal € 20,60 per maand" in text


def test_pgb_answers_generally_or_for_the_provision(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(ActionPgb(), dispatcher, make_tracker("wat is een pgb", "pgb"))
    dispatch(ActionPgb(), dispatcher, make_tracker("pgb voor boodschappen", "pgb", ["boodschappendienst"]))
    general, specific = texts(dispatcher)
    assert "Zorg in natura" in general and "SVB" in general
    assert "algemene voorziening" in specific and "geen pgb" in specific


def test_apply_how_gives_the_provisions_route_and_the_wijkteam(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionApplyHow(), dispatcher, make_tracker("Hoe vraag ik een traplift aan?", "apply_how", ["woningaanpassing"])
    )
    first, last = texts(dispatcher)
    assert first.startswith("Woningaanpassing aanvragen:") and "voordat u iets laat aanpassen" in first
    assert last == "utter_find_wijkteam"


def test_eligibility_rules_never_decide_and_list_the_grounds_and_what_is_no_ground(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(ActionEligibilityRules(), dispatcher, make_tracker("wanneer krijg ik geen maatwerk", "eligibility_rules"))
    rules, decision = texts(dispatcher)
    grounds, not_grounds = rules.split("\n\n")
    assert grounds.startswith("U krijgt meestal geen maatwerkvoorziening als")
    assert "Alleen uw leeftijd" in not_grounds and "Alleen dat u het zelf kunt betalen" in not_grounds
    assert decision == "utter_decision_by_municipality"


def test_overview_comes_from_the_catalogue(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    dispatch(ActionProvisionOverview(), dispatcher, make_tracker("welke hulp is er", "provision_overview"))
    assert "Algemene voorzieningen" in texts(dispatcher)[0] and "klussenhulp" in texts(dispatcher)[0]


@pytest.mark.parametrize(
    "question, where",
    [
        ("wanneer wordt het afval opgehaald", "https://www.voorbeeldstad.example/afval"),
        ("ik moet mijn paspoort verlengen", "https://www.voorbeeldstad.example/burgerzaken"),
        ("ik wil bezwaar maken tegen mijn woz-waarde", "https://www.voorbeeldstad.example/belastingen"),
        ("ik ga verhuizen", "https://www.voorbeeldstad.example/burgerzaken"),
        ("mijn huur is te hoog", "https://www.voorbeeldstad.example/wonen"),
    ],
)
def test_other_municipal_topics_are_declined_kindly_with_the_right_place(
    action_services: Services, dispatcher: CollectingDispatcher, question: str, where: str
) -> None:
    dispatch(ActionOutOfScope(), dispatcher, make_tracker(question, "out_of_scope"))
    (text,) = texts(dispatcher)
    assert "horen niet bij de Wmo" in text and where in text


def test_nonsense_gets_the_general_out_of_scope_answer(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(ActionOutOfScope(), dispatcher, make_tracker("wat is de hoofdstad van frankrijk", "out_of_scope"))
    assert texts(dispatcher) == ["utter_out_of_scope"]


def test_fallback_offers_the_two_best_guesses_in_dutch(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    ranking = [
        {"name": "nlu_fallback"},
        {"name": "greet"},
        {"name": "own_contribution"},
        {"name": "pgb"},
        {"name": "apply_how"},
    ]
    dispatch(ActionDefaultAskAffirmation(), dispatcher, make_tracker("kost pgb", "nlu_fallback", ranking=ranking))
    (message,) = dispatcher.messages
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Wat kost het?", "/own_contribution"),
        ("Pgb of natura", "/pgb"),
        ("Iets anders", "/out_of_scope"),
    ]


def test_a_named_provision_gets_its_questions_not_guesses(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    ranking = [{"name": "nlu_fallback"}, {"name": "apply_how"}, {"name": "greet"}, {"name": "own_contribution"}]
    tracker = make_tracker("wie geeft een scootmobiel", "nlu_fallback", ["scootmobiel"], ranking=ranking)
    dispatch(ActionDefaultAskAffirmation(), dispatcher, tracker)
    (message,) = dispatcher.messages
    assert message["text"] == "Wat wilt u weten over scootmobiel?"
    assert [(b["title"], b["payload"]) for b in message["buttons"]] == [
        ("Hoe vraag ik het aan", '/apply_how{"provision":"scootmobiel"}'),
        ("Wat kost het?", '/own_contribution{"provision":"scootmobiel"}'),
        ("Wat houdt het in?", '/provision_info{"provision":"scootmobiel"}'),
        ("Iets anders", "/out_of_scope"),
    ]


def test_an_empty_message_gets_a_clear_answer_not_guesses(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(
        ActionDefaultAskAffirmation(), dispatcher, make_tracker("   ", "nlu_fallback", ranking=[{"name": "greet"}])
    )
    assert texts(dispatcher) == ["utter_empty_message"]


def test_a_database_failure_still_gives_the_resident_an_answer(
    action_services: Services, dispatcher: CollectingDispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(code: str) -> NoReturn:
        raise OperationalError("SELECT", {}, Exception("database is down"))

    monkeypatch.setattr(action_services.catalogue, "provision", broken)
    events = dispatch(
        ActionProvisionInfo(), dispatcher, make_tracker("traplift", "provision_info", ["woningaanpassing"])
    )
    assert events == []
    assert texts(dispatcher) == ["utter_catalogue_unavailable"]


def test_a_new_session_knows_the_municipality_and_keeps_the_conversation(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    events = dispatch(ActionSessionStart(), dispatcher, make_tracker(slots={"provision": "rolstoel"}))
    assert events[0]["event"] == "session_started" and events[-1]["name"] == "action_listen"
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["provision"] == "rolstoel"
    assert slots["gemeente_telefoon"] == "14 0000"
    assert slots["gemeente_naam"].endswith("(voorbeeldgemeente)")


def test_during_the_check_a_provision_question_is_answered_without_offering_the_check_again(
    action_services: Services,
    dispatcher: CollectingDispatcher,
) -> None:
    tracker = make_tracker("wat is een traplift", "provision_info", ["woningaanpassing"])
    tracker.active_loop = {"name": "triage_form"}
    dispatch(ActionProvisionInfo(), dispatcher, tracker)
    (message,) = dispatcher.messages
    assert message["text"].startswith("Woningaanpassing") and not message["buttons"]


@pytest.mark.parametrize(
    ("action", "question", "intent"),
    [
        (ActionWmoExplain(), "kan ik rookmelders krijgen van de wmo?", "wmo_explain"),
        (ActionProvisionInfo(), "krijg ik een rookmelder van de gemeente", "provision_info"),
        (ActionOwnContribution(), "betaalt de wmo mijn rookalarm", "own_contribution"),
    ],
)
def test_an_ordinary_item_is_answered_as_algemeen_gebruikelijk_with_its_source(
    action_services: Services, dispatcher: CollectingDispatcher, action: Action, question: str, intent: str
) -> None:
    dispatch(action, dispatcher, make_tracker(question, intent))
    answer, offer = texts(dispatcher)
    assert answer.startswith("Iemand zonder beperking betaalt rookmelders ook zelf. Dat heet algemeen gebruikelijk.")
    assert "Bouwbesluit 2012 art. 6.21" in answer and "Gecontroleerd op" in answer
    assert offer == "utter_offer_check_item"


def test_an_item_that_is_not_algemeen_gebruikelijk_gets_the_check_offered(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(ActionApplyHow(), dispatcher, make_tracker("hoe vraag ik een elektrische fiets aan", "apply_how"))
    answer, offer = texts(dispatcher)
    assert answer.startswith("Voor een e-bike geldt: dat is niet zomaar algemeen gebruikelijk.")
    assert "CRvB 2024:1362" in answer and offer == "utter_offer_check"


def test_an_item_asked_in_words_of_no_decision_is_no_objection(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    question = "krijgt mijn moeder een rookmelder met flitslicht vergoed"
    dispatch(ActionObjection(), dispatcher, make_tracker(question, "objection"))
    answer, offer = texts(dispatcher)
    assert answer.startswith("Voor een rookmelder met flitslicht of trilkussen geldt") and offer == "utter_offer_check"


def test_a_refused_item_gets_the_objection_answer(action_services: Services, dispatcher: CollectingDispatcher) -> None:
    question = "de gemeente heeft mijn rookmelder met flitslicht afgewezen"
    dispatch(ActionObjection(), dispatcher, make_tracker(question, "objection"))
    assert texts(dispatcher) == ["utter_objection"]


def test_what_the_wmo_is_without_an_item_gets_the_explanation(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    dispatch(ActionWmoExplain(), dispatcher, make_tracker("wat is de wmo eigenlijk", "wmo_explain"))
    assert texts(dispatcher) == ["utter_wmo_explain"]


def test_a_provision_named_beside_an_item_is_what_is_answered(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker(
        "een douchestoel heb ik al, kan ik een traplift krijgen", "provision_info", ["woningaanpassing"]
    )
    dispatch(ActionProvisionInfo(), dispatcher, tracker)
    assert texts(dispatcher)[0].startswith("Woningaanpassing")


def test_during_the_check_an_item_question_is_answered_without_offering_the_check_again(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker("krijg ik een rookmelder vergoed", "provision_info")
    tracker.active_loop = {"name": "triage_form"}
    dispatch(ActionProvisionInfo(), dispatcher, tracker)
    (answer,) = texts(dispatcher)
    assert "algemeen gebruikelijk" in answer


def test_a_cost_question_the_classifier_took_for_provision_info_gets_the_cost(
    action_services: Services, dispatcher: CollectingDispatcher
) -> None:
    tracker = make_tracker("Moet ik betalen voor een rolstoelvoorziening?", "provision_info", ["rolstoel"])
    events = dispatch(ActionProvisionInfo(), dispatcher, tracker)
    assert texts(dispatcher)[0].startswith("Voor rolstoel betaalt u geen eigen bijdrage")
    assert events[-1]["name"] == "provision" and events[-1]["value"] == "rolstoel"
