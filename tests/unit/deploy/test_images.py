"""The container images (deploy/Dockerfile), checked without a Docker engine: hadolint finds nothing,
every base image is pinned, both servers run unprivileged with a health check and no secret in
their image, each image carries every module its configuration names, and the action server's
short list of dependencies covers everything it and the jobs import."""

import ast
import importlib.metadata
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement

from bot.settings import ROOT
from tests.unit.deploy.conftest import Check
from tests.unit.deploy.test_chart import SECRET_NAME

FIRST_PARTY = {"actions", "bot", "channels", "components", "stores"}
# An exact version (3.10.13, 20.18.1) in the tag, or a digest.
PINNED = re.compile(r"^[\w./-]+(:[\w.-]*\d+\.\d+\.\d+[\w.-]*)?(@sha256:[0-9a-f]{64})?$")
SERVERS = {"rasa": 5005, "actions": 5055}


@pytest.fixture(scope="module")
def dockerfile(check: Check) -> dict[str, Any]:
    return check("dockerfile")


def stages(dockerfile: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {stage["from"].split(" AS ")[1]: stage for stage in dockerfile["stages"]}


def image_of(stage: dict[str, Any]) -> str:
    return str(stage["from"].split(" AS ")[0])


def lineage(dockerfile: dict[str, Any], name: str) -> Iterator[dict[str, Any]]:
    """The stage and the stages it is built on, nearest first."""
    named = stages(dockerfile)
    while name in named:
        yield named[name]
        name = image_of(named[name])


def instructions(dockerfile: dict[str, Any], name: str, kind: str) -> list[str]:
    return [
        i["value"] for stage in lineage(dockerfile, name) for i in stage["instructions"] if i["instruction"] == kind
    ]


def test_hadolint_finds_nothing(dockerfile: dict[str, Any]) -> None:
    assert dockerfile["hadolint"] == []


def test_every_base_image_is_pinned(dockerfile: dict[str, Any]) -> None:
    named = stages(dockerfile)
    external = [image_of(stage) for stage in named.values() if image_of(stage) not in named]
    assert external, "no base image found"
    for image in external:
        assert PINNED.match(image) and ":" in image and not image.endswith(":latest"), image


def test_the_pinning_rule_refuses_a_loose_tag() -> None:
    assert not PINNED.match("python:3.10-slim") and not PINNED.match("node:latest")
    assert PINNED.match("python:3.10.13-slim-bookworm") and PINNED.match("python:3.10.13@sha256:" + "0" * 64)


@pytest.mark.parametrize("server", SERVERS)
def test_each_server_runs_unprivileged_with_a_health_check(dockerfile: dict[str, Any], server: str) -> None:
    users = instructions(dockerfile, server, "USER")
    assert users, f"{server} runs as root"
    assert users[0].split(":")[0] not in {"0", "root"}  # the last USER of the stage's lineage
    [check] = instructions(dockerfile, server, "HEALTHCHECK")
    assert f"http://127.0.0.1:{SERVERS[server]}/health/ready" in check
    assert "ENTRYPOINT" in {i["instruction"] for i in stages(dockerfile)[server]["instructions"]}


def test_no_image_holds_a_secret(dockerfile: dict[str, Any]) -> None:
    for stage in dockerfile["stages"]:
        for instruction in stage["instructions"]:
            if instruction["instruction"] in {"ENV", "ARG"}:
                names = re.findall(r"(\w+)=", instruction["value"]) or instruction["value"].split()[:1]
                assert not [n for n in names if SECRET_NAME.search(n)], instruction["value"]
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".venv", "models", "build", "web/node_modules"} <= set(ignored)


def copied(dockerfile: dict[str, Any], server: str) -> set[str]:
    """What reaches /app of the server's image, as paths relative to the repository."""
    paths = set()
    for value in instructions(dockerfile, server, "COPY"):
        *sources, target = [part for part in value.split() if not part.startswith("--")]
        if "--from=" in value:
            paths.add(target)
        else:
            paths.update(sources)
    return {path.rstrip("/") for path in paths}


def named_modules(config_file: str) -> set[str]:
    """The first-party packages a configuration file names by dotted path."""
    text = (ROOT / config_file).read_text(encoding="utf-8")
    return {name.split(".")[0] for name in re.findall(r"\b([a-z_]+\.[\w.]+)\b", text)} & FIRST_PARTY


def test_each_image_carries_what_its_configuration_names(dockerfile: dict[str, Any]) -> None:
    rasa = copied(dockerfile, "rasa")
    wanted = set().union(*(named_modules(f) for f in ("credentials.yml", "endpoints.production.yml", "logging.yml")))
    wanted |= {step["name"].split(".")[0] for step in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]}
    assert wanted & FIRST_PARTY <= rasa
    assert {"content", "credentials.yml", "endpoints.production.yml", "logging.yml", "models/wmo.tar.gz"} <= rasa
    assert {"web/index.html", "web/widget.js", "web/site.css", "web/node_modules/rasa-webchat/lib/index.js"} <= rasa
    assert {"actions", "bot", "content", "logging.yml"} <= copied(dockerfile, "actions")


# The action server's image --------------------------------------------------------------------------


def module_file(name: str) -> Path | None:
    for candidate in (ROOT / (name.replace(".", "/") + ".py"), ROOT / name.replace(".", "/") / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def third_party_imports(roots: list[Path]) -> set[str]:
    """Top-level names of everything outside the project and the standard library that these files
    import, following the project's own imports."""
    seen: set[Path] = set()
    found: set[str] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            for name in names:
                top = name.split(".")[0]
                if top in FIRST_PARTY:
                    todo.extend(filter(None, [module_file(name)]))
                elif top not in sys.stdlib_module_names:
                    found.add(top)
    return found


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def top_level_modules(distributions: set[str]) -> set[str]:
    """The modules these installed distributions provide, from their file lists (Python 3.10's
    packages_distributions reads only top_level.txt, which rasa-sdk lacks)."""
    return {
        file.parts[0].removesuffix(".py")
        for name in distributions
        for file in importlib.metadata.distribution(name).files or []
        if len(file.parts) > 1 or file.suffix == ".py"
    }


def installed_with(requirements: Path) -> set[str]:
    """Every distribution the requirements pull in, by its normalised name."""
    todo = [re.split(r"[=<>\[ ;]", line)[0] for line in requirements.read_text().splitlines() if line[:1].isalnum()]
    found: set[str] = set()
    while todo:
        name = normal(todo.pop())
        if name in found:
            continue
        found.add(name)
        for line in importlib.metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return found


def test_the_action_servers_requirements_cover_everything_it_and_the_jobs_import() -> None:
    logging_config = yaml.safe_load((ROOT / "logging.yml").read_text(encoding="utf-8"))
    from_logging = [
        logging_config["filters"]["redact"]["()"],
        *(formatter["()"] for formatter in logging_config["formatters"].values()),
    ]
    roots = [
        *(ROOT / "actions").glob("*.py"),
        ROOT / "bot" / "seed.py",
        ROOT / "bot" / "privacy" / "retention.py",
        *filter(None, (module_file(name.rpartition(".")[0]) for name in from_logging)),
    ]
    imported = third_party_imports(roots)
    assert {"rasa_sdk", "sqlalchemy", "prometheus_client"} <= imported and "rasa" not in imported
    installed = installed_with(ROOT / "requirements-actions.txt")
    assert "tensorflow" not in installed and "rasa" not in installed
    assert imported <= top_level_modules(installed)
