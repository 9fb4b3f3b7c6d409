"""Wijkteam staff who may use the console: accounts with scrypt-hashed passwords, kept in a YAML
file the municipality manages (`WMO_STAFF_FILE`). There are no built-in accounts: without a staff
file nobody can log in."""

import hashlib
import hmac
import os
from pathlib import Path

import yaml
from pydantic import ConstrainedStr

from bot.content.model import StrictModel
from bot.content.reader import read_model
from bot.privacy import base64url

# scrypt's recommended interactive cost (n=2^14, r=8, p=1): about 50 ms per check.
_N, _R, _P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 12


class AccountName(ConstrainedStr):
    regex = r"^[a-z0-9._-]{2,64}$"


class PasswordHash(ConstrainedStr):
    regex = r"^scrypt\$"


class StaffFile(StrictModel):
    accounts: dict[AccountName, PasswordHash]


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


def read_staff(path: Path | None) -> dict[str, str]:
    """Account name to password hash; empty when no file is configured."""
    if path is None or not path.exists():
        return {}
    return {str(name): str(digest) for name, digest in read_model(path, StaffFile).accounts.items()}


def add_account(path: Path, name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"een wachtwoord heeft minstens {MIN_PASSWORD_LENGTH} tekens")
    accounts = read_staff(path)
    accounts[name] = hash_password(password)
    StaffFile(accounts=accounts)  # refuses a bad name before anything is written
    path.write_text(yaml.safe_dump({"accounts": accounts}, sort_keys=True), encoding="utf-8")
    path.chmod(0o600)
