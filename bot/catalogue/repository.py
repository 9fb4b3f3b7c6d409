"""Read-only queries on the catalogue database, returning validated models (never rows)."""

from datetime import date
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.catalogue.models import ContributionRate, Provision, ProvisionKind, SourcedText
from bot.catalogue.tables import ContributionRateRow, ProvisionRow, SourcedTextRow

ModelT = TypeVar("ModelT", bound=BaseModel)


def _model(model: type[ModelT], row: Any) -> ModelT:
    return model(**{name: getattr(row, name) for name in model.__fields__})


class Catalogue:
    """One instance per process, sharing the process's engine and its connection pool."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def _all(self, statement: Any) -> list[Any]:
        with Session(self._engine, future=True) as session:
            return list(session.execute(statement).scalars())

    def provision(self, code: str) -> Provision | None:
        with Session(self._engine, future=True) as session:
            row = session.get(ProvisionRow, code)
            return _model(Provision, row) if row else None

    def provisions(self, kind: ProvisionKind | None = None) -> list[Provision]:
        statement = select(ProvisionRow).order_by(ProvisionRow.name)
        if kind is not None:
            statement = statement.where(ProvisionRow.kind == kind.value)
        return [_model(Provision, row) for row in self._all(statement)]

    def latest_verified_rate(self, today: date) -> ContributionRate | None:
        """The newest abonnementstarief confirmed by a primary source, never a future year's."""
        statement = (
            select(ContributionRateRow)
            .where(ContributionRateRow.verified.is_(True), ContributionRateRow.year <= today.year)
            .order_by(ContributionRateRow.year.desc())
            .limit(1)
        )
        rows = self._all(statement)
        return _model(ContributionRate, rows[0]) if rows else None

    def sourced_list(self, list_name: str) -> list[SourcedText]:
        """One of models.SOURCED_LISTS, in the file's order."""
        statement = (
            select(SourcedTextRow).where(SourcedTextRow.list_name == list_name).order_by(SourcedTextRow.position)
        )
        return [_model(SourcedText, row) for row in self._all(statement)]
