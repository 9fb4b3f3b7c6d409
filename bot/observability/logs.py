"""The log format of both servers, chosen by WMO_LOG_FORMAT: `plain` lines for a terminal (default) or
one JSON object a line (`json`) for a log collector.

The JSON line holds a fixed set of fields: time, level, logger, message and the exception. Extra
attributes a library attaches to a record (Sanic's request line, for one) are left out, because the
redacting filter on every handler (bot/privacy/log_redaction.py) cleans the message and the
exception, not them. The formatter runs after that filter, so what it writes is already clean.
"""

import json
import logging
from datetime import datetime, timezone

from bot.settings import settings

PLAIN = "%(asctime)s %(levelname)-8s %(name)s - %(message)s"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # The filter put the cleaned traceback here; the raw one (exc_info) is never written.
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


def formatter() -> logging.Formatter:
    """The formatter logging.yml names: JSON when WMO_LOG_FORMAT=json, plain lines otherwise."""
    return JsonFormatter() if settings().log_format == "json" else logging.Formatter(PLAIN)
