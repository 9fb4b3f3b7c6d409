"""The log filter: personal numbers never reach a log handler, whatever logs them."""

import logging
from collections.abc import Iterator

import pytest

from bot.privacy.log_redaction import RedactingFilter

# The test logger and the formatted records that reached its handler.
Captured = tuple[logging.Logger, list[str]]


@pytest.fixture
def captured() -> Iterator[Captured]:
    records: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Keep()
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield logger, records
    logger.removeHandler(handler)


def test_message_and_arguments_are_redacted(captured: Captured) -> None:
    logger, records = captured
    logger.debug("Received user message '%s'", "mijn bsn is 111222333 en bel 06-12345678")
    logger.info("iban NL91ABNA0417164300 mail a.jansen@example.nl")
    assert "111222333" not in records[0] and "12345678" not in records[0] and "[BSN]" in records[0]
    assert "NL91" not in records[1] and "a.jansen" not in records[1]


def test_exception_text_is_redacted(captured: Captured) -> None:
    logger, records = captured
    try:
        raise ValueError("kon 0612345678 niet verwerken")
    except ValueError:
        logger.exception("fout")
    assert "0612345678" not in records[0] and "[telefoonnummer]" in records[0]


def test_ordinary_records_are_left_alone(captured: Captured) -> None:
    logger, records = captured
    logger.info("triage outcome %s in %d ms", "maatwerk_mogelijk", 123456789)
    assert records == ["triage outcome maatwerk_mogelijk in 123456789 ms"]


def test_medical_details_go_at_every_level(captured: Captured) -> None:
    logger, records = captured
    logger.debug("Received user message 'mijn moeder heeft longkanker en dementie'")
    logger.error("slot %s = %s", "need_text", "na een herseninfarct kan ik niet meer koken")
    assert "kanker" not in records[0] and "dementie" not in records[0] and "[medisch]" in records[0]
    assert "herseninfarct" not in records[1]


def test_quoted_free_text_goes_at_info_and_above(captured: Captured) -> None:
    logger, records = captured
    message = "Received user message 'ik woon alleen en kan niet meer traplopen' for 'action_listen'"
    logger.debug(message)
    logger.info(message)
    assert records[0] == message  # development keeps the text, personal data and medical terms aside
    assert records[1] == "Received user message [tekst] for 'action_listen'"


def test_names_and_addresses_go(captured: Captured) -> None:
    logger, records = captured
    logger.debug("text: Mijn naam is Jan de Vries, ik woon op Dorpsstraat 12, geboren op 3 maart 1944")
    assert records == ["text: Mijn naam is [naam], ik woon op [adres], geboren op [geboortedatum]"]
