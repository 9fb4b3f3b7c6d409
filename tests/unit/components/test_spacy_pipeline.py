"""The Dutch spaCy pipeline built at set-up: installed, lemmatising, and the one config.yml uses."""

import subprocess
import sys

import spacy
import yaml

from bot.settings import ROOT
from scripts.build_spacy_pipeline import PACKAGE, VERSION, installed_version


def test_config_uses_the_pipeline_that_set_up_builds() -> None:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    (spacy_nlp,) = [step for step in config["pipeline"] if step["name"] == "SpacyNLP"]
    assert spacy_nlp["model"] == PACKAGE
    assert installed_version() == VERSION


def test_the_pipeline_gives_dutch_lemmas() -> None:
    nlp = spacy.load(PACKAGE)
    lemmas = {token.text: token.lemma_ for token in nlp("Ze woonde alleen en kon niet meer lopen")}
    assert lemmas["woonde"] == "wonen" and lemmas["kon"] == "kunnen"


def test_the_spacy_command_line_works_despite_the_click_typer_clash() -> None:
    """spaCy 3.4's typer breaks `python -m spacy` with click >= 8.2; requirements.txt pins click."""
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "info", PACKAGE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert PACKAGE in result.stdout
