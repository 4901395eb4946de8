"""Stance training data: read the shared NLI / fact-verification sets, split dev, build the mix.

The dev split is deterministic and grouped, so no claim (or caption premise) is in both train and
dev: a pair goes to dev iff ``sha1(group_key) % 100 < DEV_PERCENT``, where the group key is the
premise for caption-style NLI sets (one premise, three hypotheses) and the hypothesis (the claim)
for every other set. Each set's dev part is capped at ``DEV_CAP`` pairs, taken in hash order.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LABELS: tuple[str, ...] = ("entailment", "neutral", "contradiction")
LABEL_IDS = {name: i for i, name in enumerate(LABELS)}
DEV_PERCENT = 10
DEV_CAP = 1000
GROUP_BY_PREMISE = frozenset(
    {"snli_dev", "mnli_subset", "sick_train_trial", "joci_train", "mpe_train", "cad_snli_train"}
)
# Pairs per set per epoch (None = all of the train part). Picked so one epoch is about two CPU
# hours; the silver NEI set is kept small because its labels are noisy.
DEFAULT_MIX: dict[str, int | None] = {
    "snli_dev": None,
    "mnli_subset": None,
    "sick_train_trial": None,
    "joci_train": None,
    "mpe_train": None,
    "cad_snli_train": None,
    "fever_train": 30000,
    "fever_rte_dev": None,
    "fnc1_train70": 15000,
    "perspectrum": 6000,
    "covidfact": None,
    "healthver_dev": None,
    "scifact_rte": None,
    "liarplus_val": None,
    "wice_dev": None,
    "fever_train_nei_silver": 5000,
}
# Sets whose labels were made by a rule, not by annotators (../shared/datasets/README.md: "silver").
# Their dev part is scored like the rest, but a run that merely says "neutral" more often gains
# there while losing on the annotated sets, so the release rule also reads accuracy without them.
SILVER_SETS = frozenset({"fever_train_nei_silver"})


def pooled_accuracy(metrics: dict[str, Any], gold_only: bool = False) -> float:
    """Accuracy over every dev pair of the sets in ``metrics`` (per set: ``accuracy`` and ``n``);
    without the silver sets if ``gold_only``."""
    sets = [m for name, m in metrics.items() if not (gold_only and name in SILVER_SETS)]
    return sum(m["accuracy"] * m["n"] for m in sets) / sum(m["n"] for m in sets)


@dataclass(frozen=True)
class Pair:
    premise: str
    hypothesis: str
    label: int
    source: str


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def read_set(path: Path) -> Iterator[Pair]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            yield Pair(row["premise"], row["hypothesis"], LABEL_IDS[row["label"]], row.get("source", path.stem))


def split_set(pairs: list[Pair]) -> tuple[list[Pair], list[Pair]]:
    """Split one set into (train, dev) by the grouped hash rule in the module docstring."""
    train: list[Pair] = []
    dev: list[tuple[int, Pair]] = []
    for pair in pairs:
        key = pair.premise if pair.source in GROUP_BY_PREMISE else pair.hypothesis
        h = _hash(key)
        if h % 100 < DEV_PERCENT:
            dev.append((_hash(pair.premise + "\t" + pair.hypothesis), pair))
        else:
            train.append(pair)
    dev.sort(key=lambda item: item[0])
    return train, [pair for _, pair in dev[:DEV_CAP]]


def load_splits(data_dir: Path) -> tuple[dict[str, list[Pair]], dict[str, list[Pair]]]:
    """Return per-set train and dev pairs for every ``*.jsonl.gz`` in ``data_dir``."""
    train: dict[str, list[Pair]] = {}
    dev: dict[str, list[Pair]] = {}
    for path in sorted(data_dir.glob("*.jsonl.gz")):
        name = path.name.removesuffix(".jsonl.gz")
        train[name], dev[name] = split_set(list(read_set(path)))
    return train, dev


def build_mix(train: dict[str, list[Pair]], mix: dict[str, int | None], seed: int) -> list[Pair]:
    """Sample each set down to its quota (sets missing from ``mix`` are left out), then shuffle."""
    rng = random.Random(seed)
    out: list[Pair] = []
    for name, pairs in sorted(train.items()):
        if name not in mix:
            continue
        quota = mix[name]
        chosen = list(pairs) if quota is None or quota >= len(pairs) else rng.sample(pairs, quota)
        out.extend(chosen)
    rng.shuffle(out)
    return out
