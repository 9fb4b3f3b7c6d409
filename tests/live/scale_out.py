"""The production stack scaled out on loopback, for tests/live/test_scale_out.py and
benchmarks/scale_out.py: several instances of scripts/serve (a Rasa server and an action server
each) behind HAProxy, which balances the residents over the Rasa servers and the Rasa servers'
calls over the action servers; conversations in a fresh PostgreSQL database, locks and rate-limit
counts in Redis, every event to a fresh RabbitMQ exchange and queue.

Residents hold multi-turn conversations at once, each turn's answer checked; one instance can be
killed under load. Afterwards every conversation is read back from PostgreSQL and from RabbitMQ and
compared with what the residents sent and were answered."""

import contextlib
import json
import os
import re
import signal
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text

from tests.helpers import assistant_environment, percentile, scratch_database
from tests.live.assistant_process import Assistant, launched_assistant, wait_until_answering
from tests.live.fake_api import FakeApi
from tests.live.production_stack import Event, production_environment
from tests.rabbitmq import EventQueue, delete_event_queue, new_event_queue

HAPROXY = Path(os.environ.get("HAPROXY", "/usr/sbin/haproxy"))
# Long enough for a turn that waits for its conversation's lock: a Rasa server killed mid-turn leaves
# its ticket in Redis until the ticket expires (Rasa's TICKET_LOCK_LIFETIME, 60 s by default).
TURN_TIMEOUT = 150
APOLOGY = "Sorry, er gaat bij ons iets mis"
RETRY_PAUSE = 1.0
METRICS_TOKEN = "scale-out-metrics"
# How long a Rasa server that was busy may take to publish its backlog once the residents stop.
PUBLISHING_TIMEOUT = 180

# Conversations whose turns lean on earlier ones ("Wat kost dat?"), so a turn answered by the other
# server than the one before it shows whether the conversation travelled along. (question, a
# phrase its answer must contain), as tests/live/test_assistant.py checks them.
CONVERSATIONS = (
    (
        # First: once a provision was asked about, the answer is about that provision's pgb.
        ("wat is het verschil tussen pgb en zorg in natura", "Zorg in natura"),
        ("Kan ik een woonaanpassing krijgen?", "Woningaanpassing"),
        ("Wat kost dat?", "Voor woningaanpassing betaalt u een eigen bijdrage"),
        ("Hoe vraag ik een traplift aan?", "Woningaanpassing aanvragen"),
    ),
    (
        ("Voor wie is de Wmo?", "zo lang mogelijk thuis"),
        ("Kan ik huishoudelijke hulp krijgen?", "Huishoudelijke ondersteuning (maatwerkvoorziening"),
        ("Wat kost een scootmobiel?", "In 2024 was dat maximaal € 20,60 per maand"),
        ("hoe lang duurt het voor ik een besluit krijg", "binnen 6 weken"),
    ),
    (
        # Before a provision is named: afterwards the answer gives that provision's conditions.
        ("Wanneer krijg ik geen maatwerkvoorziening?", "algemeen gebruikelijk"),
        ("Welke ondersteuning is er vanuit de Wmo?", "Algemene voorzieningen zijn er voor iedereen"),
        ("Moet ik betalen voor een rolstoelvoorziening?", "Voor rolstoel betaalt u geen eigen bijdrage"),
        ("valt wijkverpleging onder de wmo", "uw zorgverzekering"),
        ("wanneer wordt het afval opgehaald", "https://www.voorbeeldstad.example/afval"),
    ),
)


@dataclass(frozen=True)
class Turn:
    """One message of a resident as it went: HTTP status (0: no answer at all), the answer's text,
    and the Rasa server that gave it (HAProxy names it)."""

    sender: str
    text: str
    expected: str
    started: float
    seconds: float
    status: int
    answer: str
    server: str

    @property
    def answered(self) -> bool:
        return self.status == 200

    @property
    def right(self) -> bool:
        return self.answered and self.expected in self.answer and APOLOGY not in self.answer


def server_name(kind: str, index: int) -> str:
    """HAProxy's name of instance `index`'s server: rasa1, actions1, ..."""
    return f"{kind}{index + 1}"


def haproxy_config(port: int, rasa_ports: list[int], action_ports: list[int]) -> str:
    """Residents on `port`, the Rasa servers' action calls on port + 1."""

    def servers(kind: str, ports: list[int]) -> str:
        return "\n".join(f"    server {server_name(kind, i)} 127.0.0.1:{p} check" for i, p in enumerate(ports))

    return f"""global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client {TURN_TIMEOUT}s
    timeout server {TURN_TIMEOUT}s
    # A refused connection (the server is gone) is tried on another server. A request the server
    # took is never sent again: it may have stored the resident's message already.
    retries 3
    option redispatch 1
    retry-on conn-failure
    # A server that refuses connections is out within a second. A busy one answers its check late
    # (its event loop runs the models), which is no reason to take it out.
    default-server inter 500ms fall 2 rise 2
    timeout check 10s
frontend residents
    bind 127.0.0.1:{port}
    default_backend rasa
frontend actions
    bind 127.0.0.1:{port + 1}
    default_backend actions
backend rasa
    balance leastconn
    option httpchk GET /
    # A Rasa server that breaks off a turn is out at once, before its health check finds it gone:
    # a dying process still takes connections for a moment and never answers them.
    default-server observe layer7 error-limit 1 on-error mark-down
    # Also on HAProxy's own 502 for a turn the server broke off: which server failed it.
    http-after-response set-header X-Served-By %s
{servers("rasa", rasa_ports)}
backend actions
    balance leastconn
    option httpchk GET /health
{servers("actions", action_ports)}
"""


@dataclass
class ScaleOut:
    url: str
    instances: list[Assistant]
    tracker_db_url: str
    events: EventQueue

    def ask(self, sender: str, question: str, expected: str) -> Turn:
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": question}).encode(),
            headers={"Content-Type": "application/json"},
        )
        started = time.monotonic()
        status, answer, server = 0, "", ""
        try:
            with urllib.request.urlopen(request, timeout=TURN_TIMEOUT) as response:
                status, server = response.status, response.headers.get("X-Served-By", "")
                answer = "\n".join(m.get("text", "") for m in json.loads(response.read()))
        except urllib.error.HTTPError as error:
            status, server = error.code, error.headers.get("X-Served-By", "")
        except OSError:
            pass
        return Turn(sender, question, expected, started, time.monotonic() - started, status, answer, server)

    def kill(self, index: int) -> float:
        """Kills one instance's Rasa server at once, as a crash or an out-of-memory kill would
        (scripts/serve then stops its action server too); returns when."""
        pid = self.instances[index].rasa_server_pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        return time.monotonic()

    def unpublished(self, index: int) -> int:
        """Events instance `index`'s Rasa server has not had confirmed by RabbitMQ (its /metrics)."""
        request = urllib.request.Request(
            f"{self.instances[index].url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read().decode()
        return int(float(re.search(r"^wmo_events_unpublished (\S+)$", body, re.M).group(1)))  # type: ignore[union-attr]

    def wait_for_publishing(self, killed: int | None) -> None:
        """Until every living Rasa server has published what it kept back while it was busy."""
        deadline = time.monotonic() + PUBLISHING_TIMEOUT
        for index in range(len(self.instances)):
            while index != killed and self.unpublished(index) and time.monotonic() < deadline:
                time.sleep(0.5)

    def stored(self) -> dict[str, list[Event]]:
        """Every conversation's events as PostgreSQL holds them, in the order they were stored."""
        engine = create_engine(self.tracker_db_url, future=True)
        try:
            with engine.connect() as connection:
                rows = connection.execute(text("SELECT sender_id, data FROM events ORDER BY id")).all()
        finally:
            engine.dispose()
        conversations: dict[str, list[Event]] = defaultdict(list)
        for sender, data in rows:
            conversations[sender].append(json.loads(data))
        return conversations

    def published(self) -> dict[str, list[Event]]:
        """Every conversation's events as RabbitMQ got them (after wait_for_publishing): taken until
        none came for a while."""
        conversations: dict[str, list[Event]] = defaultdict(list)
        for event in self.events.drain(quiet=5):
            conversations[event["sender_id"]].append(event)
        # Rasa publishes each event in its own task, so they reach the queue in any order: a
        # consumer puts a conversation back in order by the events' timestamps.
        return {sender: sorted(events, key=lambda e: e["timestamp"]) for sender, events in conversations.items()}


def wait_until_balanced(url: str, instances: int, timeout: float = 30) -> None:
    """Until HAProxy passes requests to every Rasa server: it started while they did, and counts
    each as up only after two health checks in a row."""
    deadline = time.monotonic() + timeout
    seen: set[str] = set()
    while len(seen) < instances:
        assert time.monotonic() < deadline, f"HAProxy reaches only {seen}"
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            seen.add(response.headers.get("X-Served-By", ""))
        time.sleep(0.1)


@contextlib.contextmanager
def scale_out(model: Path, folder: Path, fake_api: FakeApi, instances: int, port: int) -> Iterator[ScaleOut]:
    """HAProxy on port (residents) and port + 1 (action calls); instance i's Rasa server on
    port + 10 + i, its action server on port + 20 + i."""
    rasa_ports = [port + 10 + i for i in range(instances)]
    action_ports = [port + 20 + i for i in range(instances)]
    config = folder / "haproxy.cfg"
    config.write_text(haproxy_config(port, rasa_ports, action_ports))
    events = new_event_queue()
    broker = events.broker_settings
    with contextlib.ExitStack() as stack:
        stack.callback(delete_event_queue, events)
        database = stack.enter_context(scratch_database("wmo_scale"))
        with open(folder / "haproxy.log", "w") as log:
            haproxy = subprocess.Popen([str(HAPROXY), "-db", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)
        stack.callback(haproxy.wait, 10)
        stack.callback(haproxy.terminate)
        launched = []
        for i, (rasa_port, action_port) in enumerate(zip(rasa_ports, action_ports, strict=True)):
            own = folder / f"instance{i + 1}"
            own.mkdir()
            env = {
                **assistant_environment(own, fake_api),
                **production_environment(database, events, 6379, (broker["host"], broker["port"])),
                "ACTION_SERVER_URL": f"http://127.0.0.1:{port + 1}/webhook",
                "WMO_METRICS_TOKEN": METRICS_TOKEN,
            }
            started = launched_assistant(model, own, rasa_port, action_port, env, database)
            launched.append((stack.enter_context(started), action_port))
        for (assistant, process), action_port in launched:
            wait_until_answering(assistant, process, action_port)
            # A new Rasa server's first turns are slow (its models warm up): not what residents meet.
            for question, _ in CONVERSATIONS[0][:2]:
                assistant.say(f"warm-up-{uuid.uuid4().hex[:8]}", question)
        wait_until_balanced(f"http://127.0.0.1:{port}/", instances)
        yield ScaleOut(f"http://127.0.0.1:{port}", [assistant for (assistant, _), _ in launched], database, events)


@dataclass
class Verdict:
    """What the residents lived through in a window of `seconds` from `started`, and what was kept."""

    turns: list[Turn]
    started: float
    seconds: float
    killed_at: float | None
    killed_server: str | None
    # Per source (PostgreSQL, RabbitMQ): messages answered but not kept with an answer after them, and
    # messages kept more often than the residents sent them. On RabbitMQ, "lost" leaves out the turns
    # the killed server answered: what it had not yet published died with it (lost_with_killed).
    lost: dict[str, int] = field(default_factory=dict)
    duplicated: dict[str, int] = field(default_factory=dict)
    lost_with_killed: int = 0
    events_stored: int = 0
    events_not_published: int = 0

    def in_flight(self) -> list[Turn]:
        """Turns the killed server took and never answered: those under way when it was killed, and
        any it still took while it was dying (until HAProxy saw its first broken answer)."""
        if self.killed_server is None:
            return []
        return [t for t in self.turns if not t.answered and t.server == self.killed_server]

    def errors(self) -> list[Turn]:
        """HTTP errors other than the killed server's turns in flight, apologies and wrong answers."""
        in_flight = self.in_flight()
        return [t for t in self.turns if not t.right and t not in in_flight]

    def summary(self) -> str:
        ended = self.started + self.seconds
        ms = [t.seconds * 1000 for t in self.turns if t.answered and t.started + t.seconds <= ended]
        p50, p95 = (statistics.median(ms), percentile(ms, 0.95)) if ms else (0.0, 0.0)
        served = Counter(t.server for t in self.turns if t.answered)
        lines = [
            f"turns answered in {self.seconds:.0f} s: {len(ms)}, {len(ms) / self.seconds:.1f} a second",
            f"latency: p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {max(ms, default=0):.0f} ms",
            "served by: " + ", ".join(f"{name} {count}" for name, count in sorted(served.items())),
            "lost: " + ", ".join(f"{source} {count}" for source, count in self.lost.items()),
            "duplicated: " + ", ".join(f"{source} {count}" for source, count in self.duplicated.items()),
            f"errors: {len(self.errors())}",
            *(f"  {t.status} {t.server or '-'} {t.text!r}: {t.answer[:80]!r}" for t in self.errors()[:5]),
            f"events stored: {self.events_stored}, not published to RabbitMQ: {self.events_not_published}",
        ]
        if self.killed_at is not None:
            killed = self.killed_at
            slowest = max((t.seconds for t in self.turns if t.started > killed), default=0.0)
            answered_by_killed = sum(1 for t in self.turns if t.answered and t.server == self.killed_server)
            lines += [
                f"{self.killed_server} killed {killed - self.started:.0f} s in: {len(self.in_flight())} turns in "
                f"flight failed; the slowest turn after it took {slowest:.1f} s (a conversation whose turn "
                "died waits for its lock)",
                f"turns {self.killed_server} answered: {answered_by_killed}, of which never on RabbitMQ: "
                f"{self.lost_with_killed}",
            ]
        return "\n".join(lines)


def resident(stack: ScaleOut, number: int, until: float, turns: list[Turn]) -> None:
    """Holds conversations until `until`, each in a new conversation id; a turn that got no answer
    is asked again after a moment, as a resident would."""
    rounds = 0
    while time.monotonic() < until:
        sender = f"bewoner-{number}-{uuid.uuid4().hex[:8]}"
        for question, expected in CONVERSATIONS[(number + rounds) % len(CONVERSATIONS)]:
            turn = stack.ask(sender, question, expected)
            turns.append(turn)
            if not turn.answered:
                time.sleep(RETRY_PAUSE)
                turns.append(stack.ask(sender, question, expected))
            if time.monotonic() >= until:
                return
        rounds += 1


def user_messages(events: list[Event]) -> tuple[Counter[str], Counter[str]]:
    """(every user message, those with a bot answer after them before the next user message)."""
    said: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    last: str | None = None
    for event in events:
        if event["event"] == "user":
            said[event["text"]] += 1
            last = event["text"]
        elif event["event"] == "bot" and last is not None:
            answered[last] += 1
            last = None
    return said, answered


def compare(turns: list[Turn], kept: dict[str, list[Event]], counted: Callable[[Turn], bool]) -> tuple[int, int]:
    """(lost of the `counted` turns, duplicated) of one source against the residents' turns. A
    message sent again after it got no answer may be kept twice: the resident's doing, no duplicate."""
    sent: dict[str, Counter[str]] = defaultdict(Counter)
    answered: dict[str, Counter[str]] = defaultdict(Counter)
    for turn in turns:
        sent[turn.sender][turn.text] += 1
        if turn.answered and counted(turn):
            answered[turn.sender][turn.text] += 1
    lost = duplicated = 0
    for sender in sent:
        said, with_answer = user_messages(kept.get(sender, []))
        lost += (answered[sender] - with_answer).total()
        duplicated += (said - sent[sender]).total()
    return lost, duplicated


def run_residents(stack: ScaleOut, residents: int, seconds: float, kill_after: float | None = None) -> Verdict:
    """`residents` at once for `seconds` (a turn under way then is finished); with kill_after, the
    last instance is killed that many seconds in. Then reads every conversation back."""
    turns: list[Turn] = []
    started = time.monotonic()
    until = started + seconds
    threads = [threading.Thread(target=resident, args=(stack, n, until, turns)) for n in range(residents)]
    for thread in threads:
        thread.start()
    killed_at = killed_server = killed = None
    if kill_after is not None:
        time.sleep(kill_after)
        killed = len(stack.instances) - 1
        killed_at, killed_server = stack.kill(killed), server_name("rasa", killed)
    for thread in threads:
        thread.join()
    stack.wait_for_publishing(killed)
    verdict = Verdict(turns, started, seconds, killed_at, killed_server)
    stored, published = stack.stored(), stack.published()
    verdict.lost["PostgreSQL"], verdict.duplicated["PostgreSQL"] = compare(turns, stored, lambda t: True)
    verdict.lost["RabbitMQ"], verdict.duplicated["RabbitMQ"] = compare(
        turns, published, lambda t: t.server != killed_server
    )
    if killed_server is not None:
        verdict.lost_with_killed = compare(turns, published, lambda t: t.server == killed_server)[0]
    ours = {turn.sender for turn in turns}
    stored_keys = {(e["event"], e["timestamp"], s) for s in ours for e in stored.get(s, [])}
    published_keys = {(e["event"], e["timestamp"], s) for s in ours for e in published.get(s, [])}
    verdict.events_stored = len(stored_keys)
    verdict.events_not_published = len(stored_keys - published_keys)
    return verdict
