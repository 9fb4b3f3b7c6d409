"""Login throttling shared by every instance: failed sign-ins per account and per IP address, in
the database. Rows older than the window are pruned on every write, and nothing more is recorded
once a key is locked, so the table stays bounded. IP addresses are stored hashed."""

import hashlib
import time

from sqlalchemy import Column, Float, Integer, String, delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.staff.accounts import MAX_NAME_LENGTH

WINDOW = 15 * 60
# Five wrong passwords for one account, or twenty from one address, lock it for the rest of the window.
MAX_PER_ACCOUNT, MAX_PER_IP = 5, 20


class LoginFailureRow(Base):
    __tablename__ = "staff_login_failures"

    id = Column(Integer, primary_key=True, autoincrement=True)
    key = Column(String(80), nullable=False, index=True)
    at = Column(Float, nullable=False, index=True)


def _name_key(name: str) -> str:
    # A name longer than any account can have is unknown however long it is: cut, it fits the column.
    return f"name:{name[: MAX_NAME_LENGTH + 1]}"


def _keys(name: str, ip: str) -> dict[str, int]:
    return {_name_key(name): MAX_PER_ACCOUNT, f"ip:{hashlib.sha256(ip.encode()).hexdigest()}": MAX_PER_IP}


class Throttle:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        Base.metadata.create_all(engine, tables=[Base.metadata.tables[LoginFailureRow.__tablename__]])

    def locked(self, name: str, ip: str, now: float | None = None) -> bool:
        since = (now or time.time()) - WINDOW
        with Session(self._engine) as db:
            for key, limit in _keys(name, ip).items():
                count = db.execute(
                    select(func.count()).where(LoginFailureRow.key == key, LoginFailureRow.at > since)
                ).scalar_one()
                if count >= limit:
                    return True
        return False

    def failed(self, name: str, ip: str, now: float | None = None) -> None:
        now = now or time.time()
        with Session(self._engine) as db, db.begin():
            db.execute(delete(LoginFailureRow).where(LoginFailureRow.at <= now - WINDOW))
            db.add_all(LoginFailureRow(key=key, at=now) for key in _keys(name, ip))

    def succeeded(self, name: str) -> None:
        with Session(self._engine) as db, db.begin():
            db.execute(delete(LoginFailureRow).where(LoginFailureRow.key == _name_key(name)))
