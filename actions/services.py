"""The action server's shared services, built once per process on the process's one engine: the
catalogue, the stores of intakes and handoffs, the wijkteam directory and the check."""

import logging
from functools import cache

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.catalogue import Catalogue
from bot.database import default_engine
from bot.handoff.store import HandoffStore
from bot.intake.store import IntakeStore
from bot.municipality import municipality
from bot.triage import load_triage
from bot.triage.advice import Advice
from bot.triage.dialogue import TriageDialogue
from bot.wijkteams.directory import WijkteamDirectory

logger = logging.getLogger(__name__)


class Services:
    def __init__(self, engine: Engine) -> None:
        self.catalogue = Catalogue(engine)
        self.intakes = IntakeStore(engine)
        self.handoffs = HandoffStore(engine)
        self.wijkteams = WijkteamDirectory(engine)
        self._triage: tuple[TriageDialogue, Advice] | None = None

    def triage(self) -> tuple[TriageDialogue, Advice]:
        """Built on first use, from the catalogue database and the files under content/triage/."""
        if self._triage is None:
            self._triage = load_triage(self.catalogue.provisions(), municipality())
        return self._triage


@cache
def services() -> Services:
    return Services(default_engine())


try:
    services().triage()  # at start, so no resident's turn pays for reading the files
except SQLAlchemyError:
    logger.warning("catalogue database not reachable at start; the check loads on first use")
