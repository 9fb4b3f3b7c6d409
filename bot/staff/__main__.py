"""`python -m bot.staff`: the administrator's commands for console accounts, on the file named by
WMO_STAFF_FILE. Account management is here and not in the console: the server only reads the file,
so a stolen console session can never make itself an account. Every change is in the audit log.

    add <naam> [--team CODE ...] [--admin]   new account; asks its password
    password <naam>                          new password; ends the account's sessions
    teams <naam> [CODE ...]                  the wijkteams it sees ("algemeen": no known wijkteam)
    admin <naam> ja|nee                      administrator or not
    remove <naam>                            removes it and ends its sessions
    revoke <naam>                            ends every session of the account (a lost laptop)
    list                                     accounts, teams, and wijkteams nobody sees
"""

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.content.reader import ContentError
from bot.database import default_engine
from bot.handoff.model import GENERAL
from bot.settings import settings
from bot.staff.accounts import Account, check_teams, checked_password, make_account, read_staff, write_staff
from bot.staff.audit import AuditAction, AuditLog
from bot.staff.sessions import Sessions
from bot.wijkteams.file import read_wijkteams


def _actor() -> str:
    """Who ran the command, as the audit log names it."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _new_password() -> str:
    password = getpass.getpass("Wachtwoord: ")
    if password != getpass.getpass("Nog een keer: "):
        raise ValueError("de wachtwoorden zijn niet gelijk")
    return checked_password(password)


def _teams() -> list[str]:
    return [team.code for team in read_wijkteams(settings().wijkteams_file)]


class Accounts:
    """The staff file, changed one command at a time: every change is validated (names, teams)
    before the file is written, and then recorded in the audit log."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.accounts = dict(read_staff(path))
        self.audit = AuditLog(default_engine())

    def existing(self, name: str) -> Account:
        if name not in self.accounts:
            raise ValueError(f"er is geen account {name} in {self.path}")
        return self.accounts[name]

    def save(self, action: AuditAction, name: str, detail: str | None = None) -> None:
        check_teams(self.path, self.accounts, _teams())
        write_staff(self.path, self.accounts)
        self.audit.record(_actor(), action, detail=f"{name}{f': {detail}' if detail else ''}")

    def revoke(self, name: str) -> int:
        ended = Sessions(default_engine()).revoke(name)
        self.audit.record(_actor(), AuditAction.sessions_revoked, detail=f"{name}: {ended}")
        return ended


def _add(accounts: Accounts, arguments: argparse.Namespace) -> str:
    if arguments.name in accounts.accounts:
        raise ValueError(f"account {arguments.name} bestaat al; een nieuw wachtwoord: 'password {arguments.name}'")
    password = _new_password()
    account = make_account(
        accounts.path, arguments.name, password=password, teams=arguments.team, admin=arguments.admin
    )
    accounts.accounts[arguments.name] = account
    accounts.save(AuditAction.account_added, arguments.name, _described(account))
    return f"Account {arguments.name} staat in {accounts.path} ({_described(account)})."


def _password(accounts: Accounts, arguments: argparse.Namespace) -> str:
    account = accounts.existing(arguments.name)
    accounts.accounts[arguments.name] = account.copy(update={"password": _new_password()})
    accounts.save(AuditAction.password_changed, arguments.name)
    return f"Nieuw wachtwoord voor {arguments.name}; {accounts.revoke(arguments.name)} sessie(s) beëindigd."


def _set_teams(accounts: Accounts, arguments: argparse.Namespace) -> str:
    existing = accounts.existing(arguments.name).dict()
    account = make_account(accounts.path, arguments.name, **{**existing, "teams": arguments.teams})
    accounts.accounts[arguments.name] = account
    accounts.save(AuditAction.teams_changed, arguments.name, _described(account))
    return f"{arguments.name}: {_described(account)}."


def _set_admin(accounts: Accounts, arguments: argparse.Namespace) -> str:
    account = accounts.existing(arguments.name).copy(update={"admin": arguments.value == "ja"})
    accounts.accounts[arguments.name] = account
    accounts.save(AuditAction.admin_changed, arguments.name, _described(account))
    return f"{arguments.name}: {_described(account)}."


def _remove(accounts: Accounts, arguments: argparse.Namespace) -> str:
    accounts.existing(arguments.name)
    del accounts.accounts[arguments.name]
    accounts.save(AuditAction.account_removed, arguments.name)
    return f"Account {arguments.name} verwijderd; {accounts.revoke(arguments.name)} sessie(s) beëindigd."


def _revoke(accounts: Accounts, arguments: argparse.Namespace) -> str:
    return f"{accounts.revoke(arguments.name)} sessie(s) van {arguments.name} beëindigd."


def _list(accounts: Accounts, arguments: argparse.Namespace) -> str:
    lines = [f"{name}: {_described(account)}" for name, account in sorted(accounts.accounts.items())]
    seen = set().union(*(account.queues() for account in accounts.accounts.values()))
    unseen = [team for team in [*_teams(), GENERAL] if team not in seen]
    if unseen:
        lines.append(f"Let op: niemand ziet de overdrachten van {', '.join(unseen)}.")
    return "\n".join(lines) or "Er zijn nog geen accounts."


def _described(account: Account) -> str:
    teams = ", ".join(account.teams) or "geen wijkteam"
    return f"teams: {teams}{'; beheerder' if account.admin else ''}"


COMMANDS: dict[str, Callable[[Accounts, argparse.Namespace], str]] = {
    "add": _add,
    "password": _password,
    "teams": _set_teams,
    "admin": _set_admin,
    "remove": _remove,
    "revoke": _revoke,
    "list": _list,
}


def parser() -> argparse.ArgumentParser:
    commands = argparse.ArgumentParser(
        prog="python -m bot.staff", description=__doc__.splitlines()[0], formatter_class=argparse.RawTextHelpFormatter
    )
    sub = commands.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="nieuw account; vraagt het wachtwoord")
    add.add_argument("name")
    add.add_argument("--team", action="append", default=[], help="wijkteamcode of 'algemeen'; vaker mag")
    add.add_argument("--admin", action="store_true", help="beheerder: logboek en algemene wachtrij")
    for command, text in [
        ("password", "nieuw wachtwoord; beëindigt de sessies"),
        ("remove", "verwijdert het account en beëindigt de sessies"),
        ("revoke", "beëindigt alle sessies van het account"),
    ]:
        sub.add_parser(command, help=text).add_argument("name")
    teams = sub.add_parser("teams", help="de wijkteams die het account ziet (geen: niets)")
    teams.add_argument("name")
    teams.add_argument("teams", nargs="*")
    admin = sub.add_parser("admin", help="beheerder of niet")
    admin.add_argument("name")
    admin.add_argument("value", choices=["ja", "nee"])
    sub.add_parser("list", help="accounts, teams en wijkteams die niemand ziet")
    return commands


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser().parse_args(argv)
    path = settings().staff_file
    if path is None:
        print("Zet WMO_STAFF_FILE op het accountbestand, bijvoorbeeld /etc/wmo/staff.yml.", file=sys.stderr)
        return 2
    try:
        print(COMMANDS[arguments.command](Accounts(path), arguments))
    except (ValueError, ContentError) as error:
        print(f"afgekeurd: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
