"""The glossary as the assistant reads it, checked against the real catalogue."""

import pytest

from bot.catalogue.models import CatalogueFile
from bot.glossary import GlossaryFile, read_glossary
from bot.glossary.matcher import GlossaryMatcher
from bot.settings import settings


@pytest.fixture(scope="session")
def glossary_file(catalogue_file: CatalogueFile) -> GlossaryFile:
    return read_glossary(settings().glossary_file, catalogue_file)


@pytest.fixture(scope="session")
def glossary_matcher(glossary_file: GlossaryFile, catalogue_file: CatalogueFile) -> GlossaryMatcher:
    return GlossaryMatcher(glossary_file, catalogue_file)
