"""Medical details in Dutch free text: conditions, treatments and aids that say something about a
resident's health. Taken out of logs only (bot.privacy.log_redaction): in the stored conversation
and the handoff they are what the consultant needs to help."""

import re
from pathlib import Path

# One term a line, so that a consultant can add one; lines starting with # are comments.
_TERMS = tuple(
    line.strip()
    for line in (Path(__file__).parent / "medical_terms.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
# Words are found in one pass and looked up, rather than one alternation of every term tried at
# every position: linear time.
_WORD = re.compile(r"\b[\w-]{2,60}\b")


def without_medical_details(text: str) -> str:
    return _WORD.sub(lambda m: "[medisch]" if m.group().lower().endswith(_TERMS) else m.group(), text)
