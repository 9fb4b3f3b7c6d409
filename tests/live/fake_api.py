"""A local stand-in for the WhatsApp Cloud API and Twilio's REST API: it records every request the
assistant sends and answers as the real APIs do, so tests see exactly what a resident would get."""

import json
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Recorded:
    path: str
    headers: dict[str, str]
    body: Any  # parsed JSON, or the form fields for Twilio


class FakeApi:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    body = json.loads(raw)
                    answer, status = {"messaging_product": "whatsapp", "messages": [{"id": "wamid.fake"}]}, 200
                else:
                    body = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode()).items()}
                    answer = {
                        "sid": "SM" + "0" * 32,
                        "status": "queued",
                        "body": body.get("Body"),
                        "to": body.get("To"),
                        "from": body.get("From"),
                        "account_sid": "AC" + "0" * 32,
                    }
                    status = 201
                with fake._lock:
                    fake.requests.append(Recorded(self.path, dict(self.headers), body))
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def sent_to(self, recipient: str) -> list[Recorded]:
        """Requests addressed to one recipient (Cloud API `to`, or Twilio `To`), oldest first."""
        with self._lock:
            return [r for r in self.requests if recipient in (r.body.get("to"), r.body.get("To"))]

    def close(self) -> None:
        self._server.shutdown()
