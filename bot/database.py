"""One SQLAlchemy engine per process, created on first use, and the declarative base all tables share."""

from datetime import datetime, timezone
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, inspect
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


def utc(moment: datetime) -> datetime:
    """A stored moment with its time zone: SQLite gives timezone columns back without one, and
    every moment is written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def add_missing_columns(engine: Engine) -> list[str]:
    """Adds the columns a newer version gave a table that already exists (`create_all` only makes
    missing tables), with their indexes; returns "table.column" for each. New columns are always
    nullable, so existing rows stay valid."""
    inspector = inspect(engine)
    added = []
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if not inspector.has_table(table.name):
                continue
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in present:
                    continue
                kind = column.type.compile(engine.dialect)
                connection.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")
                for index in table.indexes:
                    if column.name in index.columns:
                        index.create(connection)
                added.append(f"{table.name}.{column.name}")
    return added
