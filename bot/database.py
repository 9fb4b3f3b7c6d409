"""One SQLAlchemy engine per process, created on first use, and the declarative base all tables share."""

from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base

from bot.settings import settings

if TYPE_CHECKING:

    class Base:
        """What the type checker knows of the declarative base: SQLAlchemy 1.4 ships no types."""

        metadata: Any

        def __init__(self, **columns: Any) -> None: ...

else:
    Base = declarative_base()


@cache
def engine_for(url: str) -> Engine:
    return create_engine(url, future=True, pool_pre_ping=True)


def default_engine() -> Engine:
    return engine_for(settings().database_url)
