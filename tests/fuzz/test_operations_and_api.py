"""What is not a resident's or a staff member's door, under fuzz: the probes and metrics of both
servers, the demo page, Rasa's HTTP API and the action server. No server error, the probes say
nothing but which part is up, metrics and the API open only to their token, and no action runs
without the action server's token."""

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rasa_sdk.executor import ActionExecutor

from channels.website import FILES
from tests.fuzz.client import FUZZ, assert_clear, quoted, request
from tests.fuzz.strategies import BODY, FORWARDED, HEADER, JSON, TEXT, headers
from tests.fuzz.target import METRICS_TOKEN, Target
from tests.helpers import ACTION_TOKEN, API_TOKEN

# Rasa's HTTP API, as rasa.server serves it: each route with its method.
API = [
    ("GET", "/version"),
    ("GET", "/status"),
    ("POST", "/model/train"),
    ("POST", "/model/test/stories"),
    ("POST", "/model/test/intents"),
    ("POST", "/model/predict"),
    ("POST", "/model/parse"),
    ("DELETE", "/model"),
    ("PUT", "/model"),
    ("GET", "/domain"),
    ("GET", "/conversations/{}/tracker"),
    ("PUT", "/conversations/{}/tracker/events"),
    ("POST", "/conversations/{}/tracker/events"),
    ("GET", "/conversations/{}/story"),
    ("POST", "/conversations/{}/execute"),
    ("POST", "/conversations/{}/trigger_intent"),
    ("POST", "/conversations/{}/predict"),
    ("POST", "/conversations/{}/messages"),
]
# Health answers of the channels, open to anyone but REST's, which is closed with the channel.
CHANNEL_HEALTH = ["/webhooks/rest/", "/webhooks/socketio/", "/webhooks/whatsapp/", "/webhooks/twilio/", "/"]
NOT_THE_TOKEN = st.one_of(HEADER, HEADER.map(lambda h: f"Bearer {h}"))


@pytest.mark.parametrize("probe", ["/health", "/health/ready"])
@FUZZ
@given(query=TEXT, sent=headers())
def test_the_probes_answer_anyone_with_part_names_only(
    target: Target, probe: str, query: str, sent: dict[str, str]
) -> None:
    answer = request(target.url, "GET", f"{probe}?x={quoted(query)}", headers=sent)
    assert answer.status == 200
    body = answer.json()
    assert set(body) == {"status", "checks"} and set(body["checks"].values()) <= {"ok", "unavailable"}


@FUZZ
@given(authorization=st.one_of(st.just(f"Bearer {METRICS_TOKEN}"), NOT_THE_TOKEN), sent=headers())
@example(authorization="BEARER \x80", sent={})  # found: a token that is not UTF-8 answered 500 on every door
def test_metrics_open_only_to_their_token(target: Target, authorization: str, sent: dict[str, str]) -> None:
    answer = request(target.url, "GET", "/metrics", headers={**sent, "Authorization": authorization})
    assert_clear(answer)
    if authorization == f"Bearer {METRICS_TOKEN}":
        assert answer.status == 200 and b"wmo_" in answer.body
    else:
        assert answer.status == 401 and b"wmo_" not in answer.body


@FUZZ
@given(
    name=st.one_of(st.sampled_from([*FILES, "../credentials.yml", "..%2F..%2Fcredentials.yml"]), TEXT), sent=headers()
)
def test_the_demo_page_serves_its_own_files_and_nothing_else(target: Target, name: str, sent: dict[str, str]) -> None:
    answer = request(target.url, "GET", f"/chat/{quoted(name)}", headers=sent)
    assert_clear(answer)
    assert answer.status == (200 if name in FILES else 404)
    assert b"WHATSAPP" not in answer.body and b"ApiGuard" not in answer.body


@pytest.mark.parametrize("path", CHANNEL_HEALTH)
@FUZZ
@given(query=TEXT, sent=headers())
def test_the_channels_health_answers_anyone(target: Target, path: str, query: str, sent: dict[str, str]) -> None:
    answer = request(target.url, "GET", f"{path}?x={quoted(query)}", headers=sent)
    assert answer.status == (401 if path.startswith("/webhooks/rest") else 200) and answer.body


@pytest.mark.parametrize("route", API)
@FUZZ
@given(
    conversation=TEXT.filter(lambda t: t not in ("", ".", "..")),
    body=BODY,
    authorization=NOT_THE_TOKEN,
    token_in_query=st.booleans(),
    forwarded=FORWARDED,
)
@example(conversation="x", body=b"", authorization="", token_in_query=True, forwarded="")
def test_rasas_api_needs_the_token_in_a_header(
    target: Target,
    route: tuple[str, str],
    conversation: str,
    body: bytes,
    authorization: str,
    token_in_query: bool,
    forwarded: str,
) -> None:
    method, path = route
    query = f"?token={API_TOKEN}" if token_in_query else ""
    sent = {"Authorization": authorization, "Content-Type": "application/json", "X-Forwarded-For": forwarded}
    answer = request(target.url, method, path.format(quoted(conversation)) + query, body, sent)
    assert answer.status == (400 if token_in_query else 401) and "error" in answer.json()
    assert target.conversations.store.get(conversation) is None


@pytest.fixture
def actions_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every action call the action server's executor got."""
    calls: list[Any] = []
    run = ActionExecutor.run

    async def recorded(self: ActionExecutor, action_call: Any) -> Any:
        calls.append(action_call)
        return await run(self, action_call)

    monkeypatch.setattr(ActionExecutor, "run", recorded)
    yield calls


ACTION_CALL = st.fixed_dictionaries(
    {"next_action": st.sampled_from(["action_delete_conversation", "action_handoff", "action_session_start"])},
    optional={"sender_id": TEXT, "tracker": JSON, "domain": JSON},
)


@pytest.mark.parametrize("path", ["/webhook", "/actions", "/metrics"])
@FUZZ
@given(
    body=st.one_of(ACTION_CALL.map(lambda call: json.dumps(call).encode()), BODY),
    authorization=NOT_THE_TOKEN,
    forwarded=FORWARDED,
)
@example(body=b"{}", authorization="BEARER \x80", forwarded="")  # found: answered 500
def test_the_action_server_runs_nothing_without_its_token(
    target: Target, actions_run: list[Any], path: str, body: bytes, authorization: str, forwarded: str
) -> None:
    method = "POST" if path == "/webhook" else "GET"
    sent = {"Authorization": authorization, "Content-Type": "application/json", "X-Forwarded-For": forwarded}
    answer = request(target.action_url, method, path, body if method == "POST" else None, sent)
    assert answer.status == 401 and answer.json() == {"error": "Niet toegestaan."}
    assert actions_run == []


@FUZZ
@given(
    body=st.one_of(JSON.filter(lambda value: not isinstance(value, dict)), st.binary(max_size=100)), forwarded=FORWARDED
)
@example(body=None, forwarded="")
@example(body=[], forwarded="")  # found: rasa_sdk's handler answered 500 to any JSON but an object
def test_the_action_server_refuses_a_call_that_is_not_one_clearly(
    target: Target, actions_run: list[Any], body: Any, forwarded: str
) -> None:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    sent = {"Authorization": f"Bearer {ACTION_TOKEN}", "Content-Type": "application/json", "X-Forwarded-For": forwarded}
    answer = request(target.action_url, "POST", "/webhook", raw, sent)
    assert answer.status == 400 and "error" in answer.json()
    assert actions_run == []


@pytest.mark.parametrize("path", ["/health", "/health/ready"])
@FUZZ
@given(query=TEXT, sent=headers(Authorization=NOT_THE_TOKEN))
def test_the_action_servers_probes_answer_anyone_with_part_names_only(
    target: Target, path: str, query: str, sent: dict[str, str]
) -> None:
    answer = request(target.action_url, "GET", f"{path}?x={quoted(query)}", headers=sent)
    assert answer.status == 200 and re.fullmatch(rb'\{"status":"ok"(,"checks":\{"catalogue":"ok"\})?\}', answer.body)
