"""The compose file of the whole production stack: valid against the compose-spec schema, only the
TLS proxy open to the world, the action server reachable from the Rasa server alone, every secret
from the environment, and the proxy passing on only what residents, platforms and staff use."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.access import is_public
from bot.settings import ROOT
from tests.unit.deploy.conftest import Check
from tests.unit.deploy.test_chart import INSIDE, RESIDENTS_AND_STAFF, SECRET_NAME

FOLDER = ROOT / "deploy" / "compose"
STACK = {"proxy", "rasa", "actions", "seed", "retention", "postgres", "redis", "rabbitmq"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((FOLDER / "compose.yml").read_text(encoding="utf-8"))
    return loaded


def test_the_compose_file_is_valid_against_the_compose_spec(check: Check) -> None:
    assert check("compose") == {"errors": []}


def test_a_broken_compose_file_is_refused(check: Check, tmp_path: Path) -> None:
    broken = tmp_path / "compose.yml"
    broken.write_text("services:\n  rasa:\n    image: wmo\n    ports: {openbaar: 5005}\n    herstart: altijd\n")
    errors = check("compose", str(broken))["errors"]
    assert any("ports" in error for error in errors) and any("herstart" in error for error in errors)


def test_the_stack_is_complete(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == STACK
    assert compose["services"]["rasa"]["build"]["target"] == "rasa"
    assert compose["services"]["actions"]["build"]["target"] == "actions"


def test_only_the_proxy_publishes_ports(compose: dict[str, Any]) -> None:
    published = {name for name, service in compose["services"].items() if "ports" in service}
    assert published == {"proxy"}
    assert compose["services"]["proxy"]["networks"] == ["edge"]


def test_only_the_rasa_server_shares_a_network_with_the_action_server(compose: dict[str, Any]) -> None:
    services, networks = compose["services"], compose["networks"]
    beside_actions = {
        name
        for name, service in services.items()
        for network in service.get("networks", [])
        if network in services["actions"]["networks"] and network != "data"
    }
    assert beside_actions == {"rasa", "actions"}
    assert all(networks[n].get("internal") for n in services["actions"]["networks"])
    stores = {"postgres", "redis", "rabbitmq"}
    assert all(services[name]["networks"] == ["data"] for name in stores)


def test_the_servers_wait_for_the_seed_but_rasa_not_for_a_healthy_action_server(compose: dict[str, Any]) -> None:
    rasa = compose["services"]["rasa"]["depends_on"]
    assert rasa["seed"] == {"condition": "service_completed_successfully"}
    assert rasa["actions"] == {"condition": "service_started"}
    assert compose["services"]["seed"]["entrypoint"] == ["python", "-m", "bot.seed"]
    assert compose["services"]["retention"]["entrypoint"] == ["python", "-m", "bot.privacy.retention"]


def test_every_secret_comes_from_the_environment(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for variable, value in (service.get("environment") or {}).items():
            if SECRET_NAME.search(variable):
                assert re.search(r"\$\{\w+(:[?-][^}]*)?\}", str(value)), (name, variable)
    assert not (FOLDER / ".env").exists() or ".env" in (ROOT / ".gitignore").read_text()


def test_the_rasa_server_gets_every_variable_its_production_endpoints_read(compose: dict[str, Any]) -> None:
    endpoints = (ROOT / "endpoints.production.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"\$\{(\w+)\}", endpoints)) <= set(compose["services"]["rasa"]["environment"])


def test_the_proxy_passes_on_only_what_residents_platforms_and_staff_use() -> None:
    config = (FOLDER / "nginx.conf").read_text(encoding="utf-8")
    proxied = set(re.findall(r"location (\S+) \{\s*proxy_pass", config))
    assert proxied == RESIDENTS_AND_STAFF
    assert all(is_public(path) for path in proxied)
    for path in INSIDE:
        assert not any(path.startswith(p) for p in proxied), path
    assert "return 404" in config.split("location / {")[-1]
