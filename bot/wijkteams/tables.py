"""The wijkteams and their postcode areas in the database, filled from the validated file."""

from sqlalchemy import Column, ForeignKey, Integer, String, Text, delete
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.database import Base
from bot.wijkteams.file import Wijkteam


class WijkteamRow(Base):
    __tablename__ = "wijkteams"

    code = Column(String(64), primary_key=True)
    name = Column(String(200), nullable=False)
    address = Column(Text, nullable=False)
    phone = Column(String(32), nullable=False)
    email = Column(String(200), nullable=False)
    opening_hours = Column(Text, nullable=False)


class PostcodeAreaRow(Base):
    __tablename__ = "wijkteam_postcodes"

    first = Column(Integer, primary_key=True)
    last = Column(Integer, nullable=False)
    team_code = Column(String(64), ForeignKey("wijkteams.code"), nullable=False)


def seed_wijkteams(engine: Engine, teams: list[Wijkteam]) -> None:
    """Makes the database match the file, in one transaction; running it twice changes nothing."""
    Base.metadata.create_all(engine)
    with Session(engine, future=True) as session, session.begin():
        session.execute(delete(PostcodeAreaRow))
        session.execute(delete(WijkteamRow))
        session.flush()
        for team in teams:
            session.add(
                WijkteamRow(
                    code=team.code,
                    name=team.naam,
                    address=team.adres,
                    phone=team.telefoon,
                    email=team.email,
                    opening_hours=team.openingstijden,
                )
            )
        session.flush()
        session.add_all(
            PostcodeAreaRow(first=first, last=last, team_code=team.code)
            for team in teams
            for first, last in team.postcodes
        )
