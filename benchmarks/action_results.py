"""Prints what checking one action server answer costs: Rasa's own check (jsonschema's `validate`,
which checks the schema and builds a validator on every call) against the one validator per process
of channels/action_results.py, on an answer like the check's estimate turn (12 events, 3 messages).

    scripts/install && python benchmarks/action_results.py
"""

import time
from collections.abc import Callable
from typing import Any

from rasa.core.actions.action import RemoteAction

from channels import action_results

ANSWER: dict[str, Any] = {
    "events": [{"event": "slot", "name": f"triage_{n}", "value": "ja", "timestamp": None} for n in range(10)]
    + [{"event": "active_loop", "name": None}, {"event": "followup", "name": "action_listen"}],
    "responses": [
        {"text": "Mijn eerste inschatting: " + "woord " * 40, "buttons": [{"title": "Meer weten", "payload": "/more"}]}
    ]
    * 3,
}


def per_call_ms(check: Callable[[RemoteAction, dict[str, Any]], bool], calls: int) -> float:
    action = RemoteAction("action_triage_estimate", None)
    check(action, ANSWER)
    started = time.perf_counter()
    for _ in range(calls):
        check(action, ANSWER)
    return (time.perf_counter() - started) / calls * 1000


def main() -> None:
    rasa = per_call_ms(action_results._rasa_check, 100)
    ours = per_call_ms(action_results._check, 1000)
    print(f"Rasa's check:     {rasa:6.2f} ms a call")
    print(f"one validator:    {ours:6.2f} ms a call")
    print(f"ratio:            {rasa / ours:6.1f} times")


if __name__ == "__main__":
    main()
