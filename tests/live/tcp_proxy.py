"""A TCP proxy the tests control, between the assistant and a server (PostgreSQL, Redis, RabbitMQ,
the action server): `down()` drops every connection and refuses new ones, as a stopped server does,
without touching the server itself (PostgreSQL, Redis and RabbitMQ are shared by other checkouts);
`hang()` accepts connections and never answers, as a hung server does; `up()` passes traffic on again,
on the same port."""

import contextlib
import socket
import threading
from collections.abc import Iterator


class TcpProxy:
    def __init__(self, port: int, target: tuple[str, int]) -> None:
        self.port = port
        self.target = target
        self.hanging = False
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self.up()

    def up(self) -> None:
        self._drop_connections()
        self.hanging = False
        self._listen()

    def hang(self) -> None:
        self._drop_connections()
        self.hanging = True
        self._listen()

    def down(self) -> None:
        """Closes the port and every connection through it."""
        if self._listener is not None:
            # shutdown wakes the thread blocked in accept(), so the port is free at once.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        self._drop_connections()

    def _listen(self) -> None:
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _drop_connections(self) -> None:
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            with self._lock:
                self._sockets.add(client)
            if self.hanging:
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self._sockets.add(server)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def tcp_proxy(port: int, target: tuple[str, int]) -> Iterator[TcpProxy]:
    proxy = TcpProxy(port, target)
    try:
        yield proxy
    finally:
        proxy.down()
