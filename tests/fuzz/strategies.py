"""What the fuzz suite sends: any text, header values as they can travel, JSON of any shape, forged
addresses, and markup meant to run in a staff member's browser."""

import json
from typing import Any

from hypothesis import strategies as st

# Markup that would run if a page reflected it unescaped.
MARKUP = st.sampled_from(['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "</textarea><b>", "'&"])
# Anything a person or a script can type, with markup mixed in now and then.
TEXT = st.one_of(st.text(max_size=120), MARKUP, st.builds(lambda a, b: a + b, st.text(max_size=20), MARKUP))
# What a header value can carry on the wire: Latin-1 without the line breaks that end a header.
HEADER = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=80)
# A forged or garbled X-Forwarded-For: addresses, lists of them, or nothing like one.
FORWARDED = st.one_of(
    HEADER,
    st.ip_addresses().map(str),
    st.lists(st.one_of(st.ip_addresses().map(str), HEADER), min_size=1, max_size=4).map(", ".join),
)
JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
# A body as anything: JSON of any shape, or bytes that are not JSON at all.
BODY = st.one_of(JSON.map(lambda value: json.dumps(value).encode()), st.binary(max_size=200))
# A message a resident may send: text the channels accept (at most the 4,000 characters of the cap).
MESSAGE = st.one_of(st.text(min_size=1, max_size=300), MARKUP)


def headers(**fixed: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, str]]:
    """Headers with a forged X-Forwarded-For now and then, and any other header value."""
    return st.fixed_dictionaries(
        fixed, optional={"X-Forwarded-For": FORWARDED, "Origin": HEADER, "Cookie": HEADER, "User-Agent": HEADER}
    )
