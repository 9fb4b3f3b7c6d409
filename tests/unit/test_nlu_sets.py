"""The test sets stay honest: valid against the taxonomy, never in the training data, and built from
sources the training data did not use."""

from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.loading import load_data

from bot.catalogue.loader import read_catalogue
from bot.dutch import normalise
from bot.municipality import municipality
from bot.settings import ROOT, settings
from tests.model.nlu_sets import TEST_SOURCES, TRAINING_SOURCES, crisis_messages, hosts, questions, source_ids

DOMAIN = Domain.load(str(ROOT / "domain"))


def test_the_sets_are_large_enough_to_mean_something() -> None:
    kinds = [q.kind for q in questions()]
    assert kinds.count("wmo") >= 200 and kinds.count("other") >= 100
    danger = [m for m in crisis_messages() if m.kind]
    assert len(danger) >= 80 and len(crisis_messages()) - len(danger) >= 80


def test_every_label_is_known() -> None:
    codes = {p.code for p in read_catalogue(settings().catalogue_file).provisions}
    services = {s.name for s in municipality().other_services}
    ids = source_ids()
    for q in questions():
        assert q.kind in {"wmo", "other"} and set(q.intents) <= set(DOMAIN.intents), q
        assert set(q.provisions) <= codes and (q.service is None or q.service in services), q
        assert q.source in ids, q
        assert (q.kind == "other") == (q.intents == ("out_of_scope",)), q


def test_no_test_message_is_in_the_training_data() -> None:
    training = {normalise(e.get("text")) for e in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    tested = [q.text for q in questions()] + [m.text for m in crisis_messages()]
    assert not [text for text in tested if normalise(text) in training]


def test_the_test_sources_are_not_the_training_sources() -> None:
    assert len(source_ids()) >= 20
    consulted = [line for line in TRAINING_SOURCES.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert len(consulted) >= 40
    assert hosts(TEST_SOURCES) and hosts(TRAINING_SOURCES)
    assert not hosts(TEST_SOURCES) & hosts(TRAINING_SOURCES)
