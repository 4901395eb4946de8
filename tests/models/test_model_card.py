"""The committed model card is the one its generator renders from the shipped reports."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from models.card_consistency import best_share
from models.evaluate_stance import SHARE_SWEEPS, default_adjust_mode
from models.model_card import render, shape_line, two_way_sets
from models.stance_data import LABELS, SILVER_SETS, pooled_accuracy
from service.pipeline.consistency import ADJUST_SHARES, DIRECTION_MISMATCH, NEGATION
from service.settings import Settings
from tests.conftest import REPO, save_tiny_bert


def test_committed_model_card_is_the_rendered_one() -> None:
    """models/README.md is generated: edit models/model_card.py and run `python -m models.model_card`."""
    rendered = render(REPO / "models" / "stance", REPO / "bench" / "results")
    assert (REPO / "models" / "README.md").read_text(encoding="utf-8") == rendered


def test_the_card_quotes_pooled_gold_dev_accuracy_without_the_silver_sets() -> None:
    report = json.loads((REPO / "models" / "stance" / "dev_report.json").read_text())
    per_set = report["runtimes"]["torch"]["per_set"]
    gold = pooled_accuracy(per_set, gold_only=True)
    card = (REPO / "models" / "README.md").read_text(encoding="utf-8")
    assert (
        f"| **all but silver** | {sum(m['n'] for k, m in per_set.items() if k not in SILVER_SETS)} | **{gold:.4f}** |"
        in card
    )


def test_two_way_sets_are_those_without_gold_neutral_pairs() -> None:
    def per_set(neutral_row: list[int]) -> dict[str, list[list[int]]]:
        return {"confusion": [[5, 1, 0], neutral_row, [0, 2, 7]]}

    report = {"runtimes": {"torch": {"per_set": {"fever": per_set([0, 0, 0]), "snli": per_set([1, 4, 2])}}}}
    assert two_way_sets(report) == ["fever"]


def test_shape_line_reads_the_network_from_its_files(tmp_path: Path) -> None:
    from transformers import BertForSequenceClassification

    save_tiny_bert(tmp_path, LABELS, layers=2)
    parameters = BertForSequenceClassification.from_pretrained(tmp_path).num_parameters()
    assert shape_line(tmp_path) == (
        f"Shipped network: 2 layers, 32 hidden, 64 feed-forward units per layer, {parameters / 1e6:.1f}M parameters."
    )


def test_the_consistency_adjust_default_follows_the_committed_ablation() -> None:
    report = json.loads((REPO / "models" / "stance" / "dev_report.json").read_text())
    default = next(f.default for f in dataclasses.fields(Settings) if f.name == "consistency_adjust")
    assert default == default_adjust_mode(report["consistency_ablation"]["overall"], report["mismatch_probe"])


@pytest.mark.parametrize(("prefix", "kind"), [("negation", NEGATION), ("direction", DIRECTION_MISMATCH)])
def test_a_swept_share_is_the_best_of_the_committed_sweep(prefix: str, kind: str) -> None:
    report = json.loads((REPO / "models" / "stance" / "dev_report.json").read_text())
    assert ADJUST_SHARES[kind] == best_share(report["consistency_ablation"]["overall"], prefix)


def test_best_share_prefers_the_smaller_share_on_a_tie() -> None:
    shares = SHARE_SWEEPS["negation"]
    sweep = {f"negation_share_{share}": 10 for share in shares}
    assert best_share({**sweep, "negation_share_0.3": 12, "negation_share_0.4": 12}, "negation") == 0.3
    assert best_share(sweep, "negation") == min(shares)


def test_a_kind_of_mismatch_is_acted_on_when_it_costs_no_dev_pair_and_fixes_its_probe() -> None:
    dev = {
        "plain": 8000,
        "numbers_only": 8000,
        "dates_only": 7999,
        "direction_only": 7999,
        "roles_only": 8000,
        "negation_only": 8000,
    }
    fixed = {"pairs": 100, "plain": 50, "adjusted": 90, "read_as_entailment": 45}
    unfixed = {"pairs": 100, "plain": 50, "adjusted": 50, "read_as_entailment": 45}
    fixes = {
        "numbers": fixed,
        "years": fixed,
        "months": unfixed,
        "direction": fixed,
        "roles": unfixed,
        "negation": unfixed,
    }
    assert default_adjust_mode(dev, fixes) == "numbers"
    assert default_adjust_mode({**dev, "dates_only": 8001}, fixes) == "numbers,dates"
    assert default_adjust_mode({**dev, "direction_only": 8000}, fixes) == "numbers,direction"
    # a probe too small to judge: the kind must gain dev pairs
    small = {**fixes, "direction": {"pairs": 19, "plain": 12, "adjusted": 12, "read_as_entailment": 3}}
    assert default_adjust_mode({**dev, "direction_only": 8000}, small) == "numbers"
    assert default_adjust_mode({**dev, "direction_only": 8004}, small) == "numbers,direction"
    everything = {**dev, "dates_only": 8001, "direction_only": 8000}
    assert default_adjust_mode(everything, {**fixes, "roles": fixed, "negation": fixed}) == "all"
    assert default_adjust_mode(everything, {**fixes, "negation": fixed}) == "numbers,dates,direction,negation"
    assert default_adjust_mode({**dev, "numbers_only": 7999}, fixes) == "none"
    barely = {**fixes, "numbers": {"pairs": 100, "plain": 50, "adjusted": 52, "read_as_entailment": 45}}
    assert default_adjust_mode({**dev, "dates_only": 8001}, barely) == "dates"
    # the dates mode is judged on its years and months probes together
    assert default_adjust_mode({**dev, "dates_only": 8001}, {**fixes, "years": unfixed}) == "numbers"
    assert (
        default_adjust_mode({**dev, "dates_only": 8001}, {**fixes, "years": {**fixed, "adjusted": 60}})
        == "numbers,dates"
    )


def test_a_probe_is_judged_by_the_pairs_acting_could_fix() -> None:
    """Acting moves entailment, so a probe the model mostly reads as neutral or contradiction is
    judged by the few it reads as entailment: 16 fixed of 1273 pairs, 42 of them read as entailment."""
    dev = {
        "plain": 8000,
        "numbers_only": 7999,
        "dates_only": 7999,
        "direction_only": 7999,
        "roles_only": 8000,
        "negation_only": 8007,
    }
    unfixed = {"pairs": 100, "plain": 50, "adjusted": 50, "read_as_entailment": 45}
    negation = {"pairs": 1273, "plain": 905, "adjusted": 921, "read_as_entailment": 42}
    probe = {
        "numbers": unfixed,
        "years": unfixed,
        "months": unfixed,
        "direction": unfixed,
        "roles": unfixed,
        "negation": negation,
    }
    assert default_adjust_mode(dev, probe) == "negation"
    assert default_adjust_mode(dev, {**probe, "negation": {**negation, "read_as_entailment": 400}}) == "none"
