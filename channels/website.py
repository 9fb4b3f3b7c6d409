"""The demo municipal page with the chat widget, at /chat/, served by the Rasa server itself so the
widget reaches Rasa's socketio channel on the same address. The widget is rasa-webchat from npm
(web/package.json); web/widget.js starts it in Dutch and adds what it lacks for accessibility."""

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import ROOT

WEB = ROOT / "web"
FILES = {
    "": WEB / "index.html",
    "webchat.js": WEB / "node_modules" / "rasa-webchat" / "lib" / "index.js",
    "widget.js": WEB / "widget.js",
    "site.css": WEB / "site.css",
}
# Only this server: the page loads nothing from, and sends nothing to, anyone else.
HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class WebsitePage(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "website"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        missing = [str(path) for path in FILES.values() if not path.exists()]
        if missing:
            raise FileNotFoundError(f"run scripts/install first; missing: {', '.join(missing)}")
        return cls()

    def url_prefix(self) -> str:
        return "/chat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        page = Blueprint("website", __name__)

        async def serve(name: str) -> HTTPResponse:
            return await response.file(FILES[name], headers=HEADERS)

        @page.route("/", methods=["GET"], strict_slashes=False)
        async def index(_: Request) -> HTTPResponse:
            return await serve("")

        @page.route("/<name>", methods=["GET"])
        async def asset(_: Request, name: str) -> HTTPResponse:
            # Sanic hands "/chat/" here with an empty name: that is the page itself.
            if name not in FILES:
                return response.text("niet gevonden", status=404)
            return await serve(name)

        return page
