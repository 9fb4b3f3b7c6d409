"""The targets, served once for the whole fuzz suite, and the error log each test must leave empty.
The target sets production's environment while it runs: scoped to this package, so the tests after
it (the live assistant inherits the environment) see the environment as it was."""

import logging
from collections.abc import Iterator

import pytest

from tests.fuzz.target import ErrorLog, Target, running
from tests.live.fake_api import FakeApi


@pytest.fixture(scope="package")
def target(tmp_path_factory: pytest.TempPathFactory, fake_api: FakeApi) -> Iterator[Target]:
    with running(tmp_path_factory.mktemp("fuzz"), fake_api) as served:
        yield served


@pytest.fixture(autouse=True)
def no_errors_logged() -> Iterator[ErrorLog]:
    """Sanic logs an unhandled exception and answers 500; engine.io and the gate log theirs and answer
    nothing. Either is a crash the resident or the staff member would see."""
    errors = ErrorLog()
    logging.getLogger().addHandler(errors)
    yield errors
    logging.getLogger().removeHandler(errors)
    assert errors.lines() == []
