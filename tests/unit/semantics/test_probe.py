"""The linear probe on e5 embeddings (bot.semantics.probe) and the crisis probe built on it, fitted on a
handful of real Dutch sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.crisis.signals import CrisisKind
from bot.semantics import embed
from bot.semantics.crisis_probe import CrisisProbe, Thresholds
from bot.semantics.probe import LinearProbe

DANGER = [
    "ik wil er niet meer zijn",
    "ik zie het leven niet meer zitten",
    "mijn man slaat me en ik ben bang",
    "ik wil dood",
    "hij dreigt me iets aan te doen",
    "ik denk erover om er een eind aan te maken",
]
ORDINARY = [
    "wat kost een traplift",
    "hoe vraag ik huishoudelijke hulp aan",
    "mijn scootmobiel is kapot",
    "wanneer komt het wijkteam langs",
    "kan ik een rolstoel lenen",
    "wat is een persoonsgebonden budget",
]


@pytest.fixture(scope="module")
def crisis_probe() -> CrisisProbe:
    texts = DANGER + ORDINARY
    kinds = [[CrisisKind.zelfdoding], [CrisisKind.zelfdoding], [CrisisKind.geweld], [], [CrisisKind.geweld], []]
    return CrisisProbe.fit(
        embed(texts), [True] * len(DANGER) + [False] * len(ORDINARY), kinds, Thresholds(0.7, 0.3), 32.0, 1
    )


def test_a_probe_learns_labels_and_survives_saving(tmp_path: Path) -> None:
    probe = LinearProbe.fit(embed(DANGER + ORDINARY), ["danger"] * 6 + ["ordinary"] * 6, 16.0, 1)
    vector = embed("wat kost een scootmobiel per maand")
    assert probe.best(vector)[0] == "ordinary"
    probe.save(tmp_path / "probe.npz")
    again = LinearProbe.load(tmp_path / "probe.npz")
    assert again.probabilities(vector) == pytest.approx(probe.probabilities(vector))


def test_more_than_two_labels_share_one_probability() -> None:
    labels = ["danger"] * 6 + ["cost", "apply", "aid", "team", "aid", "pgb"]
    probe = LinearProbe.fit(embed(DANGER + ORDINARY), labels, 16.0, 1)
    shares = probe.probabilities(embed("ik wil niet meer leven"))
    assert sum(shares.values()) == pytest.approx(1.0)
    assert max(shares, key=lambda label: shares[label]) == "danger"


def test_an_unseen_indirect_phrasing_is_a_crisis_and_gets_the_nearest_kinds(crisis_probe: CrisisProbe) -> None:
    vector = embed("het hoeft voor mij allemaal niet meer, ik wil niet meer leven")
    assert crisis_probe.signals(vector, intent_says_crisis=False)
    assert crisis_probe.kinds(vector) == [CrisisKind.zelfdoding]


def test_an_ordinary_question_is_no_crisis_even_if_the_classifier_thought_so(crisis_probe: CrisisProbe) -> None:
    vector = embed("hoeveel eigen bijdrage betaal ik voor begeleiding")
    assert not crisis_probe.signals(vector, intent_says_crisis=False)
    assert not crisis_probe.signals(vector, intent_says_crisis=True)


def test_the_crisis_probe_survives_saving(tmp_path: Path, crisis_probe: CrisisProbe) -> None:
    crisis_probe.save(tmp_path)
    again = CrisisProbe.load(tmp_path)
    vector = embed("ik kan zo niet verder leven")
    assert again.probability(vector) == pytest.approx(crisis_probe.probability(vector))
    assert again.thresholds == crisis_probe.thresholds
    assert again.kinds(vector) == crisis_probe.kinds(vector)
