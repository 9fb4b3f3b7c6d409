"""Raw HTTP for the fuzz suite: any method, path, header and body a client can put on the wire, and
the checks every answer must pass whatever was sent."""

import http.client
import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, settings

# Every endpoint gets at least this many generated requests; derandomized, so CI runs the same ones.
EXAMPLES = 500
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


def quoted(text: str) -> str:
    """Any text as one path segment or query value on the wire."""
    return urllib.parse.quote(text, safe="")


def request(
    base: str,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 30,
) -> Answer:
    """One request on its own connection; header values go out as Latin-1, as HTTP allows."""
    parsed = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parsed.hostname or "", parsed.port, timeout=timeout)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value.encode("latin-1"))
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        answer = connection.getresponse()
        return Answer(answer.status, answer.headers, answer.read())
    finally:
        connection.close()


def form(fields: Mapping[str, str]) -> tuple[bytes, dict[str, str]]:
    return urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def assert_clear(answer: Answer) -> None:
    """No server error, and a refusal says why in words a person can read."""
    assert answer.status < 500, f"{answer.status}: {answer.body[:300]!r}"
    if 400 <= answer.status < 500:
        assert answer.text.strip(), f"{answer.status} without a body"


def assert_not_reflected(answer: Answer, *sent: str) -> None:
    """Nothing sent that HTML would read as markup comes back as it was sent."""
    page = answer.body.decode("utf-8", "replace")
    for value in sent:
        if any(mark in value for mark in "<>\"'&") and len(value) > 1:
            assert value not in page, f"reflected unescaped: {value!r}"
