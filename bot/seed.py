"""`python -m bot.seed`: validate the municipality's data files and make the database match them.

Creates every table (catalogue, wijkteams, intake summaries, handoffs, WhatsApp message ids) and
refills the catalogue and the wijkteams; a broken file is refused with its place and reason, and
the database is left as it was.
"""
import sys

from sqlalchemy.engine import Engine

# handoff and whatsapp register their tables (and the intakes') with Base.
from bot import handoff, settings, whatsapp  # noqa: F401
from bot.catalogue.loader import CatalogueError, read_catalogue, seed
from bot.database import Base, default_engine
from bot.wijkteams import WijkteamsError, read_wijkteams, seed_wijkteams


def seed_all(engine: Engine) -> str:
    """Reads and validates every file, then fills the database; returns what was loaded."""
    catalogue = read_catalogue(settings.CATALOGUE_FILE)
    teams = read_wijkteams(settings.WIJKTEAMS_FILE)
    Base.metadata.create_all(engine)
    seed(engine, catalogue)
    seed_wijkteams(engine, teams)
    return f"{len(catalogue.provisions)} voorzieningen en {len(teams)} wijkteams"


def main() -> int:
    (settings.ROOT / "build").mkdir(exist_ok=True)  # home of the embedded SQLite default
    engine = default_engine()
    try:
        loaded = seed_all(engine)
    except (CatalogueError, WijkteamsError) as error:
        print(f"afgekeurd: {error}", file=sys.stderr)
        return 1
    print(f"geladen: {loaded} in {engine.url!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
