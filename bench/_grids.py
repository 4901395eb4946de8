"""What the aggregator would decide under other thresholds: bench/verdicts.py verifies its dev
claims once, with the shipped defaults and every judged passage listed, and re-aggregates those
passages here under grids of thresholds and floors, as service/pipeline/verify.py applies them.
"""

from __future__ import annotations

import dataclasses
import itertools
from typing import Any, NamedTuple

import numpy as np

from models.stance_data import SILVER_SETS
from service.pipeline.aggregate import (
    NEUTRAL_ROW,
    Thresholds,
    off_subject,
    relevant,
    source_stance,
    verdict,
)
from service.pipeline.consistency import CONCRETE_MISMATCHES, has_reason
from service.pipeline.figures import Figures, claim_figures
from service.pipeline.names import proper_words
from service.pipeline.overlap import shared_words, topic_words
from service.pipeline.verify import (
    about_another_subject,
    checked,
    gives_claims_figures,
    shares_only_topic,
    takes_no_side,
)

OPPOSITE = {"supports": "contradicts", "contradicts": "supports"}
VERDICTS = ("supported", "refuted", "conflicting", "not_enough_info")
SIDE_GRID = (0.4, 0.5, 0.6, 0.7)
CONFLICT_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
MARGIN_GRID = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 2.0)
# Similarities below which a passage might take no side at all (the retrieval's
# CLAIMSCOPE_MIN_SIMILARITY, 0.2, already drops passages below the first).
FLOOR_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# The same floors for passages about another subject alone (CLAIMSCOPE_MISSING_NAME_FLOOR; 0 = off).
MISSING_NAME_FLOOR_GRID = (0.0, *FLOOR_GRID)
# Shares of the claim's content words under which a passage repeats few of them (CLAIMSCOPE_WORD_OVERLAP;
# 0 = off), each tried with every floor of FLOOR_GRID (CLAIMSCOPE_LOW_OVERLAP_FLOOR).
WORD_OVERLAP_GRID = (0.1, 0.2, 0.3, 0.4, 0.5)
# Floors for passages that share only the claim's topic words (CLAIMSCOPE_TOPIC_ONLY_FLOOR; 0 = off).
TOPIC_ONLY_FLOOR_GRID = (0.0, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
# The default margin is the smallest that keeps this share of the own-evidence stances found
# without one: it may silence distractors, not the evidence.
EVIDENCE_KEPT = 0.99
# Support = contradict and conflict thresholds compared at the default margin: (0.5, 0.6) is the default.
SIDE_ALTERNATIVES = ((0.5, 0.6), (0.6, 0.7), (0.7, 0.7))


class Passage(NamedTuple):
    """A judged passage as the aggregation reads it."""

    scores: np.ndarray  # calibrated (and adjusted)
    similarity: float
    other_subject: bool = False  # verify.about_another_subject
    overlap: float = 1.0  # overlap.shared_words
    explained: bool = False  # a concrete mismatch among its reasons (consistency.CONCRETE_MISMATCHES)
    no_side: bool = False  # verify.takes_no_side: a yes/no question, a condition, a heading of names ...
    topic_only: bool = False  # verify.shares_only_topic
    figured: bool = False  # verify.gives_claims_figures
    answers: bool = False  # verify.Checked.answers: it answers the claim of its subject


# Per claim: per source, its id and its judged passages.
Judged = list[tuple[str, list[Passage]]]


def judged(reports: list[dict[str, Any]]) -> list[Judged]:
    """Per claim, per source, every judged passage."""
    return [_judged(report) for report in reports]


def _judged(report: dict[str, Any]) -> Judged:
    claim = report["claim"]
    texts = [p["text"] for s in report["sources"] for p in s["passages"]]
    topic = topic_words(claim, texts)
    proper = proper_words([claim, *texts])
    claimed = claim_figures(claim)
    return [
        (s["source_id"], [_passage(claim, p, topic, proper, claimed) for p in s["passages"]]) for s in report["sources"]
    ]


def _passage(
    claim: str, p: dict[str, Any], topic: frozenset[str], proper: frozenset[str], claimed: Figures | None
) -> Passage:
    """A report's passage as the aggregation reads it (verify.checked, verify._why_no_side)."""
    text, found, premise = p["text"], p["reasons"], p["read_as"]
    check = checked(claim, text, premise, found, proper)
    return Passage(
        np.array([p["scores"][k] for k in ("entailment", "neutral", "contradiction")]),
        p["similarity"],
        about_another_subject(text, found, check.named),
        shared_words(claim, text),
        has_reason(found, CONCRETE_MISMATCHES),
        takes_no_side(claim, text, found, premise) is not None,
        shares_only_topic(claim, text, found, topic),
        gives_claims_figures(claimed, text, found),
        check.answers,
    )


def outcome_under(sources: Judged, t: Thresholds) -> tuple[str, dict[str, str]]:
    """The verdict and source stances aggregate.py gives these judged passages under ``t`` (as
    verify.py applies it)."""
    flat = [p for _, passages in sources for p in passages]
    similarities = [p.similarity for p in flat]
    off = off_subject(
        similarities, [p.other_subject for p in flat], t, [p.overlap for p in flat], [p.topic_only for p in flat]
    )
    silenced = [o or p.no_side for o, p in zip(off, flat, strict=True)]
    deciding = iter(relevant([p.scores for p in flat], similarities, t, silenced))
    stances = {
        sid: source_stance(
            [p.scores if next(deciding) else NEUTRAL_ROW for p in passages],
            t,
            [p.similarity for p in passages],
            [p.explained for p in passages],
            [p.figured for p in passages],
            [p.answers for p in passages],
        )
        for sid, passages in sources
    }
    return verdict(list(stances.values()), t).verdict, {sid: s.stance for sid, s in stances.items()}


def verdicts_under(claims: list[Judged], t: Thresholds) -> list[str]:
    return [outcome_under(sources, t)[0] for sources in claims]


def own_evidence(claim: dict[str, Any], stances: dict[str, str]) -> tuple[int, int]:
    """Of the claim's own evidence sources: how many took the stance its label gives, and how many
    the opposite one."""
    expected = (claim.get("expected") or {}).items()
    found = sum(stances.get(sid) == stance for sid, stance in expected)
    reversed_ = sum(stances.get(sid) == OPPOSITE[stance] for sid, stance in expected)
    return found, reversed_


def own_evidence_found(claims: list[dict[str, Any]], scores: list[Judged], t: Thresholds) -> int:
    """How many claims' own evidence sources take the stance their label gives, under ``t``."""
    pairs = zip(claims, scores, strict=True)
    return sum(own_evidence(claim, outcome_under(sources, t)[1])[0] for claim, sources in pairs)


def accuracy(predicted: list[str], gold: list[str], mask: np.ndarray) -> float:
    hits = [p == g for p, g, m in zip(predicted, gold, mask, strict=True) if m]
    return sum(hits) / max(1, len(hits))


def sweep(scores: list[Judged], gold: list[str], halves: np.ndarray, grid: list[Thresholds]) -> list[dict[str, Any]]:
    """For each half: the grid point best on the other half, scored on this one (claims in half -1
    take part in neither)."""
    outcomes = [(t, verdicts_under(scores, t)) for t in grid]
    folds = []
    for half in (0, 1):
        fit, test = halves == 1 - half, halves == half
        best_t, best = max(outcomes, key=lambda item: accuracy(item[1], gold, fit))
        folds.append(
            {
                "held_out_half": half,
                "chosen": vars(best_t),
                "fit_accuracy": accuracy(best, gold, fit),
                "held_out_accuracy": accuracy(best, gold, test),
            }
        )
    return folds


def recall_by_verdict(predicted: list[str], gold: list[str], mask: np.ndarray) -> dict[str, float]:
    return {v: accuracy(predicted, gold, mask & (np.array(gold) == v)) for v in VERDICTS}


def scored_under(claims: list[dict[str, Any]], scores: list[Judged], t: Thresholds) -> dict[str, Any]:
    """Verdict accuracy (with and without the silver sets), own-evidence stances and per-verdict recall."""
    gold = [c["verdict"] for c in claims]
    silver = np.isin(np.array([c["set"] for c in claims]), sorted(SILVER_SETS))
    everyone = np.ones(len(claims), bool)
    under = verdicts_under(scores, t)
    return {
        "thresholds": vars(t),
        "accuracy": accuracy(under, gold, everyone),
        "accuracy_without_silver": accuracy(under, gold, ~silver),
        "own_evidence_found": own_evidence_found(claims, scores, t),
        "recall": recall_by_verdict(under, gold, everyone),
    }


def margin_rows(claims: list[dict[str, Any]], scores: list[Judged], defaults: Thresholds) -> list[dict[str, Any]]:
    """Each margin of ``MARGIN_GRID`` with the other defaults; ``chosen`` marks the smallest that keeps
    ``EVIDENCE_KEPT`` of the own-evidence stances found with no margin, the rule that chose the default."""
    rows = [
        {"margin": m, **scored_under(claims, scores, dataclasses.replace(defaults, margin=m)), "chosen": False}
        for m in MARGIN_GRID
    ]
    floor = EVIDENCE_KEPT * max(r["own_evidence_found"] for r in rows)
    next(r for r in rows if r["own_evidence_found"] >= floor)["chosen"] = True
    return rows


def below_floor_neutral(scores: list[Judged], floor: float) -> list[Judged]:
    """The judged passages with every one less similar to its claim than ``floor`` taking no side."""
    return [
        [
            (sid, [p if p.similarity >= floor else p._replace(scores=NEUTRAL_ROW) for p in passages])
            for sid, passages in sources
        ]
        for sources in scores
    ]


def floor_rows(claims: list[dict[str, Any]], scores: list[Judged], defaults: Thresholds) -> list[dict[str, Any]]:
    """Each similarity floor of ``FLOOR_GRID`` on top of the defaults; ``by_rule`` marks the highest
    that keeps ``EVIDENCE_KEPT`` of the own-evidence stances found at the lowest, the rule that
    chose the margin. The service has no such floor: this measures whether it should."""
    rows = [
        {"floor": f, **scored_under(claims, below_floor_neutral(scores, f), defaults), "by_rule": False}
        for f in FLOOR_GRID
    ]
    return _mark_highest_keeping_evidence(rows, "by_rule")


def missing_name_floor_rows(
    claims: list[dict[str, Any]], scores: list[Judged], defaults: Thresholds
) -> list[dict[str, Any]]:
    """Each floor of ``MISSING_NAME_FLOOR_GRID`` for passages about another subject, with the other
    defaults but without the few-shared-words rule, which came after it; ``chosen`` marks the highest
    that keeps ``EVIDENCE_KEPT`` of the own-evidence stances found with none (the margin's rule),
    which chose the default."""
    rows = [
        {
            "missing_name_floor": f,
            **scored_under(claims, scores, dataclasses.replace(defaults, missing_name_floor=f, word_overlap=0.0)),
            "chosen": False,
        }
        for f in MISSING_NAME_FLOOR_GRID
    ]
    return _mark_highest_keeping_evidence(rows, "chosen")


def word_overlap_rows(claims: list[dict[str, Any]], scores: list[Judged], defaults: Thresholds) -> list[dict[str, Any]]:
    """The defaults without the few-shared-words rule, then each share of ``WORD_OVERLAP_GRID`` with
    each floor of ``FLOOR_GRID``; ``chosen`` marks the most accurate of those that keep
    ``EVIDENCE_KEPT`` of the own-evidence stances found without the rule (the margin's rule), which
    chose the default."""
    pairs = [(0.0, 0.0), *itertools.product(WORD_OVERLAP_GRID, FLOOR_GRID)]
    rows = [
        {
            "word_overlap": share,
            "low_overlap_floor": floor,
            **scored_under(claims, scores, dataclasses.replace(defaults, word_overlap=share, low_overlap_floor=floor)),
            "chosen": False,
        }
        for share, floor in pairs
    ]
    max(_keeping_evidence(rows), key=lambda r: r["accuracy"])["chosen"] = True
    return rows


def topic_only_floor_rows(
    claims: list[dict[str, Any]], scores: list[Judged], defaults: Thresholds
) -> list[dict[str, Any]]:
    """Each floor of ``TOPIC_ONLY_FLOOR_GRID`` for passages that share only the claim's topic words,
    with the other defaults; ``chosen`` marks the most accurate of those that keep ``EVIDENCE_KEPT``
    of the own-evidence stances found without the rule, which chose the default."""
    rows = [
        {
            "topic_only_floor": f,
            **scored_under(claims, scores, dataclasses.replace(defaults, topic_only_floor=f)),
            "chosen": False,
        }
        for f in TOPIC_ONLY_FLOOR_GRID
    ]
    max(_keeping_evidence(rows), key=lambda r: r["accuracy"])["chosen"] = True
    return rows


def _mark_highest_keeping_evidence(rows: list[dict[str, Any]], mark: str) -> list[dict[str, Any]]:
    """Set ``mark`` on the last of ``rows`` (floors, lowest first) that keeps the evidence."""
    _keeping_evidence(rows)[-1][mark] = True
    return rows


def _keeping_evidence(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows that keep ``EVIDENCE_KEPT`` of the own-evidence stances the first row finds."""
    least = EVIDENCE_KEPT * rows[0]["own_evidence_found"]
    return [r for r in rows if r["own_evidence_found"] >= least]


def marks(by_rule: bool, default: bool) -> str:
    """A row's label suffix: whether its rule picks it and whether the service's default is it. The
    two part when a re-measurement moves a rule by a stance or two; a default changes by a decision
    recorded in docs/benchmarks.md, not silently with each run."""
    said = [word for word, holds in (("default", default), ("by the rule", by_rule)) if holds]
    return f" ({', '.join(said)})" if said else ""


def threshold_label(row: dict[str, Any], defaults: Thresholds, *keys: str) -> str:
    """A row's values of these thresholds (its keys are their names), with its ``marks``."""
    default = all(row[key] == getattr(defaults, key) for key in keys)
    return ", ".join(str(row[key]) for key in keys) + marks(row["chosen"], default)


def scored_row(label: str, row: dict[str, Any]) -> str:
    return (
        f"| {label} | {row['accuracy']:.4f} | {row['accuracy_without_silver']:.4f} | {row['own_evidence_found']} | "
        + " | ".join(f"{row['recall'][v]:.4f}" for v in VERDICTS)
        + " |"
    )
