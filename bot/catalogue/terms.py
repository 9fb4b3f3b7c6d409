"""Finds provisions named in a resident's message and maps them to catalogue codes. The matching
itself (`TermMatcher`) takes any words-to-code table, so the glossary (bot/glossary) uses it too.

Dutch glues words together ("rolstoelvoorziening", "trapliftaanvraag", "wmo-pasje"), so a term of
five letters or more also counts inside a longer word. Shorter terms ("ib", "hbh") only count as
whole words, and words listed as `not_provisions` ("leerlingenvervoer") are never tagged. Where
terms overlap, the longest wins, so "rolstoeltaxi" is transport and not a wheelchair.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.catalogue.models import CatalogueFile

_WORD = re.compile(r"[0-9a-zà-ÿ]+(?:-[0-9a-zà-ÿ]+)*")
_MIN_INFIX_LENGTH = 5
_INFIX_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class TermMention:
    code: str
    start: int
    end: int
    text: str


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text.lower())]


# A provision found in a message: the mention of a catalogue code.
ProvisionMention = TermMention


class TermMatcher:
    """Finds terms (words or phrases, each with a code) in a text; `blocked` words are never tagged."""

    def __init__(self, terms: dict[str, str], blocked: Iterable[str]) -> None:
        # Phrases of several words, and words too short to count inside a compound, are looked
        # up by their first word; longer single words are searched inside each word.
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self._infixes: list[tuple[str, str]] = []
        for term, code in terms.items():
            phrase = tuple(w for w, _, _ in _words(term))
            if len(phrase) == 1 and len(phrase[0]) >= _MIN_INFIX_LENGTH:
                self._infixes.append((phrase[0], code))
            else:
                self._phrases[phrase[0]].append((phrase, code))
        for candidates in self._phrases.values():
            candidates.sort(key=lambda item: -len(" ".join(item[0])))
        self._infixes.sort(key=lambda item: -len(item[0]))
        self._blocked: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for phrase in sorted((tuple(w for w, _, _ in _words(b)) for b in blocked), key=len, reverse=True):
            self._blocked[phrase[0]].append(phrase)
        self._infix_cache: dict[str, str] = {}

    def _blocked_at(self, words: list[str], index: int) -> int:
        """How many words from `index` on form a listed non-provision (0 if none)."""
        for phrase in self._blocked.get(words[index], ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def _infix_code(self, word: str) -> str:
        """The code of the longest single-word term inside `word` ("" if none), cached per word."""
        if word not in self._infix_cache:
            if len(self._infix_cache) > _INFIX_CACHE_SIZE:
                self._infix_cache.clear()
            self._infix_cache[word] = next((code for term, code in self._infixes if term in word), "")
        return self._infix_cache[word]

    def _match_at(self, words: list[str], index: int) -> tuple[str, int]:
        """The longest term starting at word `index`: (code, number of words), or ("", 0)."""
        for phrase, code in self._phrases.get(words[index], ()):
            candidate = tuple(words[index : index + len(phrase)])
            if len(candidate) < len(phrase):
                continue
            if candidate == phrase or (
                len(phrase) > 1 and candidate[:-1] == phrase[:-1] and candidate[-1].startswith(phrase[-1])
            ):
                return code, len(phrase)
        code = self._infix_code(words[index])
        return (code, 1) if code else ("", 0)

    def find(self, text: str) -> list[TermMention]:
        tokens = _words(text)
        words = [word for word, _, _ in tokens]
        mentions: list[TermMention] = []
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
            mentions.append(TermMention(code, start, end, text[start:end]))
            index += length
        return mentions

    def codes(self, text: str) -> list[str]:
        """Distinct codes in the order the resident named them."""
        return list(dict.fromkeys(mention.code for mention in self.find(text)))


class ProvisionMatcher(TermMatcher):
    """The catalogue's terms to provision codes, never its `not_provisions`."""

    @classmethod
    def from_catalogue(cls, catalogue: CatalogueFile) -> "ProvisionMatcher":
        terms: dict[str, str] = {term: p.code for p in catalogue.provisions for term in p.terms}
        return cls(terms, catalogue.not_provisions)
