"""Repository-level contracts: install/test commands, layout rules, docs in sync, packaging."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS, SHARED


def readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", setup, flags=re.S)


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one() -> None:
    commands = readme_commands()
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
    assert "pytest" in commands[1] and "claimscope" in commands[0]


def test_pipeline_never_imports_flask() -> None:
    for path in (REPO / "service" / "pipeline").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import flask|from flask)", source, flags=re.M), path


def test_imports_do_no_heavy_work() -> None:
    code = (
        "import sys, service, service.cli, service.pipeline, service.storage, service.settings;"
        "heavy = [m for m in ('torch', 'flask', 'sentence_transformers', 'transformers') if m in sys.modules];"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside this checkout")
def test_seeds_match_the_shared_seeds() -> None:
    shared = sorted(p.name for p in (SHARED / "seeds").iterdir())
    assert sorted(p.name for p in SEEDS.iterdir()) == shared
    for name in shared:
        assert (SEEDS / name).read_bytes() == (SHARED / "seeds" / name).read_bytes()


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/gen_docs.py", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_every_setting_is_documented() -> None:
    import dataclasses

    from service.settings import Settings

    doc = (REPO / "docs" / "config.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(Settings):
        assert f"CLAIMSCOPE_{f.name.upper()}" in doc


def test_no_module_is_too_long() -> None:
    for path in [*REPO.glob("service/**/*.py"), *REPO.glob("models/*.py"), *REPO.glob("tests/**/*.py")]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path


@pytest.mark.slow
def test_wheel_ships_the_seeds(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("claimscope-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for seed in SEEDS.glob("*.txt"):
        assert f"service/seeds/{seed.name}" in names
    assert "service/pipeline/clean.py" in names
    if (REPO / "models" / "stance" / "config.json").exists():
        assert "service/stance_model/config.json" in names
        assert "service/stance_model/onnx/model_int8.onnx" in names


@pytest.mark.slow
def test_ruff_and_mypy_are_clean() -> None:
    for command in (
        ["ruff", "check", "service", "models", "tests", "bench", "scripts"],
        ["ruff", "format", "--check", "service", "models", "tests", "bench", "scripts"],
        ["mypy"],
    ):
        result = subprocess.run([sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
