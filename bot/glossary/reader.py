"""Reads the glossary file and checks it against the catalogue: a word that names a provision is
only allowed in an entry that says which provision (so the two extractors never disagree silently)."""

from functools import cache
from pathlib import Path

from bot.catalogue.loader import read_catalogue
from bot.catalogue.models import CatalogueFile
from bot.catalogue.terms import ProvisionMatcher
from bot.content.reader import ContentError, read_model
from bot.glossary.model import GlossaryFile
from bot.settings import settings


def check_against_catalogue(glossary: GlossaryFile, catalogue: CatalogueFile, where: str | Path) -> None:
    codes = {provision.code for provision in catalogue.provisions}
    provisions = ProvisionMatcher.from_catalogue(catalogue)
    for index, entry in enumerate(glossary.terms):
        if entry.provision is not None and entry.provision not in codes:
            raise ContentError(f"{where}: terms.{index}.provision: '{entry.provision}' staat niet in de catalogus")
        for spelling in entry.spellings:
            named = provisions.codes(spelling)
            if named and entry.provision not in named:
                raise ContentError(
                    f"{where}: terms.{index}.spellings: '{spelling}' noemt de voorziening '{named[0]}';"
                    " zet provision bij dit begrip of kies een ander woord"
                )


def read_glossary(path: str | Path, catalogue: CatalogueFile | None = None) -> GlossaryFile:
    """The validated glossary; with a catalogue also checked against its provisions."""
    glossary = read_model(path, GlossaryFile)
    if catalogue is not None:
        check_against_catalogue(glossary, catalogue, path)
    return glossary


@cache
def glossary() -> GlossaryFile:
    """The configured glossary, read once per process."""
    files = settings()
    return read_glossary(files.glossary_file, read_catalogue(files.catalogue_file))
