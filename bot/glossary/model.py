"""The glossary file's structure (content/glossary.yml): Wmo terms that are not provisions, each with
the words residents use for it, a short definition in the "u" form, its source and check date."""

import re
from datetime import date
from typing import Any

from pydantic import Field, root_validator, validator

from bot.content.model import Code, Sentence, StrictModel, Word

MAX_SENTENCES = 3
MAX_DEFINITION_LENGTH = 320
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
# The assistant says "u" to everyone; a definition in the "je" form is refused.
_INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)


class GlossaryEntry(StrictModel):
    key: Code
    term: Sentence
    spellings: list[Word]
    definition: Sentence
    source: Sentence
    checked: date
    # Only when a spelling also names a catalogue provision ("mantelzorg"): the provision is what
    # the assistant recognises, and "wat is mantelzorg?" still gets this definition.
    provision: Code | None = None

    @validator("spellings")
    def _not_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("mag niet leeg zijn")
        return value

    @validator("definition")
    def _short_and_formal(cls, value: str) -> str:
        if len(_SENTENCE_END.findall(value)) > MAX_SENTENCES:
            raise ValueError(f"hoogstens {MAX_SENTENCES} zinnen")
        if len(value) > MAX_DEFINITION_LENGTH:
            raise ValueError(f"hoogstens {MAX_DEFINITION_LENGTH} tekens")
        if informal := _INFORMAL.search(value):
            raise ValueError(f"schrijf in de u-vorm, niet '{informal.group()}'")
        return value


class GlossaryFile(StrictModel):
    not_terms: list[Word] = Field(default_factory=list)
    terms: list[GlossaryEntry]

    @root_validator(skip_on_failure=True)
    def _each_key_and_spelling_once(cls, values: dict[str, Any]) -> dict[str, Any]:
        keys: set[str] = set()
        owner: dict[str, str] = {}
        for entry in values["terms"]:
            if entry.key in keys:
                raise ValueError(f"begrip '{entry.key}' staat er twee keer in")
            keys.add(entry.key)
            for spelling in entry.spellings:
                if spelling in owner and owner[spelling] != entry.key:
                    raise ValueError(f"'{spelling}' hoort bij '{owner[spelling]}' en bij '{entry.key}'")
                owner[spelling] = entry.key
        return values

    def entry(self, key: str) -> GlossaryEntry | None:
        return next((entry for entry in self.terms if entry.key == key), None)

    def linked_to(self, provision: str) -> list[GlossaryEntry]:
        """The entries whose words also name this provision."""
        return [entry for entry in self.terms if entry.provision == provision]
