"""Dev accuracy of stance models alone and as one ensemble: is distilling from several teachers worth it?

Usage: python bench/teacher_ensemble.py MODEL MODEL [MODEL ...] [--data ../shared/datasets]
       [--limit N] [--name teacher_ensemble] [--out bench/results]

``train_stance --teacher A --teacher B`` teaches a student the teachers' mean probabilities. That
only helps when the mean is right more often than each teacher, which needs teachers whose errors
differ; this measures it on the held-out dev split (PyTorch, the same pooling as the release rule).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from models.evaluate_stance import model_logits  # noqa: E402
from models.stance_data import Pair, load_splits  # noqa: E402

SETS = ("snli_dev", "mnli_subset")


def probabilities(model: Path, pairs: list[Pair]) -> np.ndarray:
    from service.pipeline.stance import CrossEncoderStance, softmax

    logits, _ = model_logits(CrossEncoderStance(str(model)), pairs)
    return softmax(logits)


def scores(name: str, probs: np.ndarray, pairs: list[Pair]) -> dict[str, Any]:
    right = probs.argmax(axis=1) == np.array([p.label for p in pairs])
    sources = np.array([p.source for p in pairs])
    per_set = {s: round(float(right[sources == s].mean()), 4) for s in SETS if (sources == s).any()}
    return {"model": name, "pooled_accuracy": round(float(right.mean()), 4), "accuracy": per_set}


def table(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| model | pooled dev acc | " + " | ".join(SETS) + " |", "|---" * (2 + len(SETS)) + "|"]
    for r in rows:
        per_set = " | ".join(f"{r['accuracy'][s]:.4f}" if s in r["accuracy"] else "-" for s in SETS)
        lines.append(f"| {r['model']} | {r['pooled_accuracy']:.4f} | {per_set} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", type=Path, nargs="+", help="stance model folders (at least two)")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--limit", type=int, default=0, help="dev pairs per set (0 = all)")
    parser.add_argument("--name", default="teacher_ensemble", help="results file name")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    if len(args.models) < 2:
        parser.error("an ensemble needs at least two models")
    _, dev = load_splits(args.data)
    pairs = [p for name in sorted(dev) for p in dev[name][: args.limit or None]]
    probs = {model: probabilities(model, pairs) for model in args.models}
    rows = [scores(str(model), p, pairs) for model, p in probs.items()]
    rows.append(scores("mean of all", np.mean(list(probs.values()), axis=0), pairs))
    write_results(
        args.out,
        args.name,
        "Stance models alone and as an ensemble (mean probabilities), dev accuracy",
        f"{len(pairs)} dev pairs, ",
        table(rows),
        rows,
    )


if __name__ == "__main__":
    main()
