"""How tests reach the running assistant as WhatsApp (Cloud API and Twilio) and as wijkteam staff:
recorded payloads with a fresh sender and message id, signed as Meta and Twilio sign them."""

import hashlib
import hmac
import html
import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from twilio.request_validator import RequestValidator

from bot.settings import ROOT
from tests.helpers import STAFF_NAME, STAFF_PASSWORD, TWILIO_SECRETS, WHATSAPP_SECRETS
from tests.live.assistant_process import Assistant
from tests.live.fake_api import Recorded

PAYLOADS = ROOT / "tests" / "payloads"


def recorded(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / name).read_text())


def new_resident() -> str:
    """A Dutch mobile number as WhatsApp gives it: digits, no plus."""
    return "316" + str(uuid.uuid4().int)[:8]


def send(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def cloud_signature(body: bytes, secret: str = WHATSAPP_SECRETS["WHATSAPP_APP_SECRET"]) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def cloud_post(assistant: Assistant, body: bytes, signature: str | None = None) -> tuple[int, bytes]:
    headers = {"Content-Type": "application/json", "X-Hub-Signature-256": signature or cloud_signature(body)}
    return send(f"{assistant.url}/webhooks/whatsapp/webhook", body, headers)


def cloud_message(name: str, sender: str, message_id: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """A recorded notification sent by `sender` with a new message id: (payload, its message)."""
    payload = recorded(name)
    value = payload["entry"][0]["changes"][0]["value"]
    value["contacts"][0]["wa_id"] = sender
    message = value["messages"][0]
    message.update({"from": sender, "id": message_id or f"wamid.{uuid.uuid4().hex}"})
    return payload, message


def cloud_text(sender: str, text: str, message_id: str | None = None) -> bytes:
    """The recorded text notification, from `sender`, saying `text`."""
    payload, message = cloud_message("cloud_text.json", sender, message_id)
    message["text"]["body"] = text
    return json.dumps(payload).encode()


def cloud_reply(sender: str, button: dict[str, str]) -> bytes:
    """The recorded button reply: the resident tapped `button` ({"id", "title"})."""
    payload, message = cloud_message("cloud_button_reply.json", sender)
    message["interactive"]["button_reply"] = button
    return json.dumps(payload).encode()


def twilio_post(
    assistant: Assistant, form: dict[str, str], token: str = TWILIO_SECRETS["TWILIO_AUTH_TOKEN"]
) -> tuple[int, bytes]:
    url = TWILIO_SECRETS["TWILIO_WEBHOOK_URL"]
    signature = RequestValidator(token).compute_signature(url, form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    return send(f"{assistant.url}/webhooks/twilio/webhook", urllib.parse.urlencode(form).encode(), headers)


def twilio_text(sender: str, text: str) -> dict[str, str]:
    form = recorded("twilio_text.json")
    sid = "SM" + uuid.uuid4().hex
    form.update(
        {
            "From": f"whatsapp:+{sender}",
            "WaId": sender,
            "Body": text,
            "MessageSid": sid,
            "SmsSid": sid,
            "SmsMessageSid": sid,
        }
    )
    return form


def texts(requests: Iterable[Recorded]) -> list[str]:
    """What the resident saw of each request the assistant sent to WhatsApp."""
    seen: list[str] = []
    for request in requests:
        body = request.body
        if "Body" in body:
            seen.append(body["Body"])
        elif body.get("type") == "text":
            seen.append(body["text"]["body"])
        else:
            seen.append(body["interactive"]["body"]["text"])
    return seen


class StaffBrowser:
    """A staff member in the console: keeps the session cookie, follows redirects, fills forms."""

    def __init__(self, assistant: Assistant) -> None:
        self.base = f"{assistant.url}/medewerkers"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.page = ""

    def _open(self, path: str, form: Mapping[str, str] | None = None) -> int:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(f"{self.base}{path}", data=data, timeout=30) as answer:
                self.page = answer.read().decode()
                return answer.status
        except urllib.error.HTTPError as error:
            self.page = error.read().decode()
            return error.code

    def get(self, path: str) -> int:
        return self._open(path)

    def post(self, path: str, form: Mapping[str, str] | None = None, with_token: bool = True) -> int:
        form = dict(form or {})
        if with_token:
            form["form_token"] = self.form_token()
        return self._open(path, form)

    def login(self, name: str = STAFF_NAME, password: str = STAFF_PASSWORD) -> int:
        return self._open("/inloggen", {"name": name, "password": password})

    def form_token(self) -> str:
        found = re.search(r'name="form_token" value="([^"]+)"', self.page)
        return found.group(1) if found else ""

    def handoff_links(self) -> list[str]:
        return re.findall(r'href="/medewerkers/overdracht/([0-9a-f]{32})"', self.page)

    def hidden_fields(self) -> dict[str, str]:
        """The hidden fields of the page's forms, as the browser would send them."""
        found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', self.page)
        return {name: html.unescape(value) for name, value in found}

    def login_again(self, name: str = STAFF_NAME, password: str = STAFF_PASSWORD) -> int:
        """Fills in the login page that came up, with what it carries from the earlier form."""
        return self._open("/inloggen", {**self.hidden_fields(), "name": name, "password": password})
