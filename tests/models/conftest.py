"""Training fixtures: two tiny sets named like real ones, a tiny BERT backbone, and one finished run."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from models import train_stance
from models.stance_data import LABELS
from tests.conftest import save_tiny_bert

SUBJECTS = ["The council", "A harbour crew", "The minister", "Two hikers", "A small bakery", "The team"]
ACTIONS = ["opened a bridge", "closed the road", "won the final", "sold 40 loaves", "visited Oslo", "met twice"]


def _write_set(path: Path, rows: list[dict[str, str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row) + "\n" for row in rows)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two small sets named like real ones, so the default mix and dev split apply to them."""
    out = tmp_path_factory.mktemp("nli-data")
    rows = []
    for i, subject in enumerate(SUBJECTS):
        for j, action in enumerate(ACTIONS):
            premise = f"{subject} {action} on day {i * 7 + j}."
            rows += [
                {"premise": premise, "hypothesis": f"{subject} {action}.", "label": "entailment"},
                {"premise": premise, "hypothesis": f"{subject} never {action}.", "label": "contradiction"},
                {"premise": premise, "hypothesis": f"{subject} was tired.", "label": "neutral"},
            ]
    _write_set(out / "snli_dev.jsonl.gz", rows)
    _write_set(out / "fever_train.jsonl.gz", [r for r in rows if r["label"] != "neutral"])
    return out


@pytest.fixture(scope="module")
def tiny_backbone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 1-layer BERT without dropout, so two runs over the same batches give the same weights."""
    return save_tiny_bert(tmp_path_factory.mktemp("tiny-backbone"), LABELS, dropout=0.0)


def train_args(data: Path, backbone: Path, work: Path, *extra: str) -> list[str]:
    return [
        "--data",
        str(data),
        "--backbone",
        str(backbone),
        "--work",
        str(work),
        "--out",
        str(work / "release"),
        "--batch-size",
        "8",
        "--max-steps",
        "6",
        "--checkpoint-every",
        "3",
        "--log-every",
        "2",
        "--threads",
        "1",
        *extra,
    ]


@pytest.fixture(scope="module")
def first_run(data_dir: Path, tiny_backbone: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("run-uninterrupted")
    train_stance.main(train_args(data_dir, tiny_backbone, work))
    return work
