"""Staff accounts and console sessions: hashed passwords, no built-in accounts, the accounts file
validated like other content, the administrator's commands (each in the audit log), sessions in the
database that logout and revocation end, shared login throttling, failed replies shown as failed."""

import asyncio
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.content.reader import ContentError
from bot.settings import Settings, settings
from bot.staff.__main__ import main
from bot.staff.accounts import check_password, check_teams, hash_password, read_staff, verify
from bot.staff.audit import AuditLog
from bot.staff.sessions import SessionRow, Sessions
from bot.staff.throttle import WINDOW, LoginFailureRow, Throttle


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


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'console.db'}", future=True)
    yield engine
    engine.dispose()


@pytest.fixture
def cli(tmp_path: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """`python -m bot.staff` on a staff file of its own, typing `PASSWORD` when asked."""
    path = tmp_path / "staff.yml"
    monkeypatch.setenv("WMO_STAFF_FILE", str(path))
    monkeypatch.setattr("bot.staff.__main__.default_engine", lambda: engine)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    settings.cache_clear()
    yield path
    settings.cache_clear()


PASSWORD = "lang genoeg wachtwoord"


def test_the_administrator_adds_accounts_with_teams_and_a_hashed_password(
    cli: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add", "jan.de-vries", "--team", "noord", "--team", "algemeen"]) == 0
    assert main(["add", "beheer", "--admin"]) == 0
    assert PASSWORD not in cli.read_text() and oct(cli.stat().st_mode)[-3:] == "600"
    accounts = read_staff(cli)
    assert check_password(PASSWORD, accounts["jan.de-vries"].password)
    assert accounts["jan.de-vries"].queues() == {"noord", "algemeen"} and not accounts["jan.de-vries"].admin
    assert accounts["beheer"].queues() == {"algemeen"} and accounts["beheer"].admin  # never a team without a reader
    main(["list"])
    listed = capsys.readouterr().out
    assert "jan.de-vries: teams: algemeen, noord" in listed and "beheer: teams: geen wijkteam; beheerder" in listed
    assert "niemand ziet de overdrachten van centrum, oost, zuid" in listed


@pytest.mark.parametrize(
    "command, refusal",
    [
        (["add", "piet", "--team", "nord"], "accounts.piet.teams.0: onbekend wijkteam 'nord'"),
        (["add", "Piet Jansen!"], "accounts"),
        (["add", "jan"], "bestaat al"),
        (["teams", "onbekend", "noord"], "geen account onbekend"),
        (["teams", "jan", "Noord"], "accounts.jan: teams"),
    ],
)
def test_a_wrong_command_is_refused_and_changes_nothing(
    cli: Path, command: list[str], refusal: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["add", "jan", "--team", "noord"])
    before = cli.read_text()
    capsys.readouterr()
    assert main(command) == 1
    assert refusal in capsys.readouterr().err and cli.read_text() == before


def test_a_short_password_is_refused(cli: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "kort")
    assert main(["add", "jan"]) == 1 and not cli.exists()


def test_teams_and_roles_change_and_a_removed_account_loses_its_sessions(cli: Path, engine: Engine) -> None:
    main(["add", "jan", "--team", "noord"])
    sessions = Sessions(engine)
    session_id = sessions.issue("jan")
    assert main(["teams", "jan", "zuid", "oost"]) == 0 and read_staff(cli)["jan"].teams == ("oost", "zuid")
    assert main(["admin", "jan", "ja"]) == 0 and read_staff(cli)["jan"].admin
    assert sessions.holder(session_id) == "jan"
    assert main(["remove", "jan"]) == 0
    assert "jan" not in read_staff(cli) and sessions.holder(session_id) is None


def test_every_account_change_is_in_the_audit_log_without_the_password(cli: Path, engine: Engine) -> None:
    main(["add", "jan", "--team", "noord"])
    main(["password", "jan"])
    main(["teams", "jan", "zuid"])
    main(["revoke", "jan"])
    entries, total = AuditLog(engine).page(1)
    actions = [(entry.action, entry.detail) for entry in reversed(entries)]
    assert actions == [
        ("account_toegevoegd", "jan: teams: noord"),
        ("wachtwoord_gewijzigd", "jan"),
        ("sessies_ingetrokken", "jan: 0"),
        ("teams_gewijzigd", "jan: teams: zuid"),
        ("sessies_ingetrokken", "jan: 0"),
    ]
    assert all(entry.staff.startswith("cli") for entry in entries) and total == 5
    assert PASSWORD not in str(entries)


@pytest.mark.parametrize(
    "accounts, field",
    [
        ({"jan": "scrypt$16384$8$1$abc$def"}, "accounts: jan: schrijf een account als 'password', 'teams' en 'admin'"),
        ({"jan": {"password": "geheim", "teams": []}}, "accounts.jan.password"),
        ({"jan": {"password": "scrypt$x", "teams": ["Noord!"]}}, "accounts.jan.teams.0"),
        ({"jan": {"password": "scrypt$x", "rol": "beheer"}}, "accounts.jan.rol"),
        ({"Jan de Vries": {"password": "scrypt$x"}}, "accounts: 'Jan de Vries' is geen geldige accountnaam"),
    ],
)
def test_a_broken_staff_file_is_refused_naming_the_file_and_field(
    tmp_path: Path, accounts: dict[str, Any], field: str
) -> None:
    path = tmp_path / "staff.yml"
    path.write_text(yaml.safe_dump({"accounts": accounts}))
    with pytest.raises(ContentError) as refused:
        read_staff(path)
    assert str(path) in str(refused.value) and field in str(refused.value)


def test_a_team_that_is_no_wijkteam_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "staff.yml"
    path.write_text(yaml.safe_dump({"accounts": {"jan": {"password": "scrypt$x", "teams": ["noord", "west"]}}}))
    check_teams(path, {"piet": read_staff(path)["jan"].copy(update={"teams": ("noord",)})}, ["noord"])
    with pytest.raises(ContentError, match=r"staff.yml: accounts.jan.teams.1: onbekend wijkteam 'west'"):
        check_teams(path, read_staff(path), ["noord", "zuid"])


def test_a_session_names_its_holder_until_it_expires_and_only_its_hash_is_stored(engine: Engine) -> None:
    sessions = Sessions(engine)
    session_id = sessions.issue("jan.de-vries", now=1000)
    assert sessions.holder(session_id, now=1001) == "jan.de-vries"  # a name with a dot stays logged in
    assert sessions.holder(session_id, now=1000 + 9 * 3600) is None
    assert sessions.holder(session_id[:-1] + "x", now=1001) is None
    assert sessions.holder("", now=1001) is None
    with Session(engine) as db:
        assert session_id not in {row.id_hash for row in db.execute(select(SessionRow)).scalars()}


def test_another_instance_sees_the_session_and_logout_ends_it_there_too(engine: Engine) -> None:
    first, second = Sessions(engine), Sessions(engine)
    session_id = first.issue("jan")
    assert second.holder(session_id) == "jan"
    second.end(session_id)
    assert first.holder(session_id) is None


def test_revoke_ends_every_session_of_one_account_only(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sessions = Sessions(engine)
    laptop, phone, other = sessions.issue("jan.de-vries"), sessions.issue("jan.de-vries"), sessions.issue("piet")
    monkeypatch.setattr("bot.staff.__main__.default_engine", lambda: engine)
    monkeypatch.setenv("WMO_STAFF_FILE", str(engine.url.database) + ".yml")
    settings.cache_clear()
    assert main(["revoke", "jan.de-vries"]) == 0
    settings.cache_clear()
    assert "2 sessie(s) van jan.de-vries beëindigd" in capsys.readouterr().out
    assert sessions.holder(laptop) is None and sessions.holder(phone) is None
    assert sessions.holder(other) == "piet"


def test_a_form_token_belongs_to_one_session(engine: Engine) -> None:
    sessions = Sessions(engine)
    first, second = sessions.issue("jan"), sessions.issue("piet")
    assert sessions.form_token_valid(first, sessions.form_token(first))
    assert not sessions.form_token_valid(second, sessions.form_token(first))
    assert not sessions.form_token_valid(first, "")


def test_five_failures_lock_an_account_and_twenty_lock_an_address_on_every_instance(engine: Engine) -> None:
    first, second = Throttle(engine), Throttle(engine)
    for _ in range(5):
        first.failed("jan", "10.0.0.1", now=1000)
    assert second.locked("jan", "10.0.0.9", now=1001)  # the account, from any address
    assert not second.locked("piet", "10.0.0.9", now=1001)
    assert not second.locked("jan", "10.0.0.9", now=1000 + WINDOW + 1)
    for number in range(20):
        first.failed(f"naam{number}", "10.0.0.2", now=2000)
    assert second.locked("nieuw", "10.0.0.2", now=2001)  # the address, for any name
    first.succeeded("jan")
    assert not first.locked("jan", "10.0.0.9", now=1001)


def test_a_name_longer_than_any_account_is_throttled_without_an_error(postgres_url: str) -> None:
    """PostgreSQL refuses a key longer than its column: the sign-in page must not fail on that."""
    engine = create_engine(postgres_url, future=True)
    throttle = Throttle(engine)
    for _ in range(5):
        throttle.failed("a" * 10_000, "10.0.0.1")
    assert throttle.locked("a" * 10_000 + "b", "10.0.0.2")
    throttle.succeeded("a" * 10_000)
    assert not throttle.locked("a" * 10_000, "10.0.0.2")
    engine.dispose()


def test_old_failures_are_pruned_and_addresses_not_stored_in_clear(engine: Engine) -> None:
    throttle = Throttle(engine)
    throttle.failed("jan", "192.0.2.7", now=1000)
    throttle.failed("piet", "192.0.2.8", now=1000 + WINDOW + 1)
    with Session(engine) as db:
        keys = list(db.execute(select(LoginFailureRow.key)).scalars())
        assert db.execute(select(func.count()).select_from(LoginFailureRow)).scalar_one() == 2
    assert keys[0] == "name:piet" and not any("192.0.2" in key for key in keys)


def test_an_unknown_name_costs_the_same_work_as_a_known_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not timed (a busy machine makes timings flaky): both answers run one scrypt of the same cost."""
    stored = hash_password("correct horse battery")
    costs: list[tuple[int, int, int]] = []
    real_scrypt = hashlib.scrypt

    def counted(password: bytes, *, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
        costs.append((n, r, p))
        return real_scrypt(password, salt=salt, n=n, r=r, p=p, dklen=dklen)

    monkeypatch.setattr(hashlib, "scrypt", counted)
    assert not verify("verkeerd wachtwoord", stored)
    assert not verify("verkeerd wachtwoord", None)
    assert len(costs) == 2 and costs[0] == costs[1]
    assert verify("correct horse battery", stored)
    assert not verify("correct horse battery", None)


class Channel:
    def __init__(self, error: Exception | None = None) -> None:
        self.error = error
        self.sent: list[tuple[str, str]] = []

    @staticmethod
    def name() -> str:
        return "whatsapp"

    async def send_response(self, recipient: str, message: dict[str, Any]) -> None:
        if self.error:
            raise self.error
        self.sent.append((recipient, message["text"]))


def test_a_reply_the_channel_refuses_is_shown_as_not_sent() -> None:
    from channels.staff_console import NOT_PUSHED, NOT_SENT, SENT, deliver

    working = Channel()
    assert asyncio.run(deliver(working, "gesprek-1", "Ik bel u morgen.")) == SENT
    assert working.sent == [("gesprek-1", "Ik bel u morgen.")]
    failing = Channel(ConnectionError("Meta antwoordt niet"))
    assert asyncio.run(deliver(failing, "gesprek-1", "Ik bel u morgen.")) == NOT_SENT
    assert NOT_SENT.startswith("Niet verstuurd:")
    assert asyncio.run(deliver(None, "gesprek-1", "Ik bel u morgen.")) == NOT_PUSHED


def test_logging_out_ends_the_session_and_deletes_the_cookie_where_it_was_set(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    import channels.staff_console as console_module

    monkeypatch.setattr(console_module, "default_engine", lambda: engine)
    console = console_module.StaffConsole()

    async def on_message(message: Any) -> None: ...

    routes: dict[str, Any] = {
        route.uri: route.handler
        for route in console.blueprint(on_message)._future_routes
        if "POST" in (route.methods or ())
    }
    session_id = console.sessions.issue("jan.de-vries")
    request = SimpleNamespace(cookies={console_module.COOKIE: session_id})
    answer = asyncio.run(routes["/uitloggen"](request))
    assert answer.status == 303 and console.sessions.holder(session_id) is None
    header = str(answer.cookies[console_module.COOKIE])  # the Set-Cookie line the browser gets
    assert header.startswith(f"{console_module.COOKIE}=") and "Path=/medewerkers" in header and "Max-Age=0" in header


def test_the_seed_refuses_a_staff_file_whose_team_is_no_wijkteam(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.seed

    path = tmp_path / "staff.yml"
    path.write_text(yaml.safe_dump({"accounts": {"jan": {"password": "scrypt$x", "teams": ["west"]}}}))
    monkeypatch.setattr(bot.seed, "settings", lambda: Settings(staff_file=path))
    with pytest.raises(ContentError, match=r"staff.yml: accounts.jan.teams.0: onbekend wijkteam 'west'"):
        bot.seed.seed_all(engine=None)  # refused before the database is used


def test_the_seed_gives_an_existing_handoffs_table_its_new_columns(engine: Engine) -> None:
    from bot.handoff.model import HandoffKind, HandoffSummary
    from bot.handoff.store import HandoffStore
    from bot.seed import seed_all

    with engine.begin() as connection:  # the table as the previous version made it
        connection.exec_driver_sql(
            "CREATE TABLE handoffs (id VARCHAR(32) PRIMARY KEY, created_at DATETIME NOT NULL, updated_at DATETIME"
            " NOT NULL, conversation_id VARCHAR(255) NOT NULL, channel VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT"
            " NULL, status VARCHAR(16) NOT NULL, summary JSON NOT NULL, callback_phone VARCHAR(16), consent_at"
            " DATETIME NOT NULL, staff VARCHAR(64), note TEXT)"
        )
        connection.exec_driver_sql(
            "INSERT INTO handoffs VALUES ('a', '2026-12-01 10:00:00', '2026-12-01 10:00:00', 'oud', 'rest', 'chat',"
            " 'open',"
            ' \'{"reason": "gevraagd", "topics": [], "questions": [], "intake": null}\', NULL,'
            " '2026-12-01 10:00:00', NULL, NULL)"
        )
    seed_all(engine)
    seed_all(engine)  # twice changes nothing
    store = HandoffStore(engine)
    assert store.get("a").team is None  # type: ignore[union-attr]  # the old handoff: the general queue
    store.create("nieuw", "rest", HandoffKind.chat, HandoffSummary("gevraagd", (), (), None), team="noord")
    assert store.refusal("nieuw", None) is not None
