"""The assistant's Prometheus metrics, one set per process (prometheus-client's default registry, which
also brings the process's memory and CPU). The Rasa server counts turns, intents, fallbacks, crisis
signals and errors; the action server counts handoffs, action calls and their errors, and reports the
open handoffs waiting for staff.

Labels take only names from the assistant's own domain (intents, actions, channels, handoff kinds),
never anything a resident typed, so the number of series stays small and no text leaves the process.

Several worker processes (SANIC_WORKERS, ACTION_SERVER_SANIC_WORKERS) share their figures through
prometheus-client's multiprocess mode when PROMETHEUS_MULTIPROC_DIR names an empty folder.
"""

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from time import perf_counter

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

# The intents that mean the assistant did not understand, and the one that means danger.
NLU_FALLBACK = "nlu_fallback"
CRISIS = "crisis"
# Rasa's own fallback when no policy is sure what to do next.
CORE_FALLBACK_ACTION = "action_default_fallback"
# A turn should take well under 300 ms; the buckets show how far from it the slow ones are.
TURN_BUCKETS = (0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0)

TURN_SECONDS = Histogram(
    "wmo_turn_seconds", "Time from a resident's message to the last reply", ["channel"], buckets=TURN_BUCKETS
)
TURNS_IN_PROGRESS = Gauge("wmo_turns_in_progress", "Messages being answered right now", multiprocess_mode="livesum")
INTENTS = Counter("wmo_intents", "Residents' messages by the intent the assistant read", ["intent"])
FALLBACKS = Counter("wmo_fallbacks", "Messages not understood (nlu) or turns no policy was sure of (core)", ["kind"])
CRISIS_SIGNALS = Counter("wmo_crisis_signals", "Messages with signs of acute need", ["channel"])
HANDOFFS = Counter("wmo_handoffs", "Handoffs to staff the residents agreed to", ["kind"])
ERRORS = Counter("wmo_errors", "Turns or action calls that failed", ["where"])
ACTION_SECONDS = Histogram("wmo_action_seconds", "Time the action server took per action", ["action"])


@contextmanager
def turn(channel: str) -> Iterator[None]:
    """Times one resident's message on its channel, and counts it as an error when it fails."""
    TURNS_IN_PROGRESS.inc()
    started = perf_counter()
    try:
        yield
    except Exception:
        ERRORS.labels("turn").inc()
        raise
    finally:
        TURNS_IN_PROGRESS.dec()
        TURN_SECONDS.labels(channel).observe(perf_counter() - started)


def count_user_message(intent: str, channel: str) -> None:
    INTENTS.labels(intent).inc()
    if intent == NLU_FALLBACK:
        FALLBACKS.labels("nlu").inc()
    elif intent == CRISIS:
        CRISIS_SIGNALS.labels(channel).inc()


def count_action(name: str) -> None:
    if name == CORE_FALLBACK_ACTION:
        FALLBACKS.labels("core").inc()


class QueueLength(Collector):
    """A gauge read when Prometheus asks (the open handoffs in the database), not kept in memory;
    when the source cannot be read the gauge is left out rather than reported wrong."""

    def __init__(self, name: str, documentation: str, read: Callable[[], int]) -> None:
        self._name, self._documentation, self._read = name, documentation, read

    def collect(self) -> Iterator[GaugeMetricFamily]:
        try:
            value = self._read()
        except Exception:
            return
        yield GaugeMetricFamily(self._name, self._documentation, value=value)


def exposition(queues: tuple[Collector, ...] = ()) -> tuple[bytes, str]:
    """(body, content type) of every metric of this process, or of all its workers."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # prometheus-client leaves it unannotated
        for queue in queues:
            registry.register(queue)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    body = generate_latest(REGISTRY)
    if queues:
        extra = CollectorRegistry()
        for queue in queues:
            extra.register(queue)
        body += generate_latest(extra)
    return body, CONTENT_TYPE_LATEST
