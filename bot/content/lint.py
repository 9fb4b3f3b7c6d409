"""The content linter: what residents read is checked as they would read it, not only as valid YAML.

Every text is rendered first (catalogue answers, domain responses with the municipality's details,
glossary definitions, crisis lines, button titles), then checked:
- a provision's sources fit its topic (a wheelchair answer cites no page on wound care);
- no text or source names a real Dutch municipality (content/lint/municipalities.yml, from the CBS);
- the municipality's numbers have one set of hours, which agree with the office hours the handoff
  uses; texts take them from content/municipality.yml through placeholders, never a number or
  "dag en nacht" of their own;
- no raw payload ("/provision_info{...}") and no doubled label ("Inschatting: Mijn inschatting");
- every word a resident may not know (content/lint/rules.yml `jargon`) is in the glossary, or the
  text links it.
The rules are data (content/lint/rules.yml); `python -m bot.content.lint` prints the findings and
fails if there are any. The triage's texts (content/triage/) are linted by the same checks.
"""

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import validator

from bot.catalogue import answers
from bot.catalogue.loader import read_catalogue
from bot.catalogue.models import CatalogueFile, Provision
from bot.content.model import Sentence, StrictModel, Word
from bot.content.reader import read_model, read_yaml
from bot.crisis.help import CrisisHelp
from bot.crisis.signals import CrisisKind, read_crisis_file
from bot.dialogue.fallback import read_labels
from bot.dutch import normalise
from bot.glossary.model import GlossaryFile
from bot.glossary.reader import read_glossary
from bot.municipality import Municipality
from bot.municipality.details import read_municipality
from bot.settings import ROOT, Settings, settings

LINT_DIR = Path("lint")
_PAYLOAD = re.compile(r"(^|\s)/[a-z_]+(\{|\s|$)")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_LINK = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(nl|example)\b")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PREFIX = 5


class Municipalities(StrictModel):
    source: Sentence
    checked: date
    names: list[Sentence]
    other_names: list[Sentence]
    also_words: list[Sentence]


class LintRules(StrictModel):
    jargon: list[Word]
    topic_words: dict[str, list[Word]]
    generic_words: list[Word]
    law_citation: str
    always_open: list[Word]

    @validator("law_citation")
    def _a_pattern(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"geen geldige reguliere expressie: {error}") from error
        return value


@dataclass(frozen=True)
class Text:
    """A rendered text and where it comes from ("catalogue rolstoel provision_info")."""

    where: str
    text: str


@dataclass(frozen=True)
class Finding:
    check: str
    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: [{self.check}] {self.problem}"


@dataclass(frozen=True)
class Content:
    """Everything the linter reads, so a test can lint a broken variant."""

    catalogue: CatalogueFile
    glossary: GlossaryFile
    place: Municipality
    crisis: CrisisHelp
    crisis_raw: dict[str, Any]
    labels: dict[str, str]
    responses: dict[str, list[dict[str, Any]]]
    triage: dict[str, Any]
    rules: LintRules
    municipalities: Municipalities


def read_content(files: Settings, domain_file: Path = ROOT / "domain.yml") -> Content:
    catalogue = read_catalogue(files.catalogue_file)
    triage = {path.stem: read_yaml(path) for path in (files.needs_file, files.questions_file, files.outcomes_file)}
    return Content(
        catalogue=catalogue,
        glossary=read_glossary(files.glossary_file, catalogue),
        place=read_municipality(files.municipality_file),
        crisis=CrisisHelp(read_crisis_file(files.crisis_file)),
        crisis_raw=read_yaml(files.crisis_file),
        labels=read_labels(files.intent_labels_file),
        responses=read_yaml(domain_file)["responses"],
        triage=triage,
        rules=read_model(files.content_dir / LINT_DIR / "rules.yml", LintRules),
        municipalities=read_model(files.content_dir / LINT_DIR / "municipalities.yml", Municipalities),
    )


# --- the texts as residents read them ---------------------------------------------------------


def _fill(template: str, values: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), template)


def catalogue_texts(catalogue: CatalogueFile, today: date) -> Iterator[Text]:
    rates = sorted(catalogue.contribution_rates, key=lambda rate: rate.year)
    verified = next((rate for rate in reversed(rates) if rate.verified), None)
    for p in catalogue.provisions:
        where = f"catalogue {p.code}"
        yield Text(f"{where} provision_info", answers.provision_info(p))
        yield Text(f"{where} eligibility_for", answers.eligibility_for(p))
        yield Text(f"{where} how_to_apply", answers.how_to_apply(p))
        yield Text(f"{where} pgb_for", answers.pgb_for(p))
        yield Text(f"{where} own_contribution", answers.own_contribution(p, verified, today))
    yield Text(
        "catalogue contribution_general",
        answers.contribution_general(verified, catalogue.contribution_exemptions, today),
    )
    yield Text("catalogue pgb_general", answers.pgb_general(catalogue.pgb_conditions))
    yield Text("catalogue no_maatwerk", answers.no_maatwerk(catalogue.exclusion_grounds, catalogue.not_grounds))
    yield Text("catalogue overview", answers.overview(catalogue.provisions))
    for rate in catalogue.contribution_rates:
        yield Text(f"catalogue contribution_rates {rate.year}", f"Bron: {rate.source}")


def response_texts(responses: dict[str, list[dict[str, Any]]], place: Municipality) -> Iterator[Text]:
    slots = place.as_slots()
    for name, variants in responses.items():
        for index, variant in enumerate(variants):
            where = f"domain {name}" + (f" ({index + 1})" if len(variants) > 1 else "")
            if "text" in variant:
                yield Text(where, _fill(variant["text"], slots))
            for button in variant.get("buttons") or []:
                yield Text(f"{where} button", button["title"])


def crisis_texts(crisis: CrisisHelp, place: Municipality) -> Iterator[Text]:
    yield Text("crisis first_lines", crisis.first_lines())
    for kind in CrisisKind:
        yield Text(f"crisis {kind.value}", crisis.message([kind], place))


def _strings(value: Any, where: str) -> Iterator[Text]:
    """Every string in a raw YAML tree that a resident reads (not the word lists a reader matches)."""
    if isinstance(value, str):
        yield Text(where, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"words", "patterns", "spellings", "terms", "key", "code", "payload"}:
                yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}.{index}")


def shipped_texts(content: Content, today: date) -> list[Text]:
    texts = [
        *catalogue_texts(content.catalogue, today),
        *response_texts(content.responses, content.place),
        *crisis_texts(content.crisis, content.place),
        *(Text(f"glossary {e.key}", f"{e.term}: {e.definition}\nBron: {e.source}") for e in content.glossary.terms),
        *(Text(f"intent_labels {intent}", label) for intent, label in content.labels.items()),
    ]
    for name, raw in content.triage.items():
        texts += [Text(f"triage/{t.where}", _fill(t.text, content.place.as_slots())) for t in _strings(raw, name)]
    return texts


# --- the checks ---------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def _fits(word: str, topic: set[str]) -> bool:
    return word in topic or any(
        len(word) >= _PREFIX and len(t) >= _PREFIX and (word.startswith(t) or t.startswith(word)) for t in topic
    )


def topic_of(provision: Provision, rules: LintRules) -> set[str]:
    phrases = [
        provision.name,
        provision.code.replace("_", " "),
        *provision.terms,
        *rules.topic_words.get(provision.code, []),
    ]
    generic = set(rules.generic_words)
    return {word for phrase in phrases for word in _words(phrase) if len(word) >= 4 and word not in generic}


def check_source_topics(catalogue: CatalogueFile, rules: LintRules) -> Iterator[Finding]:
    law = re.compile(rules.law_citation)
    generic = set(rules.generic_words)
    for provision in catalogue.provisions:
        topic = topic_of(provision, rules)
        for source in provision.sources:
            if law.search(source):
                continue
            words = [w for w in _words(source) if len(w) >= 4 and w not in generic and not w.isdigit()]
            if not any(_fits(word, topic) for word in words):
                yield Finding(
                    "bron-onderwerp",
                    f"catalogue {provision.code}",
                    f"bron '{source}' zegt niets over {provision.name.lower()} (geen woord van het onderwerp)",
                )


def _municipality_pattern(names: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted({re.escape(name) for name in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w'-])(" + "|".join(alternatives) + r")(?![\w-])")


def _source_parts(text: str) -> list[str]:
    """The parts of a text that cite sources: everything after "Bron:" on its line."""
    return [line.split("Bron:", 1)[1] for line in text.splitlines() if "Bron:" in line]


def check_municipalities(texts: Sequence[Text], municipalities: Municipalities, ours: str) -> Iterator[Finding]:
    words = set(municipalities.also_words)
    all_names = [n for n in [*municipalities.names, *municipalities.other_names] if n not in ours]
    anywhere = _municipality_pattern(n for n in all_names if n not in words)
    named = _municipality_pattern(all_names)
    after_gemeente = re.compile(r"\b[Gg]emeenten? ((?:[A-Z'][\w'-]*(?: (?:en|aan|den|de|op|van) )?[\w'-]*[, ]*)+)")
    for text in texts:
        found = {m.group(1) for m in anywhere.finditer(text.text)}
        found |= {m.group(1) for part in _source_parts(text.text) for m in named.finditer(part)}
        found |= {m.group(1) for g in after_gemeente.finditer(text.text) for m in named.finditer(g.group(1))}
        for name in sorted(found):
            yield Finding(
                "andere-gemeente",
                text.where,
                f"noemt de echte gemeente {name}; gebruik een landelijke bron (Rijksoverheid, wetten.overheid.nl,"
                " VNG, CAK, CIZ, Regelhulp) of laat de bewering weg",
            )


def _spoken(span: str) -> str:
    """ "08:30-17:00" as the texts write it: "8.30 tot 17.00"."""
    opens, closes = (clock.lstrip("0").replace(":", ".") or "0.00" for clock in span.split("-"))
    return f"{opens} tot {closes}"


def check_office_hours(place: Municipality) -> Iterator[Finding]:
    """The hours residents read (opening_hours) and those the handoff keeps (office_hours) agree."""
    for day, span in place.office_hours.days.items():
        if _spoken(span) not in place.opening_hours:
            yield Finding(
                "nummer-uren",
                "content/municipality.yml",
                f"office_hours {day} {span} staat niet in opening_hours '{place.opening_hours}'",
            )


def check_phone_hours(content: Content, texts: Sequence[Text], raw_texts: Sequence[Text]) -> Iterator[Finding]:
    place = content.place
    yield from check_office_hours(place)
    hours: dict[str, set[str]] = {}
    pairs = [(str(place.phone), str(place.opening_hours)), (str(place.urgent_phone), str(place.urgent_hours))]
    for phone, when in pairs:
        hours.setdefault(phone, set()).add(when)
    for number, whens in hours.items():
        if len(whens) > 1:
            yield Finding(
                "nummer-uren",
                "content/municipality.yml",
                f"nummer {number} heeft twee bereikbaarheden: {' / '.join(sorted(whens))}",
            )
    for text in raw_texts:
        for number in hours:
            if number in text.text:
                yield Finding(
                    "nummer-uren",
                    text.where,
                    f"schrijft het nummer {number} zelf; gebruik de invulplek ({{gemeente_telefoon}} of {{phone}})",
                )
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text.text):
            for number, whens in hours.items():
                if number not in sentence:
                    continue
                stated = re.findall(re.escape(number) + r" \(([^)]*)\)", sentence)
                for when in stated:
                    if when not in whens:
                        yield Finding(
                            "nummer-uren", text.where, f"{number} ({when}): de gemeente zegt '{' / '.join(whens)}'"
                        )
                claims = [phrase for phrase in content.rules.always_open if phrase in normalise(sentence)]
                if claims and not any(claim in normalise(when) for claim in claims for when in whens):
                    yield Finding(
                        "nummer-uren", text.where, f"{number} '{claims[0]}': de gemeente zegt '{' / '.join(whens)}'"
                    )


def _doubled_label(line: str) -> str | None:
    """'Eerste inschatting: Mijn eerste inschatting: ...' gives 'eerste inschatting': a label whose
    text starts with a label of its own that repeats it."""
    label, colon, rest = line.partition(":")
    second, colon_again, _ = rest.partition(":")
    words, again = _words(label), _words(second)
    if not (colon and colon_again and words) or len(words) > 5 or len(again) > len(words) + 2:
        return None
    return " ".join(words) if " ".join(words) in " ".join(again) else None


def check_rendering(texts: Sequence[Text]) -> Iterator[Finding]:
    for text in texts:
        if _PAYLOAD.search(text.text):
            yield Finding("ruwe-payload", text.where, f"toont een payload: {text.text[:80]!r}")
        for line in text.text.splitlines():
            label = _doubled_label(line.lstrip("- "))
            if label:
                yield Finding("dubbel-label", text.where, f"'{label}' staat twee keer: {line[:80]!r}")


def explained_words(glossary: GlossaryFile) -> set[str]:
    return {normalise(word) for entry in glossary.terms for word in [entry.term, *entry.spellings]} | {
        normalise(re.sub(r"\s*\(.*\)", "", entry.term)) for entry in glossary.terms
    }


def check_jargon(texts: Sequence[Text], rules: LintRules, glossary: GlossaryFile) -> Iterator[Finding]:
    explained = explained_words(glossary)
    missing = [word for word in rules.jargon if normalise(word) not in explained]
    patterns = {word: re.compile(rf"(?<![\w-]){re.escape(normalise(word))}(?![\w-])") for word in missing}
    for text in texts:
        if _LINK.search(text.text):
            continue
        plain = normalise(text.text)
        for word, pattern in patterns.items():
            if pattern.search(plain):
                yield Finding(
                    "onbekend-woord",
                    text.where,
                    f"'{word}' staat niet in de woordenlijst (content/glossary.yml) en de tekst geeft geen link",
                )


def raw_templates(content: Content) -> list[Text]:
    """The texts before placeholders are filled: there a number must not be written out."""
    texts = [*_strings(content.crisis_raw.get("lines", {}), "crisis lines")]
    for name, variants in content.responses.items():
        texts += [Text(f"domain {name}", variant.get("text", "")) for variant in variants]
    texts += [t for name, raw in content.triage.items() for t in _strings(raw, f"triage/{name}")]
    return texts


def lint(content: Content, today: date) -> list[Finding]:
    texts = shipped_texts(content, today)
    return [
        *check_source_topics(content.catalogue, content.rules),
        *check_municipalities(texts, content.municipalities, content.place.name),
        *check_phone_hours(content, texts, raw_templates(content)),
        *check_rendering(texts),
        *check_jargon(texts, content.rules, content.glossary),
    ]


@cache
def shipped_content() -> Content:
    return read_content(settings())


def main() -> int:
    findings = lint(shipped_content(), date.today())
    for finding in findings:
        print(finding)
    print(f"content lint: {len(findings)} bevinding(en)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
