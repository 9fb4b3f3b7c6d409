"""Paths and environment settings, read once per process."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
CATALOGUE_FILE = Path(os.environ.get("WMO_CATALOGUE_FILE", DATA_DIR / "catalogue" / "provisions.yml"))
MUNICIPALITY_FILE = Path(os.environ.get("WMO_MUNICIPALITY_FILE", DATA_DIR / "municipality.yml"))
WIJKTEAMS_FILE = Path(os.environ.get("WMO_WIJKTEAMS_FILE", DATA_DIR / "wijkteams.csv"))
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'build' / 'wmo.db'}"


def database_url() -> str:
    """`DATABASE_URL` selects the database; SQLite under build/ is the embedded default."""
    return os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
