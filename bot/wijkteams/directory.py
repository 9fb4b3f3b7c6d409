"""Finds the wijkteam for a resident's postcode."""

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.wijkteams.tables import PostcodeAreaRow, WijkteamRow


class WijkteamDirectory:
    """One instance per process, sharing the process's engine."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def for_postcode(self, postcode: str) -> WijkteamRow | None:
        digits = int(postcode[:4])
        statement = (
            select(WijkteamRow)
            .join(PostcodeAreaRow, PostcodeAreaRow.team_code == WijkteamRow.code)
            .where(PostcodeAreaRow.first <= digits, PostcodeAreaRow.last >= digits)
        )
        with Session(self._engine, future=True) as session:
            team: WijkteamRow | None = session.execute(statement).scalars().first()
            if team is not None:
                session.expunge(team)
            return team

    def names(self) -> dict[str, str]:
        """Every wijkteam's code and name."""
        with Session(self._engine, future=True) as session:
            return dict(session.execute(select(WijkteamRow.code, WijkteamRow.name)).all())
