"""The WhatsApp Business Cloud API's formats: checking a webhook's signature, reading its
notifications, and turning the assistant's answers into WhatsApp messages, with real reply buttons
or a list instead of numbered text.
"""

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.access import same_secret
from bot.messaging.limits import BUTTON_TITLE, LIST_ROWS, REPLY_BUTTONS

# Limits of the Cloud API (messages reference, interactive objects).
TEXT_LIMIT = 4096
BODY_LIMIT = 1024
ROW_TITLE = 24
ROW_DESCRIPTION = 72
ROW_ID = 200
LIST_BUTTON = "Kies een antwoord"
UNSUPPORTED = "Ik kan alleen tekst lezen. Wilt u uw vraag typen?"


class MalformedNotificationError(ValueError):
    """The body is JSON but not a WhatsApp notification."""


def signature_valid(app_secret: str, body: bytes, header: str | None) -> bool:
    """Meta signs the raw body with the app secret: `X-Hub-Signature-256: sha256=<hex>`."""
    if not app_secret or not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return same_secret(header[len("sha256=") :], expected)


@dataclass(frozen=True)
class Incoming:
    message_id: str
    sender: str  # the resident's WhatsApp id (phone number, digits only)
    text: str | None  # None for what the assistant cannot read: images, voice, location


def _reply_of(message: dict[str, Any]) -> str | None:
    kind = message.get("type")
    if kind == "text":
        return (message.get("text") or {}).get("body")
    if kind == "interactive":
        interactive = message.get("interactive") or {}
        chosen = interactive.get("button_reply") or interactive.get("list_reply") or {}
        return chosen.get("id") or chosen.get("title")
    if kind == "button":  # a quick reply on a template message
        button = message.get("button") or {}
        return button.get("payload") or button.get("text")
    return None


def read_notification(payload: Any) -> list[Incoming]:
    """The residents' messages in a notification; status updates (sent, delivered, read) give none."""
    if not isinstance(payload, dict) or payload.get("object") != "whatsapp_business_account":
        raise MalformedNotificationError("not a whatsapp_business_account notification")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise MalformedNotificationError("entry is missing")
    found = []
    for entry in entries:
        for change in (entry or {}).get("changes") or []:
            value = (change or {}).get("value") or {}
            for message in value.get("messages") or []:
                if not isinstance(message, dict) or not message.get("id") or not message.get("from"):
                    raise MalformedNotificationError("a message without id or sender")
                found.append(Incoming(str(message["id"]), str(message["from"]), _reply_of(message)))
    return found


def split_text(text: str, limit: int) -> list[str]:
    """Splits at blank lines, then at line ends, so no part is longer than the limit."""
    parts: list[str] = []
    for paragraph in text.split("\n\n"):
        candidate = f"{parts[-1]}\n\n{paragraph}" if parts else paragraph
        if parts and len(candidate) <= limit:
            parts[-1] = candidate
            continue
        while len(paragraph) > limit:
            cut = paragraph.rfind("\n", 0, limit)
            cut = cut if cut > 0 else paragraph.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            parts.append(paragraph[:cut].rstrip())
            paragraph = paragraph[cut:].lstrip()
        parts.append(paragraph)
    return [part for part in parts if part.strip()]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _message(to: str, kind: str, content: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": kind, kind: content}


def _text(to: str, body: str) -> dict[str, Any]:
    return _message(to, "text", {"body": body, "preview_url": False})


def _interactive(to: str, body: str, action: dict[str, Any], kind: str) -> dict[str, Any]:
    return _message(to, "interactive", {"type": kind, "body": {"text": body}, "action": action})


def _button_action(buttons: Sequence[dict[str, str]]) -> dict[str, Any]:
    return {
        "buttons": [{"type": "reply", "reply": {"id": b["payload"][:ROW_ID], "title": b["title"]}} for b in buttons]
    }


def _list_action(buttons: Sequence[dict[str, str]]) -> dict[str, Any]:
    rows = []
    for button in buttons:
        row = {"id": button["payload"][:ROW_ID], "title": _shorten(button["title"], ROW_TITLE)}
        if len(button["title"]) > ROW_TITLE:
            row["description"] = _shorten(button["title"], ROW_DESCRIPTION)
        rows.append(row)
    return {"button": LIST_BUTTON, "sections": [{"title": "Keuzes", "rows": rows}]}


def messages_for(to: str, text: str, buttons: Sequence[dict[str, str]] = ()) -> list[dict[str, Any]]:
    """The Cloud API messages for one answer. Up to three short choices become reply buttons,
    more (or longer) choices a list; a long text goes first, its last part carries the choices."""
    if not buttons:
        return [_text(to, part) for part in split_text(text, TEXT_LIMIT)]
    parts = split_text(text or "Maak een keuze.", BODY_LIMIT)
    leading, body = parts[:-1], parts[-1]
    messages = [_text(to, part) for part in split_text("\n\n".join(leading), TEXT_LIMIT)] if leading else []
    short = len(buttons) <= REPLY_BUTTONS and all(len(b["title"]) <= BUTTON_TITLE for b in buttons)
    for start in range(0, len(buttons), LIST_ROWS):
        group = buttons[start : start + LIST_ROWS]
        action = _button_action(group) if short else _list_action(group)
        messages.append(_interactive(to, body if start == 0 else "Meer keuzes:", action, "button" if short else "list"))
    return messages
