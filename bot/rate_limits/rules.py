"""How many messages a resident, or an address, may send in a time: "30/minute, 300/hour"."""

import re
from dataclasses import dataclass

SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RULE = re.compile(r"(\d+)\s*/\s*(second|minute|hour|day)s?")
OFF = "off"


@dataclass(frozen=True)
class Rule:
    count: int
    seconds: int


def parse_rules(text: str) -> tuple[Rule, ...]:
    """Rules separated by commas; "off" for none. A rule that cannot be read is an error, never ignored."""
    if text.strip().lower() == OFF:
        return ()
    rules = []
    for part in text.split(","):
        found = RULE.fullmatch(part.strip().lower())
        if not found or int(found.group(1)) < 1:
            raise ValueError(f"'{part.strip()}' is not a rate limit: write e.g. '30/minute, 300/hour' or 'off'")
        rules.append(Rule(int(found.group(1)), SECONDS[found.group(2)]))
    return tuple(rules)
