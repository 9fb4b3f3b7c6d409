"""Every class the configuration files name by its dotted path exists: Rasa and the logging system
import them only when the servers start, so a moved module would fail there first."""

import importlib
from typing import Any

import pytest
import yaml

from bot.privacy.log_redaction import RedactingFilter
from bot.settings import ROOT


def load(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def imported(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def named_classes() -> list[str]:
    config, endpoints, production = load("config.yml"), load("endpoints.yml"), load("endpoints.production.yml")
    steps = [*config["pipeline"], *config["policies"], *config["importers"]]
    return [
        *(step["name"] for step in steps if "." in step["name"]),
        *(channel for channel in load("credentials.yml") if "." in channel),
        endpoints["tracker_store"]["type"],
        production["tracker_store"]["type"],
        production["event_broker"]["type"],
        load("logging.yml")["filters"]["redact"]["()"],
    ]


@pytest.mark.parametrize("path", named_classes())
def test_each_class_a_configuration_file_names_can_be_imported(path: str) -> None:
    assert isinstance(imported(path), type)


def test_every_log_handler_of_both_servers_redacts() -> None:
    logging = load("logging.yml")
    assert imported(logging["filters"]["redact"]["()"]) is RedactingFilter
    assert all("redact" in handler["filters"] for handler in logging["handlers"].values())
