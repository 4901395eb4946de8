"""Ingest throughput next to the bare encode throughput of the same sentences, in one run.

Usage: python bench/ingest.py [--copies 20] [--jsonl FILE] [--limit N] [--out bench/results]

The corpus is the seed articles repeated ``--copies`` times under distinct source_ids, or the
``text`` / ``premise`` field of each record of ``--jsonl`` (gzip allowed). Bare encode is
timed twice (before and after the ingest) and averaged, so drift on a shared machine shows.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.documents import read_file, seed_dir  # noqa: E402
from service.records import ArticleInput  # noqa: E402
from service.settings import Settings  # noqa: E402


def corpus(args: argparse.Namespace) -> list[ArticleInput]:
    if args.jsonl:
        opener = gzip.open if args.jsonl.suffix == ".gz" else open
        out = []
        with opener(args.jsonl, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if len(out) >= args.limit:
                    break
                row = json.loads(line)
                out.append(ArticleInput(f"doc-{n}", row.get("text") or row["premise"]))
        return out
    seeds = [a for path in sorted(seed_dir().glob("*.txt")) for a in read_file(path)]
    return [ArticleInput(f"{a.source_id}-{c}", a.text, a.title) for c in range(args.copies) for a in seeds]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--jsonl", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(Settings(data_dir=Path(tmp)))
        articles = corpus(args)
        t0 = time.perf_counter()
        prepared = [pipeline.prepare(a) for a in articles]
        prepare_s = time.perf_counter() - t0
        sentences = [d.text for p in prepared for d in p.drafts]
        pipeline.embedder.encode(sentences[:64])  # load and warm up
        t0 = time.perf_counter()
        pipeline.embedder.encode(sentences)
        encode_before = time.perf_counter() - t0
        t0 = time.perf_counter()
        pipeline.ingest_prepared(prepared)
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pipeline.embedder.encode(sentences)
        encode_after = time.perf_counter() - t0
        pipeline.close()

    n = len(sentences)
    encode_s = (encode_before + encode_after) / 2
    rows = {
        "articles": len(articles),
        "passages": n,
        "prepare (clean+split) passages/s": round(n / prepare_s, 1),
        "bare encode passages/s": round(n / encode_s, 1),
        "ingest passages/s (prepare excluded)": round(n / ingest_s, 1),
        "ingest passages/s (prepare included)": round(n / (ingest_s + prepare_s), 1),
        "ingest / bare encode": round(encode_s / (ingest_s + prepare_s), 3),
    }
    table = ["| measure | value |", "|---|---|", *[f"| {k} | {v} |" for k, v in rows.items()]]
    write_results(args.out, "ingest", "Ingest benchmark", "", table, rows)


if __name__ == "__main__":
    main()
