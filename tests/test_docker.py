"""The Dockerfile lints clean, and its install steps work in a clean venv (no Docker daemon here)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

DOCKERFILE = (REPO / "Dockerfile").read_text(encoding="utf-8")


def test_hadolint_is_clean() -> None:
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    result = subprocess.run([hadolint, "Dockerfile"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_contract() -> None:
    assert DOCKERFILE.count("FROM ") >= 2, "multi-stage"
    assert re.search(r"^USER \d+$", DOCKERFILE, flags=re.M), "non-root user"
    assert "HEALTHCHECK" in DOCKERFILE and "/healthz" in DOCKERFILE
    assert "EXPOSE 8000" in DOCKERFILE and "torch==2.13.0" in DOCKERFILE
    compose = (REPO / "compose.yaml").read_text(encoding="utf-8")
    assert "8000:8000" in compose and "/data" in compose


def build_stage() -> str:
    return DOCKERFILE.split("\nFROM ", 2)[1]


def install_commands(venv: Path) -> list[str]:
    """The build stage's pip commands, pointed at ``venv``; the torch index is left to this
    machine's pip configuration (which serves the same CPU build offline)."""
    run = re.search(r"^RUN (/opt/claimscope/bin/pip .+?)(?=\n\S|\n*\Z)", build_stage(), flags=re.M | re.S)
    assert run, "the build stage installs with /opt/claimscope/bin/pip"
    text = run.group(1).replace("\\\n", " ").replace('--index-url "${TORCH_INDEX}" ', "")
    return [part.strip().replace("/opt/claimscope", str(venv)) for part in text.split("&&")]


@pytest.mark.slow
def test_install_steps_work_in_a_clean_venv(tmp_path: Path) -> None:
    context = tmp_path / "src"
    context.mkdir()
    for match in re.finditer(r"^COPY (?!--from)(.+)$", build_stage(), flags=re.M):
        *sources, _dest = match.group(1).split()
        for source in sources:
            src = REPO / source
            (shutil.copytree if src.is_dir() else shutil.copy)(src, context / source)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    for command in install_commands(venv):
        result = subprocess.run(["bash", "-c", command], cwd=context, capture_output=True, text=True, timeout=1800)
        assert result.returncode == 0, (command, result.stdout[-3000:], result.stderr[-3000:])
    env = {**os.environ, "CLAIMSCOPE_DATA_DIR": str(tmp_path / "data"), "HF_HUB_OFFLINE": "1"}
    seeded = subprocess.run(
        [str(venv / "bin" / "claimscope"), "seed"], env=env, capture_output=True, text=True, cwd=tmp_path, timeout=600
    )
    assert seeded.returncode == 0 and "seeded 5 article(s)" in seeded.stdout, seeded.stderr
