"""A logging filter that takes personal data out of every log record before any handler writes it:
Rasa logs user messages and trackers at debug level, and libraries log what they like.
Attached to the handlers in logging.yml, which scripts/serve gives to both servers.

What goes, by level:
- at every level: what bot.privacy.redact takes out of kept text, and medical details
  (bot.privacy.medical), which the stored conversation keeps for the consultant but a log must not;
- at INFO and above (what production logs): also every quoted text with a space in it, which is
  how Rasa, the SDK and Sanic quote a message, a slot value or a request body. A log line then
  still says what happened, not what the resident wrote. DEBUG, for development, keeps the rest
  of the text to make a conversation traceable.
"""

import logging
import re

from bot.privacy.medical import without_medical_details
from bot.privacy.redact import redact

_FORMATTER = logging.Formatter()
# A quoted span on one line; which ones are free text is decided per match (a class that excludes
# the closing quote: linear time).
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")


def _without_free_text(text: str) -> str:
    return _QUOTED.sub(lambda m: "[tekst]" if " " in m.group() else m.group(), text)


def cleaned(text: str, level: int) -> str:
    text = without_medical_details(redact(text))
    return _without_free_text(text) if level >= logging.INFO else text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        kept = cleaned(message, record.levelno)
        if kept != message:
            record.msg, record.args = kept, None
        if record.exc_info and not record.exc_text:
            record.exc_text = cleaned(_FORMATTER.formatException(record.exc_info), record.levelno)
        return True
