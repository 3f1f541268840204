"""deploy/kubernetes: every manifest is valid against the Kubernetes API schemas (offline, the
schemas bundled with ``kubernetes-validate``), and says what the issue asks for: cookie
affinity and long websocket timeouts on the Ingress, health probes, a locked-down security
context with writable emptyDirs where Streamlit writes, one process per pod, resources, an
HPA on CPU and a PodDisruptionBudget — all pointing at the same pods."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "deploy" / "kubernetes"
MANIFESTS = sorted(p for p in BASE.glob("*.yaml") if p.name != "kustomization.yaml")
#: The oldest Kubernetes the schemas bundle (HPA autoscaling/v2 and PDB policy/v1 are GA
#: there), and the newest.
VERSIONS = ("1.25.0", kubernetes_validate.latest_version())


def _load(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _by_kind() -> dict[str, dict[str, Any]]:
    resources = [doc for path in MANIFESTS for doc in _load(path)]
    kinds = {doc["kind"]: doc for doc in resources}
    assert len(kinds) == len(resources), "one resource of each kind"
    return kinds


def test_the_base_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((BASE / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == [p.name for p in MANIFESTS]
    assert set(_by_kind()) == {
        "Deployment",
        "Service",
        "Ingress",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
    }


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_each_manifest_is_valid_against_the_api_schema(path: Path, version: str) -> None:
    for doc in _load(path):
        kubernetes_validate.validate(doc, version, strict=True)  # raises on any error


def test_an_invalid_manifest_is_caught() -> None:
    """The validation above can fail: a misspelt field is rejected."""
    deployment = _by_kind()["Deployment"]
    broken = {**deployment, "spec": {**deployment["spec"], "replica": 2}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)


def _pod(kinds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return kinds["Deployment"]["spec"]["template"]


def _container(kinds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    (container,) = _pod(kinds)["spec"]["containers"]
    return container


def test_the_ingress_keeps_a_student_on_one_pod_and_its_websocket_open() -> None:
    kinds = _by_kind()
    ingress = kinds["Ingress"]
    notes = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert ingress["spec"]["ingressClassName"] == "nginx"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "affinity-mode"] == "persistent"
    assert notes[prefix + "session-cookie-name"]
    assert notes[prefix + "session-cookie-path"] == "/"
    assert int(notes[prefix + "session-cookie-max-age"]) >= 4 * 3600  # a long lecture
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[prefix + timeout]) >= 3600
    (rule,) = ingress["spec"]["rules"]
    (path,) = rule["http"]["paths"]
    assert path["path"] == "/"
    backend = path["backend"]["service"]
    service = kinds["Service"]
    assert backend["name"] == service["metadata"]["name"]
    assert backend["port"]["name"] in {port["name"] for port in service["spec"]["ports"]}


def test_every_selector_picks_the_deployment_s_pods() -> None:
    kinds = _by_kind()
    labels = _pod(kinds)["metadata"]["labels"]
    selectors = [
        kinds["Deployment"]["spec"]["selector"]["matchLabels"],
        kinds["Service"]["spec"]["selector"],
        kinds["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"],
    ]
    for selector in selectors:
        assert selector.items() <= labels.items()
        assert selector.get("app.kubernetes.io/name") == "softlse"  # not any app's pods
    target = kinds["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == (
        "Deployment",
        kinds["Deployment"]["metadata"]["name"],
    )


def test_probes_ask_streamlit_s_health_endpoints_on_the_served_port() -> None:
    container = _container(_by_kind())
    (port,) = container["ports"]
    env = {item["name"]: item.get("value") for item in container["env"]}
    assert port["containerPort"] == int(env["STREAMLIT_SERVER_PORT"]) == 8501
    for probe in ("readinessProbe", "livenessProbe"):
        check = container[probe]["httpGet"]
        assert check["path"] == "/_stcore/health"
        assert check["port"] == port["name"]
    # The startup probe runs the app once (warming the pod up) and needs its endpoint enabled.
    startup = container["startupProbe"]
    assert startup["httpGet"] == {"path": "/_stcore/script-health-check", "port": port["name"]}
    assert env["STREAMLIT_SERVER_SCRIPT_HEALTH_CHECK_ENABLED"] == "true"
    assert startup["timeoutSeconds"] >= 10
    # A pod stops getting students well before it would be restarted.
    ready, live = container["readinessProbe"], container["livenessProbe"]
    # A busy pod is neither unready nor dead: a process with a full class answered its health
    # check in up to 7.5 s (README); serve_class.sh's HAProxy gives each worker 10 s too.
    assert ready["timeoutSeconds"] >= 10
    assert live["timeoutSeconds"] >= 10
    assert ready["periodSeconds"] * ready["failureThreshold"] < (
        live["periodSeconds"] * live["failureThreshold"]
    )


def test_the_pod_runs_locked_down_with_writable_scratch_only() -> None:
    kinds = _by_kind()
    pod = _pod(kinds)["spec"]
    container = _container(kinds)
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    dockerfile = (ROOT / "Dockerfile").read_text()
    uid = re.search(r"useradd .*--uid (\d+)", dockerfile, re.S)
    assert uid
    assert pod["securityContext"]["runAsUser"] == int(uid[1])
    assert pod["automountServiceAccountToken"] is False
    context = container["securityContext"]
    assert context["allowPrivilegeEscalation"] is False
    assert context["readOnlyRootFilesystem"] is True
    assert context["capabilities"] == {"drop": ["ALL"]}
    # Streamlit writes under HOME (~/.streamlit) and /tmp: both are emptyDirs.
    env = {item["name"]: item.get("value") for item in container["env"]}
    mounts = {mount["mountPath"]: mount["name"] for mount in container["volumeMounts"]}
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    for path in (env["HOME"], "/tmp"):  # noqa: S108 (a mount path, not a file opened here)
        assert "emptyDir" in volumes[mounts[path]], path


def test_one_streamlit_process_per_pod_with_resources_and_pinned_hosts() -> None:
    kinds = _by_kind()
    container = _container(kinds)
    env = {item["name"]: item.get("value") for item in container["env"]}
    assert "SOFTLSE_WORKERS" not in env  # the image then runs streamlit itself, no balancer
    assert "command" not in container  # the image's entrypoint
    resources = container["resources"]
    for kind in ("cpu", "memory"):
        assert resources["requests"][kind]
        assert resources["limits"][kind]
    # The names students use are the Ingress's hosts, and only those.
    hosts = {rule["host"] for rule in kinds["Ingress"]["spec"]["rules"]}
    assert set(env["STREAMLIT_SERVER_ALLOWED_HOSTS"].split()) == hosts
    metric = kinds["HorizontalPodAutoscaler"]["spec"]["metrics"][0]["resource"]
    assert metric["name"] == "cpu"
    assert 0 < metric["target"]["averageUtilization"] <= 100
    pdb = kinds["PodDisruptionBudget"]["spec"]
    assert pdb.get("maxUnavailable") == 1 or pdb.get("minAvailable")
    assert kinds["HorizontalPodAutoscaler"]["spec"]["minReplicas"] >= 2  # a PDB needs a spare


def test_the_autoscaler_alone_sets_the_pod_count_and_keeps_pods_through_a_lecture() -> None:
    """A Deployment's ``replicas`` beside an HPA resets the pod count on every
    ``kubectl apply -k`` (the autoscaled pods go, with their students' sessions): the HPA's
    ``minReplicas`` is the only floor. Scaling in ends sessions, so it waits for the longest
    window the API allows (an hour) of lower load, a lecture's quiet stretch included."""
    kinds = _by_kind()
    assert "replicas" not in kinds["Deployment"]["spec"]
    hpa = kinds["HorizontalPodAutoscaler"]["spec"]
    assert 2 <= hpa["minReplicas"] <= hpa["maxReplicas"]
    scale_down = hpa["behavior"]["scaleDown"]
    assert scale_down["stabilizationWindowSeconds"] == 3600
    assert all(policy["value"] == 1 for policy in scale_down["policies"])  # one pod at a time


def test_kubectl_kustomize_renders_the_base() -> None:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.skip("kubectl is not installed (Debian: apt-get install kubernetes-client)")
    done = subprocess.run(
        [kubectl, "kustomize", str(BASE)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    rendered = [doc for doc in yaml.safe_load_all(done.stdout) if doc]
    assert sorted(doc["kind"] for doc in rendered) == sorted(_by_kind())
    for doc in rendered:
        kubernetes_validate.validate(doc, VERSIONS[-1], strict=True)
        assert doc["metadata"]["labels"]["app.kubernetes.io/name"] == "softlse"
    (deployment,) = [doc for doc in rendered if doc["kind"] == "Deployment"]
    assert "replicas" not in deployment["spec"]  # the HPA's to set
