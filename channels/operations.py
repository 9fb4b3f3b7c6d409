"""What operators reach on the Rasa server, beside the residents' channels: `/health` and
`/health/ready` (anonymous, a small JSON body with no personal data) and `/metrics` (Prometheus,
only with `Authorization: Bearer $WMO_METRICS_TOKEN`; closed while it is not set). Neither is behind
the ingress or the TLS proxy: probes and Prometheus reach the pods directly.

`/health` checks everything a conversation touches: the model, the tracker store, the lock store,
the catalogue database and the action server; 503 when any is down. `/health/ready` (the readiness
probe) counts only what this instance cannot answer without (model, tracker store, lock store): with
the action server down it still gives the help lines and an apology, so it stays in the load balancer.
"""

from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.agent import Agent
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.core.tracker_store import RedisTrackerStore, SQLTrackerStore, TrackerStore
from rasa.utils.endpoints import EndpointConfig
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.access import bearer_token_ok
from bot.database import default_engine
from bot.observability.health import TIMEOUT_SECONDS, Check, database_answers, health, in_thread
from bot.observability.metrics import QueueLength, exposition
from bot.settings import settings
from stores.event_broker import BufferedPikaEventBroker

READY = ("model", "tracker_store", "lock_store")


def _nothing() -> None:
    """The in-memory stores of a local run cannot be down."""


def _tracker_store_ping(store: TrackerStore | None) -> Callable[[], object]:
    # Rasa wraps the configured store (AwaitableTrackerStore), ours wraps the real one (RedactingTrackerStore).
    for attribute in ("_tracker_store", "_inner"):
        store = getattr(store, attribute, store)
    if isinstance(store, SQLTrackerStore):
        return lambda: database_answers(store.engine)
    if isinstance(store, RedisTrackerStore):
        return store.red.ping
    return _nothing


def _event_broker(store: TrackerStore | None) -> BufferedPikaEventBroker | None:
    """The broker the configured tracker store publishes to, under Rasa's and our wrappers."""
    for attribute in ("_tracker_store", "_inner", None):
        broker = getattr(store, "event_broker", None)
        if isinstance(broker, BufferedPikaEventBroker):
            return broker
        store = getattr(store, attribute, None) if attribute else None
    return None


def _lock_store_ping(store: LockStore | None) -> Callable[[], object]:
    return store.red.ping if isinstance(store, RedisLockStore) else _nothing


def _action_server_check(endpoint: EndpointConfig | None) -> Check:
    """The action server's own /health, beside the /webhook Rasa calls."""

    async def check() -> None:
        if endpoint is None or not endpoint.url:
            raise LookupError("no action server configured")
        url = endpoint.url.rsplit("/", 1)[0] + "/health"
        timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as answer:
            answer.raise_for_status()

    return check


def _model_check(agent: Agent) -> Check:
    async def check() -> None:
        if not agent.is_ready():
            raise LookupError("no model loaded")

    return check


def checks(agent: Agent) -> dict[str, Check]:
    return {
        "model": _model_check(agent),
        "tracker_store": in_thread(_tracker_store_ping(agent.tracker_store)),
        "lock_store": in_thread(_lock_store_ping(agent.lock_store)),
        "catalogue": in_thread(lambda: database_answers(default_engine())),
        "action_server": _action_server_check(agent.action_endpoint),
    }


class Health(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "health"

    def url_prefix(self) -> str:
        return "/health"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        page = Blueprint("health", __name__)

        @page.route("/", methods=["GET"], strict_slashes=False)
        async def everything(request: Request) -> HTTPResponse:
            status, body = await health(checks(request.app.ctx.agent))
            return response.json(body, status=status)

        @page.route("/ready", methods=["GET"])
        async def ready(request: Request) -> HTTPResponse:
            status, body = await health(checks(request.app.ctx.agent), counted=READY)
            return response.json(body, status=status)

        return page


class Metrics(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "metrics"

    def url_prefix(self) -> str:
        return "/metrics"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        page = Blueprint("metrics", __name__)

        @page.route("/", methods=["GET"], strict_slashes=False)
        async def metrics(request: Request) -> HTTPResponse:
            if not bearer_token_ok(request.headers.get("authorization"), settings().metrics_token):
                return response.json({"error": "Niet toegestaan."}, status=401)
            agent: Agent | None = getattr(request.app.ctx, "agent", None)
            broker = _event_broker(agent.tracker_store if agent else None)
            queues = (
                (
                    QueueLength(
                        "wmo_events_unpublished", "Events RabbitMQ has not confirmed yet", lambda: broker.unpublished
                    ),
                )
                if broker
                else ()
            )
            body, content_type = exposition(queues)
            return response.raw(body, content_type=content_type)

        return page
