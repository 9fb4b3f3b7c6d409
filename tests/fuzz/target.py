"""The fuzz suite's targets, built as production builds them but without a model: the Rasa server
of credentials.yml (every channel, the API guard, Rasa's HTTP API) whose agent records each message
instead of answering it, and the action server of actions/server.py with its token; both served
over HTTP in this process (tests/in_process.py), on SQLite, with the production checks on."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.run import configure_app, create_http_input_channels
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig
from sanic import Sanic
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from actions.server import create_app as create_action_server
from bot.database import Base
from bot.rate_limits import rate_limiter, trusted_proxies
from bot.settings import ROOT, settings
from bot.wijkteams.file import read_wijkteams
from bot.wijkteams.tables import seed_wijkteams
from channels.website_chat import WebsiteChat
from tests.helpers import ACTION_TOKEN, API_TOKEN, PSEUDONYM_KEY, TWILIO_SECRETS, WHATSAPP_SECRETS, staff_file
from tests.in_process import served
from tests.live.fake_api import FakeApi

METRICS_TOKEN = "test-metrics-token"
WEB_ORIGIN = "https://www.voorbeeldstad.nl"
WEB_SESSION_SECRET = "test-web-session-secret-of-32-characters"


@dataclass(repr=False)
class Recorder:
    """The agent's handle_message: every message that got through the channel and the gate."""

    messages: list[UserMessage] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def __call__(self, message: UserMessage) -> None:
        with self._lock:
            self.messages.append(message)

    def count(self) -> int:
        with self._lock:
            return len(self.messages)

    def since(self, count: int) -> list[UserMessage]:
        with self._lock:
            return self.messages[count:]


@dataclass(repr=False)
class Target:
    url: str  # the Rasa server
    action_url: str  # the action server
    recorder: Recorder
    conversations: InMemoryTrackerStore
    engine: Engine
    app: Sanic  # the Rasa server
    action_app: Sanic
    folder: Path


class ErrorLog(logging.Handler):
    """Every record at ERROR or above, from any logger of the process (both servers run in it), but
    engine.io's note of a refused origin: a refusal, logged once at ERROR by the library itself."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not (record.name == "engineio.server" and "is not an accepted origin" in record.getMessage()):
            self.records.append(record)

    def lines(self) -> list[str]:
        return [f"{r.name}: {r.getMessage()}" + (f" ({r.exc_info[1]!r})" if r.exc_info else "") for r in self.records]


def environment(folder: Path, fake_api: FakeApi, database: str) -> dict[str, str]:
    """Production's checks: the API and the REST channel behind the token, signed web sessions with
    one allowed origin, a trusted proxy whose X-Forwarded-For is read; the rate limits off, since the
    suite is one sender sending thousands of messages (bot/rate_limits has its own tests)."""
    return {
        **WHATSAPP_SECRETS,
        **TWILIO_SECRETS,
        "WHATSAPP_API_BASE_URL": fake_api.url,
        "TWILIO_API_BASE_URL": fake_api.url,
        "WMO_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "DATABASE_URL": database,
        "WMO_STAFF_FILE": str(staff_file(folder)),
        "RASA_API_TOKEN": API_TOKEN,
        "ACTION_SERVER_TOKEN": ACTION_TOKEN,
        "WMO_METRICS_TOKEN": METRICS_TOKEN,
        "WMO_OPEN_REST": "false",
        "WMO_WEB_SESSION_SECRET": WEB_SESSION_SECRET,
        "WMO_WEB_ORIGINS": WEB_ORIGIN,
        "WMO_TRUSTED_PROXIES": "127.0.0.1",
        "WMO_RATE_LIMIT_SENDER": "off",
        "WMO_RATE_LIMIT_ADDRESS": "off",
    }


def forget_settings() -> None:
    """What was read from the environment is read again."""
    settings.cache_clear()
    rate_limiter.cache_clear()
    trusted_proxies.cache_clear()


@contextmanager
def running(folder: Path, fake_api: FakeApi) -> Iterator[Target]:
    database = f"sqlite:///{folder / 'wmo.db'}"
    engine = create_engine(database, future=True)
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environment(folder, fake_api, database).items():
            patch.setenv(name, value)
        patch.delenv("REDIS_HOST", raising=False)
        forget_settings()
        Base.metadata.create_all(engine)
        seed_wijkteams(engine, read_wijkteams(settings().wijkteams_file))
        action_app = create_action_server(ACTION_TOKEN, METRICS_TOKEN)
        with served(action_app) as action_url:
            recorder = Recorder()
            conversations = InMemoryTrackerStore(Domain.load(str(ROOT / "domain")))  # the slots staff set
            app = configure_app(create_http_input_channels(None, str(ROOT / "credentials.yml")), use_uvloop=False)
            app.ctx.agent = SimpleNamespace(
                handle_message=recorder,
                tracker_store=conversations,
                lock_store=InMemoryLockStore(),
                action_endpoint=EndpointConfig(f"{action_url}/webhook"),
                is_ready=lambda: True,
                processor=None,  # no model
            )
            for channel in app.ctx.input_channels:
                if isinstance(channel, WebsiteChat):
                    # Each socket.io event handled before its request is answered, not in a task of its
                    # own: the message is recorded, or its failure logged, by the time the test looks.
                    channel.sio.async_handlers = channel.sio.eio.async_handlers = False
            with served(app) as url:
                yield Target(url, action_url, recorder, conversations, engine, app, action_app, folder)
    forget_settings()
    engine.dispose()
