"""Finds provisions named in a resident's message and maps them to catalogue codes.

Dutch glues words together ("rolstoelvoorziening", "trapliftaanvraag", "wmo-pasje"), so a term of
five letters or more also counts inside a longer word. Shorter terms ("ib", "hbh") only count as
whole words, and words listed as `not_provisions` ("leerlingenvervoer") are never tagged. Where
terms overlap, the longest wins, so "rolstoeltaxi" is transport and not a wheelchair.
"""
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple

from bot.catalogue.models import CatalogueFile

_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:-[0-9a-zà-ÿ]+)*")
_MIN_INFIX_LENGTH = 5


@dataclass(frozen=True)
class ProvisionMention:
    code: str
    start: int
    end: int
    text: str


def _words(text: str) -> List[Tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text.lower())]


class ProvisionMatcher:
    def __init__(self, terms: Dict[str, str], blocked: Iterable[str]) -> None:
        self._phrases = sorted(
            ((tuple(w for w, _, _ in _words(term)), code) for term, code in terms.items()),
            key=lambda item: -len(" ".join(item[0])),
        )
        self._blocked = sorted((tuple(w for w, _, _ in _words(b)) for b in blocked), key=len, reverse=True)

    @classmethod
    def from_catalogue(cls, catalogue: CatalogueFile) -> "ProvisionMatcher":
        terms = {term: p.code for p in catalogue.provisions for term in p.terms}
        return cls(terms, catalogue.not_provisions)

    def _blocked_at(self, words: List[str], index: int) -> int:
        """How many words from `index` on form a listed non-provision (0 if none)."""
        for phrase in self._blocked:
            if tuple(words[index : index + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def _match_at(self, words: List[str], index: int) -> Tuple[str, int]:
        """The longest term starting at word `index`: (code, number of words), or ("", 0)."""
        for phrase, code in self._phrases:
            candidate = words[index : index + len(phrase)]
            if len(candidate) < len(phrase):
                continue
            if tuple(candidate) == phrase:
                return code, len(phrase)
            if len(phrase) == 1 and len(phrase[0]) >= _MIN_INFIX_LENGTH and phrase[0] in candidate[0]:
                return code, 1
            if (
                len(phrase) > 1
                and tuple(candidate[:-1]) == phrase[:-1]
                and candidate[-1].startswith(phrase[-1])
            ):
                return code, len(phrase)
        return "", 0

    def find(self, text: str) -> List[ProvisionMention]:
        tokens = _words(text)
        words = [word for word, _, _ in tokens]
        mentions: List[ProvisionMention] = []
        index = 0
        while index < len(words):
            skip = self._blocked_at(words, index)
            if skip:
                index += skip
                continue
            code, length = self._match_at(words, index)
            if not length:
                index += 1
                continue
            start, end = tokens[index][1], tokens[index + length - 1][2]
            mentions.append(ProvisionMention(code, start, end, text[start:end]))
            index += length
        return mentions

    def codes(self, text: str) -> List[str]:
        """Distinct codes in the order the resident named them."""
        return list(dict.fromkeys(mention.code for mention in self.find(text)))
