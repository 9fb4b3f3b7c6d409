"""The deployment checks' tools run in their own environment (.venv-deploy/, scripts/install):
these fixtures call scripts/check_deploy.py there and hand its findings to the tests."""

import json
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

from bot.settings import ROOT

TOOLS_PYTHON = ROOT / ".venv-deploy" / "bin" / "python"
Check = Callable[..., dict[str, Any]]


def deploy_check(command: str, *arguments: str) -> dict[str, Any]:
    assert TOOLS_PYTHON.exists(), "the deployment checks' tools are missing: run scripts/install"
    run = subprocess.run(
        [str(TOOLS_PYTHON), str(ROOT / "scripts" / "check_deploy.py"), command, *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    return result


@pytest.fixture(scope="session")
def check() -> Check:
    return deploy_check


@pytest.fixture(scope="session")
def chart() -> dict[str, Any]:
    """The chart with its defaults, rendered by Helm and checked against the Kubernetes schemas."""
    return deploy_check("chart")
