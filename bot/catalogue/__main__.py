"""`python -m bot.catalogue`: validate the catalogue file and make the database match it."""
import sys

from bot import settings
from bot.catalogue.database import default_engine
from bot.catalogue.loader import CatalogueError, read_catalogue, seed


def main() -> int:
    try:
        catalogue = read_catalogue(settings.CATALOGUE_FILE)
    except CatalogueError as error:
        print(f"catalogus afgekeurd: {error}", file=sys.stderr)
        return 1
    (settings.ROOT / "build").mkdir(exist_ok=True)  # home of the embedded SQLite default
    seed(default_engine(), catalogue)
    print(f"catalogus geladen: {len(catalogue.provisions)} voorzieningen in {default_engine().url!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
