"""The benchmark reports over training runs and models: training_runs, candidates, teacher_ensemble."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.stance_data import LABELS
from tests.conftest import save_tiny_bert


def test_training_runs_report_reads_finished_runs(
    first_run: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench import training_runs

    row = training_runs.summarise(first_run)
    metrics = json.loads((first_run / "dev_metrics.json").read_text())
    expected = sum(m["accuracy"] * m["n"] for m in metrics.values()) / sum(m["n"] for m in metrics.values())
    assert row["steps"] == row["planned_steps"] == 6 and row["layers"] == 1 and row["ffn_units"] == 64
    assert row["pairs_seen"] == 48 and row["distill_weight"] is None, "no teacher taught this run"
    assert row["teachers"] == 0
    assert row["pooled_accuracy"] == round(expected, 4)

    monkeypatch.setattr("sys.argv", ["training_runs.py", str(first_run), "--out", str(tmp_path)])
    training_runs.main()
    table = (tmp_path / "training_runs.md").read_text()
    assert f"| {first_run.name} | " in table and f"| {row['pooled_accuracy']:.4f} |" in table
    header, rule, first = [line for line in table.splitlines() if line.startswith("|")][:3]
    assert header.count("|") == rule.count("|") == first.count("|"), "a Markdown table needs as many rule cells"


def test_pooled_gold_leaves_out_the_silver_sets() -> None:
    from models.stance_data import pooled_accuracy

    metrics = {"snli_dev": {"accuracy": 0.5, "n": 2}, "fever_train_nei_silver": {"accuracy": 1.0, "n": 2}}
    assert pooled_accuracy(metrics) == 0.75 and pooled_accuracy(metrics, gold_only=True) == 0.5


def test_training_runs_read_a_work_folder_without_a_release_and_a_release_folder(
    first_run: Path, tmp_path: Path
) -> None:
    import shutil

    from bench import training_runs

    with_release = training_runs.summarise(first_run)
    work = tmp_path / "gpu-run"
    shutil.copytree(first_run, work, ignore=shutil.ignore_patterns("release", "final", "*.pt"))
    config = json.loads((work / "config.json").read_text())
    assert config == json.loads((first_run / "release" / "training_config.json").read_text())
    assert {**training_runs.summarise(work), "run": first_run.name} == with_release

    released = training_runs.summarise(first_run / "release")
    assert released == with_release, "a release folder is named by the run it came from"

    (work / "config.json").write_text(json.dumps({**config, "ffn_units": 32}))
    with pytest.raises(ValueError, match="reshaped its backbone"):
        training_runs.summarise(work)


def test_candidates_score_interpolations_between_base_and_candidate(
    first_run: Path, tiny_backbone: Path, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench import candidates
    from models.stance_data import pooled_accuracy

    final = first_run / "final"
    argv = ["candidates.py", str(tiny_backbone), str(final), "--mix", "0", "1", "--data", str(data_dir)]
    monkeypatch.setattr("sys.argv", [*argv, "--out", str(tmp_path)])
    candidates.main()
    base, alone, as_base, as_candidate = json.loads((tmp_path / "candidates.json").read_text())
    logged = json.loads((final / "dev_metrics.json").read_text())
    assert alone["pooled_accuracy"] == round(pooled_accuracy(logged), 4), "the same scoring train_stance logs"
    assert {**as_base, "model": base["model"]} == base, "x0 is the base's weights"
    assert {**as_candidate, "model": alone["model"]} == alone, "x1 is the candidate's weights"
    assert as_base["model"] == f"{final} x0.0 + base x1"

    rendered = tmp_path / "rendered"
    monkeypatch.setattr(
        "sys.argv", ["candidates.py", "--scored", str(tmp_path / "candidates.json"), "--out", str(rendered)]
    )
    candidates.main()
    assert (rendered / "candidates.md").read_text().split("\n")[4:] == (tmp_path / "candidates.md").read_text().split(
        "\n"
    )[4:]

    for wrong in (["candidates.py", str(tiny_backbone)], [*argv, "--mix", "1.5"]):
        monkeypatch.setattr("sys.argv", wrong)
        with pytest.raises(SystemExit):
            candidates.main()


def test_the_ensemble_report_scores_each_model_and_their_mean(
    data_dir: Path, tiny_backbone: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numpy as np

    from bench import teacher_ensemble
    from models.stance_data import load_splits

    other = save_tiny_bert(tmp_path / "other", LABELS, dropout=0.0, layers=2)
    monkeypatch.setattr(
        "sys.argv",
        ["teacher_ensemble.py", str(tiny_backbone), str(other), "--data", str(data_dir), "--out", str(tmp_path)],
    )
    teacher_ensemble.main()
    rows = json.loads((tmp_path / "teacher_ensemble.json").read_text())
    assert [r["model"] for r in rows] == [str(tiny_backbone), str(other), "mean of all"]

    _, dev = load_splits(data_dir)
    pairs = [p for name in sorted(dev) for p in dev[name]]
    gold = np.array([p.label for p in pairs])
    each = [teacher_ensemble.probabilities(model, pairs) for model in (tiny_backbone, other)]
    for row, probs in zip(rows, [*each, (each[0] + each[1]) / 2], strict=True):
        assert row["pooled_accuracy"] == round(float((probs.argmax(axis=1) == gold).mean()), 4)
    assert "| mean of all |" in (tmp_path / "teacher_ensemble.md").read_text()

    monkeypatch.setattr("sys.argv", ["teacher_ensemble.py", str(other)])
    with pytest.raises(SystemExit):
        teacher_ensemble.main()


def test_a_report_gives_the_claimscope_settings_of_its_run_in_its_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from bench._report import write_results

    for key in [key for key in os.environ if key.startswith("CLAIMSCOPE_")]:
        monkeypatch.delenv(key)
    monkeypatch.setenv("CLAIMSCOPE_FAISS_FACTORY", "IVF4096,Flat")
    monkeypatch.setattr("sys.argv", ["bench/scale.py", "--sizes", "1000"])
    write_results(tmp_path, "scale", "Scale", "details, ", ["| a |"], {"rows": []})
    command = "CLAIMSCOPE_FAISS_FACTORY=IVF4096,Flat python bench/scale.py --sizes 1000"
    assert (tmp_path / "scale.md").read_text().startswith(f"# Scale\n\n`{command}`, ")
