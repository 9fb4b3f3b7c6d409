"""The Rasa server's own answer for a custom action when the action server cannot give one (hung,
gone, failing), in the action server's response format, so Rasa handles it as any action result.

- `action_session_start`: the session starts as the action server would start it (bot/dialogue/session.py).
- `action_crisis`: the municipality's help lines, which the action would add to Rasa's own
  `utter_crisis_help`: the help lines never wait on the action server.
- any other action: once per turn the apology with the municipality's number
  (bot/dialogue/unavailable.py), then the assistant listens. An active form stays active and asks
  its current question again, so the resident can answer once the action server is back.
"""

from typing import Any

from bot.crisis import crisis_help
from bot.crisis.signals import CrisisKind
from bot.dialogue.session import session_slots
from bot.dialogue.unavailable import apology
from bot.municipality import municipality

SESSION_START = "action_session_start"
CRISIS = "action_crisis"
# Marks the apology in the conversation, so a turn that calls several actions apologises once.
STAND_IN = "stand_in"
APOLOGY = "action_server_unavailable"

Json = dict[str, Any]


def _slot(name: str, value: Any) -> Json:
    return {"event": "slot", "name": name, "value": value}


def _listen() -> Json:
    return {"event": "followup", "name": "action_listen"}


def _apologised_this_turn(events: list[Json]) -> bool:
    for event in reversed(events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "bot" and (event.get("metadata") or {}).get(STAND_IN) == APOLOGY:
            return True
    return False


def _crisis_kinds(tracker: Json) -> list[CrisisKind]:
    entities = (tracker.get("latest_message") or {}).get("entities") or []
    values = {kind.value for kind in CrisisKind}
    return [CrisisKind(e["value"]) for e in entities if e.get("entity") == "crisis" and e.get("value") in values]


def stand_in(request: Json) -> Json:
    """The response to an action call (Rasa's request body) that the action server did not answer."""
    tracker: Json = request.get("tracker") or {}
    action = request.get("next_action")
    if action == SESSION_START:
        slots = session_slots(tracker.get("slots") or {}, municipality())
        events = [{"event": "session_started"}, *(_slot(n, v) for n, v in slots.items())]
        return {"events": [*events, {"event": "action", "name": "action_listen"}], "responses": []}
    if action == CRISIS:
        return {"events": [], "responses": [{"text": crisis_help().follow_up(_crisis_kinds(tracker), municipality())}]}
    apologised = _apologised_this_turn(tracker.get("events") or [])
    responses = [] if apologised else [{"text": apology(municipality()), STAND_IN: APOLOGY}]
    form = (tracker.get("active_loop") or {}).get("name")
    asked = (tracker.get("slots") or {}).get("requested_slot")
    events = [_slot("requested_slot", asked)] if form and asked else []
    return {"events": [*events, _listen()], "responses": responses}
