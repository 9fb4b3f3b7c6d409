"""The glossary: Wmo terms that are not provisions (beschikking, CAK, eigen kracht ...), read from
content/glossary.yml (model, reader), found in messages (matcher) and explained (answers)."""

from bot.glossary.model import GlossaryEntry, GlossaryFile
from bot.glossary.reader import glossary, read_glossary

__all__ = ["GlossaryEntry", "GlossaryFile", "glossary", "read_glossary"]
