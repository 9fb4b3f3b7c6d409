"""Every path, URL and secret the assistant reads, from the environment, with defaults for a local run.

Content files default to `content/` and each can point elsewhere (`WMO_CATALOGUE_FILE`, ...), so a
municipality keeps its own files outside the repository. Read once per process: `settings()`.
"""

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseSettings, Field, validator

ROOT = Path(__file__).resolve().parent.parent

# Where each content file lives under the content folder unless its own variable says otherwise.
CONTENT_FILES = {
    "catalogue_file": "catalogue.yml",
    "municipality_file": "municipality.yml",
    "wijkteams_file": "wijkteams.csv",
    "crisis_file": "crisis.yml",
    "intent_labels_file": "intent_labels.yml",
    "glossary_file": "glossary.yml",
    "needs_file": "triage/needs.yml",
    "questions_file": "triage/questions.yml",
    "outcomes_file": "triage/outcomes.yml",
}


class Settings(BaseSettings):
    content_dir: Path = ROOT / "content"
    catalogue_file: Path = Path()
    municipality_file: Path = Path()
    wijkteams_file: Path = Path()
    crisis_file: Path = Path()
    intent_labels_file: Path = Path()
    glossary_file: Path = Path()
    needs_file: Path = Path()
    questions_file: Path = Path()
    outcomes_file: Path = Path()
    # The embedded default is SQLite under build/; production sets a PostgreSQL URL.
    database_url: str = Field(f"sqlite:///{ROOT / 'build' / 'wmo.db'}", env="DATABASE_URL")
    # Staff accounts (bot/staff); without a file nobody can log in to the console.
    staff_file: Path | None = None
    # Keeps console sessions valid across restarts and instances; without it each process makes a key.
    console_secret: str | None = None

    class Config:
        env_prefix = "WMO_"
        allow_mutation = False

    @validator(*CONTENT_FILES, always=True)
    def _under_content_dir(cls, value: Path, values: dict[str, Any], field: Any) -> Path:
        if value == Path():
            return Path(values["content_dir"]) / CONTENT_FILES[field.name]
        return value

    @validator("database_url", "staff_file", "console_secret", pre=True)
    def _empty_is_unset(cls, value: Any, field: Any) -> Any:
        """An empty variable counts as not set, as a shell's `VAR=` means."""
        return field.default if value == "" else value


@cache
def settings() -> Settings:
    return Settings()
