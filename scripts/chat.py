"""Chat with the running assistant in this terminal, through Rasa's own console client."""

import asyncio
import os
import sys
import time
import urllib.request
import uuid

from rasa.core.channels.console import record_messages

SERVER = f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"


def wait_until_ready(timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{SERVER}/", timeout=2):
                return
        except OSError:
            time.sleep(1)
    sys.exit(f"de assistent reageert niet op {SERVER}; zie serve.log")


if __name__ == "__main__":
    wait_until_ready()
    print(f"De website met de chat: {SERVER}/chat/   Medewerkers: {SERVER}/medewerkers/")
    print("Typ uw vraag en druk op Enter. Stoppen: /stop")
    asyncio.run(record_messages(f"console-{uuid.uuid4().hex[:8]}", server_url=SERVER, use_response_stream=False))
