"""Staff accounts and console sessions: hashed passwords, no built-in accounts, signed sessions."""

from pathlib import Path

import pytest

from bot.staff.accounts import add_account, check_password, hash_password, read_staff
from bot.staff.sessions import Sessions


def test_a_password_checks_against_its_hash_and_nothing_else() -> None:
    stored = hash_password("correct horse battery")
    assert stored.startswith("scrypt$") and "correct horse" not in stored
    assert check_password("correct horse battery", stored)
    assert not check_password("correct horse batterY", stored)
    assert not check_password("correct horse battery", stored[:-2] + "AA")
    assert not check_password("anything", "plain-text-password")


def test_the_same_password_hashes_differently_each_time() -> None:
    assert hash_password("een wachtwoord") != hash_password("een wachtwoord")


def test_without_a_staff_file_there_are_no_accounts(tmp_path: Path) -> None:
    assert read_staff(None) == {}
    assert read_staff(tmp_path / "missing.yml") == {}


def test_accounts_are_added_with_a_hash_and_short_passwords_refused(tmp_path: Path) -> None:
    path = tmp_path / "staff.yml"
    add_account(path, "jan", "lang genoeg wachtwoord")
    assert "lang genoeg" not in path.read_text()
    assert check_password("lang genoeg wachtwoord", read_staff(path)["jan"])
    with pytest.raises(ValueError):
        add_account(path, "piet", "kort")
    with pytest.raises(ValueError):
        add_account(path, "Piet Jansen!", "lang genoeg wachtwoord")
    assert list(read_staff(path)) == ["jan"]


def test_a_session_token_names_its_holder_until_it_expires_or_is_altered() -> None:
    sessions = Sessions(b"k" * 32)
    token = sessions.issue("jan", now=1000)
    assert sessions.holder(token, now=1001) == "jan"
    assert sessions.holder(token, now=1000 + 9 * 3600) is None
    assert sessions.holder(token.replace("jan", "piet", 1), now=1001) is None
    assert Sessions(b"x" * 32).holder(token, now=1001) is None
    assert sessions.holder("", now=1001) is None


def test_a_form_token_belongs_to_one_session() -> None:
    sessions = Sessions(b"k" * 32)
    first, second = sessions.issue("jan"), sessions.issue("piet")
    assert sessions.form_token_valid(first, sessions.form_token(first))
    assert not sessions.form_token_valid(second, sessions.form_token(first))
    assert not sessions.form_token_valid(first, "")
