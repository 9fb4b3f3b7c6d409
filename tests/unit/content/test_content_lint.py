"""The content linter: the shipped content is clean, and each check finds the mistake it is for in a
small broken variant (a wound-care source on the wheelchair, a real municipality, a number with other
hours, a raw payload, a doubled label, an unexplained word)."""

import dataclasses
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.content.lint import Content, Finding, Text, check_rendering, lint, read_content, shipped_content
from bot.content.reader import ContentError
from bot.intake.summary import summarise
from bot.settings import settings
from bot.triage.advice import Advice
from bot.triage.dialogue import WHO, TriageDialogue
from bot.triage.model import Outcome, Reason, TriageResult

TODAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def content() -> Content:
    return shipped_content()


def checks(findings: list[Finding], check: str) -> list[Finding]:
    return [finding for finding in findings if finding.check == check]


def with_response(content: Content, text: str, name: str = "utter_test") -> Content:
    return dataclasses.replace(content, responses={**content.responses, name: [{"text": text}]})


def with_provision(content: Content, code: str, **changes: Any) -> Content:
    provisions = [p.copy(update=changes) if p.code == code else p for p in content.catalogue.provisions]
    return dataclasses.replace(content, catalogue=content.catalogue.copy(update={"provisions": provisions}))


def test_the_shipped_content_is_clean(content: Content) -> None:
    assert [str(finding) for finding in lint(content, TODAY)] == []


def test_a_wheelchair_answer_citing_wound_care_is_found(content: Content) -> None:
    broken = with_provision(content, "rolstoel", sources=["Thuisarts: wondverzorging na een operatie"])
    (finding,) = checks(lint(broken, TODAY), "bron-onderwerp")
    assert finding.where == "catalogue rolstoel" and "wondverzorging" in finding.problem


def test_a_source_on_the_topic_or_a_law_article_fits(content: Content) -> None:
    fitting = with_provision(
        content, "rolstoel", sources=["Spierziekten Nederland: rolstoelen via de Wmo", "Wmo 2015 art. 1.1.1"]
    )
    assert checks(lint(fitting, TODAY), "bron-onderwerp") == []


@pytest.mark.parametrize(
    "text, name",
    [
        ("Bron: CAK; gemeente Zoetermeer (eigen bijdrage).", "Zoetermeer"),
        ("Bron: Informatie van de gemeenten Katwijk en Ede.", "Katwijk"),
        ("Zo doet de gemeente Maastricht het ook.", "Maastricht"),
        ("Bron: Rechtshulp Den Haag.", "Den Haag"),
        ("Bron: gemeente Best.", "Best"),
    ],
)
def test_a_real_municipality_in_a_text_or_source_is_found(content: Content, text: str, name: str) -> None:
    found = checks(lint(with_response(content, text), TODAY), "andere-gemeente")
    assert {f.where for f in found} == {"domain utter_test"} and any(name in f.problem for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "Bron: Rijksoverheid; CAK; VNG; wetten.overheid.nl; Centrale Raad van Beroep.",
        "Dit is informatie van Gemeente Voorbeeldstad.",
        "Vraag het de buren. Best kan dat, met een beek of een goes.",
    ],
)
def test_national_sources_our_own_name_and_ordinary_words_are_fine(content: Content, text: str) -> None:
    assert checks(lint(with_response(content, text), TODAY), "andere-gemeente") == []


def test_one_number_with_two_sets_of_hours_is_found(content: Content) -> None:
    place = content.place.copy(update={"urgent_phone": content.place.phone, "urgent_hours": "dag en nacht bereikbaar"})
    found = checks(lint(dataclasses.replace(content, place=place), TODAY), "nummer-uren")
    assert any(f.where == "content/municipality.yml" for f in found)


def test_office_hours_that_differ_from_the_opening_hours_residents_read_are_found(content: Content) -> None:
    hours = content.place.office_hours.copy(
        update={"days": {**content.place.office_hours.days, "vrijdag": "08:30-12:00"}}
    )
    place = content.place.copy(update={"office_hours": hours})
    (finding,) = checks(lint(dataclasses.replace(content, place=place), TODAY), "nummer-uren")
    assert "vrijdag 08:30-12:00" in finding.problem


def test_a_number_written_out_or_open_day_and_night_is_found(content: Content) -> None:
    phone = content.place.phone
    written = checks(lint(with_response(content, f"Bel {phone}."), TODAY), "nummer-uren")
    assert [f.where for f in written] == ["domain utter_test"] and "invulplek" in written[0].problem
    night = checks(lint(with_response(content, "Bel {gemeente_telefoon}, dag en nacht."), TODAY), "nummer-uren")
    assert [f.where for f in night] == ["domain utter_test"] and "dag en nacht" in night[0].problem
    hours = checks(lint(with_response(content, "Bel {gemeente_telefoon} (elke dag tot 22 uur)."), TODAY), "nummer-uren")
    assert [f.where for f in hours] == ["domain utter_test"]


def test_the_municipality_s_own_hours_are_fine(content: Content) -> None:
    fine = with_response(content, "Bel {gemeente_telefoon} ({gemeente_openingstijden}).")
    assert checks(lint(fine, TODAY), "nummer-uren") == []


@pytest.mark.parametrize(
    "text, check",
    [
        ('Hulpvraag in eigen woorden: /provision_info{"provision":"rolstoel"}', "ruwe-payload"),
        ("Kies /check_eligibility om te beginnen.", "ruwe-payload"),
        ("Eerste inschatting: Mijn eerste inschatting: misschien past maatwerk.", "dubbel-label"),
    ],
)
def test_a_raw_payload_or_a_doubled_label_is_found(content: Content, text: str, check: str) -> None:
    assert [f.where for f in checks(lint(with_response(content, text), TODAY), check)] == ["domain utter_test"]


def test_a_label_with_its_own_text_and_a_date_or_time_are_fine(content: Content) -> None:
    text = "Wijkteam: Het wijkteam helpt u.\nOpen: 08:30-17:00.\nBron: Wmo 2015 art. 2.3.2, gecontroleerd in 2026."
    found = lint(with_response(content, text), TODAY)
    assert checks(found, "dubbel-label") == [] and checks(found, "ruwe-payload") == []


def test_a_word_residents_may_not_know_needs_the_glossary_or_a_link(content: Content) -> None:
    without = content.glossary.copy(update={"terms": [t for t in content.glossary.terms if t.key != "zorgkantoor"]})
    broken = dataclasses.replace(with_response(content, "Dan regelt het zorgkantoor de zorg."), glossary=without)
    found = checks(lint(broken, TODAY), "onbekend-woord")
    assert "domain utter_test" in [f.where for f in found] and all("zorgkantoor" in f.problem for f in found)
    linked = dataclasses.replace(
        with_response(content, "Dan regelt het zorgkantoor de zorg: www.zorgkantoor.example."), glossary=without
    )
    assert "domain utter_test" not in [f.where for f in checks(lint(linked, TODAY), "onbekend-woord")]


def test_every_word_on_the_list_has_a_plain_definition_with_a_source(content: Content) -> None:
    explained = {t.term.lower(): t for t in content.glossary.terms}
    for word in ("individuele begeleiding", "sociaal raadslieden", "zorgkantoor", "thuiszorgwinkel"):
        entry = explained[word]
        assert entry.definition and entry.source and entry.checked


def test_the_estimate_and_the_intake_summary_show_no_payload_and_no_doubled_label(
    dialogue: TriageDialogue, advice: Advice
) -> None:
    slots = {
        "triage_subject": "ander",
        WHO: "uw moeder",
        "triage_need": "woning",
        "triage_need_text": '/provision_info{"provision":"woningaanpassing"}',
    }
    for outcome in Outcome:
        result = TriageResult(outcome, (Reason.geen_eigen_oplossing,), provisions=("woningaanpassing",))
        texts = [
            Text(f"estimate {outcome.value}", advice.message(result, "uw moeder")),
            Text(f"intake {outcome.value}", summarise(dialogue, advice, slots, result, "Wijkteam Noord").text()),
        ]
        assert list(check_rendering(texts)) == [], texts


def test_a_broken_rules_file_is_refused_with_its_place(tmp_path: Path) -> None:
    files = settings()
    (tmp_path / "lint").mkdir()
    shutil.copy(files.content_dir / "lint" / "municipalities.yml", tmp_path / "lint" / "municipalities.yml")
    rules = yaml.safe_load((files.content_dir / "lint" / "rules.yml").read_text(encoding="utf-8"))
    rules["law_citation"] = "(art."
    (tmp_path / "lint" / "rules.yml").write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentError, match=r"rules\.yml: law_citation: geen geldige reguliere expressie"):
        read_content(files.copy(update={"content_dir": tmp_path}))
