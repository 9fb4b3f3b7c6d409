"""A hung, gone or failing action server costs the resident at most the health check's interval and
timeout and gets an apology with the municipality's number, through Rasa's own handling of an
action's result; a sign of danger still gets the municipality's help lines; the action server is
used again as soon as it answers its health check."""

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    FollowupAction,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.dialogue.unavailable import apology
from bot.municipality import municipality
from bot.settings import ROOT
from channels.action_server_guard import PROBE_INTERVAL, GuardedActionEndpoint
from tests.helpers import PORT_BASE
from tests.live.tcp_proxy import tcp_proxy

DOMAIN = Domain.load(str(ROOT / "domain"))
FREE_PORT, HUNG_PORT = PORT_BASE + 901, PORT_BASE + 902
TIMEOUT = 0.5


class FakeActionServer:
    """Answers /health with 200 and /webhook with `status`: a greeting, a rejection (400) or an error."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._answer(200, {"status": "ok"})

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if fake.status == 400:  # rasa_sdk's answer for an action that rejected its run
                    self._answer(400, {"action_name": "validate_triage_form", "error": "afgewezen"})
                else:
                    self._answer(fake.status, {"events": [], "responses": [{"text": "Hallo van de actieserver."}]})

            def _answer(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/webhook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def action_server() -> Iterator[FakeActionServer]:
    fake = FakeActionServer()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def endpoint(url: str) -> GuardedActionEndpoint:
    return GuardedActionEndpoint(EndpointConfig(url, headers={"Authorization": "Bearer x"}, timeout=TIMEOUT))


def conversation(*events: Event, text: str = "Wat kost een scootmobiel?", entities: Any = ()) -> DialogueStateTracker:
    said = UserUttered(text, {"name": "ask_cost", "confidence": 0.9}, list(entities))
    return DialogueStateTracker.from_events("bewoner", [ActionExecuted("action_listen"), said, *events], DOMAIN.slots)


def run(action: str, guarded: EndpointConfig, tracker: DialogueStateTracker) -> tuple[list[Event], float]:
    """The action's events as Rasa gets them, and the seconds it took."""
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    started = time.monotonic()
    events = asyncio.run(RemoteAction(action, guarded).run(CollectingOutputChannel(), nlg, tracker, DOMAIN))
    return events, time.monotonic() - started


def texts(events: list[Event]) -> list[str]:
    return [event.text for event in events if isinstance(event, BotUttered)]


def test_a_gone_action_server_gets_the_resident_the_apology_at_once_and_the_turn_ends() -> None:
    events, seconds = run("action_answer_cost", endpoint(f"http://127.0.0.1:{FREE_PORT}/webhook"), conversation())
    assert texts(events) == [apology(municipality())]
    assert events[-1] == FollowupAction("action_listen")
    assert seconds < TIMEOUT


def test_a_hung_action_server_is_found_out_by_its_health_check_and_the_apology_comes_once() -> None:
    guarded = endpoint(f"http://127.0.0.1:{HUNG_PORT}/webhook")
    with tcp_proxy(HUNG_PORT, ("127.0.0.1", FREE_PORT)) as hung:
        hung.hang()
        first, waited = run("action_answer_cost", guarded, conversation())
        assert texts(first) == [apology(municipality())]
        # By design at most PROBE_INTERVAL + TIMEOUT (1.5 s); the bound the issue sets, for a busy machine.
        assert waited < 3.0
        # The next action of the same turn: answered at once, and silent.
        later, seconds = run("action_triage_start", guarded, conversation(ActionExecuted("action_answer_cost"), *first))
        assert texts(later) == [] and seconds < 1.0  # no second health-check wait
        assert guarded.health.down


def test_an_action_server_failing_an_action_gets_the_apology_and_stays_in_use(action_server: FakeActionServer) -> None:
    guarded = endpoint(action_server.url)
    action_server.status = 500
    events, _ = run("action_answer_cost", guarded, conversation())
    assert texts(events) == [apology(municipality())] and not guarded.health.down
    action_server.status = 200
    assert texts(run("action_answer_cost", guarded, conversation())[0]) == ["Hallo van de actieserver."]


def test_an_action_that_rejects_its_run_is_left_to_rasa(action_server: FakeActionServer) -> None:
    action_server.status = 400
    with pytest.raises(ActionExecutionRejection):
        run("validate_triage_form", endpoint(action_server.url), conversation())


def test_the_action_server_is_used_again_once_it_answers_its_health_check(action_server: FakeActionServer) -> None:
    port = int(action_server.url.split(":")[2].split("/")[0])
    guarded = endpoint(f"http://127.0.0.1:{HUNG_PORT}/webhook")
    with tcp_proxy(HUNG_PORT, ("127.0.0.1", port)) as proxy:
        proxy.down()

        async def until_back() -> float:
            nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
            action = RemoteAction("action_answer_cost", guarded)
            await action.run(CollectingOutputChannel(), nlg, conversation(), DOMAIN)
            assert guarded.health.down  # the refused connection
            proxy.up()
            back = time.monotonic()
            while guarded.health.down:
                await asyncio.sleep(0.05)
            return time.monotonic() - back

        assert asyncio.run(until_back()) < PROBE_INTERVAL + 0.2
        assert texts(run("action_answer_cost", guarded, conversation())[0]) == ["Hallo van de actieserver."]


def test_a_session_starts_without_the_action_server_with_the_municipalitys_details() -> None:
    before = conversation(SlotSet("triage_age", "75"))
    events, _ = run("action_session_start", endpoint(f"http://127.0.0.1:{FREE_PORT}/webhook"), before)
    assert isinstance(events[0], SessionStarted) and events[-1] == ActionExecuted("action_listen")
    slots = {event.key: event.value for event in events if isinstance(event, SlotSet)}
    assert slots["triage_age"] == "75" and slots["gemeente_telefoon"] == municipality().phone
    assert texts(events) == []


def test_a_sign_of_danger_still_gets_the_municipalitys_help_lines() -> None:
    danger = conversation(text="ik slaap vannacht op straat", entities=[{"entity": "crisis", "value": "dakloos"}])
    events, _ = run("action_crisis", endpoint(f"http://127.0.0.1:{FREE_PORT}/webhook"), danger)
    [lines] = texts(events)
    assert municipality().urgent_phone in lines and "Sorry" not in lines


def test_a_form_keeps_its_question_for_when_the_action_server_is_back() -> None:
    in_form = conversation(ActiveLoop("triage_form"), SlotSet("requested_slot", "triage_age"))
    events, _ = run("validate_triage_form", endpoint(f"http://127.0.0.1:{FREE_PORT}/webhook"), in_form)
    assert SlotSet("requested_slot", "triage_age") in events
    assert texts(events) == [apology(municipality())]
