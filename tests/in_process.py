"""A Sanic app served as Rasa serves it, in a background thread of the test process, on a free port of
this machine: for tests that reach a server over HTTP without starting the assistant."""

import asyncio
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sanic import Sanic


@contextmanager
def served(app: Sanic) -> Iterator[str]:
    """The app's base URL while it is served; its listeners (before_server_start and so on) run."""
    # Sanic rewrites some of its own methods when an app starts; in test mode it keeps the originals,
    # so a second app in this process can start too.
    Sanic.test_mode = True
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
        # What app.run does around serving; a test server would skip them (e.g. the API guard's install).
        loop.run_until_complete(server.before_start())
        loop.run_until_complete(server.after_start())
        started.set()
        loop.run_forever()
        loop.run_until_complete(server.before_stop())
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.run_until_complete(server.after_stop())

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert started.wait(30), f"{app.name} did not start"
    try:
        yield f"http://127.0.0.1:{listening.getsockname()[1]}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
