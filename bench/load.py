"""Load benchmarks on the REST channel (the load client itself is bench/loadgen/client.py).

Runs in the app environment (httpx). Commands:

  load.py run --url URL [--api-url URL] [--people 32] [--conversations 64] [--pace-ms 0]
      closed loop against a running server or the production profile's nginx port
  load.py open-loop --url URL --rate 80 [--duration 60] [--think 2] [--api-url URL]
      open loop: conversations arriving as a Poisson stream, each with its own script
  load.py turn-cost --url URL [--pairs 3]
      one client: turn 71-80 over turn 2-11 of conversations, interleaved
  load.py capacity [--prod-dir var/prod] [--rates 80 100] [--baseline-rates 40]
      against a running `make up-prod`, in one run: turn cost, the open-loop rates through
      nginx, RSS and cold start; then Rasa's default bot (`rasa init`, var/bench/rasa-init)
      on one fresh plain Rasa server at the same and the baseline rates
  load.py profile [--prod-dir var/prod]
      the closed-loop measurements (one client, 32 people paced and saturated)
  load.py compare [--prod-dir var/prod]
      closed loop, side by side: this project's model and a baseline trained with Rasa's
      default config.yml on the same data (trains the baseline first if it is missing)
  load.py flood [--prod-dir var/prod]
      against a running `make up-prod`: six people's p95 without and with one sender's flood
  load.py train-baseline
      train only that baseline model (var/bench/models/)

Secrets (RASA_AUTH_TOKEN) come from the environment, else from <prod-dir>/secrets.env, which
`scripts/prod/up.sh` writes when it generates them.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: bench/ is not a package on the path
    sys.path.insert(0, str(ROOT))

from bench.loadgen.client import (  # noqa: E402
    RunResult,
    count_lost,
    run_load,
    run_open_loop,
    turn_cost,
)
from bench.loadgen.flood import p95_ms as flood_p95_ms  # noqa: E402
from bench.loadgen.flood import scenario as flood_scenario  # noqa: E402

BENCH = ROOT / "var" / "bench"
RASA = ROOT / "scripts" / "rasa"  # Rasa with the project's patches
PLAIN_RASA = ROOT / ".venv" / "bot" / "bin" / "rasa"
RASA_INIT_DIR = BENCH / "rasa-init"

DEFAULT_POLICIES = [
    # Rasa 3.6's own default policies (rasa/engine/recipes/config_files/default_config.yml).
    {"name": "MemoizationPolicy"},
    {"name": "RulePolicy"},
    {"name": "UnexpecTEDIntentPolicy", "max_history": 5, "epochs": 100},
    {"name": "TEDPolicy", "max_history": 5, "epochs": 100, "constrain_similarities": True},
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                key, _, value = line.partition("=")
                values[key.removeprefix("export ").strip()] = shlex.split(value)[0] if value else ""
    return values


def stack_env(prod_dir: Path) -> dict[str, str]:
    """The running profile's settings (stack.env) and secrets (environment first)."""
    env = read_env_file(prod_dir / "stack.env")
    if not env:
        raise SystemExit(f"error: no running production profile in {prod_dir}: run make up-prod")
    secrets = read_env_file(prod_dir / "secrets.env")
    for key, value in secrets.items():
        env[key] = os.environ.get(key) or value
    for key in ("RASA_AUTH_TOKEN", "POSTGRES_PASSWORD", "REDIS_PASSWORD"):
        if os.environ.get(key):
            env[key] = os.environ[key]
    return env


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def baseline_config() -> dict[str, Any]:
    config = yaml.safe_load((ROOT / "bench" / "nlu_pipelines" / "rasa-default.yml").read_text())
    config["policies"] = DEFAULT_POLICIES
    config["assistant_id"] = "backbone-baseline-rasa-default"
    return config


def baseline_model() -> Path:
    """Train (once per input hash) Rasa's default config on this project's domain and data."""
    config = baseline_config()
    text = yaml.safe_dump(config, sort_keys=False)
    data_hash = subprocess.check_output([ROOT / "scripts" / "model_hash.sh"], text=True).strip()
    name = f"baseline-{data_hash}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"
    model = BENCH / "models" / f"{name}.tar.gz"
    if model.exists():
        return model
    (BENCH / "models").mkdir(parents=True, exist_ok=True)
    config_path = BENCH / "baseline-config.yml"
    config_path.write_text(
        "# Generated by bench/load.py: rasa-default.yml + Rasa's default policies\n" + text
    )
    print(
        f"training the baseline {model.name} (Rasa's default config, same domain and data)...",
        flush=True,
    )
    start = time.perf_counter()
    subprocess.run(
        [
            str(RASA),
            "train",
            "--config",
            str(config_path),
            "--domain",
            "domain",
            "--data",
            "data",
            "--out",
            str(BENCH / "models"),
            "--fixed-model-name",
            name,
        ],
        cwd=ROOT,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    print(f"baseline trained in {time.perf_counter() - start:.0f} s", flush=True)
    return model


def project_model() -> Path:
    return (
        ROOT / subprocess.check_output([ROOT / "scripts" / "current_model.sh"], text=True).strip()
    )


class RasaServer:
    """One Rasa server on a free port with the production endpoints (the running profile's
    PostgreSQL, Redis and action server)."""

    def __init__(
        self,
        model: Path,
        env: dict[str, str],
        log: Path,
        *,
        plain_rasa: bool = False,
        cwd: Path = ROOT,
        endpoints: Path | None = ROOT / "scripts" / "prod" / "endpoints.prod.yml",
    ) -> None:
        self.port = free_port()
        self.model = model
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT), "SANIC_WORKERS": "1"}
        self.log = log
        self.popen: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        # Rasa's default bot runs on Rasa as installed, without this project's patches.
        self.rasa = PLAIN_RASA if plain_rasa else RASA
        self.cwd = cwd
        self.endpoints = endpoints

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        # The project's Rasa (scripts/rasa run: bot_extensions/serve.py) takes the token from
        # the environment, never argv; Rasa's default bot runs as installed, API on loopback.
        command = [
            str(self.rasa),
            "run",
            *(["--enable-api"] if self.rasa == PLAIN_RASA else []),
            "-i",
            "127.0.0.1",
            "-p",
            str(self.port),
            "--model",
            str(self.model),
        ]
        if self.endpoints is not None:
            command += [
                "--endpoints",
                str(self.endpoints),
                "--credentials",
                str(ROOT / "credentials.yml"),
            ]
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(
            command,
            cwd=self.cwd,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_first_answer(self, seconds: float = 300) -> float:
        """Seconds from launch to the first answered message on the REST channel."""
        deadline = time.monotonic() + seconds
        sender = f"coldstart-{uuid.uuid4().hex[:12]}"
        while time.monotonic() < deadline:
            assert self.popen is not None
            if self.popen.poll() is not None:
                raise RuntimeError(f"Rasa exited; see {self.log}")
            try:
                response = httpx.post(
                    self.url + "/webhooks/rest/webhook",
                    json={"sender": sender, "message": "hi"},
                    timeout=10,
                )
                if response.status_code == 200 and response.json():
                    return time.perf_counter() - self.started
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        raise TimeoutError(f"no answer from {self.url} within {seconds} s; see {self.log}")

    def rss_mb(self) -> float:
        assert self.popen is not None
        return rss_mb(self.popen.pid)

    def stop(self) -> None:
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)


def table(results: list[RunResult]) -> str:
    rows = [
        "| run | people | messages | msg/s | p50 ms | p95 ms | p99 ms | errors | lost |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        s = r.summary()
        rows.append(
            f"| {s['label']} | {s['people']} | {s['messages']} | {s['throughput_msg_s']} | "
            f"{s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['errors']} | {s['lost']} |"
        )
    return "\n".join(rows)


async def measure(
    url: str,
    api_url: str,
    token: str | None,
    label: str,
    single: int,
    concurrent: int,
    people: int,
    pace_ms: int,
) -> list[RunResult]:
    # Warm-up: first messages pay for lazy initialisation in TensorFlow, scikit-learn and the
    # pools, on every Rasa server behind nginx (four conversations left one server cold).
    await run_load(url, people=4, conversations=16, label="warm-up")
    one = await run_load(url, people=1, conversations=single, label=f"{label}: 1 client")
    paced = await run_load(
        url,
        people=people,
        conversations=concurrent,
        pace_s=pace_ms / 1000,
        label=f"{label}: {people} people, a message every {pace_ms} ms each",
    )
    saturated = await run_load(
        url,
        people=people,
        conversations=concurrent,
        label=f"{label}: {people} people, no pause (saturation)",
    )
    for result in (one, paced, saturated):
        await count_lost(result, api_url, token)
    return [one, paced, saturated]


def write_report(name: str, text: str, data: dict[str, Any]) -> None:
    BENCH.mkdir(parents=True, exist_ok=True)
    (BENCH / f"{name}.md").write_text(text + "\n")
    (BENCH / f"{name}.json").write_text(json.dumps(data, indent=2) + "\n")
    print(text)
    print(f"\n(written to {BENCH / (name + '.md')} and .json)")


def cmd_run(args: argparse.Namespace) -> int:
    token = os.environ.get("RASA_AUTH_TOKEN") or read_env_file(
        Path(args.prod_dir) / "secrets.env"
    ).get("RASA_AUTH_TOKEN")
    result = asyncio.run(
        run_load(
            args.url,
            people=args.people,
            conversations=args.conversations,
            turns=args.turns,
            pace_s=args.pace_ms / 1000,
        )
    )
    if args.api_url:
        asyncio.run(count_lost(result, args.api_url, token))
    print(json.dumps(result.summary(), indent=2))
    for line in result.lost_detail[:10]:
        print("  lost:", line)
    return 1 if result.errors or result.lost else 0


def cmd_profile(args: argparse.Namespace) -> int:
    prod = Path(args.prod_dir)
    env = stack_env(prod)
    url = f"http://127.0.0.1:{env['PROD_PORT']}"
    api_url = f"http://127.0.0.1:{env['RASA_PORTS'].split()[0]}"
    before = load_average()
    results = asyncio.run(
        measure(
            url,
            api_url,
            env["RASA_AUTH_TOKEN"],
            f"profile (nginx, {len(env['RASA_PORTS'].split())} Rasa servers)",
            args.single,
            args.concurrent,
            args.people,
            args.pace_ms,
        )
    )
    pids = [int((prod / "pids" / f"rasa-{p}.pid").read_text()) for p in env["RASA_PORTS"].split()]
    rss = [round(rss_mb(pid)) for pid in pids]
    cold = (
        (prod / "cold_start_seconds").read_text().strip()
        if (prod / "cold_start_seconds").exists()
        else "n/a"
    )
    text = "\n".join(
        [
            table(results),
            "",
            f"Rasa server RSS after the run (MB): {rss}",
            f"cold start to first answer through nginx (s, from up.sh): {cold}",
            f"load average before / after: {before} / {load_average()} (2 cores)",
        ]
    )
    write_report(
        "load-profile",
        text,
        {
            "runs": [r.summary() for r in results],
            "rss_mb": rss,
            "cold_start_s": cold,
            "load_before": before,
            "load_after": load_average(),
        },
    )
    return 1 if any(r.errors or r.lost for r in results) else 0


def cmd_compare(args: argparse.Namespace) -> int:
    prod = Path(args.prod_dir)
    env = stack_env(prod)
    baseline_path = Path(args.baseline) if args.baseline else baseline_model()
    models = [("project", project_model()), ("baseline (Rasa default config)", baseline_path)]
    results: dict[str, dict[str, Any]] = {}
    all_runs: list[RunResult] = []
    before = load_average()
    for label, model in models:
        server = RasaServer(model, env, BENCH / "logs" / f"compare-{label.split()[0]}.log")
        server.start()
        try:
            cold = server.wait_first_answer()
            runs = asyncio.run(
                measure(
                    server.url,
                    server.url,
                    env["RASA_AUTH_TOKEN"],
                    label,
                    args.single,
                    args.concurrent,
                    args.people,
                    args.pace_ms,
                )
            )
            all_runs += runs
            results[label] = {
                "model": model.name,
                "cold_start_s": round(cold, 1),
                "rss_mb": round(server.rss_mb()),
                "single": runs[0].summary(),
                "paced": runs[1].summary(),
                "concurrent": runs[2].summary(),
            }
        finally:
            server.stop()
    project, baseline = results.values()
    ratio = [
        "| | project | baseline | project / baseline |",
        "|---|---|---|---|",
        f"| model | {project['model']} | {baseline['model']} | |",
    ]
    for key, name in [("p50_ms", "p50"), ("p95_ms", "p95"), ("p99_ms", "p99")]:
        for run in ("single", "paced", "concurrent"):
            a, b = project[run][key], baseline[run][key]
            ratio.append(f"| {run} {name} (ms) | {a} | {b} | {a / b:.2f} |")
    for run in ("single", "paced", "concurrent"):
        a, b = project[run]["throughput_msg_s"], baseline[run]["throughput_msg_s"]
        ratio.append(f"| {run} throughput (msg/s) | {a} | {b} | {a / b:.2f} |")
    ratio.append(
        f"| errors / lost | {project['concurrent']['errors']} / {project['concurrent']['lost']} | "
        f"{baseline['concurrent']['errors']} / {baseline['concurrent']['lost']} | |"
    )
    ratio.append(
        f"| RSS (MB) | {project['rss_mb']} | {baseline['rss_mb']} | "
        f"{project['rss_mb'] / baseline['rss_mb']:.2f} |"
    )
    ratio.append(
        f"| cold start (s) | {project['cold_start_s']} | {baseline['cold_start_s']} | "
        f"{project['cold_start_s'] / baseline['cold_start_s']:.2f} |"
    )
    text = "\n".join(
        [
            "One fresh Rasa server per model, same PostgreSQL, Redis and action server, "
            "run one after the other.",
            "",
            table(all_runs),
            "",
            *ratio,
            "",
            f"load average before / after: {before} / {load_average()} (2 cores)",
        ]
    )
    write_report(
        "load-compare",
        text,
        {"results": results, "load_before": before, "load_after": load_average()},
    )
    return 1 if any(r.errors or r.lost for r in all_runs) else 0


def rasa_init_model() -> Path:
    """Rasa's default bot (`rasa init`: its own data, default config), trained once."""
    models = sorted((RASA_INIT_DIR / "models").glob("*.tar.gz"))
    if models:
        return models[-1]
    RASA_INIT_DIR.mkdir(parents=True, exist_ok=True)
    print("creating and training Rasa's default bot (rasa init)...", flush=True)
    subprocess.run(
        [str(PLAIN_RASA), "init", "--no-prompt", "--init-dir", str(RASA_INIT_DIR)],
        cwd=RASA_INIT_DIR,
        check=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    return sorted((RASA_INIT_DIR / "models").glob("*.tar.gz"))[-1]


def open_loop_row(result: RunResult) -> str:
    s = result.summary()
    return (
        f"| {s['label']} | {s['offered_msg_s']} | {s['messages']} | {s['p50_ms']} | "
        f"{s['p95_ms']} | {s['p99_ms']} | {s['errors']} | {s['lost']} | "
        f"{s['lag_p50_ms']} / {s['lag_p95_ms']} / {s['lag_max_ms']} |"
    )


OPEN_LOOP_HEADER = [
    "| run | offered msg/s | messages | p50 ms | p95 ms | p99 ms | errors | lost "
    "| schedule lag p50 / p95 / max ms |",
    "|---|---|---|---|---|---|---|---|---|",
]


def cmd_open_loop(args: argparse.Namespace) -> int:
    token = os.environ.get("RASA_AUTH_TOKEN") or read_env_file(
        Path(args.prod_dir) / "secrets.env"
    ).get("RASA_AUTH_TOKEN")
    before = load_average()
    result = asyncio.run(
        run_open_loop(args.url, rate=args.rate, duration_s=args.duration, think_s=args.think)
    )
    if args.api_url:
        asyncio.run(count_lost(result, args.api_url, token))
    print("\n".join([*OPEN_LOOP_HEADER, open_loop_row(result)]))
    print(f"load average before / after: {before} / {load_average()} (2 cores)")
    print(json.dumps(result.summary(), indent=2))
    return 1 if result.errors or result.lost else 0


def cmd_turn_cost(args: argparse.Namespace) -> int:
    before = load_average()
    cost = asyncio.run(turn_cost(args.url, pairs=args.pairs))
    print(json.dumps({**cost.summary(), "load_before": before, "load_after": load_average()}))
    return 1 if cost.errors else 0


FLOOD_P95_TARGET_MS = 300


def cmd_flood(args: argparse.Namespace) -> int:
    """The same people talking without and then with one sender's flood, through nginx."""
    url = f"http://127.0.0.1:{stack_env(Path(args.prod_dir))['PROD_PORT']}"
    before = load_average()
    _, calm = asyncio.run(flood_scenario(url, None))
    counts, flooded = asyncio.run(flood_scenario(url, f"flood-{uuid.uuid4().hex[:8]}"))
    without, with_flood = flood_p95_ms(calm), flood_p95_ms(flooded)
    print("| others' p95 without the flood | with it | flood accepted / refused (429) |")
    print("|---|---|---|")
    print(f"| {without:.0f} ms | {with_flood:.0f} ms | {counts[200]} / {counts[429]} |")
    print(f"load average before / after: {before} / {load_average()} (2 cores)")
    print(f"target: p95 with the flood at most {FLOOD_P95_TARGET_MS} ms")
    return 0 if with_flood <= FLOOD_P95_TARGET_MS else 1


def cmd_capacity(args: argparse.Namespace) -> int:
    prod = Path(args.prod_dir)
    env = stack_env(prod)
    url = f"http://127.0.0.1:{env['PROD_PORT']}"
    api_url = f"http://127.0.0.1:{env['RASA_PORTS'].split()[0]}"
    token = env["RASA_AUTH_TOKEN"]
    loads: list[str] = [f"start {load_average()}"]
    rows: list[str] = []
    data: dict[str, Any] = {"project": {}, "baseline": {}}

    async def project() -> None:
        await run_load(url, people=4, conversations=16, label="warm-up")
        cost = await turn_cost(url, pairs=args.pairs)
        data["project"]["turn_cost"] = cost.summary()
        loads.append(f"after project turn cost {load_average()}")
        write_report("load-capacity-partial", json.dumps(cost.summary()), data)
        single = await run_load(url, people=1, conversations=20, label="one client")
        data["project"]["one_client"] = single.summary()
        for rate in args.rates:
            result = await run_open_loop(
                url,
                rate=rate,
                duration_s=args.duration,
                think_s=args.think,
                label=f"project (nginx, {len(env['RASA_PORTS'].split())} Rasa servers)",
            )
            await count_lost(result, api_url, token)
            data["project"][f"open_loop_{rate:g}"] = result.summary()
            rows.append(open_loop_row(result))
            loads.append(f"after project {rate:g} msg/s {load_average()}")
            write_report("load-capacity-partial", "\n".join(rows), data)
            await asyncio.sleep(5)

    asyncio.run(project())
    pids = [int((prod / "pids" / f"rasa-{p}.pid").read_text()) for p in env["RASA_PORTS"].split()]
    data["project"]["rss_mb"] = [round(rss_mb(pid)) for pid in pids]
    cold = prod / "cold_start_seconds"
    data["project"]["cold_start_s"] = cold.read_text().strip() if cold.exists() else None

    if not args.no_baseline:
        server = RasaServer(
            rasa_init_model(),
            env,
            BENCH / "logs" / "capacity-rasa-init.log",
            plain_rasa=True,
            cwd=RASA_INIT_DIR,
            endpoints=None,
        )
        server.start()
        try:
            data["baseline"]["cold_start_s"] = round(server.wait_first_answer(), 1)

            async def baseline() -> None:
                await run_load(server.url, people=4, conversations=16, label="warm-up")
                cost = await turn_cost(server.url, pairs=args.baseline_pairs)
                data["baseline"]["turn_cost"] = cost.summary()
                # The same rates as the project, side by side, and the baseline's own.
                for rate in sorted(set(args.baseline_rates) | set(args.rates)):
                    result = await run_open_loop(
                        server.url,
                        rate=rate,
                        duration_s=args.duration,
                        think_s=args.think,
                        label="Rasa's default bot (rasa init, one Rasa server)",
                        timeout=args.baseline_timeout,
                    )
                    data["baseline"][f"open_loop_{rate:g}"] = result.summary()
                    rows.append(open_loop_row(result))
                    loads.append(f"after baseline {rate:g} msg/s {load_average()}")
                    await asyncio.sleep(5)

            asyncio.run(baseline())
            data["baseline"]["rss_mb"] = round(server.rss_mb())
        finally:
            server.stop()
    pc, bc = data["project"]["turn_cost"], data["baseline"].get("turn_cost")
    text = "\n".join(
        [
            "Open loop: conversations arrive as a Poisson stream, 10 turns each with their own "
            f"script, a turn every {args.think:g} s (+-25%), {args.duration:g} s of arrivals.",
            "",
            *OPEN_LOOP_HEADER,
            *rows,
            "",
            "| one client | median turns 2-11 ms | median turns 71-80 ms | ratio |",
            "|---|---|---|---|",
            f"| project | {pc['early_median_ms']} | {pc['late_median_ms']} | "
            f"{pc['ratio_late_over_early']} |",
            *(
                [
                    f"| Rasa's default bot | {bc['early_median_ms']} | {bc['late_median_ms']} | "
                    f"{bc['ratio_late_over_early']} |"
                ]
                if bc
                else []
            ),
            "",
            f"project one client (200 messages): p50 / p95 / p99 "
            f"{data['project']['one_client']['p50_ms']} / {data['project']['one_client']['p95_ms']}"
            f" / {data['project']['one_client']['p99_ms']} ms",
            f"Rasa server RSS (MB): project {data['project']['rss_mb']}, "
            f"Rasa's default bot {data['baseline'].get('rss_mb')}",
            f"cold start to first answer (s): project {data['project']['cold_start_s']} (up.sh, "
            f"through nginx), Rasa's default bot {data['baseline'].get('cold_start_s')}",
            "load average (1, 5, 15 min; 2 cores): " + "; ".join(loads),
        ]
    )
    data["load"] = loads
    write_report("load-capacity", text, data)
    failed = any(
        isinstance(run, dict) and (run.get("errors") or run.get("lost"))
        for run in data["project"].values()
    )
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="load a running server")
    run.add_argument(
        "--url", required=True, help="where the REST channel is (nginx or one Rasa server)"
    )
    run.add_argument("--api-url", help="a Rasa server's HTTP API, to count lost messages")
    run.add_argument("--people", type=int, default=32)
    run.add_argument("--conversations", type=int, default=64)
    run.add_argument("--turns", type=int, default=10)
    run.add_argument(
        "--pace-ms", type=int, default=0, help="each person sends a message every N ms (0: at once)"
    )
    for name in ("profile", "compare"):
        p = sub.add_parser(name)
        if name == "compare":
            p.add_argument(
                "--baseline",
                help="an already trained baseline model (default: train one for the current data)",
            )
        p.add_argument(
            "--single", type=int, default=20, help="conversations for the one-client run"
        )
        p.add_argument(
            "--concurrent", type=int, default=96, help="conversations for the concurrent run"
        )
        p.add_argument("--people", type=int, default=32)
        p.add_argument(
            "--pace-ms",
            type=int,
            default=375,
            help="pace of each person in the paced run (32 people every 375 ms offer 85 msg/s)",
        )
    for p in (run, *sub.choices.values()):
        if p.prog.endswith(("open-loop", "turn-cost", "capacity")):
            continue
        if not any(a.dest == "prod_dir" for a in p._actions):
            p.add_argument(
                "--prod-dir", default=os.environ.get("PROD_DIR", str(ROOT / "var" / "prod"))
            )
    sub.add_parser("train-baseline")
    open_loop = sub.add_parser("open-loop", help="open-loop load on a running server")
    open_loop.add_argument("--url", required=True)
    open_loop.add_argument("--api-url", help="a Rasa server's HTTP API, to count lost messages")
    open_loop.add_argument("--rate", type=float, default=40, help="messages per second offered")
    open_loop.add_argument("--duration", type=float, default=60, help="seconds of arrivals")
    open_loop.add_argument("--think", type=float, default=2.0, help="seconds between turns")
    cost = sub.add_parser("turn-cost", help="turn 71-80 over turn 2-11, one client")
    cost.add_argument("--url", required=True)
    cost.add_argument("--pairs", type=int, default=3)
    capacity = sub.add_parser("capacity", help="the open-loop capacity runs (make up-prod)")
    capacity.add_argument("--rates", type=float, nargs="+", default=[80, 100])
    capacity.add_argument("--baseline-rates", type=float, nargs="+", default=[40])
    capacity.add_argument("--duration", type=float, default=60)
    capacity.add_argument("--think", type=float, default=2.0)
    capacity.add_argument("--pairs", type=int, default=3)
    capacity.add_argument("--no-baseline", action="store_true")
    capacity.add_argument("--baseline-pairs", type=int, default=1)
    capacity.add_argument(
        "--baseline-timeout", type=float, default=30.0, help="seconds before a turn is an error"
    )
    sub.add_parser("flood", help="others' latency while one sender floods (make up-prod)")
    for p in (open_loop, capacity, sub.choices["flood"]):
        p.add_argument("--prod-dir", default=os.environ.get("PROD_DIR", str(ROOT / "var" / "prod")))
    args = parser.parse_args(argv)
    if args.command == "open-loop":
        return cmd_open_loop(args)
    if args.command == "turn-cost":
        return cmd_turn_cost(args)
    if args.command == "capacity":
        return cmd_capacity(args)
    if args.command == "flood":
        return cmd_flood(args)
    if args.command == "run":
        return cmd_run(args)
    if args.command == "profile":
        return cmd_profile(args)
    if args.command == "compare":
        return cmd_compare(args)
    print(baseline_model())
    return 0


if __name__ == "__main__":
    sys.exit(main())
