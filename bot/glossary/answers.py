"""What the assistant says about a term: its definition and where it comes from, in one bubble."""

from bot.dutch import source_line
from bot.glossary.model import GlossaryEntry


def definition(entry: GlossaryEntry) -> str:
    return f"{entry.term}: {entry.definition}\n{source_line([entry.source], entry.checked)}"
