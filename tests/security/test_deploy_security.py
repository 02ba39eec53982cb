"""Deployment security, checked offline (issue 14, item 9 and the nginx part of item 11):

- Kubernetes NetworkPolicies deny every connection in and out by default and allow exactly the
  topology's paths, worked out connection by connection from the manifests' own labels and ports;
- the LoadBalancer Service keeps client addresses (externalTrafficPolicy: Local) and nginx believes
  X-Forwarded-For only from the configured proxies (real_ip), so per-address limits see clients;
- a real nginx with the template: the per-address limit counts each client behind a trusted proxy
  and cannot be escaped by a forged header, the page server's history route (/api/) is limited,
  and the access log carries no sender id.
"""

from __future__ import annotations

import collections
import functools
import itertools
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.prod.test_deploy_files import TEMPLATE, compose, render
from tests.prod.test_deploy_files import k8s_documents as read_k8s_documents
from tests.servers import ROOT, free_port
from tests.system_packages import require_program

EXTERNAL = "outside the namespace"
DNS = "kube-dns"
INGRESS_CONTROLLER = "ingress controller"
OUTSIDERS = (EXTERNAL, INGRESS_CONTROLLER, DNS)
# Every connection the topology makes (source, destination, port), and no other.
TOPOLOGY = {
    *((outsider, "nginx", 8000) for outsider in OUTSIDERS),  # the public port, to anyone
    ("nginx", "rasa", 5005),
    ("nginx", "actions", 5055),
    ("nginx", "web", 8080),
    ("rasa", "nginx", 5150),  # the action server, through nginx-internal
    ("web", "nginx", 5150),  # Rasa's HTTP API (GET), through nginx-internal
    ("rasa", "postgres", 5432),
    ("rasa", "redis", 6379),
    ("actions", "postgres", 5432),
    ("review", "postgres", 5432),
    ("knowledge-load", "postgres", 5432),
    (INGRESS_CONTROLLER, "review", 8090),
}


@functools.cache  # parsed once: the checks below ask about every pair of workloads
def k8s_documents() -> list[tuple[str, dict]]:
    return read_k8s_documents()


def workloads() -> dict[str, tuple[dict[str, str], set[int]]]:
    """Each workload's pod labels and container ports."""
    found = {}
    for _, doc in k8s_documents():
        if doc["kind"] in ("Deployment", "StatefulSet", "Job"):
            pod = doc["spec"]["template"]
            ports = {
                port["containerPort"]
                for container in pod["spec"]["containers"]
                for port in container.get("ports", [])
            }
            found[doc["metadata"]["name"]] = (pod["metadata"]["labels"], ports)
    return found


def policies() -> list[dict]:
    return [doc for _, doc in k8s_documents() if doc["kind"] == "NetworkPolicy"]


def selects(selector: dict, labels: dict[str, str]) -> bool:
    assert set(selector) <= {"matchLabels"}, "only matchLabels is used (and understood here)"
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def peer_matches(peer: dict, name: str, labels: dict[str, str] | None) -> bool:
    """A policy peer against a pod of this namespace (labels) or one outside it (labels None)."""
    assert "ipBlock" not in peer, "no ipBlock: peers are named by labels"
    if "namespaceSelector" in peer:  # only other namespaces are named this way here
        namespace = peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
        return (
            labels is None
            and {
                "kube-system": DNS,
                "ingress-nginx": INGRESS_CONTROLLER,
            }.get(namespace)
            == name
        )
    return labels is not None and selects(peer["podSelector"], labels)


def rule_allows(rule: dict, key: str, name: str, labels, port: int) -> bool:
    peers = rule.get(key)
    ports = rule.get("ports")
    peer_ok = peers is None or any(peer_matches(p, name, labels) for p in peers)
    port_ok = ports is None or any(p["port"] == port for p in ports)
    return peer_ok and port_ok


def allowed(source: str, destination: str, port: int) -> bool:
    """Kubernetes' semantics: a connection needs the source's egress and the destination's
    ingress; a pod selected by no policy of a direction is open in that direction."""
    pods = workloads()
    source_labels = pods[source][0] if source in pods else None
    destination_labels = pods[destination][0] if destination in pods else None

    def direction(kind: str, own, peer_name: str, peer_labels, rules_key: str, peer_key: str):
        if own is None:
            return True  # outside the namespace: not governed by these policies
        governing = [
            p
            for p in policies()
            if kind in p["spec"]["policyTypes"] and selects(p["spec"]["podSelector"], own)
        ]
        if not governing:
            return True
        return any(
            rule_allows(rule, peer_key, peer_name, peer_labels, port)
            for p in governing
            for rule in p["spec"].get(rules_key, [])
        )

    return direction(
        "Egress", source_labels, destination, destination_labels, "egress", "to"
    ) and direction("Ingress", destination_labels, source, source_labels, "ingress", "from")


def test_every_pod_is_denied_by_default_both_ways() -> None:
    pods = workloads()
    for name, (labels, _) in pods.items():
        for kind in ("Ingress", "Egress"):
            assert any(
                kind in p["spec"]["policyTypes"] and selects(p["spec"]["podSelector"], labels)
                for p in policies()
            ), f"{name}: no {kind} policy selects it, so it is open"
    default = [p for p in policies() if p["spec"]["podSelector"] == {}]
    assert any(set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"} for p in default)


def test_network_policies_allow_exactly_the_topology() -> None:
    pods = workloads()
    names = [*pods, *OUTSIDERS]
    ports = sorted({port for _, (_, own) in pods.items() for port in own} | {53})
    opened = {
        (source, destination, port)
        for source, destination in itertools.permutations(names, 2)
        if source in pods or destination in pods
        for port in ports
        if allowed(source, destination, port)
    }
    dns = {(name, DNS, 53) for name in pods}
    assert opened - dns == TOPOLOGY
    assert dns <= opened, "every pod resolves names"
    for _source, destination, port in TOPOLOGY:
        if destination in pods:
            assert port in pods[destination][1], f"{destination} has no port {port}"


def test_the_action_server_is_reachable_from_nginx_only() -> None:
    pods = workloads()
    reaching = {s for s in [*pods, EXTERNAL] if s != "actions" and allowed(s, "actions", 5055)}
    assert reaching == {"nginx"}


def test_the_rasa_servers_get_the_page_servers_secret_from_the_same_source() -> None:
    """Rasa's socket.io channel checks the chat page's session keys with the page server's
    secret (WEB_SESSION_SECRET): every Rasa server gets it from where the page server does, in
    its environment, never on a command line."""
    services = compose()["services"]
    page = services["web"]["environment"]["WEB_SESSION_SECRET"]
    assert page.startswith("${WEB_SESSION_SECRET:?")
    rasa_services = [name for name in services if name.startswith("rasa")]
    assert len(rasa_services) >= 2
    for name in rasa_services:
        assert services[name]["environment"]["WEB_SESSION_SECRET"] == page, name
        assert "WEB_SESSION_SECRET" not in str(services[name].get("command", "")), name

    def k8s_secret(deployment: str) -> dict:
        docs = {(doc["kind"], doc["metadata"]["name"]): doc for _, doc in k8s_documents()}
        (container,) = docs[("Deployment", deployment)]["spec"]["template"]["spec"]["containers"]
        assert "WEB_SESSION_SECRET" not in str(container.get("command", "")), deployment
        (item,) = [e for e in container["env"] if e["name"] == "WEB_SESSION_SECRET"]
        return item["valueFrom"]["secretKeyRef"]

    assert (
        k8s_secret("rasa")
        == k8s_secret("web")
        == {
            "name": "backbone-secrets",
            "key": "WEB_SESSION_SECRET",
        }
    )

    # The local profile: generated (or taken from the environment) and exported with the other
    # secrets before the page server and the Rasa servers start; on no command line.
    up = (ROOT / "scripts" / "prod" / "up.sh").read_text().splitlines()
    secrets_loop = next(i for i, line in enumerate(up) if line.startswith("for name in RASA_AUTH"))
    assert "WEB_SESSION_SECRET" in up[secrets_loop].replace(";", " ").split()
    assert any(line.strip() == 'export "$name=$saved"' for line in up[secrets_loop:][:20])
    starts = [i for i, line in enumerate(up) if "-m bot_extensions.serve" in line]
    starts += [i for i, line in enumerate(up) if "-m backcare.web" in line]
    assert len(starts) == 2 and all(start > secrets_loop for start in starts)
    for line in up:
        assert not ("WEB_SESSION_SECRET" in line and ("-m " in line or "unset" in line)), line


def _k8s_nginx_env() -> dict[str, str]:
    docs = {(doc["kind"], doc["metadata"]["name"]): doc for _, doc in k8s_documents()}
    container = docs[("Deployment", "nginx")]["spec"]["template"]["spec"]["containers"][0]
    return {e["name"]: e["value"] for e in container["env"]}


def test_the_load_balancer_keeps_client_addresses_and_nginx_uses_real_ip() -> None:
    docs = {(doc["kind"], doc["metadata"]["name"]): doc for _, doc in k8s_documents()}
    service = docs[("Service", "nginx")]["spec"]
    assert service["type"] == "LoadBalancer"
    assert service["externalTrafficPolicy"] == "Local"
    rendered = render(TEMPLATE.read_text(), _k8s_nginx_env())
    assert re.search(r"^\s*set_real_ip_from \S+;", rendered, re.M)
    assert re.search(r"^\s*real_ip_header X-Forwarded-For;", rendered, re.M)
    # No blanket exemption: every client address is counted.
    assert _k8s_nginx_env()["RATE_LIMIT_EXEMPT_LINES"].strip() == ""


# ---- a real nginx with the template ------------------------------------------------------------

TRUSTED_PROXY = "127.0.0.1"
ADDRESS_BURST = 3


@pytest.fixture
def nginx(tmp_path: Path):
    """nginx from the template, as behind a load balancer at 127.0.0.1 (real_ip); Rasa and the
    page server are not running, so a request nginx lets through gets 502, a limited one 429."""
    binary = require_program("nginx", "nginx")
    port = free_port()
    for sub in ("logs", "nginx/tmp"):
        (tmp_path / sub).mkdir(parents=True)
    env = {
        "NGINX_USER_LINE": "user root;" if os.geteuid() == 0 else "",
        "NGINX_WORKERS": "1",
        "PROD_DIR": str(tmp_path),
        "PUBLIC_LISTEN": f"127.0.0.1:{port}",
        "INTERNAL_LISTEN": f"127.0.0.1:{free_port()}",
        "RATE_LIMIT": "100r/s",
        "RATE_BURST": "100",
        "ADDRESS_RATE_LIMIT": "1r/m",
        "ADDRESS_RATE_BURST": str(ADDRESS_BURST),
        "RATE_LIMIT_EXEMPT_LINES": "",
        "ACTION_TIMEOUT": "2",
        "WEB_UPSTREAM": f"127.0.0.1:{free_port()}",
        "RESOLVER_LINE": "",
        "RASA_UPSTREAM_SERVERS": f"        server 127.0.0.1:{free_port()};",
        "ACTIONS_UPSTREAM_SERVERS": f"        server 127.0.0.1:{free_port()};",
        "REAL_IP_LINES": (
            f"    set_real_ip_from {TRUSTED_PROXY}/32;\n"
            "    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;"
        ),
    }
    conf = tmp_path / "nginx" / "nginx.conf"
    conf.write_text(render(TEMPLATE.read_text(), env))
    command = [binary, "-p", str(tmp_path / "nginx"), "-c", str(conf)]
    command += ["-e", str(tmp_path / "logs" / "nginx-error.log")]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    subprocess.run(command, check=True, timeout=30)
    pid_file = tmp_path / "nginx" / "nginx.pid"
    try:
        deadline = time.monotonic() + 10
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", tmp_path / "logs"
    finally:
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGQUIT)


def _statuses(url: str, local: str, forwarded: str | None, count: int, path: str, **kw):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    transport = httpx.HTTPTransport(local_address=local)
    with httpx.Client(transport=transport, timeout=10) as client:
        return collections.Counter(
            (client.post if path.startswith("/webhooks") else client.get)(
                url + path, headers=headers, **kw
            ).status_code
            for _ in range(count)
        )


MESSAGE = {"json": {"sender": "s1", "message": "hi"}}


def test_the_per_address_limit_sees_each_client_behind_the_trusted_proxy(nginx) -> None:
    url, _ = nginx
    webhook = "/webhooks/rest/webhook"
    # One client behind the load balancer spends its burst...
    first = _statuses(url, TRUSTED_PROXY, "198.51.100.1", ADDRESS_BURST + 4, webhook, **MESSAGE)
    assert first[429] >= 3, first
    # ...and another client behind the same load balancer is not refused for it.
    second = _statuses(url, TRUSTED_PROXY, "198.51.100.2", 1, webhook, **MESSAGE)
    assert second[429] == 0, "two clients behind the load balancer share one bucket"


def test_a_client_that_is_not_the_proxy_cannot_forge_its_address(nginx) -> None:
    url, _ = nginx
    webhook = "/webhooks/rest/webhook"
    forged = collections.Counter()
    for index in range(ADDRESS_BURST + 4):
        forged += _statuses(url, "127.0.0.9", f"203.0.113.{index}", 1, webhook, **MESSAGE)
    assert forged[429] >= 3, f"a forged X-Forwarded-For escaped the limit: {forged}"


def test_the_history_route_is_rate_limited(nginx) -> None:
    url, _ = nginx
    started = time.monotonic()
    statuses = _statuses(url, "127.0.0.7", None, 60, "/api/conversations/guessed-id")
    # At most the burst (20) and 5 a second of the time taken pass; the rest get 429.
    passed_at_most = 20 + 5 * (time.monotonic() - started) + 2
    assert statuses[429] > 0 and 60 - statuses[429] <= passed_at_most, statuses


def test_the_access_log_has_no_sender_id(nginx) -> None:
    url, logs = nginx
    _statuses(url, "127.0.0.8", None, 2, "/api/conversations/secret-sender-42")
    _statuses(url, "127.0.0.8", None, 1, "/api/conversations/secret-sender-42/state")
    _statuses(url, "127.0.0.8", None, 1, "/socket.io/?EIO=4&transport=polling&sid=secret-sid")
    deadline = time.monotonic() + 10  # the log is buffered (flush=2s)
    access = logs / "nginx-access.log"
    while time.monotonic() < deadline and access.read_text().count("\n") < 4:
        time.sleep(0.2)
    text = access.read_text()
    assert text.count("/api/conversations/-") == 3, text
    assert "secret-sender-42" not in text and "secret-sid" not in text
