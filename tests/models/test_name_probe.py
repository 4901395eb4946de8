"""The swapped-name probe: a claim about someone the passage does not mention is gold neutral."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from models import train_stance
from models.evaluate_stance import name_probe_counts
from models.model_card import train_command
from models.name_probe import name_probe_pairs
from models.stance_data import LABELS, Pair
from tests.conftest import save_tiny_bert


def test_a_named_entailment_pair_gets_another_name_of_its_set() -> None:
    dev = {
        "toy": [
            Pair("Greta Gerwig directed Lady Bird in 2017.", "Greta Gerwig directed a film.", 0, "toy"),
            Pair("Rafael Nadal won in Paris.", "Rafael Nadal is a tennis player.", 0, "toy"),
            # not entailment: no probe pair, though its name joins the pool
            Pair("Ada Lovelace wrote notes.", "Ada Lovelace built a bridge.", 2, "toy"),
            # no name of two words in the hypothesis
            Pair("The dog runs.", "A dog is running.", 0, "toy"),
        ]
    }
    probe = name_probe_pairs(dev)
    assert probe == [
        Pair("Greta Gerwig directed Lady Bird in 2017.", "Rafael Nadal directed a film.", 1, "toy"),
        Pair("Rafael Nadal won in Paris.", "Ada Lovelace is a tennis player.", 1, "toy"),
    ]
    assert name_probe_pairs(dev) == probe  # the same on every run


def test_a_name_the_premise_also_mentions_is_never_the_replacement() -> None:
    dev = {
        "toy": [
            Pair("Greta Gerwig and Noah Baumbach wrote it.", "Greta Gerwig wrote a film.", 0, "toy"),
            Pair("Noah Baumbach wrote it.", "Noah Baumbach wrote a film.", 0, "toy"),
        ]
    }
    # the first premise mentions both names, so it has no replacement
    assert name_probe_pairs(dev) == [Pair("Noah Baumbach wrote it.", "Greta Gerwig wrote a film.", 1, "toy")]


def test_name_probe_counts_predictions_and_what_moving_entailment_to_neutral_fixes() -> None:
    pairs = [
        Pair("Noah Baumbach wrote it.", "Greta Gerwig wrote a film.", 1, "toy"),
        Pair("Noah Baumbach wrote it.", "Greta Gerwig wrote a book.", 1, "toy"),
    ]
    probs = np.array([[0.5, 0.4, 0.1], [0.9, 0.05, 0.05]], dtype=np.float32)
    assert name_probe_counts(probs, pairs) == {
        "pairs": 2,
        "flagged": 2,
        "read_as_entailment": 2,
        "read_as_neutral": 0,
        "read_as_contradiction": 0,
        # 30% of 0.5 moves: 0.35 against 0.55, neutral; 0.9 stays entailment
        "names_to_neutral": 1,
    }


def test_swapped_name_pairs_join_the_mix_untaught_and_are_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    from models import distill

    people = ["Ada Lovelace", "Greta Gerwig", "Rafael Nadal", "Nina Simone"]
    rows = [
        {
            "premise": f"In {1900 + i}, {person} wrote a long letter.",
            "hypothesis": f"{person} wrote.",
            "label": "entailment",
        }
        for i, person in enumerate(people * 6)
    ]
    data = tmp_path / "data"
    data.mkdir()
    with gzip.open(data / "fever_train.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row) + "\n" for row in rows)
    backbone = save_tiny_bert(tmp_path / "tiny", LABELS, dropout=0.0)
    seen: list[torch.Tensor] = []
    original = distill.distillation_loss

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(kwargs["taught"])
        return original(*args, **kwargs)

    monkeypatch.setattr(train_stance, "distillation_loss", spy)
    work = tmp_path / "run"
    train_stance.main(
        ["--data", str(data), "--backbone", str(backbone), "--work", str(work), "--out", str(work / "release")]
        + ["--batch-size", "8", "--threads", "1", "--swap-names", "5", "--teacher", str(backbone)]
    )
    config = json.loads((work / "release" / "training_config.json").read_text())
    assert config["swap_names"] == 5 and config["swapped_name_pairs"] == 5
    assert "--swap-names 5" in train_command(config)
    untaught = int(sum((~mask).sum() for mask in seen))
    assert untaught == 5 * config["epochs"], "each swapped pair, and only those, skips the teachers"
