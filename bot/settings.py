"""Every path, URL and secret the assistant reads, from the environment, with defaults for a local run.

Content files default to `content/` and each can point elsewhere (`WMO_CATALOGUE_FILE`, ...), so a
municipality keeps its own files outside the repository. Read once per process: `settings()`.
"""

from functools import cache
from pathlib import Path
from typing import Any, Literal

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
    "retention_file": "retention.yml",
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
    retention_file: Path = Path()
    # The embedded default is SQLite under build/; production sets a PostgreSQL URL.
    database_url: str = Field(f"sqlite:///{ROOT / 'build' / 'wmo.db'}", env="DATABASE_URL")
    # Staff accounts (bot/staff); without a file nobody can log in to the console.
    staff_file: Path | None = None
    # Opens Rasa's HTTP API (off without it) and the action server, as `Authorization: Bearer` tokens.
    api_token: str | None = Field(None, env="RASA_API_TOKEN")
    action_token: str | None = Field(None, env="ACTION_SERVER_TOKEN")
    # Signs the website's conversation ids (share it between instances); the sites that may embed the chat.
    web_session_secret: str | None = None
    web_origins: str | None = None
    # Rasa's REST channel without a token: for the local run and tests, never in production.
    open_rest: bool = False
    # Opens /metrics on both servers to Prometheus, as an `Authorization: Bearer` token; closed without it.
    metrics_token: str | None = None
    # How both servers write logs: plain lines, or one JSON object a line for a log collector.
    log_format: Literal["plain", "json"] = "plain"
    # Rate limits (bot/rate_limits): "N/second|minute|hour|day, ..." or "off". A resident typing fast
    # sends a few messages a minute; one address can be a library, an office or a care home.
    rate_limit_sender: str = "30/minute, 300/hour"
    rate_limit_address: str = "120/minute, 2000/hour"
    # Counts in memory when there is no Redis: at most this many keys (about 0.35 kB each, 17 MB in all).
    rate_limit_memory_keys: int = Field(50_000, ge=1)
    # The counts in Redis, shared by every instance: this URL, or else the production Redis (the lock
    # store's REDIS_HOST and REDIS_PORT), db 0, keys wmo:rate:*.
    rate_limit_redis_url: str | None = None
    redis_host: str | None = Field(None, env="REDIS_HOST")
    redis_port: int = Field(6379, env="REDIS_PORT")
    # Proxies whose X-Forwarded-For is believed: addresses or networks, comma-separated.
    trusted_proxies: str | None = None

    class Config:
        env_prefix = "WMO_"
        allow_mutation = False

    @validator(*CONTENT_FILES, always=True)
    def _under_content_dir(cls, value: Path, values: dict[str, Any], field: Any) -> Path:
        if value == Path():
            return Path(values["content_dir"]) / CONTENT_FILES[field.name]
        return value

    @validator(
        "database_url",
        "staff_file",
        "api_token",
        "action_token",
        "web_session_secret",
        "web_origins",
        "metrics_token",
        "rate_limit_redis_url",
        "redis_host",
        "redis_port",
        "trusted_proxies",
        pre=True,
    )
    def _empty_is_unset(cls, value: Any, field: Any) -> Any:
        """An empty variable counts as not set, as a shell's `VAR=` means."""
        return field.default if value == "" else value

    @property
    def rate_limit_redis(self) -> str | None:
        if self.rate_limit_redis_url:
            return self.rate_limit_redis_url
        return f"redis://{self.redis_host}:{self.redis_port}/0" if self.redis_host else None


@cache
def settings() -> Settings:
    return Settings()
