"""Logs as JSON for a collector (WMO_LOG_FORMAT=json), configured as both servers configure them
(logging.yml): one object a line with a fixed set of fields, and still without personal data,
also in a traceback and in the extra attributes a library attaches."""

import io
import json
import logging
import logging.config
from collections.abc import Iterator

import pytest
import yaml

from bot.settings import ROOT, settings


@pytest.fixture
def logged(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[logging.Logger, io.StringIO]]:
    """A logger with the servers' configuration in JSON, writing to a buffer."""
    monkeypatch.setenv("WMO_LOG_FORMAT", "json")
    settings.cache_clear()
    config = yaml.safe_load((ROOT / "logging.yml").read_text(encoding="utf-8"))
    config["handlers"]["console"]["stream"] = buffer = io.StringIO()
    config["loggers"] = {"wmo.test": {"handlers": ["console"], "propagate": False, "level": "INFO"}}
    config["root"] = {"level": "WARNING", "handlers": []}
    logging.config.dictConfig(config)
    yield logging.getLogger("wmo.test"), buffer
    settings.cache_clear()
    logging.getLogger("wmo.test").handlers.clear()


def lines(buffer: io.StringIO) -> list[dict[str, str]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_a_log_line_is_one_json_object_with_fixed_fields(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, buffer = logged
    logger.info("handoff recorded: %s", "chat", extra={"request": "POST /webhooks/rest/webhook?bsn=111222333"})
    [line] = lines(buffer)
    assert set(line) == {"time", "level", "logger", "message"}
    assert line["level"] == "INFO" and line["logger"] == "wmo.test" and line["message"] == "handoff recorded: chat"
    assert line["time"].endswith("+00:00")
    assert "111222333" not in buffer.getvalue()


def test_personal_data_stays_out_of_json_logs_also_in_a_traceback(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, buffer = logged
    logger.warning("bericht van 06-12345678 met bsn 111222333")
    try:
        raise ValueError("onverwacht: a.jansen@example.nl")
    except ValueError:
        logger.exception("actie mislukt")
    first, second = lines(buffer)
    assert "06-12345678" not in first["message"] and "111222333" not in first["message"]
    assert second["exception"].startswith("Traceback") and "ValueError" in second["exception"]
    assert "a.jansen@example.nl" not in buffer.getvalue()


def test_plain_lines_remain_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WMO_LOG_FORMAT", raising=False)
    settings.cache_clear()
    from bot.observability.logs import JsonFormatter, formatter

    assert not isinstance(formatter(), JsonFormatter)
    settings.cache_clear()
