"""End-to-end verdicts on the dev claims of the fact-verification sets, among each other's evidence.

Usage: python bench/verdicts.py [--data ../shared/datasets] [--sets fever_rte_dev,fever_train,...]
                                [--limit N] [--stance-model SPEC] [--out bench/results]

The ten seed claims are too few to choose the aggregator's thresholds by. This benchmark builds a
corpus from every distinct dev premise of the chosen sets (one article each) and verifies each
dev claim against all of it, with the shipped defaults: retrieval, stance, consistency
adjustments and aggregation, as the service runs them. The other claims' evidence is the
distractor: most of it is about the same page or topic, so it tests the 'related but silent'
failure the model card names. Gold verdicts come from the labels (entailment -> supported,
contradiction -> refuted, neutral -> not_enough_info; the silver NEI set's labels are a rule's);
a claim's own premise should take the matching stance.

Then it re-aggregates the judged passages under a grid of verdict thresholds (support,
contradict, conflict), choosing on one half of the claims and scoring on the other (2-fold,
halves by hash of the claim), so a change of default is backed by claims it was not chosen on;
under floors below which a passage about another subject takes no side (the default
CLAIMSCOPE_MISSING_NAME_FLOOR is chosen there); under pairs of a share of the claim's words and a
floor below which a passage that repeats fewer takes no side (CLAIMSCOPE_WORD_OVERLAP and
CLAIMSCOPE_LOW_OVERLAP_FLOOR are chosen there); and under similarity floors below which any
passage takes no side, a rule the service does not have, to show what one would gain and cost.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._grids import (  # noqa: E402
    CONFLICT_GRID,
    MARGIN_GRID,
    SIDE_ALTERNATIVES,
    SIDE_GRID,
    VERDICTS,
    accuracy,
    floor_rows,
    judged,
    margin_rows,
    missing_name_floor_rows,
    own_evidence,
    scored_row,
    scored_under,
    sweep,
    threshold_label,
    topic_only_floor_rows,
    verdicts_under,
    word_overlap_rows,
)
from bench._report import write_results  # noqa: E402
from models.mismatch_probe import changed_count, changed_month, changed_year  # noqa: E402
from models.stance_data import LABELS, SILVER_SETS, Pair, load_splits  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.aggregate import Thresholds  # noqa: E402
from service.records import ArticleInput  # noqa: E402
from service.settings import Settings  # noqa: E402

DEFAULT_SETS = "fever_rte_dev,fever_train,fever_train_nei_silver,healthver_dev"
VERDICT_OF = {"entailment": "supported", "contradiction": "refuted", "neutral": "not_enough_info"}
STANCE_OF = {"entailment": "supports", "contradiction": "contradicts"}


def dev_claims(data: Path, sets: list[str], limit: int) -> tuple[list[ArticleInput], list[dict[str, Any]]]:
    _, dev = load_splits(data)
    return claims_from_pairs({name: dev[name][: limit or None] for name in sets})


def claims_from_pairs(pairs_by_set: dict[str, list[Pair]]) -> tuple[list[ArticleInput], list[dict[str, Any]]]:
    """One article per distinct premise; one claim per distinct (set, hypothesis), left out when its
    pairs disagree on the label (no single gold verdict)."""
    articles: dict[str, ArticleInput] = {}
    claims: dict[tuple[str, str], dict[str, Any]] = {}
    for name, pairs in pairs_by_set.items():
        for pair in pairs:
            source_id = "p" + hashlib.sha1(pair.premise.encode("utf-8")).hexdigest()[:12]
            articles.setdefault(source_id, ArticleInput(source_id=source_id, text=pair.premise))
            label = LABELS[pair.label]
            claim = claims.setdefault((name, pair.hypothesis), {"set": name, "claim": pair.hypothesis, "labels": set()})
            claim["labels"].add(label)
            if label in STANCE_OF:
                claim.setdefault("expected", {})[source_id] = STANCE_OF[label]
    usable = [c for c in claims.values() if len(c["labels"]) == 1]
    for c in usable:
        c["verdict"] = VERDICT_OF[c.pop("labels").pop()]
    return list(articles.values()), usable


def add_conflicts(articles: list[ArticleInput], claims: list[dict[str, Any]]) -> int:
    """Give supported claims a second source that disagrees with their evidence on a number.

    The dev sets hold no claim on which sources disagree, so thresholds chosen on them alone
    would never say ``conflicting``. A supported claim whose one evidence premise repeats a year,
    a count or a dated month of the claim gets a copy of that premise with it moved on by one
    (the counterfactual of models/mismatch_probe.py, applied to the premise); its gold verdict
    becomes ``conflicting``. Returns how many claims changed."""
    text_of = {a.source_id: a.text for a in articles}
    changed = 0
    for claim in claims:
        expected = claim.get("expected") or {}
        if claim["verdict"] != "supported" or len(expected) != 1:
            continue
        premise = text_of[next(iter(expected))]
        altered = next(
            (a for a in (f(premise, claim["claim"]) for f in (changed_year, changed_count, changed_month)) if a),
            None,
        )
        if altered is None:
            continue
        source_id = "c" + hashlib.sha1(altered.encode("utf-8")).hexdigest()[:12]
        if source_id not in text_of:
            articles.append(ArticleInput(source_id=source_id, text=altered))
            text_of[source_id] = altered
        expected[source_id] = "contradicts"
        claim["verdict"] = "conflicting"
        changed += 1
    return changed


def verify_all(articles: list[ArticleInput], claims: list[dict[str, Any]], stance_model: str) -> tuple[Any, ...]:
    """Ingest the articles into a temporary store and verify every claim with the shipped defaults."""
    with tempfile.TemporaryDirectory() as tmp:
        # Every judged passage is listed, so re-aggregating a report equals the service's aggregation.
        settings = Settings.from_env(data_dir=Path(tmp), stance_model=stance_model, passages_per_source=100)
        pipeline = Pipeline(settings)
        pipeline.ingest(articles)
        reports: list[dict[str, Any]] = []
        for start in range(0, len(claims), 32):
            reports += pipeline.verify_many([c["claim"] for c in claims[start : start + 32]])
            print(f"\r{len(reports)}/{len(claims)} claims", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
        model = pipeline.stance_model.name
        pipeline.close()
    return reports, model, Thresholds.of(settings)


def outcome_rows(
    claims: list[dict[str, Any]], reports: list[dict[str, Any]], groups: list[str]
) -> list[dict[str, Any]]:
    """Per set (and all): verdict accuracy, and how often each claim's own evidence took its stance."""
    sets = np.array([c["set"] for c in claims])
    gold = [c["verdict"] for c in claims]
    predicted = [r["verdict"] for r in reports]
    out = []
    for name in groups:
        mask = np.ones(len(claims), bool) if name == "all" else sets == name
        found = reversed_ = expected = 0
        for claim, report in (item for item, m in zip(zip(claims, reports, strict=True), mask, strict=True) if m):
            hits, opposite = own_evidence(claim, {s["source_id"]: s["stance"] for s in report["sources"]})
            found += hits
            reversed_ += opposite
            expected += len(claim.get("expected") or {})
        out.append(
            {
                "claims": name,
                "n": int(mask.sum()),
                "verdict_accuracy": accuracy(predicted, gold, mask),
                "found": found,
                "expected": expected,
                "reversed": reversed_,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--sets", default=DEFAULT_SETS)
    parser.add_argument("--limit", type=int, default=0, help="dev pairs per set (0 = all)")
    parser.add_argument("--no-conflicts", action="store_true", help="do not add disagreeing copies (add_conflicts)")
    parser.add_argument("--stance-model", default="")
    parser.add_argument("--name", default="verdicts")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--keep-reports", type=Path, help="also write each claim and its report here (JSONL)")
    args = parser.parse_args()
    set_names = args.sets.split(",")
    articles, claims = dev_claims(args.data, set_names, args.limit)
    conflicts = 0 if args.no_conflicts else add_conflicts(articles, claims)
    print(f"{len(articles)} articles, {len(claims)} claims ({conflicts} made conflicting)", flush=True)
    reports, model, defaults = verify_all(articles, claims, args.stance_model)
    if args.keep_reports:
        with args.keep_reports.open("w", encoding="utf-8") as fh:
            for claim, report in zip(claims, reports, strict=True):
                fh.write(json.dumps({**claim, "report": report}) + "\n")
    gold = [c["verdict"] for c in claims]
    predicted = [r["verdict"] for r in reports]
    scores = judged(reports)
    assert verdicts_under(scores, defaults) == predicted, "re-aggregation must equal the service's"
    results: dict[str, Any] = {"stance_model": model, "defaults": vars(defaults), "made_conflicting": conflicts}

    table = ["| claims | n | verdict accuracy | own evidence found | own evidence reversed |", "|---|---|---|---|---|"]
    results["outcomes"] = outcome_rows(claims, reports, [*set_names, "all"])
    for row in results["outcomes"]:
        label = f"**{row['claims']}**" if row["claims"] == "all" else row["claims"]
        table.append(
            f"| {label} | {row['n']} | {row['verdict_accuracy']:.4f} | {row['found']}/{row['expected']} "
            f"| {row['reversed']} |"
        )
    confusion = Counter(zip(gold, predicted, strict=True))
    results["confusion"] = {f"{g}->{v}": n for (g, v), n in confusion.items()}
    table += ["", "| gold \\ verdict | " + " | ".join(VERDICTS) + " |", "|---|" + "---|" * len(VERDICTS)]
    table += [f"| {g} | " + " | ".join(str(confusion[(g, v)]) for v in VERDICTS) + " |" for g in VERDICTS]

    silver = np.isin(np.array([c["set"] for c in claims]), sorted(SILVER_SETS))
    columns = " | accuracy | accuracy without silver | own evidence found | " + " | ".join(
        f"{v} recall" for v in VERDICTS
    )
    rule = "|---|---|---|---|" + "---|" * len(VERDICTS)
    results["margins"] = margin_rows(claims, scores, defaults)
    table += ["", "| relevance margin" + columns + " |", rule]
    table += [scored_row(threshold_label(r, defaults, "margin"), r) for r in results["margins"]]
    results["missing_name_floors"] = missing_name_floor_rows(claims, scores, defaults)
    table += ["", "| floor for passages about another subject (no few-words rule)" + columns + " |", rule]
    table += [scored_row(threshold_label(r, defaults, "missing_name_floor"), r) for r in results["missing_name_floors"]]
    results["word_overlaps"] = word_overlap_rows(claims, scores, defaults)
    table += ["", "| share of the claim's words, floor for a passage repeating fewer" + columns + " |", rule]
    table += [
        scored_row(threshold_label(r, defaults, "word_overlap", "low_overlap_floor"), r)
        for r in results["word_overlaps"]
    ]
    results["topic_only_floors"] = topic_only_floor_rows(claims, scores, defaults)
    table += ["", "| floor for a passage that shares only the claim's topic words" + columns + " |", rule]
    table += [scored_row(threshold_label(r, defaults, "topic_only_floor"), r) for r in results["topic_only_floors"]]
    results["floors"] = floor_rows(claims, scores, defaults)
    table += ["", "| similarity floor to take a side (defaults)" + columns + " |", rule]
    table += [scored_row(f"{r['floor']}{' (by the rule)' if r['by_rule'] else ''}", r) for r in results["floors"]]
    results["side_thresholds"] = [
        scored_under(claims, scores, dataclasses.replace(defaults, support=s, contradict=s, conflict=f))
        for s, f in SIDE_ALTERNATIVES
    ]
    table += ["", "| support, contradict, conflict (default margin)" + columns + " |", rule]
    table += [
        scored_row(f"{r['thresholds']['support']}, {r['thresholds']['contradict']}, {r['thresholds']['conflict']}", r)
        for r in results["side_thresholds"]
    ]

    grid = [
        dataclasses.replace(defaults, support=s, contradict=c, conflict=f, margin=m)
        for s, c, f, m in itertools.product(SIDE_GRID, SIDE_GRID, CONFLICT_GRID, MARGIN_GRID)
        if f >= max(s, c)
    ]
    halves = np.array([int(hashlib.sha1(c["claim"].encode()).hexdigest(), 16) % 2 for c in claims])
    table += [
        "",
        "| claims | held-out half | chosen on the other half (support, contradict, conflict, margin) "
        "| accuracy there | held-out accuracy | held-out accuracy with the defaults |",
        "|---|---|---|---|---|---|",
    ]
    results["threshold_sweep"] = {}
    for label, used in (("all", halves), ("all but silver", np.where(silver, -1, halves))):
        folds = sweep(scores, gold, used, grid)
        results["threshold_sweep"][label] = folds
        for fold in folds:
            t = fold["chosen"]
            with_defaults = accuracy(predicted, gold, used == fold["held_out_half"])
            table.append(
                f"| {label} | {fold['held_out_half']} | {t['support']}, {t['contradict']}, {t['conflict']}, "
                f"{t['margin']} | {fold['fit_accuracy']:.4f} | {fold['held_out_accuracy']:.4f} | {with_defaults:.4f} |"
            )
    details = (
        f"stance model `{model}`, defaults (support, contradict, conflict, margin, missing-name floor, "
        f"word overlap, low-overlap floor, topic-only floor) {defaults.support}, {defaults.contradict}, "
        f"{defaults.conflict}, {defaults.margin}, {defaults.missing_name_floor}, {defaults.word_overlap}, "
        f"{defaults.low_overlap_floor}, {defaults.topic_only_floor}, "
        f"{len(articles)} articles "
        f"({conflicts} disagreeing copies), {len(claims)} claims, "
    )
    write_results(args.out, args.name, "Verdicts on dev claims among each other's evidence", details, table, results)


if __name__ == "__main__":
    main()
