"""The estimate as the resident reads it: one short message, with its tips and sources behind "Meer
weten" where it would be long, and only the sources of the reasons it gives."""

from bot.triage.advice import Advice
from bot.triage.model import Outcome, Reason, TriageResult


def test_a_maatwerk_estimate_keeps_tips_and_sources_behind_meer_weten(advice: Advice) -> None:
    result = TriageResult(
        Outcome.maatwerk_mogelijk,
        (Reason.geen_eigen_oplossing, Reason.niet_algemeen_gebruikelijk),
        ("woningaanpassing",),
        item="een traplift",
        need="woning",
    )
    text = advice.message(result, "uw moeder")
    assert "Tip:" not in text and "Bron:" not in text and len(text) < 700, len(text)
    assert (
        advice.buttons(result, {"title": "Medewerker spreken", "payload": "/request_human"})[0]["title"] == "Meer weten"
    )
    details = advice.details(result)
    assert details.startswith("Tip: ") and "\nBron: " in details and "\n\n" not in details


def test_an_estimate_cites_the_sources_of_its_own_reasons_and_item_only(advice: Advice) -> None:
    stairs = TriageResult(
        Outcome.maatwerk_mogelijk, (Reason.geen_eigen_oplossing, Reason.niet_algemeen_gebruikelijk), item="een traplift"
    )
    bike = TriageResult(
        Outcome.maatwerk_mogelijk, (Reason.geen_eigen_oplossing, Reason.niet_algemeen_gebruikelijk), item="een e-bike"
    )
    assert not [source for source in advice.sources(stairs) if "elektrische fiets" in source], "no e-bike ruling"
    assert "CRvB 2024:1362 (elektrische fiets)" in advice.sources(bike)
    assert "CRvB 2021:160 (douchecabine)" in advice.sources(
        TriageResult(Outcome.eigen_kracht, (Reason.algemeen_gebruikelijk,), item="een douchecabine")
    )
    wlz = advice.sources(TriageResult(Outcome.wlz, (Reason.wlz_indicatie,)))
    assert not [source for source in wlz if "8.6a onder b" in source], "no instelling rule without an aid"
    assert len(wlz) == len(set(wlz))


def test_a_short_estimate_keeps_its_sources_in_the_message(advice: Advice) -> None:
    text = advice.message(TriageResult(Outcome.zorgverzekering, (Reason.zvw_hulpmiddel,)))
    assert "\nBron: " in text and "Besluit zorgverzekering art. 2.9" in text
