"""Load generator for the REST channel: many simulated people, realistic multi-turn conversations.

Every simulated person gets a fresh sender id (reusing one grows its tracker and slows every
turn) and walks through one of the scripted conversations below, waiting for each answer before
sending the next message, like a person would. Reports p50/p95/p99 per full turn, throughput,
errors (non-200, empty answers, timeouts) and a lost-message count: after the run every
conversation's tracker is read back through the HTTP API, and each message sent must be stored
exactly once, in order, with as many bot messages as the person received.

Runs in the app environment (httpx). Commands:

  load.py run --url URL [--api-url URL] [--people 32] [--conversations 64]
      load an already running server or the production profile's nginx port
  load.py profile [--prod-dir var/prod]
      the measurements for docs/production.md against a running `make up-prod`:
      one client, 32 people, Rasa server RSS, cold start (written by up.sh)
  load.py compare [--prod-dir var/prod]
      side by side in one run: this project's model and a baseline trained with Rasa's
      default config.yml on the same data, each served by one fresh Rasa server on the same
      PostgreSQL, Redis and action server (trains the baseline first if it is missing)
  load.py train-baseline
      train only the baseline model (var/bench/models/)

Secrets (RASA_AUTH_TOKEN) come from the environment, else from <prod-dir>/secrets.env, which
`scripts/prod/up.sh` writes when it generates them.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "var" / "bench"
RASA = ROOT / "scripts" / "rasa"  # Rasa with the project's patches

# Scripted conversations, ten turns each, written from the NLU examples and the stories: what
# people ask this assistant. Some go through the custom actions (knowledge base), some only
# through rules and responses, and one raises a red flag.
CONVERSATIONS: list[list[str]] = [
    [
        "hi",
        "why does my lower back hurt?",
        "yes",
        "that was too easy",
        "what about my hips?",
        "is it safe to exercise with back pain?",
        "what are the warning signs?",
        "thanks",
        "are you a bot?",
        "bye",
    ],
    [
        "hello there",
        "my back is really stiff in the morning",
        "give me some exercises",
        "how do I do a bird dog",
        "that hurts",
        "what should I do about sciatica",
        "what can you do?",
        "thank you",
        "what's the weather like tomorrow",
        "goodbye",
    ],
    [
        "hey",
        "what can you help me with",
        "why does my back hurt when I sit all day",
        "no thanks",
        "show me how to do a side plank",
        "how long should i hold a plank",
        "my hip hurts when I walk",
        "when should I see a doctor about back pain",
        "cheers",
        "see you later",
    ],
    [
        "good morning",
        "why do I get back pain",
        "sure",
        "too easy",
        "I wet myself this morning and my back is agony",
        "can you give me some exercises for it",
        "ok",
        "thanks",
        "who made you?",
        "bye",
    ],
]

DEFAULT_POLICIES = [
    # Rasa 3.6's own default policies (rasa/engine/recipes/config_files/default_config.yml).
    {"name": "MemoizationPolicy"},
    {"name": "RulePolicy"},
    {"name": "UnexpecTEDIntentPolicy", "max_history": 5, "epochs": 100},
    {"name": "TEDPolicy", "max_history": 5, "epochs": 100, "constrain_similarities": True},
]


# --------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Turn:
    latency: float
    status: int
    replies: int
    error: str = ""
    texts: list[str] = field(default_factory=list)
    started: float = 0.0  # time.monotonic() when the message was sent


@dataclass
class Conversation:
    sender: str
    script: list[str]
    turns: list[Turn] = field(default_factory=list)


@dataclass
class RunResult:
    label: str
    people: int
    wall_seconds: float
    conversations: list[Conversation]
    lost: int | None = None
    lost_detail: list[str] = field(default_factory=list)

    @property
    def turns(self) -> list[Turn]:
        return [t for c in self.conversations for t in c.turns]

    @property
    def latencies_ms(self) -> list[float]:
        return sorted(t.latency * 1000 for t in self.turns if not t.error)

    @property
    def errors(self) -> int:
        return sum(1 for t in self.turns if t.error)

    def percentile(self, p: float) -> float:
        values = self.latencies_ms
        if not values:
            return float("nan")
        k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
        return values[k]

    @property
    def throughput(self) -> float:
        return len(self.turns) / self.wall_seconds if self.wall_seconds else 0.0

    def summary(self) -> dict[str, Any]:
        errors: dict[str, int] = {}
        for t in self.turns:
            if t.error:
                errors[t.error] = errors.get(t.error, 0) + 1
        return {
            "label": self.label,
            "people": self.people,
            "conversations": len(self.conversations),
            "messages": len(self.turns),
            "wall_s": round(self.wall_seconds, 2),
            "throughput_msg_s": round(self.throughput, 1),
            "p50_ms": round(self.percentile(50), 1),
            "p95_ms": round(self.percentile(95), 1),
            "p99_ms": round(self.percentile(99), 1),
            "mean_ms": round(statistics.fmean(self.latencies_ms), 1) if self.latencies_ms else None,
            "errors": self.errors,
            "error_kinds": errors,
            "lost": self.lost,
        }


async def say(
    client: httpx.AsyncClient, url: str, sender: str, text: str, timeout: float = 30.0
) -> Turn:
    start = time.perf_counter()
    sent_at = time.monotonic()
    try:
        response = await client.post(
            url + "/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=timeout,
        )
    except httpx.HTTPError as error:
        return Turn(
            time.perf_counter() - start, 0, 0, f"transport:{type(error).__name__}", started=sent_at
        )
    latency = time.perf_counter() - start
    if response.status_code == 503:
        # The turn failed cleanly: the body holds what the person was told instead.
        try:
            told = [reply.get("text", "") for reply in response.json()]
        except ValueError:
            told = []
        return Turn(latency, 503, 0, "http:503", texts=told, started=sent_at)
    if response.status_code != 200:
        return Turn(
            latency, response.status_code, 0, f"http:{response.status_code}", started=sent_at
        )
    try:
        replies = response.json()
    except ValueError:
        return Turn(latency, 200, 0, "bad-json", started=sent_at)
    if not replies:
        return Turn(latency, 200, 0, "empty-answer", started=sent_at)
    return Turn(
        latency, 200, len(replies), texts=[r.get("text", "") for r in replies], started=sent_at
    )


async def run_load(
    url: str,
    *,
    people: int,
    conversations: int,
    turns: int = 10,
    label: str = "",
    timeout: float = 30.0,
    seed: int = 7,
    pace_s: float = 0.0,
) -> RunResult:
    """`people` simulated people at once; each runs whole conversations until `conversations`
    have been started. Each conversation has a fresh sender id.

    `pace_s` > 0: each person sends a message every `pace_s` seconds (reading and typing in
    between), or at once when the reply came later than that: Locust's `constant_pacing`.
    `pace_s` = 0: the next message goes as soon as the reply is back (a saturation test)."""
    rng = random.Random(seed)
    scripts = [
        CONVERSATIONS[rng.randrange(len(CONVERSATIONS))][:turns] for _ in range(conversations)
    ]
    queue: asyncio.Queue[list[str]] = asyncio.Queue()
    for script in scripts:
        queue.put_nowait(script)
    done: list[Conversation] = []
    run_id = uuid.uuid4().hex[:8]

    async def person(client: httpx.AsyncClient, first_message_after: float) -> None:
        next_message = time.monotonic() + first_message_after
        while True:
            try:
                script = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            conversation = Conversation(f"load-{run_id}-{uuid.uuid4().hex[:12]}", script)
            for text in script:
                await asyncio.sleep(max(0.0, next_message - time.monotonic()))
                next_message = time.monotonic() + pace_s
                conversation.turns.append(
                    await say(client, url, conversation.sender, text, timeout)
                )
            done.append(conversation)

    limits = httpx.Limits(max_connections=people + 4, max_keepalive_connections=people + 4)
    async with httpx.AsyncClient(limits=limits) as client:
        start = time.perf_counter()
        # Paced people start spread over one pace, as people do, not all in the same instant.
        await asyncio.gather(*(person(client, rng.uniform(0, pace_s)) for _ in range(people)))
        wall = time.perf_counter() - start
    return RunResult(label or f"{people} people", people, wall, done)


def rest_texts(bot_event: dict[str, Any]) -> list[str]:
    """The REST messages one stored `bot` event became (Rasa's CollectingOutputChannel splits a
    plain text on blank lines; a text with buttons stays one message)."""
    data = bot_event.get("data") or {}
    text = bot_event.get("text") or ""
    out: list[str] = []
    if data.get("quick_replies") or data.get("buttons"):
        out.append(text)
    elif text:
        out += text.strip().split("\n\n")
    out += [""] * sum(1 for key in ("custom", "image", "attachment", "elements") if data.get(key))
    return out


@dataclass
class StoredTurn:
    user: str
    bot_texts: list[str]
    events: list[str]


def stored_turns(events: list[dict[str, Any]]) -> tuple[list[str], list[StoredTurn]]:
    """Split a tracker's events at each user message: (events before the first, turns)."""
    prelude: list[str] = []
    turns: list[StoredTurn] = []
    for event in events:
        name = event["event"] + (f":{event.get('name')}" if event["event"] == "action" else "")
        if event["event"] == "user":
            turns.append(StoredTurn(event.get("text") or "", [], [name]))
        elif turns:
            turns[-1].events.append(name)
            if event["event"] == "bot":
                turns[-1].bot_texts += rest_texts(event)
        else:
            prelude.append(name)
    return prelude, turns


async def count_lost(result: RunResult, api_url: str, token: str | None) -> None:
    """Read every conversation back: each message sent once, in order; every reply stored."""
    lost = 0
    detail: list[str] = []
    semaphore = asyncio.Semaphore(8)

    async def check(client: httpx.AsyncClient, conversation: Conversation) -> None:
        nonlocal lost
        params = {"include_events": "ALL"}
        if token:
            params["token"] = token
        async with semaphore:
            response = await client.get(
                f"{api_url}/conversations/{conversation.sender}/tracker", params=params, timeout=30
            )
        response.raise_for_status()
        events = response.json()["events"]
        stored = [e.get("text") for e in events if e["event"] == "user"]
        # Every message Rasa accepted (200, answered or not) must be stored exactly once.
        sent = [
            t
            for t, turn in zip(conversation.script, conversation.turns, strict=False)
            if turn.status == 200
        ]
        bot_stored = sum(len(rest_texts(e)) for e in events if e["event"] == "bot")
        bot_received = sum(t.replies for t in conversation.turns)
        missing = len(sent) - len(stored)
        if stored != sent:
            lost += abs(missing) or 1
            detail.append(f"{conversation.sender}: sent {sent!r}, stored {stored!r}")
        if bot_stored != bot_received:
            lost += abs(bot_stored - bot_received)
            detail.append(
                f"{conversation.sender}: {bot_received} replies received, {bot_stored} stored"
            )

    async with httpx.AsyncClient() as client:
        await asyncio.gather(*(check(client, c) for c in result.conversations))
    result.lost = lost
    result.lost_detail = detail


# --------------------------------------------------------------------------------------------
# Processes


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

    def __init__(self, model: Path, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        self.model = model
        self.env = {**os.environ, **env, "PYTHONPATH": str(ROOT), "SANIC_WORKERS": "1"}
        self.log = log
        self.popen: subprocess.Popen[bytes] | None = None
        self.started = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        command = [
            str(RASA),
            "run",
            "--enable-api",
            "-i",
            "127.0.0.1",
            "-p",
            str(self.port),
            "--model",
            str(self.model),
            "--endpoints",
            str(ROOT / "scripts" / "prod" / "endpoints.prod.yml"),
            "--credentials",
            str(ROOT / "credentials.yml"),
            "--auth-token",
            self.env["RASA_AUTH_TOKEN"],
        ]
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(
            command,
            cwd=ROOT,
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


# --------------------------------------------------------------------------------------------
# Reports


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
        if not any(a.dest == "prod_dir" for a in p._actions):
            p.add_argument(
                "--prod-dir", default=os.environ.get("PROD_DIR", str(ROOT / "var" / "prod"))
            )
    sub.add_parser("train-baseline")
    args = parser.parse_args(argv)
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
