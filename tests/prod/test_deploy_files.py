"""The deployment files, checked offline (no Docker engine, no cluster):

- deploy/docker-compose.yml against the Compose Specification's JSON schema (vendored from
  docker-compose 1.29.2, Apache-2.0: tests/prod/schemas/), plus the topology it must have;
- deploy/k8s/*.yaml against the Kubernetes 1.30 OpenAPI schemas in strict mode (unknown fields
  fail) with `kubernetes-validate`, which ships the schemas inside its wheel;
- the nginx template renders for every deployment with no ${VAR} left over, and the local
  profile's rendering passes `nginx -t` when nginx is installed.

Not marked `prod`: it starts nothing and takes about a second.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import jsonschema
import kubernetes_validate.utils as kv
import pytest
import yaml

from tests.prod.profile import ACCEPT_BACKLOG
from tests.servers import ROOT
from tests.system_packages import require_program

DEPLOY = ROOT / "deploy"
TEMPLATE = ROOT / "scripts" / "prod" / "nginx.conf.template"
SCHEMAS = Path(__file__).parent / "schemas"
K8S_VERSION = "1.30.0"
SECRET_NAMES = (
    "RASA_AUTH_TOKEN",
    "POSTGRES_PASSWORD",
    "REDIS_PASSWORD",
    "REVIEW_SECRET_KEY",
    "WEB_SESSION_SECRET",
)


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def k8s_documents() -> list[tuple[str, dict]]:
    out = []
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        out += [(path.name, doc) for doc in yaml.safe_load_all(path.read_text()) if doc]
    return out


def render(template: str, env: dict[str, str]) -> str:
    """What envsubst (and the nginx image's templating) does with a defined-variables list."""
    return re.sub(r"\$\{([A-Z_]+)\}", lambda m: env.get(m.group(1), m.group(0)), template)


def test_compose_file_matches_the_compose_specification() -> None:
    schema = json.loads((SCHEMAS / "compose-spec.json").read_text())
    jsonschema.Draft201909Validator(schema).validate(compose())


def test_the_validators_catch_mistakes() -> None:
    schema = json.loads((SCHEMAS / "compose-spec.json").read_text())
    broken = compose()
    broken["services"]["redis"]["healthcheck"]["retry"] = 3
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft201909Validator(schema).validate(broken)
    doc = next(d for _, d in k8s_documents() if d["kind"] == "Deployment")
    doc["spec"]["template"]["spec"]["containers"][0]["imagePullPolice"] = "Always"
    with pytest.raises(jsonschema.ValidationError):
        kv.validate(doc, K8S_VERSION, strict=True)


def test_compose_topology() -> None:
    services = compose()["services"]
    assert {
        "postgres",
        "redis",
        "knowledge",
        "actions",
        "rasa-1",
        "rasa-2",
        "nginx",
        "web",
        "review",
    } <= set(services)
    # Only nginx is public; the review app only on the host's loopback.
    published = {name for name, s in services.items() if s.get("ports")}
    assert published == {"nginx", "review"}
    assert all(p.startswith("127.0.0.1:") for p in services["review"]["ports"])
    for name in ("rasa-1", "rasa-2"):
        env = services[name]["environment"]
        assert env["REDIS_HOST"] == "redis" and env["POSTGRES_HOST"] == "postgres"
        assert int(env["SANIC_BACKLOG"]) >= ACCEPT_BACKLOG
    # Every template variable is given to the nginx container.
    env = services["nginx"]["environment"]
    needed = set(re.findall(r"\$\{([A-Z_]+)\}", TEMPLATE.read_text())) - {"UPPERCASE"}
    assert needed <= set(env), needed - set(env)


def test_no_secret_value_in_the_deploy_files() -> None:
    text = (DEPLOY / "docker-compose.yml").read_text()
    for name in SECRET_NAMES:
        # Compose takes each secret from its own environment, never a literal.
        for value in re.findall(rf"\b{name}: (.+)", text):
            assert value.startswith("${" + name), f"{name}: {value}"
    for name, doc in k8s_documents():
        for container in _containers(doc):
            for item in container.get("env", []):
                if item["name"] in SECRET_NAMES:
                    assert "valueFrom" in item, f"{name}: {item['name']} must come from a Secret"
        assert doc["kind"] != "Secret", f"{name}: secrets are created outside these files"


def _containers(doc: dict) -> list[dict]:
    spec = doc.get("spec", {})
    template = spec.get("template", {}).get("spec") or spec.get("jobTemplate", {}).get("spec", {})
    return list(template.get("containers", []))


@pytest.mark.parametrize(
    "name,doc", k8s_documents(), ids=lambda v: v if isinstance(v, str) else v.get("kind")
)
def test_kubernetes_manifests_match_the_schemas(name: str, doc: dict) -> None:
    kv.validate(doc, K8S_VERSION, strict=True)


def test_kubernetes_topology() -> None:
    docs = {(doc["kind"], doc["metadata"]["name"]): doc for _, doc in k8s_documents()}
    assert docs[("Deployment", "rasa")]["spec"]["replicas"] >= 2
    assert docs[("Deployment", "actions")]["spec"]["replicas"] >= 2
    assert docs[("Service", "rasa")]["spec"]["clusterIP"] == "None"
    rasa_env = {
        e["name"]: e.get("value") for e in _containers(docs[("Deployment", "rasa")])[0]["env"]
    }
    assert int(rasa_env["SANIC_BACKLOG"]) >= ACCEPT_BACKLOG
    kustomization = yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    assert listed == {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {"kustomization.yaml"}
    # The nginx container gets every template variable.
    env = {e["name"] for e in _containers(docs[("Deployment", "nginx")])[0]["env"]}
    needed = set(re.findall(r"\$\{([A-Z_]+)\}", TEMPLATE.read_text())) - {"UPPERCASE"}
    assert needed <= env, needed - env


def test_kustomization_renders() -> None:
    kubectl = require_program("kubectl", "kubernetes-client")
    rendered = subprocess.run(
        [kubectl, "kustomize", str(DEPLOY / "k8s")], capture_output=True, text=True, timeout=60
    )
    assert rendered.returncode == 0, rendered.stderr
    assert len([d for d in yaml.safe_load_all(rendered.stdout) if d]) == len(k8s_documents())


@pytest.mark.parametrize("where", ["compose", "kubernetes"])
def test_nginx_template_renders_completely(where: str) -> None:
    if where == "compose":
        env = {k: str(v) for k, v in compose()["services"]["nginx"]["environment"].items()}
    else:
        docs = {(doc["kind"], doc["metadata"]["name"]): doc for _, doc in k8s_documents()}
        env = {e["name"]: e["value"] for e in _containers(docs[("Deployment", "nginx")])[0]["env"]}
    rendered = render(TEMPLATE.read_text(), env)
    body = "\n".join(line for line in rendered.splitlines() if not line.lstrip().startswith("#"))
    assert "${" not in body


def test_local_nginx_config_is_valid(tmp_path: Path) -> None:
    nginx = require_program("nginx", "nginx")
    env = {
        "NGINX_USER_LINE": "",
        "NGINX_WORKERS": "1",
        "PROD_DIR": str(tmp_path),
        "PUBLIC_LISTEN": "127.0.0.1:1",
        "INTERNAL_LISTEN": "127.0.0.1:2",
        "RATE_LIMIT": "2r/s",
        "RATE_BURST": "10",
        "ADDRESS_RATE_LIMIT": "20r/s",
        "ADDRESS_RATE_BURST": "100",
        "RATE_LIMIT_EXEMPT_LINES": "        127.0.0.1/32 0;",
        "ACTION_TIMEOUT": "10",
        "WEB_UPSTREAM": "127.0.0.1:3",
        "RESOLVER_LINE": "",
        "REAL_IP_LINES": "",
        "RASA_UPSTREAM_SERVERS": "        server 127.0.0.1:4;\n        server 127.0.0.1:5;",
        "ACTIONS_UPSTREAM_SERVERS": "        server 127.0.0.1:6;",
    }
    for sub in ("logs", "nginx/tmp"):
        (tmp_path / sub).mkdir(parents=True)
    conf = tmp_path / "nginx" / "nginx.conf"
    conf.write_text(render(TEMPLATE.read_text(), env))
    result = subprocess.run(
        [
            nginx,
            "-t",
            "-q",
            "-p",
            str(tmp_path / "nginx"),
            "-c",
            str(conf),
            "-e",
            str(tmp_path / "logs" / "e.log"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr
