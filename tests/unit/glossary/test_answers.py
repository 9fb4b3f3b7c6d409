"""A definition names the term, explains it and says where it comes from, with the check date."""

from bot.glossary import GlossaryFile
from bot.glossary.answers import definition


def test_a_definition_has_the_term_the_text_and_its_source_line(glossary_file: GlossaryFile) -> None:
    entry = glossary_file.entry("beschikking")
    assert entry is not None
    text = definition(entry)
    assert text.startswith("Beschikking: De beschikking is de brief")
    assert text.endswith("Bron: Wmo 2015, art. 2.3.5 lid 2. Gecontroleerd op 2 december 2026.")


def test_every_definition_fits_a_phone_in_one_bubble(glossary_file: GlossaryFile) -> None:
    for entry in glossary_file.terms:
        assert len(definition(entry)) < 500, entry.key
