"""Closes every door of the Rasa server that is not a channel: Rasa's HTTP API answers only with
`Authorization: Bearer $RASA_API_TOKEN`, whatever interface it listens on (behind a TLS proxy
everything arrives from 127.0.0.1), and so does the REST channel unless `WMO_OPEN_REST` is true
(scripts/serve sets it for the embedded local run only); no request body may exceed `MAX_BODY_BYTES`.

A channel only in name: listed in credentials.yml, it installs the check on the whole server when
the server starts, before any request is served. Rasa's own `--auth-token` is not used: it takes
the token from the query string and the command line, where logs and the process list show it.
"""

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.access import MAX_BODY_BYTES, bearer_token_ok, is_public
from bot.settings import settings


class ApiGuard(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "api_guard"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(settings().api_token, settings().open_rest)

    def __init__(self, token: str | None, open_rest: bool) -> None:
        self.token = token
        self.open_rest = open_rest

    async def refuse_unauthorised(self, request: Request) -> HTTPResponse | None:
        if is_public(request.path, self.open_rest):
            return None
        if "token" in request.args:
            return response.json({"error": "Stuur het token in de Authorization-header, niet in de URL."}, status=400)
        if not bearer_token_ok(request.headers.get("authorization"), self.token):
            return response.json({"error": "Niet toegestaan."}, status=401)
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        guard = Blueprint("api_guard", __name__)

        @guard.listener("before_server_start")
        async def install(app: Sanic, _: Any) -> None:
            app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
            app.register_middleware(self.refuse_unauthorised, "request")

        return guard
