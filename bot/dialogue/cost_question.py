"""Whether a message asks what something costs. The classifier can take "Moet ik betalen voor een
rolstoelvoorziening?" for a question about the provision itself ("voorziening" weighs); the answer
about the provision says nothing of the cost, so when a provision is named these words decide."""

import re

from bot.dutch import normalise

_COST_QUESTION = re.compile(
    r"\b(wat kost|wat kosten|hoeveel (\w+ ){0,2}(kost|kosten|betaal|betalen)"
    r"|kost (het|dat|dit) (\w+ )?(geld|iets|veel|wat)\b(?! (moeite|tijd|werk|energie))"
    r"|(moet|moeten) (ik|we|wij|hij|zij|ze|mijn \w+) (\w+ ){0,2}(betalen|bijbetalen|betalen aan)"
    r"|eigen bijdrage|zelf betalen|zelf (iets )?(voor )?betalen)\b"
)


def asks_cost(text: str) -> bool:
    return bool(_COST_QUESTION.search(normalise(text) + " "))
