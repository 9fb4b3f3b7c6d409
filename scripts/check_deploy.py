"""Checks the deployment files offline, with real tools (README "Deployment"):

- the Helm chart, rendered by Helm itself (Helm 4's Go SDK through helm-python-sdk), and every
  manifest it renders validated against the Kubernetes API schemas (kubernetes-validate, strict:
  an unknown field is an error) of the oldest and the newest Kubernetes version the chart supports;
- the compose file against the compose-spec JSON schema (check-jsonschema's copy);
- the Dockerfile through hadolint, and its instructions per stage (dockerfile-parse) for the tests.

These tools need a newer jsonschema than Rasa allows, so they live in their own environment,
`.venv-deploy/`, which scripts/install makes from requirements-deploy.txt. Run it there:

    .venv-deploy/bin/python scripts/check_deploy.py            # everything, a summary, exit 1 on a fault
    .venv-deploy/bin/python scripts/check_deploy.py chart '{"rasa": {"api": {"enabled": true}}}'

`chart`, `compose` and `dockerfile` print JSON for tests/unit/deploy.
"""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate
import yaml
from dockerfile_parse import DockerfileParser

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "deploy" / "helm" / "wmo-assistent"
COMPOSE = ROOT / "deploy" / "compose" / "compose.yml"
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
TOOLS = Path(sys.executable).parent
# The chart's kubeVersion floor and the newest Kubernetes kubernetes-validate knows.
KUBERNETES_VERSIONS = ("1.25.0", "1.37.0")
# What a test render needs besides the defaults: nothing, the defaults must render.
RELEASE, NAMESPACE = "wmo", "gemeente"


def render(values: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Kubernetes object the chart renders with these values, hooks included."""
    with helm.Chart.load(str(CHART)) as chart:
        files = chart.render(values, name=RELEASE, namespace=NAMESPACE)
    return [
        document
        for name, text in sorted(files.items())
        if name.endswith(".yaml")
        for document in yaml.safe_load_all(text)
        if document
    ]


def schema_errors(manifest: dict[str, Any]) -> list[str]:
    errors = []
    for version in KUBERNETES_VERSIONS:
        try:
            kubernetes_validate.validate(manifest, version, strict=True)
        except kubernetes_validate.ValidationError as error:
            path = "/".join(str(part) for part in error.path)
            errors.append(
                f"Kubernetes {version}: {manifest['kind']} {manifest['metadata']['name']}: {path}: {error.message}"
            )
    return errors


def check_chart(values: dict[str, Any]) -> dict[str, Any]:
    lint = helm.lint(str(CHART), values=values)
    manifests = render(values)
    return {
        "manifests": manifests,
        "lint_errors": [message["error"] for message in lint["messages"] if message["severity"] > 1],
        "schema_errors": [error for manifest in manifests for error in schema_errors(manifest)],
    }


def check_compose(path: Path = COMPOSE) -> dict[str, Any]:
    run = subprocess.run(
        [
            str(TOOLS / "check-jsonschema"),
            "--builtin-schema",
            "vendor.compose-spec",
            "--output-format",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stdout)
    return {
        "errors": [f"{e['path']}: {e['message']}" for e in report.get("errors", [])] + report.get("parse_errors", [])
    }


def check_dockerfile(path: Path = DOCKERFILE) -> dict[str, Any]:
    run = subprocess.run(
        [str(TOOLS / "hadolint"), "--format", "json", str(path)], capture_output=True, text=True, check=False
    )
    stages: list[dict[str, Any]] = []
    for instruction in DockerfileParser(path=str(path)).structure:
        if instruction["instruction"] == "FROM":
            stages.append({"from": instruction["value"], "instructions": []})
        elif stages and instruction["instruction"] != "COMMENT":
            stages[-1]["instructions"].append(
                {"instruction": instruction["instruction"], "value": instruction["value"]}
            )
    return {"hadolint": json.loads(run.stdout or "[]"), "stages": stages}


def summary() -> int:
    chart = check_chart({})
    compose = check_compose()
    dockerfile = check_dockerfile()
    faults = [*chart["lint_errors"], *chart["schema_errors"], *compose["errors"]]
    faults += [f"Dockerfile line {f['line']}: {f['code']} {f['message']}" for f in dockerfile["hadolint"]]
    print(
        f"chart: {len(chart['manifests'])} manifests, rendered by Helm {helm.helm_sdk_version()}, "
        f"against Kubernetes {' and '.join(KUBERNETES_VERSIONS)}"
    )
    print(f"compose: {COMPOSE.relative_to(ROOT)} against the compose-spec schema")
    print(f"Dockerfile: {len(dockerfile['stages'])} stages through hadolint")
    for fault in faults:
        print(f"  {fault}")
    print("no faults" if not faults else f"{len(faults)} faults")
    return 1 if faults else 0


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "all"
    if command == "all":
        return summary()
    if command == "chart":
        result = check_chart(json.loads(sys.argv[2]) if len(sys.argv) > 2 else {})
    elif command == "compose":
        result = check_compose(Path(sys.argv[2]) if len(sys.argv) > 2 else COMPOSE)
    elif command == "dockerfile":
        result = check_dockerfile(Path(sys.argv[2]) if len(sys.argv) > 2 else DOCKERFILE)
    else:
        raise SystemExit(f"unknown command {command}: all, chart, compose or dockerfile")
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
