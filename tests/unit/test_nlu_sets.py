"""The test sets stay honest: valid against the taxonomy, never in the training data, and built from
sources the training data did not use."""

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.loading import load_data

from bot.catalogue.loader import read_catalogue
from bot.dutch import normalise
from bot.municipality import municipality
from bot.settings import ROOT, settings
from tests.model.nlu_sets import TEST_SETS, TRAINING_SOURCES, crisis_messages, hosts, questions, source_ids

DOMAIN = Domain.load(str(ROOT / "domain"))
# Minimum sizes per set: Wmo questions, other municipal questions, crisis messages, near-misses.
SIZES = {"first": (200, 100, 80, 80), "fresh": (180, 100, 70, 70)}
each_set = pytest.mark.parametrize("name", sorted(TEST_SETS))


@each_set
def test_the_sets_are_large_enough_to_mean_something(name: str) -> None:
    wmo, other, crisis, ordinary = SIZES[name]
    kinds = [q.kind for q in questions(name)]
    assert kinds.count("wmo") >= wmo and kinds.count("other") >= other
    danger = [m for m in crisis_messages(name) if m.kind]
    assert len(danger) >= crisis and len(crisis_messages(name)) - len(danger) >= ordinary


@each_set
def test_every_label_is_known(name: str) -> None:
    codes = {p.code for p in read_catalogue(settings().catalogue_file).provisions}
    services = {s.name for s in municipality().other_services}
    ids = source_ids(name)
    for q in questions(name):
        assert q.kind in {"wmo", "other"} and set(q.intents) <= set(DOMAIN.intents), q
        assert set(q.provisions) <= codes and (q.service is None or q.service in services), q
        assert q.source in ids, q
        assert (q.kind == "other") == (q.intents == ("out_of_scope",)), q


@each_set
def test_no_test_message_is_in_the_training_data(name: str) -> None:
    training = {normalise(e.get("text")) for e in load_data(str(ROOT / "data" / "nlu")).intent_examples}
    tested = [q.text for q in questions(name)] + [m.text for m in crisis_messages(name)]
    assert not [text for text in tested if normalise(text) in training]


@each_set
def test_the_test_sources_are_not_the_training_sources(name: str) -> None:
    sources = TEST_SETS[name].sources
    assert len(source_ids(name)) >= 20
    consulted = [line for line in TRAINING_SOURCES.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    assert len(consulted) >= 40
    assert hosts(sources) and hosts(TRAINING_SOURCES)
    assert not hosts(sources) & hosts(TRAINING_SOURCES)


def test_the_two_test_sets_share_no_source() -> None:
    assert not hosts(TEST_SETS["first"].sources) & hosts(TEST_SETS["fresh"].sources)
