"""`python -m bot.seed`: validate every content file the municipality owns and make the database
match them.

Reads the catalogue, the municipality, the wijkteams, the triage's needs, questions and outcomes,
the crisis patterns, the intent labels, the glossary, the retention policy and, when
WMO_STAFF_FILE is set, the staff accounts (their teams must be wijkteams); a broken file is refused
with its place and reason, and the database is left as it was. Then creates every table (catalogue,
wijkteams, intake summaries, handoffs, WhatsApp message ids, console sessions, throttle, audit log),
adds the columns a newer version gave an existing table, and refills the catalogue and the wijkteams.
"""

import sys

from sqlalchemy.engine import Engine

# These register their tables with Base.
import bot.handoff.store
import bot.intake.store
import bot.messaging.deduplication
import bot.staff.audit
import bot.staff.sessions
import bot.staff.throttle  # noqa: F401
from bot.catalogue.loader import read_catalogue, seed_catalogue
from bot.content.reader import ContentError
from bot.crisis import read_crisis_file
from bot.database import Base, add_missing_columns, default_engine
from bot.dialogue.fallback import read_labels
from bot.glossary import read_glossary
from bot.municipality import read_municipality
from bot.privacy.retention import read_retention
from bot.settings import ROOT, settings
from bot.staff.accounts import check_teams, read_staff
from bot.triage.advice import read_outcomes_file
from bot.triage.needs import Needs, read_needs_file
from bot.triage.questions import read_questions
from bot.wijkteams.file import read_wijkteams
from bot.wijkteams.tables import seed_wijkteams


def seed_all(engine: Engine) -> str:
    """Reads and validates every file, then fills the database; returns what was loaded."""
    files = settings()
    catalogue = read_catalogue(files.catalogue_file)
    teams = read_wijkteams(files.wijkteams_file)
    read_municipality(files.municipality_file)
    read_questions(Needs(read_needs_file(files.needs_file), catalogue.provisions), files.questions_file)
    read_outcomes_file(files.outcomes_file)
    read_crisis_file(files.crisis_file)
    read_labels(files.intent_labels_file)
    read_glossary(files.glossary_file, catalogue)
    read_retention(files.retention_file)
    if files.staff_file is not None:
        check_teams(files.staff_file, read_staff(files.staff_file), [team.code for team in teams])
    Base.metadata.create_all(engine)
    add_missing_columns(engine)
    seed_catalogue(engine, catalogue)
    seed_wijkteams(engine, teams)
    return f"{len(catalogue.provisions)} voorzieningen en {len(teams)} wijkteams"


def main() -> int:
    (ROOT / "build").mkdir(exist_ok=True)  # home of the embedded SQLite default
    engine = default_engine()
    try:
        loaded = seed_all(engine)
    except ContentError as error:
        print(f"afgekeurd: {error}", file=sys.stderr)
        return 1
    print(f"geladen: {loaded} in {engine.url!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
