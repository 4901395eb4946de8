"""Compare finished stance training runs by the dev metrics they logged.

Usage: python bench/training_runs.py RUN_DIR [RUN_DIR ...] [--name training_runs] [--out bench/results]

Each RUN_DIR is a ``--work`` folder of ``python -m models.train_stance`` (``dev_metrics.json``,
``release/training_config.json`` and ``release/config.json``). Runs on a lent GPU are picked this
way: the machine is gone by the time ``make stance-release`` could evaluate them, and the dev numbers
``train_stance`` logs come from the same split, tokenizer cut and pooling as ``evaluate_stance``'s
PyTorch row. "pooled" is accuracy over every dev pair of every set, the release rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from models.model_card import as_list, steps_run  # noqa: E402

SETS = ("snli_dev", "mnli_subset", "sick_train_trial", "fever_train", "fnc1_train70")


def pooled_accuracy(metrics: dict[str, Any]) -> float:
    return sum(m["accuracy"] * m["n"] for m in metrics.values()) / sum(m["n"] for m in metrics.values())


def summarise(work: Path) -> dict[str, Any]:
    config = json.loads((work / "release" / "training_config.json").read_text())
    metrics = json.loads((work / "dev_metrics.json").read_text())
    model = json.loads((work / "release" / "config.json").read_text())
    steps = steps_run(config)
    return {
        "run": work.name,
        "device": config["device"],
        "layers": model["num_hidden_layers"],
        "ffn_units": model["intermediate_size"],
        # the teacher's share of the loss (--distill-weight); None when no teacher taught the run
        "distill_weight": config.get("distill_weight") if config.get("teacher") else None,
        # how many teachers taught it (their mean probabilities, when several)
        "teachers": len(as_list(config.get("teacher"))),
        "epochs": config["epochs"],
        "batch_size": config["batch_size"],
        "lr": config["lr"],
        "steps": steps,
        "planned_steps": config["steps"],
        "max_minutes": config.get("max_minutes", 0),
        "pairs_seen": steps * config["batch_size"],
        "pooled_accuracy": round(pooled_accuracy(metrics), 4),
        "accuracy": {name: metrics[name]["accuracy"] for name in SETS if name in metrics},
    }


def table(rows: list[dict[str, Any]]) -> list[str]:
    head = [
        "run",
        "device",
        "layers",
        "feed-forward units",
        "teachers",
        "teacher share of loss",
        "epochs planned",
        "batch",
        "lr",
        "budget (min)",
        "steps (of planned)",
        "pairs seen",
        "pooled dev acc",
        *SETS,
    ]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for r in rows:
        per_set = " | ".join(f"{r['accuracy'][s]:.4f}" if s in r["accuracy"] else "-" for s in SETS)
        cells = [
            r["run"],
            r["device"],
            r["layers"],
            r["ffn_units"],
            r["teachers"] or "-",
            r["distill_weight"] or "-",
            r["epochs"],
            r["batch_size"],
            r["lr"],
            r["max_minutes"] or "-",
        ]
        cells += [f"{r['steps']} ({r['planned_steps']})", f"{r['pairs_seen']:,}", f"{r['pooled_accuracy']:.4f}"]
        lines.append("| " + " | ".join(str(c) for c in cells) + f" | {per_set} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=Path, nargs="+", help="train_stance --work folders")
    parser.add_argument("--name", default="training_runs", help="results file name")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    missing = [str(r) for r in args.runs if not (r / "dev_metrics.json").is_file()]
    if missing:
        parser.error(f"not a finished run (no dev_metrics.json): {', '.join(missing)}")
    rows = [summarise(run) for run in args.runs]
    write_results(
        args.out,
        args.name,
        "Stance training runs, dev accuracy as logged by train_stance",
        f"{len(rows)} runs, ",
        table(rows),
        rows,
    )


if __name__ == "__main__":
    main()
