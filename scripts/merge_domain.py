"""Writes domain.yml, the merged domain of domain/, for Rasa's defaults and tools that expect one
file. domain/ stays the source: edit there, then run `python scripts/merge_domain.py`
(tests/unit/test_domain_contract.py fails while domain.yml is out of date)."""

from rasa.shared.core.domain import Domain

from bot.settings import ROOT
from components.domain_importer import SortedDomainImporter

MERGED = ROOT / "domain.yml"
HEADER = "# Generated from domain/ by scripts/merge_domain.py: edit domain/, not this file.\n"


def merged_domain() -> Domain:
    return SortedDomainImporter(domain_path=str(ROOT / "domain")).get_domain()


def main() -> None:
    MERGED.write_text(HEADER + merged_domain().as_yaml(), encoding="utf-8")


if __name__ == "__main__":
    main()
