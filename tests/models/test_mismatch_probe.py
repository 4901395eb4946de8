"""The counterfactual probe changes a number the premise gives, and counts what adjusting fixes."""

from __future__ import annotations

import numpy as np
import pytest

from models.evaluate_stance import probe_ablation
from models.mismatch_probe import changed_count, changed_year, probe_pairs
from models.stance_data import Pair


@pytest.mark.parametrize(
    ("hypothesis", "premise", "expected"),
    [
        ("Two men are relaxing.", "Two men sit on crates.", "Three men are relaxing."),
        ("two men chase a ball", "A ball is chased by 2 men.", "three men chase a ball"),
        ("She won 3 titles in 2019.", "She won 3 titles that year.", "She won 4 titles in 2019."),
        ("Twenty people came.", "Twenty people came to the party.", "Nineteen people came."),
        ("Three dogs run.", "Two dogs run.", None),
        ("It cost 2.5 million.", "It cost 2.5 million.", None),
        ("COVID-19 spreads in air.", "The virus behind COVID-19 is airborne.", None),
        ("It opened in 2019.", "It opened in 2019.", None),
    ],
)
def test_changed_count(hypothesis: str, premise: str, expected: str | None) -> None:
    assert changed_count(hypothesis, premise) == expected


def test_changed_year_moves_a_shared_year_on_by_one() -> None:
    assert changed_year("Annie was released in 2014.", "Annie is a 2014 film.") == "Annie was released in 2015."
    assert changed_year("Annie was released in 2014.", "Annie is a film.") is None


def test_probe_pairs_come_from_entailment_pairs_only_and_are_contradictions() -> None:
    dev = {
        "toy": [
            Pair("Two men sit on crates.", "Two men are relaxing.", 0, "toy"),
            Pair("Two men sit on crates.", "Two men are running.", 2, "toy"),
            Pair("The film came out in 2014.", "It was released in 2014.", 0, "toy"),
        ]
    }
    probe = probe_pairs(dev)
    assert probe["numbers"] == [Pair("Two men sit on crates.", "Three men are relaxing.", 2, "toy")]
    assert probe["years"] == [Pair("The film came out in 2014.", "It was released in 2015.", 2, "toy")]


def test_probe_ablation_counts_what_acting_on_each_kind_fixes() -> None:
    pairs = {
        "numbers": [
            Pair("He met her 39 times.", "He met her 40 times.", 2, "toy"),
            Pair("Two men sit.", "Three men sit.", 2, "toy"),
        ],
        "years": [Pair("It opened in 2019.", "It opened in 2020.", 2, "toy")],
    }
    entails = np.array([0.9, 0.05, 0.05], dtype=np.float32)
    probs = {"numbers": np.stack([entails, entails]), "years": np.stack([entails])}
    assert probe_ablation(probs, pairs) == {
        "numbers": {"pairs": 2, "flagged": 2, "plain": 0, "adjusted": 2},
        "years": {"pairs": 1, "flagged": 1, "plain": 0, "adjusted": 1},
    }
