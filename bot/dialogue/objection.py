"""Whether a message speaks of a decision of the gemeente: a refusal, a bezwaar, a complaint. The
classifier can take "krijgt mijn moeder een rookmelder met flitslicht vergoed?" for an objection
("krijgt", "vergoed"); without these words, an item named is a question whether it is paid for."""

import re

from bot.dutch import normalise

_DECISION = re.compile(
    r"\b(bezwaar\w*|beroep|afgewezen|afwijzing|afgekeurd|geweigerd|weigering|weigert|weigeren|beschikking|besluit"
    r"|beslissing|niet eens|oneens|klacht\w*|klagen|gestopt|stopgezet|stopt|stoppen|ingetrokken|minder uren"
    r"|verlaagd|zegt nee|zei nee|second opinion|herziening|ombudsman|daartegenin|tegenin)\b"
)


def speaks_of_a_decision(text: str) -> bool:
    return bool(_DECISION.search(normalise(text)))
