"""The Helm chart, rendered by Helm itself and validated against the Kubernetes API schemas: what it
opens to the world, who reaches the action server, how pods are probed, sized, scaled and
secured, and that every secret comes from the Secret, never from values.yaml."""

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from bot.access import is_public
from bot.settings import ROOT
from tests.unit.deploy.conftest import Check

Manifest = dict[str, Any]
CHART = ROOT / "deploy" / "helm" / "wmo-assistent"
# What the ingress may pass on: the website and its widget, the messaging webhooks, the staff console.
RESIDENTS_AND_STAFF = {"/chat", "/socket.io/", "/webhooks/whatsapp/", "/webhooks/twilio/", "/medewerkers"}
# What must stay inside: Rasa's HTTP API and REST channel, the operators' endpoints.
INSIDE = ["/", "/conversations/x/tracker", "/model", "/status", "/webhooks/rest/webhook", "/health", "/metrics"]
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSWORD|DATABASE_URL|ACCOUNT_SID")
EVERY_OPTION = {
    "rasa": {"api": {"enabled": True}},
    "secrets": {"existingSecret": "wmo-geheimen", "staffAccountsSecret": "wmo-medewerkers"},
    "images": {"rasa": {"digest": "sha256:" + "a" * 64}},
    "networkPolicy": {"extraActionServerPeers": [{"namespaceSelector": {"matchLabels": {"naam": "monitoring"}}}]},
}


def of_kind(chart: dict[str, Any], kind: str) -> list[Manifest]:
    return [m for m in chart["manifests"] if m["kind"] == kind]


def named(chart: dict[str, Any], kind: str, suffix: str) -> Manifest:
    [manifest] = [m for m in of_kind(chart, kind) if m["metadata"]["name"].endswith(suffix)]
    return manifest


def pod_specs(chart: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for manifest in chart["manifests"]:
        spec = manifest["spec"]
        if manifest["kind"] == "CronJob":
            spec = spec["jobTemplate"]["spec"]
        if "template" in spec:
            yield manifest["metadata"]["name"], spec["template"]["spec"]


def container(chart: dict[str, Any], deployment: str) -> dict[str, Any]:
    [only] = named(chart, "Deployment", deployment)["spec"]["template"]["spec"]["containers"]
    return only


def env_names(container: dict[str, Any]) -> set[str]:
    return {variable["name"] for variable in container["env"]}


def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


def test_the_chart_renders_and_every_manifest_is_valid_kubernetes(chart: dict[str, Any]) -> None:
    assert chart["lint_errors"] == []
    assert chart["schema_errors"] == []
    kinds = sorted(m["kind"] for m in chart["manifests"])
    assert kinds == sorted(
        ["Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"] * 2
        + ["NetworkPolicy", "Ingress", "Job", "CronJob"]
    )


def test_every_option_renders_valid_kubernetes_too(check: Check) -> None:
    chart = check("chart", json.dumps(EVERY_OPTION))
    assert chart["lint_errors"] == [] and chart["schema_errors"] == []
    rasa = container(chart, "-rasa")
    assert rasa["args"] == ["--enable-api"]
    assert rasa["image"] == "registry.example/wmo-assistent-rasa@sha256:" + "a" * 64
    assert {"name": "WMO_STAFF_FILE", "value": "/etc/wmo/staff/staff.yml"} in rasa["env"]


def test_a_wrong_value_is_caught_by_the_schemas(check: Check) -> None:
    chart = check("chart", json.dumps({"rasa": {"autoscaling": {"minReplicas": "twee"}}}))
    assert any("HorizontalPodAutoscaler" in error and "minReplicas" in error for error in chart["schema_errors"])


def test_the_ingress_passes_on_only_what_residents_platforms_and_staff_use(chart: dict[str, Any]) -> None:
    [ingress] = of_kind(chart, "Ingress")
    [rule] = ingress["spec"]["rules"]
    paths = rule["http"]["paths"]
    assert {p["path"] for p in paths} == RESIDENTS_AND_STAFF
    assert {p["backend"]["service"]["name"] for p in paths} == {named(chart, "Service", "-rasa")["metadata"]["name"]}
    assert all(p["pathType"] == "Prefix" for p in paths)
    for path in INSIDE:
        assert not any(path.startswith(p["path"]) for p in paths), path
    # What passes is what the Rasa server itself treats as public.
    assert all(is_public(p["path"]) for p in paths)
    assert ingress["spec"]["tls"][0]["hosts"] == [rule["host"]]


def test_only_the_rasa_pods_reach_the_action_server(chart: dict[str, Any]) -> None:
    [policy] = of_kind(chart, "NetworkPolicy")
    actions_pods = named(chart, "Deployment", "-actions")["spec"]["template"]["metadata"]["labels"]
    rasa_pods = named(chart, "Deployment", "-rasa")["spec"]["template"]["metadata"]["labels"]
    assert selects(policy["spec"]["podSelector"]["matchLabels"], actions_pods)
    assert not selects(policy["spec"]["podSelector"]["matchLabels"], rasa_pods)
    assert policy["spec"]["policyTypes"] == ["Ingress"]
    [rule] = policy["spec"]["ingress"]
    [peer] = rule["from"]
    assert list(peer) == ["podSelector"]
    assert selects(peer["podSelector"]["matchLabels"], rasa_pods)
    assert not selects(peer["podSelector"]["matchLabels"], actions_pods)
    assert rule["ports"] == [{"port": "http", "protocol": "TCP"}]


def test_both_servers_are_probed_sized_and_scaled(chart: dict[str, Any]) -> None:
    rasa, actions = container(chart, "-rasa"), container(chart, "-actions")
    assert rasa["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert rasa["startupProbe"]["httpGet"]["path"] == "/health/ready"
    assert rasa["livenessProbe"]["httpGet"]["path"] == "/"
    assert actions["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert actions["livenessProbe"]["httpGet"]["path"] == "/health"
    assert rasa["resources"]["requests"]["memory"] == "1300Mi" and rasa["resources"]["limits"]["memory"] == "1700Mi"
    for server in (rasa, actions):
        assert set(server["resources"]) == {"requests", "limits"}
        assert {"cpu", "memory"} <= set(server["resources"]["requests"])
    scaled = {hpa["spec"]["scaleTargetRef"]["name"] for hpa in of_kind(chart, "HorizontalPodAutoscaler")}
    assert scaled == {d["metadata"]["name"] for d in of_kind(chart, "Deployment")}
    # The autoscaler owns the replica count; a fixed one would fight it on every upgrade.
    assert all("replicas" not in d["spec"] for d in of_kind(chart, "Deployment"))


def test_the_rasa_server_gets_every_variable_its_production_endpoints_read(chart: dict[str, Any]) -> None:
    endpoints = (ROOT / "endpoints.production.yml").read_text(encoding="utf-8")
    assert set(re.findall(r"\$\{(\w+)\}", endpoints)) <= env_names(container(chart, "-rasa"))
    action_url = next(v["value"] for v in container(chart, "-rasa")["env"] if v["name"] == "ACTION_SERVER_URL")
    assert action_url == f"http://{named(chart, 'Service', '-actions')['metadata']['name']}:5055/webhook"


def test_every_secret_comes_from_the_secret(chart: dict[str, Any]) -> None:
    for name, spec in pod_specs(chart):
        for each in spec["containers"]:
            for variable in each.get("env", []):
                if SECRET_NAME.search(variable["name"]):
                    assert "value" not in variable, (name, variable["name"])
                    assert "secretKeyRef" in variable["valueFrom"], (name, variable["name"])
    # The action server holds no channel secret and no tracker store password.
    assert env_names(container(chart, "-actions")) == {
        "DATABASE_URL",
        "WMO_LOG_FORMAT",
        "ACTION_SERVER_TOKEN",
        "WMO_METRICS_TOKEN",
    }


def values_leaves(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from values_leaves(value, f"{path}.{key}")
    else:
        yield path, node


def test_values_yaml_holds_no_secret() -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text(encoding="utf-8"))
    for path, value in values_leaves(values):
        if re.search(r"token|secret|password|key", path, re.IGNORECASE) and "Secret" not in path:
            assert not value, path
    assert values["secrets"] == {"existingSecret": "", "staffAccountsSecret": ""}


def test_every_pod_runs_unprivileged_on_a_read_only_image(chart: dict[str, Any]) -> None:
    specs = dict(pod_specs(chart))
    assert len(specs) == 4  # two servers, the seed job, the retention job
    for name, spec in specs.items():
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert spec["securityContext"]["runAsUser"] != 0, name
        assert spec["automountServiceAccountToken"] is False, name
        for each in spec["containers"]:
            assert each["securityContext"]["readOnlyRootFilesystem"] is True, name
            assert each["securityContext"]["allowPrivilegeEscalation"] is False, name
            assert each["securityContext"]["capabilities"]["drop"] == ["ALL"], name


@pytest.mark.parametrize(
    ("kind", "command"),
    [("Job", ["python", "-m", "bot.seed"]), ("CronJob", ["python", "-m", "bot.privacy.retention"])],
)
def test_the_seed_and_retention_jobs_run_on_the_action_servers_image(
    chart: dict[str, Any], kind: str, command: list[str]
) -> None:
    [job] = of_kind(chart, kind)
    spec = job["spec"]["jobTemplate"]["spec"] if kind == "CronJob" else job["spec"]
    [only] = spec["template"]["spec"]["containers"]
    assert only["command"] == command
    assert only["image"] == container(chart, "-actions")["image"]


def test_the_catalogue_is_seeded_before_a_release_starts(chart: dict[str, Any]) -> None:
    [seed] = of_kind(chart, "Job")
    assert seed["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    [retention] = of_kind(chart, "CronJob")
    assert retention["spec"]["schedule"] == "15 3 * * *"
    assert retention["spec"]["concurrencyPolicy"] == "Forbid"
