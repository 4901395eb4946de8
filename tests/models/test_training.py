"""The stance training code, end to end on a tiny BERT and tiny sets made in conftest.py: resume, lineage,
precision, the fp16 release, the per-kind consistency ablation, and the generated model card."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from models import budget, train_stance
from models.evaluate_stance import SHARE_SWEEPS, consistency_ablation
from models.model_card import ensemble_lines, stage_lines, train_command, training_stages
from models.stance_data import LABELS, Pair
from tests.conftest import save_tiny_bert
from tests.models.conftest import ACTIONS, SUBJECTS, train_args


def _weights(folder: Path) -> dict[str, Any]:
    from safetensors.torch import load_file

    return load_file(str(folder / "model.safetensors"))


class Interrupted(Exception):
    pass


def test_run_writes_release_config_metrics_and_log(first_run: Path) -> None:
    config = json.loads((first_run / "release" / "training_config.json").read_text())
    assert config["steps"] == 6 and config["previous_stage"] is None and config["precision"] == "fp32"
    import torch

    assert config["device"] == ("cuda" if torch.cuda.is_available() else "cpu"), "auto records the device it used"
    metrics = json.loads((first_run / "release" / "dev_metrics.json").read_text())
    assert set(metrics) <= {"snli_dev", "fever_train"} and metrics
    for report in metrics.values():
        assert 0 <= report["accuracy"] <= 1 and len(report["confusion"]) == len(LABELS)
    log = (first_run / "train.log").read_text()
    assert "step 6/6" in log and log.rstrip().endswith("done")


def test_release_is_fp16_and_the_final_folder_fp32(first_run: Path) -> None:
    import torch

    assert {t.dtype for t in _weights(first_run / "release").values()} == {torch.float16}
    assert {t.dtype for t in _weights(first_run / "final").values()} == {torch.float32}


def test_interrupted_run_resumes_to_the_same_weights(
    first_run: Path, data_dir: Path, tiny_backbone: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    work = tmp_path / "run"
    real_save = train_stance.save_checkpoint

    def save_then_die(work: Path, step: int, *rest: Any) -> None:
        real_save(work, step, *rest)
        raise Interrupted(step)

    monkeypatch.setattr(train_stance, "save_checkpoint", save_then_die)
    with pytest.raises(Interrupted):
        train_stance.main(train_args(data_dir, tiny_backbone, work))
    assert not (work / "final").exists()
    monkeypatch.setattr(train_stance, "save_checkpoint", real_save)
    train_stance.main(train_args(data_dir, tiny_backbone, work))

    assert "resumed at step 3 of 6" in (work / "train.log").read_text()
    resumed, uninterrupted = _weights(work / "final"), _weights(first_run / "final")
    assert resumed.keys() == uninterrupted.keys()
    for name, tensor in uninterrupted.items():
        assert torch.equal(resumed[name], tensor), name


def test_continued_bf16_run_records_its_lineage(
    first_run: Path, data_dir: Path, tmp_path: Path, tiny_backbone: Path
) -> None:
    import torch

    parent = first_run / "release"
    _, model = train_stance.load_backbone(str(parent))
    assert {p.dtype for p in model.parameters()} == {torch.float32}, "fp16 releases train in fp32"

    train_stance.main(train_args(data_dir, parent, tmp_path / "run2", "--precision", "bf16", "--seed", "5"))
    config = json.loads((tmp_path / "run2" / "release" / "training_config.json").read_text())
    assert config["precision"] == "bf16"
    assert config["previous_stage"] == json.loads((parent / "training_config.json").read_text())
    before, after = _weights(parent), _weights(tmp_path / "run2" / "release")
    assert any(not torch.equal(before[k], after[k]) for k in before), "a bf16 step changes the weights"

    stages = training_stages(config)
    assert [s["seed"] for s in stages] == [13, 5]
    first, second = (train_command(s) for s in stages)
    assert f"--backbone {tiny_backbone}" in first and "--precision fp32" in first
    assert f"--backbone {parent}" in second and "--precision bf16" in second and "--seed 5" in second


def test_the_card_names_the_run_that_taught_a_student(first_run: Path, data_dir: Path, tmp_path: Path) -> None:
    parent = first_run / "release"
    train_stance.main(train_args(data_dir, parent, tmp_path / "run2", "--teacher", str(parent), "--seed", "5"))
    config = json.loads((tmp_path / "run2" / "release" / "training_config.json").read_text())
    assert config["teacher_release"] == [str(parent)]
    first, second = stage_lines(config)[::2]
    assert "distilled" not in first and second.endswith(", distilled from run 1:")

    config["teacher_release"] = [None]
    assert stage_lines(config)[2].endswith(f", distilled from `{parent}`:"), "a teacher that is not one of the runs"
    config.update(teacher=[str(parent), "elsewhere"], teacher_release=[str(parent), None])
    assert stage_lines(config)[2].endswith(", distilled from run 1 and `elsewhere`:"), "an ensemble of teachers"
    assert "mean probabilities" in ensemble_lines(config)[1] and "int8" not in ensemble_lines(config)[1]
    config["teacher"] = [str(parent), "~/.cache/claimscope-train/teachers/run6f"]
    assert "rounded to int8" in ensemble_lines(config)[1], "carried teachers are said to be rounded"
    config.update(teacher=str(parent), teacher_release=str(parent))
    assert stage_lines(config)[2].endswith(", distilled from run 1:"), "a config written before ensembles"
    assert ensemble_lines(config) == [], "one teacher needs no word on ensembles"


def test_a_spent_time_budget_releases_early_and_a_rerun_resumes(
    data_dir: Path, tiny_backbone: Path, tmp_path: Path
) -> None:
    work = tmp_path / "run"
    train_stance.main(train_args(data_dir, tiny_backbone, work, "--max-minutes", "0.000001"))
    config = json.loads((work / "release" / "training_config.json").read_text())
    assert config["max_minutes"] == 0.000001 and config["completed_steps"] < config["steps"] == 6
    assert "time budget of 0.0 min spent" in (work / "train.log").read_text()
    assert f"{config['completed_steps']} steps x 8" in "\n".join(stage_lines(config))
    assert "(--max-minutes cut the 6 planned)" in "\n".join(stage_lines(config))

    train_stance.main(train_args(data_dir, tiny_backbone, work))
    assert f"resumed at step {config['completed_steps']} of 6" in (work / "train.log").read_text()
    finished = json.loads((work / "release" / "training_config.json").read_text())
    assert finished["completed_steps"] == 6


def test_a_plan_fitted_to_the_budget_ends_its_schedule_at_zero() -> None:
    import torch

    assert budget.steps_that_fit(200, steps_per_s=10.0, seconds_left=100.0, planned=5000) == 1150
    assert budget.steps_that_fit(200, steps_per_s=10.0, seconds_left=1e6, planned=5000) == 5000

    plan = {"steps": 5000}
    budget.fit_to_budget(plan, 250, steps_per_s=10.0, seconds_left=100.0, most=5000)
    assert plan == {"steps": 1200}, "a slow pace ends the schedule early"
    budget.fit_to_budget(plan, 450, steps_per_s=40.0, seconds_left=95.0, most=5000)
    assert plan == {"steps": 4060}, "a faster pace moves the end out again"
    budget.fit_to_budget(plan, 650, steps_per_s=400.0, seconds_left=90.0, most=5000)
    assert plan == {"steps": 5000}, "never past the steps asked for"

    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1.0)
    plan = {"steps": 100}
    scheduler = budget.linear_schedule(optimizer, 10, plan)
    lrs = []
    for step in range(60):
        if step == 20:
            plan["steps"] = 60
        optimizer.step()
        scheduler.step()
        lrs.append(optimizer.param_groups[0]["lr"])
    assert lrs[4] == 0.5 and lrs[-1] == 0.0 and all(a >= b for a, b in zip(lrs[9:], lrs[10:], strict=False))


def test_a_shallower_student_keeps_the_first_layers_and_reloads(
    data_dir: Path, tmp_path: Path, tiny_backbone: Path
) -> None:
    save_tiny_bert(tmp_path / "deep", LABELS, dropout=0.0, layers=3)
    train_stance.main(train_args(data_dir, tmp_path / "deep", tmp_path / "run", "--keep-layers", "2"))
    _, student = train_stance.load_backbone(str(tmp_path / "run" / "release"))
    assert student.config.num_hidden_layers == 2 and len(student.base_model.encoder.layer) == 2
    teacher = _weights(tmp_path / "deep")
    assert not any(".layer.2." in name for name in _weights(tmp_path / "run" / "release"))
    assert "bert.encoder.layer.2.output.dense.weight" in teacher
    with pytest.raises(ValueError, match="--keep-layers must be 1..3"):
        train_stance.keep_first_layers(student.__class__.from_pretrained(str(tmp_path / "deep")), 4)


def test_a_narrower_student_is_pruned_refit_recorded_and_reloads(data_dir: Path, tmp_path: Path) -> None:
    save_tiny_bert(tmp_path / "wide", LABELS, dropout=0.0, layers=2)
    train_stance.main(train_args(data_dir, tmp_path / "wide", tmp_path / "run", "--ffn-units", "24"))
    _, student = train_stance.load_backbone(str(tmp_path / "run" / "release"))
    assert student.config.intermediate_size == 24
    assert all(layer.intermediate.dense.out_features == 24 for layer in student.base_model.encoder.layer)
    assert all(layer.output.dense.in_features == 24 for layer in student.base_model.encoder.layer)
    config = json.loads((tmp_path / "run" / "release" / "training_config.json").read_text())
    assert config["ffn_units"] == 24 and len(config["ffn_refit_error"]) == 2
    assert all(0 < error < 1 for error in config["ffn_refit_error"]), "better than writing nothing, not exact"
    assert "--ffn-units 24" in train_command(config)


def test_pruning_all_units_changes_nothing_and_fewer_refit_better_than_slicing(tiny_backbone: Path) -> None:
    import torch

    from models.prune import ffn_activations, prune_ffn, refit

    tokenizer, model = train_stance.load_backbone(str(tiny_backbone))
    sentences = [f"{s} {a}." for s in SUBJECTS for a in ACTIONS]
    inputs = [dict(tokenizer(sentences[i : i + 12], padding=True, return_tensors="pt")) for i in range(0, 36, 12)]
    model.eval()
    with torch.inference_mode():
        before = model(**inputs[0]).logits
    errors = prune_ffn(model, inputs, 64)
    with torch.inference_mode():
        assert torch.allclose(model(**inputs[0]).logits, before, atol=1e-2) and errors[0] < 1e-2

    activations = ffn_activations(model, inputs, 0)
    full = model.base_model.encoder.layer[0].output.dense.weight.detach()
    target, kept = activations @ full.T, activations[:, :16]
    sliced_error = (kept @ full[:, :16].T - target).pow(2).mean()
    assert (kept @ refit(kept, target).T - target).pow(2).mean() < sliced_error
    with pytest.raises(ValueError, match="--ffn-units must be 1..64"):
        prune_ffn(model, inputs, 65)


def test_distillation_loss_weighs_the_gold_labels_against_the_teacher() -> None:
    import torch
    import torch.nn.functional as F

    from models.distill import distillation_loss

    student = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3]])
    labels = torch.tensor([0, 2])
    hard = F.cross_entropy(student, labels)

    def taught(logits: torch.Tensor) -> torch.Tensor:
        return F.log_softmax(logits / 2.0, dim=-1)

    assert torch.isclose(distillation_loss(student, taught(student + 5.0), labels, 0.0, 2.0), hard)
    assert torch.isclose(distillation_loss(student, taught(student), labels, 0.5, 2.0), 0.5 * hard), "no KL"
    teacher = torch.tensor([[-1.0, 0.5, 2.0], [0.3, 0.2, 0.1]])
    assert distillation_loss(student, taught(teacher), labels, 1.0, 2.0) > 0
    # a row the teachers do not teach learns from its gold label alone, whatever the weight
    only_first = torch.tensor([True, False])
    per_row = F.cross_entropy(student, labels, reduction="none")
    first = distillation_loss(student[:1], taught(teacher)[:1], labels[:1], 0.7, 2.0)
    mixed = distillation_loss(student, taught(teacher), labels, 0.7, 2.0, taught=only_first)
    assert torch.isclose(mixed, (first + per_row[1]) / 2)


def test_an_ensemble_of_teachers_teaches_their_mean_probabilities(tiny_backbone: Path, tmp_path: Path) -> None:
    import torch
    import torch.nn.functional as F

    from models.distill import load_teacher, teacher_log_probs

    other = save_tiny_bert(tmp_path / "other", LABELS, dropout=0.0, layers=2)
    tokenizer, student = train_stance.load_backbone(str(tiny_backbone))
    teachers = [load_teacher(str(path), student, "cpu") for path in (tiny_backbone, other)]
    inputs = train_stance.encode(tokenizer, [Pair("a dog runs", "an animal moves", 0, "toy")], 16)
    with torch.no_grad():
        each = [F.softmax(t(**inputs).logits / 2.0, dim=-1) for t in teachers]
    assert not torch.allclose(each[0], each[1]), "two different teachers"
    mean = teacher_log_probs(teachers, inputs, 2.0).exp()
    assert torch.allclose(mean, (each[0] + each[1]) / 2, atol=1e-6)
    assert torch.allclose(mean.sum(dim=-1), torch.ones(1))


def test_a_distilled_student_learns_from_its_teacher_and_records_it(
    data_dir: Path, tiny_backbone: Path, tmp_path: Path
) -> None:
    import torch

    deep = save_tiny_bert(tmp_path / "deep", LABELS, dropout=0.0, layers=2)
    plain, distilled = tmp_path / "plain", tmp_path / "distilled"
    train_stance.main(train_args(data_dir, deep, plain, "--keep-layers", "1"))
    train_stance.main(train_args(data_dir, deep, distilled, "--keep-layers", "1", "--teacher", str(tiny_backbone)))
    a, b = _weights(plain / "final"), _weights(distilled / "final")
    assert any(not torch.equal(a[k], b[k]) for k in a), "the teacher's probabilities change the updates"
    config = json.loads((distilled / "release" / "training_config.json").read_text())
    assert config["teacher"] == [str(tiny_backbone)] and config["distill_weight"] == 0.5
    command = train_command(config)
    assert f"--teacher {tiny_backbone} --distill-weight 0.5 --distill-temperature 2.0" in command
    from bench import training_runs

    assert training_runs.summarise(distilled)["distill_weight"] == 0.5
    assert training_runs.summarise(distilled)["teachers"] == 1
    assert "--distill" not in train_command(json.loads((plain / "release" / "training_config.json").read_text()))

    from transformers import BertConfig, BertForSequenceClassification

    from models.distill import load_teacher

    tiny = BertConfig(vocab_size=99, hidden_size=8, num_hidden_layers=1, num_attention_heads=1, intermediate_size=8)
    BertForSequenceClassification(tiny).save_pretrained(tmp_path / "other-vocabulary")
    _, student = train_stance.load_backbone(str(deep))
    with pytest.raises(ValueError, match="does not share the student's vocabulary"):
        load_teacher(str(tmp_path / "other-vocabulary"), student, "cpu")


def test_training_cuts_long_premises_from_the_start_as_the_service_does(tiny_backbone: Path) -> None:
    tokenizer, _ = train_stance.load_backbone(str(tiny_backbone))
    batch = [Pair("old start " * 40 + "the passage", "claim", 0, "toy")]
    ids = train_stance.encode(tokenizer, batch, 16)["input_ids"][0].tolist()
    assert tokenizer.decode(ids, skip_special_tokens=True).split()[-3:] == ["the", "passage", "claim"]


def ablation_totals(pairs: list[Pair], probs: list[float]) -> dict[str, int]:
    """``consistency_ablation``'s overall counts for toy pairs that all get the same probabilities."""
    rows = np.array([probs] * len(pairs), dtype=np.float32)
    return consistency_ablation({"toy": pairs}, rows)["overall"]


def test_ablation_counts_each_kind_of_mismatch_separately() -> None:
    counts = ablation_totals(
        [
            Pair("He met her 39 times.", "He met her 40 times.", 2, "toy"),
            Pair("It opened in 2019.", "It opened in 2017.", 2, "toy"),
            Pair("Annual inflation fell to 3%.", "Inflation rose.", 2, "toy"),
            Pair("It opened in 2019.", "It opened in 2019.", 0, "toy"),
        ],
        [0.9, 0.05, 0.05],
    )
    kinds = ("flagged", "plain", "adjusted", "numbers_only", "dates_only", "direction_only")
    assert {k: counts[k] for k in ("pairs", *kinds)} == {
        "pairs": 4,
        "flagged": 2,
        "plain": 1,
        "adjusted": 4,
        "numbers_only": 2,
        "dates_only": 2,
        "direction_only": 2,
    }
    assert counts["negation_only"] == counts["plain"]
    assert (counts["direction_contradiction"], counts["direction_entailment"]) == (1, 0)
    # moving 40% leaves 0.54 against 0.41; from 60% the turned direction tips
    shares = {share: counts[f"direction_share_{share}"] for share in SHARE_SWEEPS["direction"]}
    assert shares == {0.2: 1, 0.4: 1, 0.6: 2, 0.8: 2}


def test_ablation_counts_negations_by_label_and_what_each_share_would_do() -> None:
    counts = ablation_totals(
        [
            Pair("The mayor refused to sign the city budget.", "The mayor signed the city budget.", 2, "toy"),
            Pair("The mayor did not sign the budget.", "The mayor signed the city budget.", 2, "toy"),
            Pair("The mayor signed the city budget.", "The mayor signed the city budget.", 0, "toy"),
        ],
        [0.6, 0.0, 0.4],
    )
    by_label = tuple(counts[f"negation_{label}"] for label in ("entailment", "neutral", "contradiction"))
    assert by_label == (0, 0, 2)
    # moving 10% leaves 0.54 against 0.46, not enough; from 20% both denials tip
    shares = {share: counts[f"negation_share_{share}"] for share in SHARE_SWEEPS["negation"]}
    assert shares == {0.1: 1, 0.2: 3, 0.3: 3, 0.4: 3, 0.5: 3}
    assert (counts["plain"], counts["negation_only"]) == (1, 3)


def test_ablation_counts_missing_names_by_label_and_what_moving_them_to_neutral_would_do() -> None:
    counts = ablation_totals(
        [
            Pair("The mayor of Nantes resigned.", "The mayor of Lyon resigned.", 1, "toy"),
            Pair("The mayor, Tomas Vidal, resigned.", "The mayor, Ana Ruiz, resigned.", 2, "toy"),
            Pair("The mayor of Lyon resigned.", "The mayor of Lyon resigned.", 0, "toy"),
        ],
        [0.45, 0.40, 0.15],
    )
    by_label = tuple(counts[f"names_missing_{label}"] for label in ("entailment", "neutral", "contradiction"))
    assert by_label == (0, 1, 1)
    assert (counts["plain"], counts["names_to_neutral"], counts["names_other_person"]) == (1, 2, 1)
