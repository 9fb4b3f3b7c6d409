"""One SQLAlchemy engine per process, created on first use, and the declarative base all tables share."""
from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base

from bot import settings

Base = declarative_base()


@lru_cache(maxsize=None)
def engine_for(url: str) -> Engine:
    return create_engine(url, future=True, pool_pre_ping=True)


def default_engine() -> Engine:
    return engine_for(settings.database_url())
