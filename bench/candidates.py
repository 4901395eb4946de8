"""Candidate stance models against the shipped one on dev: pooled, pooled gold, swapped-name probe.

Usage: python bench/candidates.py BASE CANDIDATE [CANDIDATE ...] [--mix 0.5 0.7]
       [--data ../shared/datasets] [--limit N] [--name candidates] [--out bench/results]
       python bench/candidates.py --scored FILE.json [--name candidates] [--out bench/results]

A run can raise pooled dev accuracy by answering "neutral" more often: it gains on the silver set
(``models.stance_data.SILVER_SETS``) and loses on the annotated ones. So each model is scored on
pooled dev, on pooled gold (without the silver sets) and on the swapped-name probe
(``models/name_probe.py``, gold neutral: how many it still reads as entailment), which is what such a
shift is meant to fix. Each candidate is also scored as a weight interpolation with the base
(``alpha`` x candidate + (1 - ``alpha``) x base, ``--mix``): for models fine-tuned from the same
weights this often keeps the new run's gains and loses less of what the base knew (Wortsman et al.,
"Robust fine-tuning of zero-shot models", 2022). ``--scored`` tabulates rows this script wrote
elsewhere, such as on a lent GPU, where the candidates' weights stay.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from models.name_probe import name_probe_pairs  # noqa: E402
from models.stance_data import LABELS, Pair, load_splits, pooled_accuracy  # noqa: E402
from models.train_stance import evaluate, load_backbone, resolve_device  # noqa: E402

SETS = ("snli_dev", "mnli_subset")
MAX_LENGTH = 128


def interpolated(base: Any, candidate: Any, alpha: float) -> dict[str, Any]:
    """The weights ``alpha`` x candidate + (1 - ``alpha``) x base; integer buffers (position ids)
    are the candidate's."""
    theirs, ours = candidate.state_dict(), base.state_dict()
    return {k: alpha * v + (1 - alpha) * ours[k] if v.is_floating_point() else v for k, v in theirs.items()}


def score(
    name: str, model: Any, tokenizer: Any, dev: dict[str, list[Pair]], probe: list[Pair], device: str
) -> dict[str, Any]:
    model.to(device)
    report = evaluate(model, tokenizer, dev, MAX_LENGTH, device)
    read = evaluate(model, tokenizer, {"probe": probe}, MAX_LENGTH, device)
    model.to("cpu")
    # the probe is gold neutral, so its confusion row for neutral says how each pair was read
    counts = read["probe"]["confusion"][LABELS.index("neutral")] if probe else [0] * len(LABELS)
    return {
        "model": name,
        "pooled_accuracy": round(pooled_accuracy(report), 4),
        "pooled_gold_accuracy": round(pooled_accuracy(report, gold_only=True), 4),
        "accuracy": {s: round(report[s]["accuracy"], 4) for s in SETS if s in report},
        "name_probe": dict(zip(LABELS, counts, strict=True)),
    }


def scored_models(args: argparse.Namespace) -> list[dict[str, Any]]:
    device = resolve_device("auto")
    _, dev = load_splits(args.data)
    dev = {name: pairs[: args.limit or None] for name, pairs in dev.items()}
    probe = name_probe_pairs(dev)
    tokenizer, base = load_backbone(str(args.base))
    rows = [score(f"{args.base} (base)", base, tokenizer, dev, probe, device)]
    for path in args.candidates:
        candidate = load_backbone(str(path))[1]
        rows.append(score(str(path), candidate, tokenizer, dev, probe, device))
        for alpha in args.mix:
            mixed = copy.deepcopy(candidate)
            mixed.load_state_dict(interpolated(base, candidate, alpha))
            rows.append(score(f"{path} x{alpha} + base x{1 - alpha:g}", mixed, tokenizer, dev, probe, device))
    return rows


def table(rows: list[dict[str, Any]]) -> list[str]:
    head = ["model", "pooled dev acc", "pooled gold dev acc", *SETS, "name probe read as ent / neu / con"]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for r in rows:
        per_set = " | ".join(f"{r['accuracy'][s]:.4f}" if s in r["accuracy"] else "-" for s in SETS)
        probe = " / ".join(str(r["name_probe"][label]) for label in LABELS)
        lines.append(
            f"| {r['model']} | {r['pooled_accuracy']:.4f} | {r['pooled_gold_accuracy']:.4f} | {per_set} | {probe} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path, nargs="?", help="the shipped model (or any model folder)")
    parser.add_argument("candidates", type=Path, nargs="*", help="model folders of the same shape")
    parser.add_argument("--mix", type=float, nargs="*", default=[], help="interpolation weights of each candidate")
    parser.add_argument("--scored", type=Path, help="tabulate this JSON of rows instead of scoring models")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--limit", type=int, default=0, help="dev pairs per set (0 = all)")
    parser.add_argument("--name", default="candidates", help="results file name")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    if args.scored is None and (args.base is None or not args.candidates):
        parser.error("give a base and at least one candidate, or --scored FILE")
    if any(not 0.0 <= alpha <= 1.0 for alpha in args.mix):
        parser.error("--mix weights must lie in [0, 1]")
    rows = json.loads(args.scored.read_text()) if args.scored else scored_models(args)
    source = f"rows scored on another machine ({args.scored.name}), tabulated on " if args.scored else ""
    write_results(args.out, args.name, "Candidate stance models on dev", source, table(rows), rows)


if __name__ == "__main__":
    main()
