"""The handoff actions as the action server runs them: consent first, a live chat in office hours,
a callback request with a checked phone number outside them, and nothing stored without a yes; the
wijkteam of the resident's postcode, and no second open handoff for one conversation or many for
one address."""

from collections.abc import Callable
from datetime import datetime
from types import ModuleType
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.handoff as handoff_actions
from actions.services import Services
from bot.dutch import WEEKDAYS
from bot.handoff.model import HandoffKind, HandoffSummary
from bot.handoff.store import MAX_OPEN_PER_ADDRESS, HandoffStore
from bot.municipality import OfficeHours, municipality
from bot.web_sessions import ADDRESS_METADATA
from tests.helpers import Message, dispatch, open_handoffs, run, user

ALWAYS = OfficeHours(timezone="Europe/Amsterdam", closed_on=[], days=dict.fromkeys(WEEKDAYS, "00:00-23:59"))
# Open on Mondays only, and closed today: on a Monday in office hours the office would otherwise be open.
NEVER = OfficeHours(
    timezone="Europe/Amsterdam",
    closed_on=[datetime.now(ZoneInfo("Europe/Amsterdam")).date()],
    days={"maandag": "08:30-17:00"},
)
# actions.handoff and the handoff store of the action server's services.
HandoffParts = tuple[ModuleType, HandoffStore]
# Sets the municipality's office hours for one test (the office fixture).
SetOffice = Callable[[OfficeHours], None]


@pytest.fixture
def handoff(action_services: Services) -> HandoffParts:
    """The actions and the store, with no handoff left open for the tests' resident "bewoner-1"."""
    action_services.handoffs.forget_conversation("bewoner-1")
    return handoff_actions, action_services.handoffs


@pytest.fixture
def office(handoff: HandoffParts, monkeypatch: pytest.MonkeyPatch) -> SetOffice:
    """Sets the municipality's office hours for one test."""
    module, _ = handoff

    def use(hours: OfficeHours) -> None:
        place = municipality().copy(update={"office_hours": hours})
        monkeypatch.setattr(module, "municipality", lambda: place)

    return use


def test_in_office_hours_consent_is_asked_for_a_live_chat(handoff: HandoffParts, office: SetOffice) -> None:
    module, _ = handoff
    office(ALWAYS)
    messages, slots, _ = run(module.ActionAskHandoffConsent(), {}, user("ik wil een mens", "request_human"))
    assert messages[0]["response"] == "utter_ask_handoff_chat"
    assert [b["title"] for b in messages[0]["buttons"]] == ["Ja, graag", "Nee, dank u"]
    assert slots == {"handoff_mode": "chat", "handoff_reason": "gevraagd"}


def test_outside_office_hours_a_callback_is_offered_with_the_next_opening(
    handoff: HandoffParts, office: SetOffice
) -> None:
    module, _ = handoff
    office(NEVER)
    messages, slots, _ = run(module.ActionAskHandoffConsent(), {}, user("ik wil een mens", "request_human"))
    assert messages[0]["response"] == "utter_ask_handoff_callback"
    assert messages[0]["opening"].startswith(("vandaag om 8.30", "morgen om 8.30", "maandag"))
    assert slots["handoff_mode"] == "terugbellen"


def test_the_reason_is_the_estimate_after_the_check(handoff: HandoffParts, office: SetOffice) -> None:
    module, _ = handoff
    office(ALWAYS)
    _, slots, _ = run(module.ActionAskHandoffConsent(), {"triage_outcome": "wlz"}, user("medewerker spreken"))
    assert slots["handoff_reason"] == "inschatting_bespreken"


@pytest.mark.parametrize(
    "mode, answer, expected",
    [
        ("chat", "ja graag", {"handoff_consent": "ja", "requested_slot": None}),
        ("chat", "nee", {"handoff_consent": "nee", "requested_slot": None}),
        ("terugbellen", "Ja, bel mij terug", {"handoff_consent": "ja", "requested_slot": "callback_phone"}),
        ("terugbellen", "nee, dank u", {"handoff_consent": "nee", "requested_slot": None}),
    ],
)
def test_consent_decides_what_comes_next(
    handoff: HandoffParts, mode: str, answer: str, expected: dict[str, str | None]
) -> None:
    module, _ = handoff
    slots_before = {"handoff_mode": mode, "requested_slot": "handoff_consent"}
    _, slots, _ = run(module.ValidateHandoffForm(), slots_before, user(answer), loop="handoff_form")
    assert slots == expected


def test_an_unclear_consent_is_asked_again(handoff: HandoffParts) -> None:
    module, _ = handoff
    asked = {"handoff_mode": "chat", "requested_slot": "handoff_consent"}
    messages, slots, _ = run(module.ValidateHandoffForm(), asked, user("misschien later"), loop="handoff_form")
    assert messages[0]["response"] == "utter_triage_not_understood"
    assert slots == {"handoff_consent": None, "requested_slot": "handoff_consent"}


def test_the_phone_number_is_checked_and_asked_again_when_wrong(handoff: HandoffParts) -> None:
    module, _ = handoff
    asked = {"handoff_mode": "terugbellen", "handoff_consent": "ja", "requested_slot": "callback_phone"}
    messages, slots, _ = run(module.ValidateHandoffForm(), asked, user("0900 1234567"), loop="handoff_form")
    assert messages[0]["response"] == "utter_callback_phone_not_understood" and slots["callback_phone"] is None
    _, slots, _ = run(module.ValidateHandoffForm(), asked, user("06 12 34 56 78"), loop="handoff_form")
    assert slots == {"callback_phone": "+31612345678", "requested_slot": None}


def test_a_yes_in_office_hours_records_the_chat_and_hands_the_conversation_to_staff(handoff: HandoffParts) -> None:
    module, store = handoff
    slots = {"handoff_mode": "chat", "handoff_consent": "ja", "handoff_reason": "gevraagd", "provision": "scootmobiel"}
    messages, cleared, events = run(module.ActionHandoff(), slots, user("ja"))
    assert messages[0]["response"] == "utter_handoff_started"
    assert events[-1] == {"event": "active_loop", "name": "staff_chat_form", "timestamp": None}
    assert set(cleared) == {"handoff_consent", "callback_phone", "handoff_mode", "handoff_reason"}
    [new] = [h for h in open_handoffs(store) if h.conversation_id == "bewoner-1"]
    assert (new.kind, new.summary.topics, new.team) == ("chat", ("Scootmobiel",), None)  # no postcode: general


def test_a_callback_request_keeps_the_number_and_does_not_pause(handoff: HandoffParts) -> None:
    module, store = handoff
    slots = {"handoff_mode": "terugbellen", "handoff_consent": "ja", "callback_phone": "+31612345678"}
    messages, _, events = run(module.ActionHandoff(), {**slots, "postcode": "1233 AB"}, user("06 12345678"))
    assert messages[0]["response"] == "utter_callback_recorded"
    assert "active_loop" not in [e["event"] for e in events]
    [new] = [h for h in open_handoffs(store) if h.conversation_id == "bewoner-1"]
    assert (new.kind, new.callback_phone, new.team) == ("terugbellen", "+31612345678", "noord")


def test_without_a_yes_nothing_is_stored(handoff: HandoffParts) -> None:
    module, store = handoff
    before = len(open_handoffs(store))
    messages, _, events = run(module.ActionHandoff(), {"handoff_mode": "chat", "handoff_consent": "nee"}, user("nee"))
    assert messages[0]["response"] == "utter_handoff_declined"
    assert len(open_handoffs(store)) == before and "active_loop" not in [e["event"] for e in events]


def test_the_request_that_starts_the_form_is_no_answer_to_its_question(handoff: HandoffParts) -> None:
    module, _ = handoff
    started = user("ik wil een medewerker", "request_human")
    stale = {"handoff_mode": "terugbellen", "handoff_reason": "gevraagd"}  # from a handoff stopped earlier
    _, slots, _ = run(module.ValidateHandoffForm(), stale, started, loop="handoff_form")
    assert slots == {"handoff_mode": None, "handoff_reason": None, "requested_slot": "handoff_consent"}


@pytest.mark.parametrize(
    "message, handed_back",
    [
        (user("Hoe lang duurt het nog?"), False),
        (user("Wat kost een traplift?", "own_contribution"), False),  # staff answer it now
        (user("stoppen", "stop"), True),
        (user("verwijder mijn gesprek", "delete_conversation"), True),
        (user("ik wil niet meer leven", "crisis", entities=[("crisis", "zelfdoding")]), True),
    ],
)
def test_while_staff_have_the_conversation_only_acute_need_stop_and_delete_reach_the_assistant(
    handoff: HandoffParts, message: Message, handed_back: bool
) -> None:
    module, _ = handoff
    _, slots, events = run(
        module.ValidateStaffChatForm(), {"requested_slot": "staff_chat_done"}, message, loop="staff_chat_form"
    )
    assert (events == []) is handed_back
    if not handed_back:
        assert slots == {"staff_chat_done": None, "requested_slot": "staff_chat_done"}


def test_only_the_first_message_to_staff_is_acknowledged(handoff: HandoffParts) -> None:
    module, _ = handoff

    def bot(response: str) -> dict[str, Any]:
        return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}

    started, acknowledged = bot("utter_handoff_started"), bot("utter_waiting_for_staff")
    said = {"event": "user", "text": "Hallo?"}
    for events, expected in [
        ([started], []),
        ([started, said], ["utter_waiting_for_staff"]),
        ([started, said, acknowledged, said], []),
    ]:
        dispatcher = CollectingDispatcher()
        dispatch(module.ActionAskStaffChatDone(), dispatcher, Tracker("bewoner-1", {}, {}, events, False, None, {}, ""))
        assert [m["response"] for m in dispatcher.messages] == expected


def test_with_a_handoff_open_no_second_one_is_asked_or_stored_and_the_first_goes_on(handoff: HandoffParts) -> None:
    module, store = handoff
    store.create("bewoner-1", "rest", HandoffKind.callback, HandoffSummary("gevraagd", (), (), None), "+31612345678")
    started = user("ik wil een medewerker", "request_human")
    messages, slots, _ = run(module.ValidateHandoffForm(), {}, started, loop="handoff_form")
    assert messages == [] and slots == {"handoff_consent": "al_open", "requested_slot": None}  # nothing asked

    messages, cleared, events = run(module.ActionHandoff(), {"handoff_consent": "al_open"}, started)
    assert [m["response"] for m in messages] == ["utter_handoff_already_open"]
    assert cleared["handoff_consent"] is None and "active_loop" not in [e["event"] for e in events]
    assert [h.kind for h in open_handoffs(store) if h.conversation_id == "bewoner-1"] == ["terugbellen"]


def test_a_refused_handoff_with_a_chat_open_takes_the_resident_back_to_staff(handoff: HandoffParts) -> None:
    module, store = handoff
    store.create("bewoner-1", "rest", HandoffKind.chat, HandoffSummary("gevraagd", (), (), None))
    slots = {"handoff_mode": "chat", "handoff_consent": "ja", "handoff_reason": "gevraagd"}
    messages, _, events = run(module.ActionHandoff(), slots, user("ja"))  # a second yes, e.g. in two tabs
    assert [m["response"] for m in messages] == ["utter_handoff_already_open"]
    assert events[-1] == {"event": "active_loop", "name": "staff_chat_form", "timestamp": None}
    assert len([h for h in open_handoffs(store) if h.conversation_id == "bewoner-1"]) == 1


def test_one_website_address_cannot_fill_the_queue_from_many_conversations(handoff: HandoffParts) -> None:
    module, store = handoff
    address = "adres-van-een-script"
    for n in range(MAX_OPEN_PER_ADDRESS):
        store.create(
            f"script-{n}", "socketio", HandoffKind.chat, HandoffSummary("gevraagd", (), (), None), address=address
        )
    yes = {**user("ja"), "metadata": {ADDRESS_METADATA: address}}
    slots = {"handoff_mode": "chat", "handoff_consent": "ja", "handoff_reason": "gevraagd"}
    messages, _, events = run(module.ActionHandoff(), slots, yes)
    assert [m["response"] for m in messages] == ["utter_handoff_limit"]
    assert "active_loop" not in [e["event"] for e in events]
    assert not [h for h in open_handoffs(store) if h.conversation_id == "bewoner-1"]
    for n in range(MAX_OPEN_PER_ADDRESS):
        store.forget_conversation(f"script-{n}")
