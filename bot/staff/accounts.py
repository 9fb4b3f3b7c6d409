"""Wijkteam staff who may use the console: accounts with scrypt-hashed passwords, their wijkteams
and whether they administer the console, kept in a YAML file the municipality manages
(`WMO_STAFF_FILE`). There are no built-in accounts: without a staff file nobody can log in.

    accounts:
      jan.de-vries:
        password: scrypt$16384$8$1$...
        teams: [noord, algemeen]   # wijkteam codes from wijkteams.csv; "algemeen": no known wijkteam
        admin: false               # administrators also read the audit log and the general queue
"""

import hashlib
import hmac
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ConstrainedStr, validator

from bot.content.model import StrictModel
from bot.content.reader import ContentError, parse, read_model
from bot.handoff.model import GENERAL
from bot.privacy import base64url
from bot.wijkteams.file import TeamCode

# scrypt's recommended interactive cost (n=2^14, r=8, p=1): about 50 ms per check.
_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 12
MAX_NAME_LENGTH = 64


class AccountName(ConstrainedStr):
    regex = rf"^[a-z0-9._-]{{2,{MAX_NAME_LENGTH}}}$"


class PasswordHash(ConstrainedStr):
    regex = r"^scrypt\$"


class Account(StrictModel):
    password: PasswordHash
    teams: tuple[TeamCode, ...] = ()
    admin: bool = False

    @validator("teams")
    def _once_each(cls, teams: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(sorted(set(teams)))

    def queues(self) -> frozenset[str]:
        """The wijkteams whose handoffs this account sees; GENERAL for those without a known team.
        Administrators always see the general queue, so no handoff is left without a reader."""
        return frozenset(self.teams) | ({GENERAL} if self.admin else set())


class StaffFile(StrictModel):
    accounts: dict[AccountName, Account]

    @validator("accounts", pre=True)
    def _names_and_form(cls, accounts: Any) -> Any:
        if isinstance(accounts, dict):
            for name, account in accounts.items():
                if not re.match(AccountName.regex, str(name)):
                    raise ValueError(
                        f"'{name}' is geen geldige accountnaam: 2 tot 64 kleine letters, cijfers, '.', '_' of '-'"
                    )
                if isinstance(account, str):
                    raise ValueError(
                        f"{name}: schrijf een account als 'password', 'teams' en 'admin' (zie README, Staff console)"
                    )
        return accounts


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64url.encode(salt)}${base64url.encode(digest)}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(password.encode(), salt=base64url.decode(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except ValueError:
        return False
    return hmac.compare_digest(actual, base64url.decode(digest))


def verify(password: str, stored: str | None) -> bool:
    """Like check_password, but an unknown account (`stored` None) is checked against a dummy hash,
    so it takes as long as a known one and the answer time does not tell which names exist."""
    return check_password(password, stored or _DUMMY_HASH) and stored is not None


_DUMMY_HASH = hash_password("geen account", salt=bytes(16))


@lru_cache(maxsize=4)
def _read(path: Path, modified: int, size: int) -> dict[str, Account]:
    return {str(name): account for name, account in read_model(path, StaffFile).accounts.items()}


def read_staff(path: Path | None) -> dict[str, Account]:
    """Account name to account; empty when no file is configured. Read again only when the file
    changed, so the console sees a change (a removed account, new teams) at the next request."""
    if path is None or not path.exists():
        return {}
    stat = path.stat()
    return _read(path, stat.st_mtime_ns, stat.st_size)


def check_teams(path: Path, accounts: dict[str, Account], known: Iterable[str]) -> None:
    """Refuses a team code that is no wijkteam: such an account would silently see nothing."""
    allowed = {*known, GENERAL}
    for name, account in accounts.items():
        for index, team in enumerate(account.teams):
            if team not in allowed:
                raise ContentError(
                    f"{path}: accounts.{name}.teams.{index}: onbekend wijkteam '{team}'"
                    f" (bekend: {', '.join(sorted(allowed))})"
                )


def write_staff(path: Path, accounts: dict[str, Account]) -> None:
    """Writes the whole file, readable by its owner only; a bad name is refused before anything is written."""
    raw = {
        "accounts": {
            name: {**account.dict(), "teams": list(account.teams)} for name, account in sorted(accounts.items())
        }
    }
    parse(StaffFile, raw, path)
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    path.chmod(0o600)


def make_account(path: Path, name: str, **fields: Any) -> Account:
    """An account from the administrator's input, or a ContentError naming the file and field."""
    return parse(Account, fields, f"{path}: accounts.{name}")


def checked_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"een wachtwoord heeft minstens {MIN_PASSWORD_LENGTH} tekens")
    return hash_password(password)
