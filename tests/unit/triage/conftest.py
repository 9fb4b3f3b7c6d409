"""The typed-answer table's size per question, in the test report."""

import pytest

from tests.unit.triage.test_typed_answers import counts


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    table = counts()
    per_question = ", ".join(f"{question} {count}" for question, count in sorted(table.items()))
    terminalreporter.write_line(f"typed answers: {sum(table.values())} ({per_question})")
