"""The conversation tests (tests/conversations) on the trained model, as Rasa runs them."""

import re
from pathlib import Path

from tests.helpers import rasa


def test_conversation_stories_pass_without_prediction_errors(model_path: Path, tmp_path: Path) -> None:
    """--e2e makes Rasa parse each user text; without it the story's own intent label is trusted."""
    result = rasa(
        "test",
        "core",
        "--e2e",
        "--model",
        str(model_path),
        "--stories",
        "tests/conversations",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    stories = re.search(r"Correct:\s+(\d+) / (\d+)", output)
    assert stories and stories.group(1) == stories.group(2) and int(stories.group(2)) >= 30
