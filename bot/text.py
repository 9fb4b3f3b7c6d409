"""Normalised text for matching residents' words: lower case, no accents, single spaces."""
import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SPACES.sub(" ", plain).strip()
