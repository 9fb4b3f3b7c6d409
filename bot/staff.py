"""Wijkteam staff who may use the console: accounts with scrypt-hashed passwords, kept in a YAML
file the municipality manages (`WMO_STAFF_FILE`), and signed, expiring session tokens.

There are no built-in accounts: without a staff file nobody can log in.
`python -m bot.staff add <naam>` adds or replaces an account and asks for its password.
"""
import base64
import getpass
import hashlib
import hmac
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Dict, Optional

import yaml
from pydantic import constr

from bot.strict import StrictModel

# scrypt's recommended interactive cost (n=2^14, r=8, p=1): about 50 ms per check.
_N, _R, _P = 2**14, 8, 1
SESSION_SECONDS = 8 * 3600
MIN_PASSWORD_LENGTH = 12


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def check_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = hashlib.scrypt(password.encode(), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except ValueError:
        return False
    return hmac.compare_digest(actual, _unb64(digest))


class StaffFile(StrictModel):
    accounts: Dict[constr(regex=r"^[a-z0-9._-]{2,64}$"), constr(regex=r"^scrypt\$")]


def read_staff(path: Optional[Path]) -> Dict[str, str]:
    """Account name to password hash; empty when no file is configured."""
    if path is None or not path.exists():
        return {}
    return dict(StaffFile.parse_obj(yaml.safe_load(path.read_text(encoding="utf-8")) or {}).accounts)


class Sessions:
    """Signed tokens `name.expiry.signature`; the key is secret and, by default, new per process."""

    def __init__(self, key: bytes) -> None:
        self._key = key

    def _sign(self, message: str) -> str:
        return _b64(hmac.new(self._key, message.encode(), hashlib.sha256).digest())

    def issue(self, name: str, now: Optional[float] = None) -> str:
        body = f"{name}.{int((now or time.time()) + SESSION_SECONDS)}"
        return f"{body}.{self._sign(body)}"

    def holder(self, token: str, now: Optional[float] = None) -> Optional[str]:
        """The staff name a valid, unexpired token belongs to."""
        name, _, rest = (token or "").partition(".")
        expiry, _, signature = rest.partition(".")
        if not (name and expiry.isdigit() and signature):
            return None
        if not hmac.compare_digest(signature, self._sign(f"{name}.{expiry}")):
            return None
        return name if int(expiry) > (now or time.time()) else None

    def form_token(self, session_token: str) -> str:
        """The token every console form carries, so another site cannot post for a logged-in user."""
        return self._sign(f"form:{session_token}")

    def form_token_valid(self, session_token: str, token: str) -> bool:
        return bool(token) and hmac.compare_digest(token, self.form_token(session_token))


def session_key() -> bytes:
    """`WMO_CONSOLE_SECRET` keeps sessions valid across restarts and instances; else a fresh key."""
    configured = os.environ.get("WMO_CONSOLE_SECRET")
    return configured.encode() if configured else secrets.token_bytes(32)


def staff_file() -> Optional[Path]:
    configured = os.environ.get("WMO_STAFF_FILE")
    return Path(configured) if configured else None


def add_account(path: Path, name: str, password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"een wachtwoord heeft minstens {MIN_PASSWORD_LENGTH} tekens")
    accounts = read_staff(path)
    accounts[name] = hash_password(password)
    StaffFile(accounts=accounts)  # refuses a bad name before anything is written
    path.write_text(yaml.safe_dump({"accounts": accounts}, sort_keys=True), encoding="utf-8")
    path.chmod(0o600)


def main(argv) -> int:
    path = staff_file()
    if len(argv) != 3 or argv[1] != "add" or path is None:
        print("gebruik: WMO_STAFF_FILE=pad python -m bot.staff add <naam>", file=sys.stderr)
        return 2
    password = getpass.getpass("Wachtwoord: ")
    if password != getpass.getpass("Nog een keer: "):
        print("De wachtwoorden zijn niet gelijk.", file=sys.stderr)
        return 1
    try:
        add_account(path, argv[2], password)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Account {argv[2]} staat in {path}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
