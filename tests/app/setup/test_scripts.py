"""The set-up scripts' promises: clear errors, idempotence, a broken data file keeps the model."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run(command: list[str], cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=600
    )


def test_without_python_311_setup_names_what_to_install() -> None:
    result = run(["scripts/ensure_env.sh", "app"], PYTHON="/nonexistent/python3.11")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Python 3.11" in lines[0] and "install" in lines[0]


def test_second_setup_run_skips_installing() -> None:
    result = run(["scripts/ensure_env.sh", "app"])
    assert result.returncode == 0 and result.stdout == ""


def test_a_taken_port_is_named_with_its_variable() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = run(
            [str(ROOT / ".venv/app/bin/python"), "-m", "backcare.ports", "WEB_PORT"], WEB_PORT=port
        )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"error: port {port} is already in use: set WEB_PORT to a free port "
        f"(for example WEB_PORT={int(port) + 100} make run)"
    )


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """The files a model depends on, with the real environments linked in."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ["config.yml", "domain", "data", "bot_extensions", "scripts"]:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / name)
    (copy / ".venv").symlink_to(ROOT / ".venv")
    (copy / "var").mkdir()
    (copy / "var" / "spacy").symlink_to(ROOT / "var" / "spacy")
    return copy


def test_the_model_hash_follows_the_training_inputs(project_copy: Path) -> None:
    before = run(["scripts/model_hash.sh"], cwd=project_copy).stdout
    assert before == run(["scripts/model_hash.sh"], cwd=project_copy).stdout
    with (project_copy / "data" / "nlu" / "chitchat.yml").open("a") as nlu:
        nlu.write("\n")
    assert run(["scripts/model_hash.sh"], cwd=project_copy).stdout != before


def test_a_broken_data_file_stops_training_and_keeps_the_previous_model(project_copy: Path) -> None:
    models = project_copy / "models"
    models.mkdir()
    previous = models / "backbone-0000000000000000.tar.gz"
    previous.write_bytes(b"the last good model")
    (project_copy / "data" / "rules" / "chitchat.yml").write_text("rules:\n  - rule: [unclosed\n")
    result = run(["scripts/train.sh"], cwd=project_copy)
    assert result.returncode == 1
    assert f"the previous model models/{previous.name} is kept" in result.stderr
    assert sorted(models.iterdir()) == [previous]
    served = run(["scripts/current_model.sh"], cwd=project_copy).stdout.strip()
    assert served == f"models/{previous.name}"
