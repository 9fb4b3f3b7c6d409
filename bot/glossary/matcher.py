"""Finds glossary terms in a resident's message with the catalogue's matcher (bot/catalogue/terms.py):
also inside compounds, never the listed look-alikes, and never where a provision is named."""

from bot.catalogue.models import CatalogueFile
from bot.catalogue.terms import ProvisionMatcher, TermMatcher, TermMention
from bot.glossary.model import GlossaryFile


def _overlaps(mention: TermMention, others: list[TermMention]) -> bool:
    return any(mention.start < other.end and other.start < mention.end for other in others)


class GlossaryMatcher:
    def __init__(self, glossary: GlossaryFile, catalogue: CatalogueFile) -> None:
        self._terms = TermMatcher(
            {spelling: entry.key for entry in glossary.terms for spelling in entry.spellings}, glossary.not_terms
        )
        self._provisions = ProvisionMatcher.from_catalogue(catalogue)

    def find(self, text: str) -> list[TermMention]:
        """Terms named in `text`; where a provision is named, the provision wins (it is no term)."""
        provisions = self._provisions.find(text)
        return [mention for mention in self._terms.find(text) if not _overlaps(mention, provisions)]

    def keys(self, text: str) -> list[str]:
        """Distinct glossary keys in the order the resident named them."""
        return list(dict.fromkeys(mention.code for mention in self.find(text)))


def linked_keys(glossary: GlossaryFile, text: str, provision: str) -> list[str]:
    """Keys of the entries linked to `provision` whose own words are in `text`: "wat is een
    mantelzorger?" names the provision mantelzorgondersteuning and still has a definition."""
    linked = glossary.linked_to(provision)
    if not linked:
        return []
    matcher = TermMatcher({spelling: entry.key for entry in linked for spelling in entry.spellings}, glossary.not_terms)
    return list(dict.fromkeys(mention.code for mention in matcher.find(text)))
