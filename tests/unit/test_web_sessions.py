"""Only conversation ids this server signed are accepted from the website."""

from bot.web_sessions import WebSessions


def test_an_issued_id_is_valid_and_ids_differ() -> None:
    sessions = WebSessions(b"k" * 32)
    first, second = sessions.issue(), sessions.issue()
    assert first != second and sessions.valid(first) and sessions.valid(second)


def test_chosen_altered_or_foreign_ids_are_refused() -> None:
    sessions = WebSessions(b"k" * 32)
    issued = sessions.issue()
    ident, _, signature = issued.partition("-")
    assert not sessions.valid(ident)
    assert not sessions.valid(f"{'0' * 32}-{signature}")
    assert not sessions.valid(issued[:-1] + ("A" if issued[-1] != "A" else "B"))
    assert not WebSessions(b"x" * 32).valid(issued)
    for bad in (None, 42, "", "-", {"id": issued}):
        assert not sessions.valid(bad)
