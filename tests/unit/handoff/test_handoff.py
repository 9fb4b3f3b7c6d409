"""Handoff records and callback requests, on SQLite and PostgreSQL: the staff queue per wijkteam,
a page at a time, and the limits that keep one conversation or address from filling it."""

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from bot.database import Base
from bot.handoff.model import GENERAL, HandoffKind, HandoffReason, HandoffSummary, Status, summarise_handoff
from bot.handoff.phone import parse_phone
from bot.handoff.store import MAX_OPEN_PER_ADDRESS, PAGE_SIZE, Handoff, HandoffStore, Refusal, Visibility
from bot.intake.store import IntakeStore
from bot.intake.summary import IntakeSummary
from tests.helpers import open_handoffs


@pytest.mark.parametrize(
    "typed, phone",
    [
        ("06 12345678", "+31612345678"),
        ("06-12345678", "+31612345678"),
        ("+31 6 1234 5678", "+31612345678"),
        ("0031612345678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("010 - 123 45 67", "+31101234567"),
        ("(020) 1234567", "+31201234567"),
    ],
)
def test_dutch_numbers_are_read_in_any_common_notation(typed: str, phone: str) -> None:
    assert parse_phone(typed) == phone


@pytest.mark.parametrize(
    "typed",
    [
        "12345",
        "06 1234567",
        "06 123456789",
        "0800 1234567",
        "0900 1234567",
        "14 020",
        "+32 470 12 34 56",
        "bel me maar",
        "",
        "06 12345678 of 010 1234567",
    ],
)
def test_what_cannot_be_called_back_is_refused(typed: str) -> None:
    assert parse_phone(typed) is None


Stores = tuple[HandoffStore, IntakeStore]


@pytest.fixture
def store(database_url: str) -> Iterator[Stores]:
    engine = create_engine(database_url, future=True)
    Base.metadata.create_all(engine)
    yield HandoffStore(engine), IntakeStore(engine)
    engine.dispose()


def summary(*questions: str) -> HandoffSummary:
    return summarise_handoff(HandoffReason.asked, ["scootmobiel"], list(questions), None)


def found(handoff: Handoff | None) -> Handoff:
    """The handoff the store was asked for, which must be there."""
    assert handoff is not None
    return handoff


def test_a_chat_handoff_is_open_until_staff_hand_it_back(store: Stores, database_url: str) -> None:
    handoffs, _ = store
    conversation = f"gesprek-{database_url[:5]}-chat"
    waiting = handoffs.count_open()
    handoff_id = handoffs.create(conversation, "socketio", HandoffKind.chat, summary("Ik wil een scootmobiel"))
    assert handoffs.count_open() == waiting + 1 == len(open_handoffs(handoffs))
    handoff = found(handoffs.get(handoff_id))
    assert (handoff.status, handoff.kind, handoff.channel) == ("open", "chat", "socketio")
    assert handoff.summary.lines() == [
        "De inwoner vroeg om een medewerker.",
        "Onderwerp: scootmobiel",
        'Vraag: "Ik wil een scootmobiel"',
    ]
    assert found(handoffs.open_chat(conversation)).id == handoff_id
    assert handoff_id in [h.id for h in open_handoffs(handoffs)]
    handoffs.set_status(handoff_id, Status.taken, "jan")
    assert found(handoffs.open_chat(conversation)).staff == "jan"
    assert handoffs.count_open() == waiting + 1  # taken by staff: still waiting to be done
    handoffs.set_status(handoff_id, Status.handed_back, "jan")
    assert handoffs.open_chat(conversation) is None
    assert handoff_id not in [h.id for h in open_handoffs(handoffs)]
    assert handoffs.count_open() == waiting


def test_the_summary_keeps_no_personal_numbers(store: Stores) -> None:
    handoffs, _ = store
    text = "mijn bsn is 111222333, bel 06-12345678 of mail a@b.nl"
    handoff = found(handoffs.get(handoffs.create("gesprek-privacy", "rest", HandoffKind.chat, summary(text))))
    kept = " ".join(handoff.summary.lines())
    assert "111222333" not in kept and "12345678" not in kept and "a@b.nl" not in kept
    assert "[BSN]" in kept


def test_a_callback_request_needs_and_keeps_the_number(store: Stores) -> None:
    handoffs, _ = store
    with pytest.raises(ValueError):
        handoffs.create("gesprek-terugbellen", "rest", HandoffKind.callback, summary())
    handoff = found(
        handoffs.get(handoffs.create("gesprek-terugbellen", "rest", HandoffKind.callback, summary(), "+31612345678"))
    )
    assert (handoff.kind, handoff.callback_phone) == ("terugbellen", "+31612345678")


def test_forgetting_a_conversation_removes_its_handoffs_and_intakes_only(store: Stores) -> None:
    handoffs, intakes = store
    intake = IntakeSummary("uzelf", "hulp", "Huishouden", (), "maatwerk_mogelijk", "Misschien", (), (), None)
    for conversation in ("vergeet-mij", "houd-mij"):
        handoffs.create(conversation, "rest", HandoffKind.chat, summary())
        intakes.save(intake, conversation, "rest")
    assert handoffs.forget_conversation("vergeet-mij") == 2
    assert intakes.for_conversation("vergeet-mij") == [] and handoffs.open_chat("vergeet-mij") is None
    assert len(intakes.for_conversation("houd-mij")) == 1 and handoffs.open_chat("houd-mij") is not None


KNOWN = frozenset({"noord", "zuid"})


def test_each_member_sees_the_handoffs_of_their_own_wijkteams_and_the_general_queue_has_the_rest(
    store: Stores,
) -> None:
    handoffs, _ = store
    run = uuid.uuid4().hex[:6]
    ids = {
        team: handoffs.create(f"rol-{run}-{team}", "rest", HandoffKind.chat, summary(), team=team)
        for team in ("noord", "zuid", None, "opgeheven")  # "opgeheven": a team since removed from the file
    }

    def seen(queues: set[str]) -> set[str]:
        visibility = Visibility.of(frozenset(queues), KNOWN)
        page = {h.id for h in handoffs.queue(visibility, 1, per_page=10_000).handoffs} & set(ids.values())
        assert page == {h for h in ids.values() if visibility.sees(found(handoffs.get(h)))}
        return page

    assert seen({"noord"}) == {ids["noord"]}
    assert seen({"zuid", "noord"}) == {ids["noord"], ids["zuid"]}
    assert seen({GENERAL}) == {ids[None], ids["opgeheven"]}
    assert seen(set()) == set()


def test_the_queue_comes_a_page_at_a_time_oldest_first(database_url: str) -> None:
    engine = create_engine(database_url, future=True)
    Base.metadata.create_all(engine)
    handoffs = HandoffStore(engine)
    team = f"t{uuid.uuid4().hex[:8]}"  # a team of its own, so earlier tests' handoffs do not count
    visibility = Visibility.of(frozenset({team}), frozenset({team}))
    created = [handoffs.create(f"{team}-{n}", "rest", HandoffKind.chat, summary(), team=team) for n in range(60)]

    first, third = handoffs.queue(visibility, 1), handoffs.queue(visibility, 3)
    assert (first.number, first.pages, first.total, len(first.handoffs)) == (1, 3, 60, PAGE_SIZE)
    assert [h.id for h in first.handoffs] == created[:PAGE_SIZE]
    assert [h.id for h in third.handoffs] == created[2 * PAGE_SIZE :]
    assert handoffs.queue(visibility, 99).number == 3 and handoffs.queue(visibility, -1).number == 1
    engine.dispose()


def test_one_conversation_gets_one_open_handoff_and_one_address_a_few(store: Stores) -> None:
    handoffs, _ = store
    run = uuid.uuid4().hex[:6]
    first = handoffs.create(f"limiet-{run}", "socketio", HandoffKind.callback, summary(), "+31612345678")
    assert handoffs.refusal(f"limiet-{run}", None) is Refusal.already_open
    handoffs.set_status(first, Status.closed, "jan")
    assert handoffs.refusal(f"limiet-{run}", None) is None

    address = f"adres-{run}"
    for n in range(MAX_OPEN_PER_ADDRESS):
        assert handoffs.refusal(f"limiet-{run}-{n}", address) is None
        handoffs.create(f"limiet-{run}-{n}", "socketio", HandoffKind.chat, summary(), address=address)
    assert handoffs.refusal(f"limiet-{run}-nieuw", address) is Refusal.address_full
    assert handoffs.refusal(f"limiet-{run}-nieuw", f"ander-{run}") is None
    # A closed handoff no longer counts, and no longer keeps the address.
    handoffs.set_status(found(handoffs.open_chat(f"limiet-{run}-0")).id, Status.closed, "jan")
    assert handoffs.refusal(f"limiet-{run}-nieuw", address) is None
