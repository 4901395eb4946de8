"""End-to-end verdicts on labelled claims: the score of ``claimscope eval claims``, kept as a result.

Usage: python bench/claims.py [--claims ../shared/bench/seed_claims.jsonl] [--corpus seeds]
                              [--stance-model SPEC] [--name claims] [--out bench/results]

Runs the shipped defaults (or ``--stance-model``, as ``CLAIMSCOPE_STANCE_MODEL`` takes it; other
``CLAIMSCOPE_*`` variables apply, e.g. ``CLAIMSCOPE_STANCE_CONTEXT=always``) over the corpus and
writes one row per claim (expected and returned verdict, expected stances missing or reversed,
evidence not cited) plus the pinned summary line. The seed claims are a sample for
reading failures, not a target to tune to; so are the claims of ``bench/unseen/`` (``--claims
bench/unseen/claims.jsonl --corpus bench/unseen/articles --name claims_unseen``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.evaluate import eval_claims  # noqa: E402
from service.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=Path, default=REPO.parent / "shared" / "bench" / "seed_claims.jsonl")
    parser.add_argument("--corpus", type=Path, default=REPO / "seeds")
    parser.add_argument("--stance-model", default="")
    parser.add_argument("--name", default="claims", help="results file name")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.from_env(data_dir=Path(tmp), stance_model=args.stance_model)
        pipeline = Pipeline(settings)
        score = eval_claims(pipeline, args.claims, args.corpus)
        model = pipeline.stance_model.name
    table = ["| claim | expected | verdict | missing | reversed | not cited |", "|---|---|---|---|---|---|"]
    table += [
        f"| {row['id']} | {row['expected']} | {row['verdict']} | "
        + " | ".join(", ".join(row[key]) or "-" for key in ("missing", "reversed", "uncited"))
        + " |"
        for row in score.rows
    ]
    table += ["", f"`{score.summary()}`"]
    details = (
        f"stance model `{model}`, previous sentence as context: {settings.stance_context}, "
        f"mismatches adjusted: {settings.consistency_adjust}, {score.claims} claims over `{args.corpus.name}/`, "
    )
    rows = {"summary": score.summary(), "stance_model": model, "claims": score.rows}
    write_results(args.out, args.name, "Labelled claims, end to end", details, table, rows)


if __name__ == "__main__":
    main()
