"""Compare finished stance training runs by the dev metrics they logged.

Usage: python bench/training_runs.py RUN_DIR [RUN_DIR ...] [--name training_runs] [--out bench/results]

Each RUN_DIR is a ``--work`` folder of ``python -m models.train_stance`` (``dev_metrics.json`` and
``config.json``, with ``release/`` when the run had ``--out``) or a release folder such as
``models/stance``. Runs on a lent GPU are picked this way: the machine is gone by the time
``make stance-release`` could evaluate them, and the dev numbers ``train_stance`` logs come from the
same split, tokenizer cut and pooling as ``evaluate_stance``'s PyTorch row. "pooled" is accuracy
over every dev pair of every set; "pooled gold" leaves out the silver sets
(``models.stance_data.SILVER_SETS``). A release must beat the shipped model on pooled without
losing on pooled gold.
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
from models.stance_data import pooled_accuracy  # noqa: E402

SETS = ("snli_dev", "mnli_subset", "sick_train_trial", "fever_train", "fnc1_train70")


def run_configs(run: Path) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """The run's name, training config and model config, from a work folder with or without a
    release, or from a release folder (named by the run it was released from)."""
    if (run / "release").is_dir():
        run_config = json.loads((run / "release" / "training_config.json").read_text())
        return run.name, run_config, json.loads((run / "release" / "config.json").read_text())
    if (run / "training_config.json").is_file():
        run_config = json.loads((run / "training_config.json").read_text())
        return Path(run_config["out"]).parent.name, run_config, json.loads((run / "config.json").read_text())
    run_config = json.loads((run / "config.json").read_text())
    if run_config.get("keep_layers") or run_config.get("ffn_units"):
        raise ValueError(f"{run}: a run that reshaped its backbone needs its release/ to say its shape")
    # a run that kept its backbone's shape has the backbone's layers and units
    backbone = Path(run_config["backbone"])
    backbone = backbone if backbone.is_absolute() else REPO / backbone
    return run.name, run_config, json.loads((backbone / "config.json").read_text())


def summarise(work: Path) -> dict[str, Any]:
    name, config, model = run_configs(work)
    metrics = json.loads((work / "dev_metrics.json").read_text())
    steps = steps_run(config)
    return {
        "run": name,
        "device": config["device"],
        "layers": model["num_hidden_layers"],
        "ffn_units": model["intermediate_size"],
        # the teacher's share of the loss (--distill-weight); None when no teacher taught the run
        "distill_weight": config.get("distill_weight") if config.get("teacher") else None,
        # how many teachers taught it (their mean probabilities, when several)
        "teachers": len(as_list(config.get("teacher"))),
        "swapped_name_pairs": config.get("swapped_name_pairs", 0),
        "epochs": config["epochs"],
        "batch_size": config["batch_size"],
        "lr": config["lr"],
        "steps": steps,
        "planned_steps": config["steps"],
        "max_minutes": config.get("max_minutes", 0),
        "pairs_seen": steps * config["batch_size"],
        "pooled_accuracy": round(pooled_accuracy(metrics), 4),
        "pooled_gold_accuracy": round(pooled_accuracy(metrics, gold_only=True), 4),
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
        "swapped-name pairs",
        "epochs planned",
        "batch",
        "lr",
        "budget (min)",
        "steps (of planned)",
        "pairs seen",
        "pooled dev acc",
        "pooled gold dev acc",
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
            f"{r['swapped_name_pairs']:,}" if r["swapped_name_pairs"] else "-",
            r["epochs"],
            r["batch_size"],
            r["lr"],
            r["max_minutes"] or "-",
        ]
        cells += [f"{r['steps']} ({r['planned_steps']})", f"{r['pairs_seen']:,}", f"{r['pooled_accuracy']:.4f}"]
        cells.append(f"{r['pooled_gold_accuracy']:.4f}")
        lines.append("| " + " | ".join(str(c) for c in cells) + f" | {per_set} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", type=Path, nargs="+", help="train_stance --work folders or release folders")
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
