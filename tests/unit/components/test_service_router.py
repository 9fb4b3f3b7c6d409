"""The service router: an out-of-scope question whose words name no desk still reaches the right one
by meaning, and the words, when they name one, decide. Trained here on the project's own out_of_scope
examples (data/nlu/out_of_scope.yml), as the pipeline is."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.municipality import municipality
from bot.settings import ROOT
from components.service_router import ServiceRouter
from tests.unit.components.stored import trained_and_loaded


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> ServiceRouter:
    examples = load_data(str(ROOT / "data" / "nlu" / "out_of_scope.yml"))
    return trained_and_loaded(ServiceRouter, examples, tmp_path_factory.mktemp("model"))


def routed(router: ServiceRouter, text: str, intent: str = "out_of_scope") -> str | None:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []})
    (message,) = router.process([message])
    suggested = next((e["value"] for e in message.get("entities") if e["entity"] == "service"), None)
    service = municipality().other_service(text, suggested)
    return service.name if service else None


def test_a_question_without_a_desk_word_reaches_the_desk_by_meaning(router: ServiceRouter) -> None:
    text = "ik moet mijn nieuwe pas voor de reis ophalen"
    assert municipality().other_service(text) is None  # no word of content/municipality.yml
    assert routed(router, text) == "paspoort, id-kaart en rijbewijs"


def test_the_words_decide_when_they_name_a_desk(router: ServiceRouter) -> None:
    assert routed(router, "wanneer wordt het grofvuil opgehaald") == "afval en grofvuil"


def test_chatter_gets_no_desk(router: ServiceRouter) -> None:
    assert routed(router, "kun je een gedichtje voor me schrijven") is None


def test_a_wmo_question_is_left_alone(router: ServiceRouter) -> None:
    message = Message(data={"text": "ik wil een traplift", "intent": {"name": "provision_info"}, "entities": []})
    assert router.process([message])[0].get("entities") == []
