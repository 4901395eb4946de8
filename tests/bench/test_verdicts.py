"""bench/verdicts.py: gold claims from dev pairs; bench/_grids.py: re-aggregation under other thresholds."""

from __future__ import annotations

import numpy as np

from bench._grids import (
    Passage,
    accuracy,
    below_floor_neutral,
    floor_rows,
    marks,
    missing_name_floor_rows,
    sweep,
    threshold_label,
    topic_only_floor_rows,
    verdicts_under,
    word_overlap_rows,
)
from bench.verdicts import add_conflicts, claims_from_pairs
from models.stance_data import LABEL_IDS, Pair
from service.pipeline.aggregate import Thresholds


def pair(premise: str, claim: str, label: str, source: str = "fever_train") -> Pair:
    return Pair(premise, claim, LABEL_IDS[label], source)


def test_one_article_per_premise_and_one_claim_per_label() -> None:
    pairs = {
        "fever_train": [
            pair("Ann was born in Oslo.", "Ann was born in Norway.", "entailment"),
            pair("Ann moved to Bergen in 1990.", "Ann was born in Norway.", "entailment"),
            pair("Ann was born in Oslo.", "Ann was born in Peru.", "contradiction"),
            pair("Bo is a painter.", "Bo is a poet.", "entailment"),
            pair("Bo writes no poems.", "Bo is a poet.", "contradiction"),
        ],
        "fever_train_nei_silver": [pair("Ann was born in Oslo.", "Ann likes tea.", "neutral")],
    }
    articles, claims = claims_from_pairs(pairs)
    assert len(articles) == 4 and len({a.source_id for a in articles}) == 4
    source_of = {a.text: a.source_id for a in articles}
    by_claim = {c["claim"]: c for c in claims}
    assert set(by_claim) == {"Ann was born in Norway.", "Ann was born in Peru.", "Ann likes tea."}, "Bo disagrees"
    norway = by_claim["Ann was born in Norway."]
    assert norway["verdict"] == "supported"
    assert norway["expected"] == {
        source_of["Ann was born in Oslo."]: "supports",
        source_of["Ann moved to Bergen in 1990."]: "supports",
    }
    assert by_claim["Ann was born in Peru."]["expected"] == {source_of["Ann was born in Oslo."]: "contradicts"}
    assert by_claim["Ann likes tea."]["verdict"] == "not_enough_info" and "expected" not in by_claim["Ann likes tea."]


def source(
    *scores: tuple[float, float, float], similarity: float = 0.8, other_subject: bool = False
) -> tuple[str, list[Passage]]:
    """One source's judged passages, named after their scores."""
    return str(scores), [Passage(np.array(s), similarity, other_subject) for s in scores]


def test_verdicts_follow_the_thresholds() -> None:
    supports, contradicts, unsure = source((0.7, 0.2, 0.1)), source((0.1, 0.2, 0.7)), source((0.65, 0.3, 0.05))
    claims = [[supports], [contradicts, unsure], [source((0.2, 0.6, 0.2))]]
    assert verdicts_under(claims, Thresholds(0.5, 0.5, 0.6)) == ["supported", "conflicting", "not_enough_info"]
    assert verdicts_under(claims, Thresholds(0.8, 0.5, 0.8)) == ["not_enough_info", "refuted", "not_enough_info"]


def test_passages_far_below_the_best_match_take_no_side() -> None:
    claim = [source((0.9, 0.05, 0.05), similarity=0.8), source((0.05, 0.05, 0.9), similarity=0.6)]
    assert verdicts_under([claim], Thresholds(margin=2.0)) == ["conflicting"]
    assert verdicts_under([claim], Thresholds(margin=0.1)) == ["supported"]
    assert verdicts_under([claim], Thresholds(margin=0.2)) == ["conflicting"]


def test_reaggregation_lets_an_explained_contradiction_win_as_the_service_does() -> None:
    support, contradiction = np.array([0.9, 0.05, 0.05]), np.array([0.2, 0.2, 0.6])
    explained = [("own", [Passage(support, 0.55), Passage(contradiction, 0.7, explained=True)])]
    unexplained = [("own", [Passage(support, 0.55), Passage(contradiction, 0.7)])]
    assert verdicts_under([explained, unexplained], Thresholds()) == ["refuted", "supported"]


def test_sweep_scores_each_half_with_thresholds_chosen_on_the_other() -> None:
    # Half 0 is right with a low support threshold, half 1 with a high one.
    claims = [[source((0.6, 0.3, 0.1))]] * 4
    gold = ["supported", "supported", "not_enough_info", "not_enough_info"]
    halves = np.array([0, 0, 1, 1])
    grid = [Thresholds(support, 0.5, 0.9) for support in (0.4, 0.5, 0.6, 0.7)]
    folds = sweep(claims, gold, halves, grid)
    for fold in folds:
        chosen = Thresholds(**fold["chosen"])
        predicted = verdicts_under(claims, chosen)
        assert fold["fit_accuracy"] == accuracy(predicted, gold, halves != fold["held_out_half"]) == 1.0
        assert fold["held_out_accuracy"] == accuracy(predicted, gold, halves == fold["held_out_half"]) == 0.0


def test_a_supported_claim_gets_a_source_that_changes_its_number() -> None:
    pairs = {
        "fever_train": [
            pair("The bridge opened in 1990 after years of work.", "The bridge opened in 1990.", "entailment"),
            pair("The bridge is made of steel.", "The bridge is made of steel.", "entailment"),
        ]
    }
    articles, claims = claims_from_pairs(pairs)
    assert add_conflicts(articles, claims) == 1
    by_claim = {c["claim"]: c for c in claims}
    dated = by_claim["The bridge opened in 1990."]
    assert dated["verdict"] == "conflicting" and sorted(dated["expected"].values()) == ["contradicts", "supports"]
    copy = next(a for a in articles if dated["expected"].get(a.source_id) == "contradicts")
    assert copy.text == "The bridge opened in 1991 after years of work."
    assert by_claim["The bridge is made of steel."]["verdict"] == "supported"


def test_the_chosen_margin_is_the_smallest_that_keeps_the_evidence() -> None:
    from bench._grids import margin_rows

    claims = [
        {"set": "fever_train", "verdict": "supported", "expected": {"own": "supports"}},
        {"set": "fever_train", "verdict": "refuted", "expected": {"own": "contradicts"}},
    ]
    scores = [
        [("own", [Passage(np.array([0.9, 0.05, 0.05]), 0.8)]), ("other", [Passage(np.array([0.05, 0.05, 0.9]), 0.5)])],
        [("own", [Passage(np.array([0.05, 0.05, 0.9]), 0.45)]), ("other", [Passage(np.array([0.9, 0.05, 0.05]), 0.8)])],
    ]
    rows = {row["margin"]: row for row in margin_rows(claims, scores, Thresholds())}
    assert rows[0.1]["own_evidence_found"] == 1 and rows[0.1]["accuracy"] == 0.5
    assert rows[2.0]["own_evidence_found"] == 2
    assert [m for m, row in rows.items() if row["chosen"]] == [0.4]


def test_a_similarity_floor_keeps_less_similar_passages_from_taking_a_side() -> None:
    far = [source((0.9, 0.05, 0.05), similarity=0.3)]
    near = [source((0.05, 0.05, 0.9), similarity=0.6)]
    claims = [far, near]
    assert verdicts_under(below_floor_neutral(claims, 0.2), Thresholds()) == ["supported", "refuted"]
    assert verdicts_under(below_floor_neutral(claims, 0.35), Thresholds()) == ["not_enough_info", "refuted"]


def test_the_floor_by_the_margins_rule_is_the_highest_that_keeps_the_own_evidence() -> None:
    evidence = {"evidence": "supports"}
    claims = [{"claim": "c", "set": "fever_train", "verdict": "supported", "expected": evidence}]
    scores = [[("evidence", [Passage(np.array([0.9, 0.05, 0.05]), 0.33)])]]
    rows = floor_rows(claims, scores, Thresholds())
    assert [r["floor"] for r in rows if r["by_rule"]] == [0.3]
    assert [r["own_evidence_found"] for r in rows] == [1, 1, 1, 0, 0, 0, 0]


def test_a_passage_about_another_subject_takes_no_side_under_the_floor() -> None:
    stranger = source((0.9, 0.05, 0.05), similarity=0.3, other_subject=True)
    pronoun = source((0.05, 0.05, 0.9), similarity=0.3)  # "He was acquitted": may be about the claim's subject
    assert verdicts_under([[stranger], [pronoun]], Thresholds()) == ["supported", "refuted"]
    assert verdicts_under([[stranger], [pronoun]], Thresholds(missing_name_floor=0.35)) == [
        "not_enough_info",
        "refuted",
    ]
    close = source((0.9, 0.05, 0.05), similarity=0.5, other_subject=True)
    assert verdicts_under([[close]], Thresholds(missing_name_floor=0.35)) == ["supported"]


def test_a_silenced_passage_is_not_the_margins_reference() -> None:
    stranger = source((0.9, 0.05, 0.05), similarity=0.34, other_subject=True)
    evidence = source((0.05, 0.05, 0.9), similarity=0.2)
    t = Thresholds(margin=0.1, missing_name_floor=0.35)
    assert verdicts_under([[stranger, evidence]], t) == ["refuted"]
    assert verdicts_under([[stranger, evidence]], Thresholds(margin=0.1)) == ["supported"]


def test_the_chosen_missing_name_floor_is_the_highest_that_keeps_the_evidence() -> None:
    claims = [
        {"claim": "a", "set": "fever_train", "verdict": "supported", "expected": {"own": "supports"}},
        {"claim": "b", "set": "fever_train", "verdict": "not_enough_info"},
    ]
    scores = [
        [("own", [Passage(np.array([0.9, 0.05, 0.05]), 0.42, other_subject=True)])],
        [("stranger", [Passage(np.array([0.9, 0.05, 0.05]), 0.33, other_subject=True)])],
    ]
    rows = {r["missing_name_floor"]: r for r in missing_name_floor_rows(claims, scores, Thresholds())}
    assert [f for f, r in rows.items() if r["chosen"]] == [0.4]
    assert rows[0.0]["accuracy"] == 0.5 and rows[0.4]["accuracy"] == 1.0
    assert rows[0.45]["own_evidence_found"] == 0


def test_the_chosen_word_overlap_is_the_most_accurate_that_keeps_the_evidence() -> None:
    claims = [
        {"claim": "a", "set": "fever_train", "verdict": "supported", "expected": {"own": "supports"}},
        {"claim": "b", "set": "fever_train", "verdict": "not_enough_info"},
    ]
    supports = np.array([0.9, 0.05, 0.05])
    scores = [
        [("own", [Passage(supports, 0.42, overlap=0.25)])],  # a paraphrase of the claim: few of its words
        [("stranger", [Passage(supports, 0.33, overlap=0.15)])],
    ]
    rows = {(r["word_overlap"], r["low_overlap_floor"]): r for r in word_overlap_rows(claims, scores, Thresholds())}
    assert [pair for pair, r in rows.items() if r["chosen"]] == [(0.2, 0.35)]
    assert rows[(0.0, 0.0)]["accuracy"] == 0.5 and rows[(0.2, 0.35)]["accuracy"] == 1.0
    assert rows[(0.3, 0.45)]["own_evidence_found"] == 0, "silences the paraphrase too"


def test_the_chosen_topic_only_floor_is_the_most_accurate_that_keeps_the_evidence() -> None:
    claims = [
        {"claim": "a", "set": "fever_train", "verdict": "supported", "expected": {"own": "supports"}},
        {"claim": "b", "set": "fever_train", "verdict": "not_enough_info"},
    ]
    supports = np.array([0.9, 0.05, 0.05])
    scores = [
        [("own", [Passage(supports, 0.52, topic_only=True)])],  # close: names the topic, says the rest otherwise
        [("stranger", [Passage(supports, 0.47, topic_only=True)])],
    ]
    rows = {r["topic_only_floor"]: r for r in topic_only_floor_rows(claims, scores, Thresholds())}
    assert [f for f, r in rows.items() if r["chosen"]] == [0.5]
    assert rows[0.0]["accuracy"] == 0.5 and rows[0.5]["accuracy"] == 1.0
    assert rows[0.55]["own_evidence_found"] == 0, "silences the evidence too"


def test_a_row_says_whether_it_is_the_default_and_whether_its_rule_picks_it() -> None:
    assert marks(by_rule=True, default=True) == " (default, by the rule)"
    assert marks(by_rule=True, default=False) == " (by the rule)"
    assert marks(by_rule=False, default=True) == " (default)"
    assert marks(by_rule=False, default=False) == ""


def test_a_row_is_labelled_with_its_thresholds_and_marks() -> None:
    defaults = Thresholds(word_overlap=0.3, low_overlap_floor=0.4)
    row = {"word_overlap": 0.3, "low_overlap_floor": 0.4, "chosen": False}
    assert threshold_label(row, defaults, "word_overlap", "low_overlap_floor") == "0.3, 0.4 (default)"
    assert (
        threshold_label(
            {**row, "low_overlap_floor": 0.5, "chosen": True}, defaults, "word_overlap", "low_overlap_floor"
        )
        == "0.3, 0.5 (by the rule)"
    )
