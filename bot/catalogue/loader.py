"""Reads the catalogue file, validated, and makes the database match it idempotently."""

from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.catalogue.models import SOURCED_LISTS, CatalogueFile
from bot.catalogue.tables import ContributionRateRow, ProvisionRow, SourcedTextRow
from bot.content.reader import read_model
from bot.database import Base


def read_catalogue(path: str | Path) -> CatalogueFile:
    return read_model(path, CatalogueFile)


def seed_catalogue(engine: Engine, catalogue: CatalogueFile) -> None:
    """Makes the database match the file, in one transaction; running it twice changes nothing."""
    Base.metadata.create_all(engine)
    with Session(engine, future=True) as session, session.begin():
        codes = [provision.code for provision in catalogue.provisions]
        session.execute(delete(ProvisionRow).where(ProvisionRow.code.not_in(codes)))
        for provision in catalogue.provisions:
            session.merge(ProvisionRow(**provision.dict()))
        session.execute(delete(ContributionRateRow))
        session.add_all(
            ContributionRateRow(**{**rate.dict(), "amount": str(rate.amount)}) for rate in catalogue.contribution_rates
        )
        session.execute(delete(SourcedTextRow))
        for list_name in SOURCED_LISTS:
            session.add_all(
                SourcedTextRow(list_name=list_name, position=index, **line.dict())
                for index, line in enumerate(getattr(catalogue, list_name))
            )
