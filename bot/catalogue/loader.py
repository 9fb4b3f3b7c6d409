"""Reads the catalogue YAML, validates it and seeds the database idempotently."""
from pathlib import Path
from typing import Union

import yaml
from pydantic import ValidationError
from sqlalchemy import delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.catalogue.models import SOURCED_LISTS, CatalogueFile
from bot.catalogue.tables import Base, ContributionRateRow, ProvisionRow, SourcedTextRow


class CatalogueError(ValueError):
    """The catalogue file cannot be used; the message says where and why."""


def read_catalogue(path: Union[str, Path]) -> CatalogueFile:
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CatalogueError(f"{path}: bestand niet gevonden") from error
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path}: geen geldige YAML: {error}") from error
    if not isinstance(raw, dict):
        raise CatalogueError(f"{path}: verwacht een mapping met provisions, contribution_rates, ...")
    try:
        return CatalogueFile.parse_obj(raw)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}"
            for problem in error.errors()
        )
        raise CatalogueError(f"{path}: {problems}") from error


def seed(engine: Engine, catalogue: CatalogueFile) -> None:
    """Makes the database match the file, in one transaction; running it twice changes nothing."""
    Base.metadata.create_all(engine)
    with Session(engine, future=True) as session, session.begin():
        codes = [provision.code for provision in catalogue.provisions]
        session.execute(delete(ProvisionRow).where(ProvisionRow.code.not_in(codes)))
        for provision in catalogue.provisions:
            session.merge(ProvisionRow(**provision.dict()))
        session.execute(delete(ContributionRateRow))
        session.add_all(
            ContributionRateRow(**{**rate.dict(), "amount": str(rate.amount)})
            for rate in catalogue.contribution_rates
        )
        session.execute(delete(SourcedTextRow))
        for list_name in SOURCED_LISTS:
            session.add_all(
                SourcedTextRow(list_name=list_name, position=index, **line.dict())
                for index, line in enumerate(getattr(catalogue, list_name))
            )
