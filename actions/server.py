"""The action server, closed by default (`python -m actions.server`): it listens on
`ACTION_INTERFACE` (127.0.0.1 unless set to an internal address), answers `/webhook` and
`/actions` only with `Authorization: Bearer $ACTION_SERVER_TOKEN` (endpoints.yml makes the Rasa
server send it), allows no cross-origin calls (only the Rasa server calls it) and, when an action
fails, answers without echoing the conversation it was sent, which rasa_sdk's own handler does.
It refuses to start without a token.

For operators: `/health` (rasa_sdk's own: the process answers) and `/health/ready` (the catalogue
database answers too; the readiness probe) are open and say nothing but which part is down;
`/metrics` (Prometheus: time and errors per action, handoffs, open handoffs) needs
`Authorization: Bearer $WMO_METRICS_TOKEN` and is closed while it is not set.
"""

import argparse
import asyncio
import logging
import os
from time import perf_counter

from rasa_sdk import endpoint, utils
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.services import services
from bot.access import bearer_token_ok
from bot.database import default_engine
from bot.observability.health import database_answers, health, in_thread
from bot.observability.metrics import ACTION_SECONDS, ERRORS, QueueLength, exposition
from bot.settings import settings

logger = logging.getLogger(__name__)
# The Rasa server sends the whole conversation with each call: generous, but not unbounded.
MAX_BODY_BYTES = 8 * 1024 * 1024
# Open to probes without a token: they tell only whether a part is up.
OPEN_PATHS = ("/health", "/health/ready")
OPEN_HANDOFFS = QueueLength(
    "wmo_open_handoffs",
    "Handoffs and callback requests waiting for staff",
    lambda: services().handoffs.count_open(),
)


def _action_name(request: Request) -> str:
    try:
        return str(request.json["next_action"])
    except Exception:
        return "onbekend"


def create_app(token: str, metrics_token: str | None = None) -> Sanic:
    if not token:
        raise ValueError("ACTION_SERVER_TOKEN is not set: the action server does not run without it")
    app = endpoint.create_app("actions", cors_origins=None)
    app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES

    @app.middleware("request")
    async def refuse_unauthorised(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or bearer_token_ok(request.headers.get("authorization"), token):
            return None
        if request.path == "/metrics" and bearer_token_ok(request.headers.get("authorization"), metrics_token):
            return None
        return response.json({"error": "Niet toegestaan."}, status=401)

    @app.middleware("request")
    async def refuse_what_is_no_action_call(request: Request) -> HTTPResponse | None:
        # A body announced over the limit is refused for its size first, whatever it would hold.
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            return response.json({"error": "Niet verwerkt."}, status=413)
        # rasa_sdk's handler reads any JSON as an object: a list, a number or nothing answered 500.
        if request.path == "/webhook" and request.headers.get("content-encoding") != "deflate":
            call = request.json  # a body that is not JSON at all: Sanic's own 400
            if not isinstance(call, dict) or not isinstance(call.get("next_action"), str):
                return response.json({"error": "Geen actie-aanroep: een JSON-object met next_action."}, status=400)
        return None

    @app.middleware("request")
    async def start_timing(request: Request) -> None:
        if request.path == "/webhook":
            request.ctx.action, request.ctx.started = _action_name(request), perf_counter()

    @app.middleware("response")
    async def count(request: Request, answer: HTTPResponse) -> None:
        if hasattr(request.ctx, "started"):
            # A name the server does not know is not a label: the set of series stays the domain's.
            action = "onbekend" if answer.status == 404 else request.ctx.action
            ACTION_SECONDS.labels(action).observe(perf_counter() - request.ctx.started)
            if answer.status >= 500:
                ERRORS.labels("action").inc()

    @app.get("/health/ready")
    async def ready(_: Request) -> HTTPResponse:
        status, body = await health({"catalogue": in_thread(lambda: database_answers(default_engine()))})
        return response.json(body, status=status)

    @app.get("/metrics")
    async def metrics(_: Request) -> HTTPResponse:
        body, content_type = await asyncio.to_thread(exposition, (OPEN_HANDOFFS,))
        return response.raw(body, content_type=content_type)

    @app.exception(Exception)
    async def failed(request: Request, exception: Exception) -> HTTPResponse:
        status = getattr(exception, "status_code", 500)
        if isinstance(exception, SanicException) and status < 500:
            # Refused before any action ran (too large, unknown path): its own status, not a failure.
            return response.json({"error": "Niet verwerkt."}, status=status)
        logger.error("action call failed: %s", type(exception).__name__, exc_info=exception)
        return response.json({"error": "De actie is mislukt."}, status=500)

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT", "5055")))
    parser.add_argument("--interface", default=os.environ.get("ACTION_INTERFACE", "127.0.0.1"))
    parser.add_argument("--logging-config-file")
    args = parser.parse_args()
    utils.configure_file_logging(
        logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), None, logging.INFO, args.logging_config_file
    )
    utils.update_sanic_log_level()
    try:
        app = create_app(settings().action_token or "", settings().metrics_token)
    except ValueError as error:
        raise SystemExit(str(error)) from None
    app.run(args.interface, args.port, workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main()
