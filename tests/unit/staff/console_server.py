"""The staff console served as Rasa serves it, without a model: its blueprint on a Sanic app of its
own in a background thread (tests/in_process.py), with what Rasa's server gives it (an in-memory
conversation store and lock store, the input channels it delivers replies through)."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from sanic import Sanic

from channels.staff_console import PREFIX, StaffConsole
from tests.in_process import served
from tests.live.assistant_process import Assistant


class Resident:
    """The resident's channel: what staff sent arrives here."""

    def __init__(self, channel: str = "socketio") -> None:
        self.channel = channel
        self.received: list[tuple[str, str]] = []

    def name(self) -> str:
        return self.channel

    def get_output_channel(self) -> "Resident":
        return self

    async def send_response(self, recipient: str, message: dict[str, Any]) -> None:
        self.received.append((recipient, message["text"]))


@contextmanager
def serving(console: StaffConsole, database: str) -> Iterator[tuple[Assistant, Resident, InMemoryTrackerStore]]:
    """(the server as the StaffBrowser reaches it, the resident's channel, the conversation store)."""
    app = Sanic(f"console_{uuid.uuid4().hex[:8]}")

    async def on_message(message: Any) -> None: ...

    app.blueprint(console.blueprint(on_message), url_prefix=PREFIX)
    conversations = InMemoryTrackerStore(Domain.empty())
    resident = Resident()
    app.ctx.agent = SimpleNamespace(tracker_store=conversations, lock_store=InMemoryLockStore())
    app.ctx.input_channels = [resident]
    with served(app) as url:
        yield Assistant(url, Path(), database), resident, conversations
