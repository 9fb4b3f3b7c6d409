"""The staff console served as Rasa serves it, without a model: its blueprint on a Sanic app of its
own in a background thread, with what Rasa's server gives it (an in-memory conversation store and
lock store, the input channels it delivers replies through), on a free port of this machine."""

import asyncio
import socket
import threading
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
    # Sanic rewrites some of its own methods when an app starts; in test mode it keeps the originals,
    # so a second app in this process can start too.
    Sanic.test_mode = True
    app = Sanic(f"console_{uuid.uuid4().hex[:8]}")

    async def on_message(message: Any) -> None: ...

    app.blueprint(console.blueprint(on_message), url_prefix=PREFIX)
    conversations = InMemoryTrackerStore(Domain.empty())
    resident = Resident()
    app.ctx.agent = SimpleNamespace(tracker_store=conversations, lock_store=InMemoryLockStore())
    app.ctx.input_channels = [resident]
    loop = asyncio.new_event_loop()
    started = threading.Event()
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))  # a free port, chosen by the system

    def run() -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(
            app.create_server(sock=listening, return_asyncio_server=True, access_log=False)
        )
        assert server is not None
        loop.run_until_complete(server.startup())
        started.set()
        loop.run_forever()
        server.close()
        loop.run_until_complete(server.wait_closed())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(30), "the console did not start"
    try:
        yield Assistant(f"http://127.0.0.1:{listening.getsockname()[1]}", Path(), database), resident, conversations
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
