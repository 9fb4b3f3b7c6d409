"""The demo municipal page in Debian's headless Chromium, driven with Playwright
(web/browser_check.mjs): a resident asks a question in the rasa-webchat widget, gets the catalogue
answer, clicks a button, reloads, and still sees the whole conversation."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from bot.settings import ROOT
from tests.live.assistant_process import Assistant

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def visit(assistant: Assistant) -> dict[str, Any]:
    if not CHROMIUM.exists() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("the browser test needs node and Debian's chromium (scripts/test installs it)")
        pytest.skip("no chromium or node on this machine")
    done = subprocess.run(
        ["node", "browser_check.mjs", assistant.url], cwd=ROOT / "web", capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_question_gets_the_catalogue_answer_and_the_button_its_answer(visit: dict[str, Any]) -> None:
    said = "\n".join(visit["before"])
    assert visit["before"][0].startswith("Hallo! Ik ben de digitale assistent")
    assert "Scootmobiel (maatwerkvoorziening" in said
    assert "abonnementstarief" in said  # the answer to the clicked button, about the scootmobiel
    assert visit["sentBefore"] == ["Wat is een scootmobiel?", "Wat kost het?"]


def test_the_conversation_survives_a_reload(visit: dict[str, Any], assistant: Assistant) -> None:
    assert visit["sessionId"] and visit["sessionIdAfter"] == visit["sessionId"]
    assert visit["after"] == visit["before"] and visit["sentAfter"] == visit["sentBefore"]
    events = assistant.tracker(visit["sessionId"])["events"]
    said = [e["text"] for e in events if e["event"] == "user"]
    assert said == ["/greet", "Wat is een scootmobiel?", "/own_contribution"]


def test_the_widget_can_be_used_with_a_keyboard_and_a_screen_reader(visit: dict[str, Any]) -> None:
    # The launcher and the message field were found by their Dutch accessible names.
    assert visit["labels"] == {"log": "log", "live": "polite", "send": "Verstuur uw bericht", "lang": "nl"}
    assert visit["choiceTabIndex"] == "0"
    assert visit["choiceFocusOutline"] == "solid 3px"  # focus is visible


def test_every_text_in_the_widget_has_aa_contrast(visit: dict[str, Any]) -> None:
    # Title, both message bubbles, the buttons, the field and its placeholder (WCAG 1.4.3: 4.5:1).
    assert len(visit["contrast"]) == 6
    assert {part: ratio for part, ratio in visit["contrast"].items() if not ratio or ratio < 4.5} == {}


def test_the_page_talks_to_no_one_else(visit: dict[str, Any]) -> None:
    assert visit["thirdParty"] == []
    assert visit["failed"] == [] and visit["consoleErrors"] == []
