"""One SQLAlchemy engine per process, created on first use."""
from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from bot import settings


@lru_cache(maxsize=None)
def engine_for(url: str) -> Engine:
    return create_engine(url, future=True, pool_pre_ping=True)


def default_engine() -> Engine:
    return engine_for(settings.database_url())
