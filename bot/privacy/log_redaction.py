"""A logging filter that takes personal numbers out of every log record before any handler writes
it: Rasa logs user messages and trackers at debug level, and libraries log what they like.
Attached to the handlers in logging.yml, which scripts/serve gives to both servers."""

import logging

from bot.privacy.redact import redact

_FORMATTER = logging.Formatter()


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(_FORMATTER.formatException(record.exc_info))
        return True
