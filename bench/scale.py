"""Verification latency and footprint as the corpus grows to a million passages.

Usage: python bench/scale.py [--sizes 10000 100000 1000000] [--pool 20000] [--claims 40]
                             [--data ../shared/datasets] [--work DIR] [--out bench/results]

The other benchmarks verify over a few thousand passages; a newsroom archive holds millions.
Embedding a million sentences takes hours on two cores, so the corpus is built from a pool of
real sentences embedded once (the dev premises of the fact-verification sets first, so the
claims' own evidence is in it, then train premises): passage ``i`` is pool sentence
``i % pool`` with, for every copy after the first, its vector moved by a little Gaussian noise
(cosine about 0.95 to the original), so copies are near-duplicates in other articles, as syndicated
news is. Articles are runs of consecutive pool sentences, stored through ``Store`` exactly as
ingest stores them (SQLite rows, FTS5 bodies, FAISS). Sizes are reached in order, each adding to
the store the last one built; ``--work`` keeps the store so a later run resumes.

At each size it reports: the store's files, the time to open the store in a new process (FAISS
read), the dense and lexical searches alone (the lexical one also with every word of the claim,
as with ``CLAIMSCOPE_LEXICAL_MATCH_BUDGET=0``), end-to-end verification with the shipped defaults
(embed / search / stance / total, one claim at a time, as ``POST /v1/verify`` runs it), how many
claims still get a sentence of their own evidence cited among a growing crowd of near-copies and
distractors, the process's resident memory, and the time and peak memory of rebuilding the FAISS
index from SQLite (``claimscope reindex``). Articles are dated evenly over ``WINDOW_DAYS`` days,
and the dense search is timed within date windows holding 1%, 10% and 50% of the archive, both
ways it could run: exactly over the window's vectors in SQLite, and as a FAISS search that skips
the passages outside the window (what the store does), with the share of the exact search's
results the store's search finds (an IVF index probes only some lists). At the largest size it
compares lexical match budgets (``--budgets``; 0 = every word) on speed and evidence cited.
``CLAIMSCOPE_FAISS_FACTORY`` picks the index as in the service.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from models.stance_data import LABELS, load_splits  # noqa: E402
from service.errors import InvalidInputError  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.embed import model_input  # noqa: E402
from service.pipeline.ingest import content_hash, prepare  # noqa: E402
from service.pipeline.retrieve import lexical_candidates  # noqa: E402
from service.records import ArticleInput, PassageDraft, SourceFilter  # noqa: E402
from service.settings import Settings  # noqa: E402

CLAIM_SETS = ("fever_rte_dev", "fever_train", "healthver_dev")
SENTENCES_PER_ARTICLE = 20
COPY_NOISE = 0.33  # per-coordinate sigma x sqrt(dim): cosine ~0.95 between copies
TIMED_SEARCHES = 3  # each claim's searches are timed this many times; the median is kept
FIRST_DAY = date(2021, 1, 1)
WINDOW_DAYS = 1000  # articles are dated over this many days, one day per article in turn
WINDOW_SHARES = (0.01, 0.1, 0.5)
WINDOW_CLAIMS = 20  # claims timed per window (an exact search over half a million vectors takes seconds)


def pool_sentences(data: Path, size: int) -> tuple[list[str], dict[str, set[str]]]:
    """(pool sentences, claim -> its evidence sentences): sentences of distinct premises, dev ones
    first; the dev claims whose premise supports or contradicts them, ordered by hash."""
    train, dev = load_splits(data)
    premises: dict[str, None] = {}
    evidence_of: dict[str, set[str]] = {}
    for name in CLAIM_SETS:
        for pair in dev.get(name, []):
            premises.setdefault(pair.premise)
            if LABELS[pair.label] != "neutral":
                evidence_of.setdefault(pair.hypothesis, set()).add(pair.premise)
    for name in sorted(train):
        for pair in train[name]:
            premises.setdefault(pair.premise)
    sentences: list[str] = []
    sentences_of: dict[str, list[str]] = {}
    for n, premise in enumerate(premises):
        try:
            drafts = prepare(ArticleInput(source_id=f"p{n}", text=premise), 600, 2_000_000).drafts
        except InvalidInputError:
            continue  # nothing usable left after cleaning
        sentences_of[premise] = [d.text for d in drafts]
        sentences.extend(sentences_of[premise])
        if len(sentences) >= size:
            break
    pool = sentences[:size]
    kept = set(pool)
    claims = sorted(evidence_of, key=lambda c: hashlib.sha1(c.encode()).hexdigest())
    evidence = {c: {t for p in evidence_of[c] for t in sentences_of.get(p, []) if t in kept} for c in claims}
    return pool, {c: found for c, found in evidence.items() if found}


def pool_vectors(pipeline: Pipeline, sentences: list[str], cache: Path) -> np.ndarray:
    if cache.exists():
        cached: np.ndarray = np.load(cache)
        if len(cached) == len(sentences):
            return cached
    started = time.perf_counter()
    vectors = pipeline.embedder.encode(sentences)
    print(f"embedded {len(sentences)} pool sentences in {time.perf_counter() - started:.0f} s", flush=True)
    np.save(cache, vectors)
    return vectors


def copy_vectors(vectors: np.ndarray, copy: int) -> np.ndarray:
    if copy == 0:
        return vectors
    rng = np.random.default_rng(copy)
    noisy = vectors + rng.normal(0.0, COPY_NOISE / np.sqrt(vectors.shape[1]), vectors.shape).astype(np.float32)
    copied: np.ndarray = (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)
    return copied


def grow(pipeline: Pipeline, sentences: list[str], vectors: np.ndarray, target: int) -> float:
    """Add synthetic articles until the store holds ``target`` passages; returns seconds spent."""
    store = pipeline._vector_store()
    have = store.counts()[1]
    started = time.perf_counter()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    copied_for, copied = 0, vectors  # the vectors of the pool copy being stored
    while have < target:
        copy, offset = divmod(have, len(sentences))
        count = min(SENTENCES_PER_ARTICLE, target - have, len(sentences) - offset)
        if copy != copied_for:
            copied_for, copied = copy, copy_vectors(vectors, copy)
        texts = sentences[offset : offset + count]
        text, drafts = _article(texts)
        store.replace_article(
            ArticleInput(source_id=f"scale-{have:08d}", text=text, published_at=_published(have)),
            now,
            content_hash(text),
            drafts,
            copied[offset : offset + count],
            [model_input(t) for t in texts],
            save_index=False,
        )
        have += count
        if have % 100_000 < count:
            print(f"  {have} passages, {time.perf_counter() - started:.0f} s", flush=True)
    store.save_index()
    return time.perf_counter() - started


def _published(first_passage: int) -> str:
    return (FIRST_DAY + timedelta(days=first_passage // SENTENCES_PER_ARTICLE % WINDOW_DAYS)).isoformat()


def window_rows(settings: Settings, claims: list[str], reference: Pipeline) -> list[dict[str, Any]]:
    """Dense search within date windows, exact over SQLite and through FAISS, per window share."""
    pipeline = Pipeline(settings, embedder=reference.embedder, stance_model=reference.stance_model)
    store = pipeline._vector_store()
    vectors = pipeline.embedder.encode(claims[:WINDOW_CLAIMS])
    rows = []
    for share in WINDOW_SHARES:
        last = FIRST_DAY + timedelta(days=round(share * WINDOW_DAYS) - 1)
        window = SourceFilter(published_from=FIRST_DAY.isoformat(), published_to=last.isoformat())
        ids = np.asarray(store.sql.passage_ids_for(window), dtype=np.int64)
        k = settings.candidates
        exact = [_median_ms(store._exact_search, ids, v, k) for v in vectors]
        scan = [_median_ms(store.index.search, v, k, ids) for v in vectors]
        chosen = [_median_ms(store.dense_search, v, k, window) for v in vectors]
        rows.append(
            {
                "passages": store.index.size,
                "share": share,
                "window_passages": len(ids),
                "exact_ms": _percentiles(exact),
                "faiss_ms": _percentiles(scan),
                "dense_search_ms": _percentiles(chosen),
                "recall": _window_recall(store, ids, vectors, k, window),
            }
        )
    pipeline.close()
    return rows


def _window_recall(store: Any, ids: np.ndarray, vectors: np.ndarray, k: int, window: SourceFilter) -> float:
    """Share of the exact top ``k`` within the window that ``Store.dense_search`` returns (an IVF
    index searches only ``nprobe`` of its lists, which hold few of a narrow window's passages)."""
    found = 0
    wanted = 0
    for vector in vectors:
        exact = {i for i, _ in store._exact_search(ids, vector, k)}
        found += len(exact & {i for i, _ in store.dense_search(vector, k, window)})
        wanted += len(exact)
    return round(found / wanted, 4) if wanted else 1.0


def window_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| passages | window | passages in it | exact over SQLite ms | FAISS, skipping the rest ms "
        "| dense search ms (as run) | exact top k found (as run) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        times = " | ".join(f"{r[key]['p50']} / {r[key]['p90']}" for key in ("exact_ms", "faiss_ms", "dense_search_ms"))
        recall = f"{r['recall']:.4f}" if "recall" in r else "-"
        lines.append(f"| {r['passages']:,} | {r['share']:.0%} | {r['window_passages']:,} | {times} | {recall} |")
    return lines + [
        "",
        "The window's passage ids are read once per window; each time covers its search only, "
        "except the dense search as run, which is `Store.dense_search` with the window, reading the ids too. "
        "The last column is the share of the exact top k within the window (float32 over SQLite) that it returns.",
    ]


def _article(sentences: list[str]) -> tuple[str, list[PassageDraft]]:
    drafts, start = [], 0
    for ordinal, sentence in enumerate(sentences):
        drafts.append(PassageDraft(ordinal=ordinal, text=sentence, start=start, end=start + len(sentence)))
        start += len(sentence) + 1
    return " ".join(sentences), drafts


def measure(settings: Settings, evidence: dict[str, set[str]], reference: Pipeline) -> dict[str, Any]:
    """Open the store afresh (a new worker), then time searches and verifications per claim, and
    count the claims whose evidence (a copy of one of its sentences) is among the cited passages."""
    claims = list(evidence)
    started = time.perf_counter()
    pipeline = Pipeline(settings, embedder=reference.embedder, stance_model=reference.stance_model)
    store = pipeline._vector_store()
    opened = time.perf_counter() - started
    pipeline.verify(claims[0])  # warm-up: first ONNX run, SQLite page cache
    dense, lexical, every_word, stages, found = [], [], [], [], 0
    budget = settings.lexical_match_budget
    for claim in claims:
        vector = pipeline.embedder.encode([claim])[0]
        dense.append(_median_ms(store.dense_search, vector, settings.candidates))
        lexical.append(_median_ms(lexical_candidates, store, claim, settings.candidates, None, budget))
        every_word.append(_median_ms(lexical_candidates, store, claim, settings.candidates))
        report = pipeline.verify(claim)
        stages.append(report["timings_ms"])
        cited = {p["text"] for source in report["sources"] for p in source["passages"]}
        found += bool(cited & evidence[claim])
    articles, passages = store.counts()
    row = {
        "passages": passages,
        "articles": articles,
        "sqlite_mb": _mb(settings.data_dir / "claimscope.sqlite3"),
        "faiss_mb": _mb(store.index_path),
        "open_s": round(opened, 2),
        "dense_ms": _percentiles(dense),
        "lexical_ms": _percentiles(lexical),
        "lexical_every_word_ms": _percentiles(every_word),
        "evidence_cited": f"{found}/{len(claims)}",
        **{f"{stage}_ms": _percentiles([s[stage] for s in stages]) for stage in ("embed", "search", "stance", "total")},
        "rss_mb": _rss_mb(),
    }
    pipeline.close()
    return row


def rebuild_seconds(data_dir: Path) -> tuple[float, float]:
    """(seconds, peak resident MB) of ``claimscope reindex`` in a child process, which reads the
    same ``CLAIMSCOPE_*`` settings (the FAISS factory) from the environment."""
    code = (
        "import sys, time; from pathlib import Path; from service.pipeline import Pipeline; "
        "from service.settings import Settings; p = Pipeline(Settings.from_env(data_dir=Path(sys.argv[1]))); "
        "p.store; t = time.perf_counter(); p.reindex(); "
        "hwm = [l for l in Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM:')]; "
        "print(time.perf_counter() - t, int(hwm[0].split()[1]) / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, check=True, cwd=REPO
    ).stdout.split()
    return round(float(out[0]), 1), round(float(out[1]))


def _median_ms(call: Any, *args: Any) -> float:
    times = []
    for _ in range(TIMED_SEARCHES):
        started = time.perf_counter()
        call(*args)
        times.append((time.perf_counter() - started) * 1000)
    return float(np.median(times))


def _percentiles(values: list[float]) -> dict[str, float]:
    return {"p50": round(float(np.percentile(values, 50)), 1), "p90": round(float(np.percentile(values, 90)), 1)}


def _mb(path: Path) -> float:
    return round(path.stat().st_size / 2**20, 2) if path.exists() else 0.0


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024)
    return 0.0


def table(rows: list[dict[str, Any]]) -> list[str]:
    def pair(row: dict[str, Any], key: str) -> str:
        return f"{row[key]['p50']} / {row[key]['p90']}"

    lines = [
        "| passages | articles | SQLite MB | FAISS MB | build s | open s | dense ms | lexical ms "
        "| lexical, every word ms | verify search ms | verify stance ms | verify total ms | evidence cited "
        "| RSS MB | reindex s | reindex peak MB |",
        "|" + "---|" * 16,
    ]
    for r in rows:
        lines.append(
            f"| {r['passages']:,} | {r['articles']:,} | {r['sqlite_mb']} | {r['faiss_mb']} | {r['build_s']} "
            f"| {r['open_s']} | {pair(r, 'dense_ms')} | {pair(r, 'lexical_ms')} | {pair(r, 'lexical_every_word_ms')} "
            f"| {pair(r, 'search_ms')} | {pair(r, 'stance_ms')} | {pair(r, 'total_ms')} | {r['evidence_cited']} "
            f"| {r['rss_mb']} | {r['reindex_s']} | {r['reindex_peak_mb']} |"
        )
    return lines + ["", "Times are p50 / p90 over the claims."]


def budget_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| lexical match budget | lexical ms | verify search ms | verify total ms | evidence cited |",
        "|---|---|---|---|---|",
    ]
    for r in rows:
        times = " | ".join(f"{r[key]['p50']} / {r[key]['p90']}" for key in ("lexical_ms", "search_ms", "total_ms"))
        lines.append(f"| {r['budget'] or 'every word'} | {times} | {r['evidence_cited']} |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--pool", type=int, default=20_000, help="distinct sentences embedded")
    parser.add_argument("--claims", type=int, default=40, help="claims timed at each size")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--work", type=Path, default=None, help="store folder to keep (default: a temp dir)")
    parser.add_argument("--no-reindex", action="store_true", help="skip timing the FAISS rebuild")
    parser.add_argument(
        "--budgets",
        type=int,
        nargs="*",
        default=[0, 20_000, 100_000],
        help="lexical match budgets compared at the largest size",
    )
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--name", default="scale")
    args = parser.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="claimscope-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_env(data_dir=work / "data", seed_on_start=False)
    sentences, evidence = pool_sentences(args.data, args.pool)
    evidence = dict(list(evidence.items())[: args.claims])
    builder = Pipeline(settings)
    vectors = pool_vectors(builder, sentences, work / f"pool-{len(sentences)}.npy")
    rows: list[dict[str, Any]] = []
    windows: list[dict[str, Any]] = []
    for size in sorted(args.sizes):
        build_s = grow(builder, sentences, vectors, size)
        builder.close()
        row = {"build_s": round(build_s, 1), **measure(settings, evidence, builder)}
        row["reindex_s"], row["reindex_peak_mb"] = ("-", "-") if args.no_reindex else rebuild_seconds(settings.data_dir)
        rows.append(row)
        print(json.dumps(row), flush=True)
        windows.extend(window_rows(settings, list(evidence), builder))
        print(json.dumps(windows[-len(WINDOW_SHARES) :]), flush=True)
    budgets = [{"budget": settings.lexical_match_budget, **rows[-1]}]
    for budget in args.budgets:
        other = dataclasses.replace(settings, lexical_match_budget=budget)
        budgets.append({"budget": budget, **measure(other, evidence, builder)})
        print(json.dumps(budgets[-1]), flush=True)
    details = (
        f"{len(sentences):,} pool sentences, {len(evidence)} dev claims one at a time, "
        f"stance model `{builder.stance_model.name}`, FAISS `{settings.faiss_factory}`, "
        f"lexical match budget {settings.lexical_match_budget or 'off (every word)'}, "
    )
    heading = f"Lexical match budgets at {rows[-1]['passages']:,} passages:"
    lines = [*table(rows), "", heading, "", *budget_table(budgets)]
    lines += ["", f"Dense search within a date window ({min(WINDOW_CLAIMS, len(evidence))} claims):", ""]
    lines += window_table(windows)
    results = {"sizes": rows, "budgets": budgets, "windows": windows}
    write_results(args.out, args.name, "Verification at scale", details, lines, results)


if __name__ == "__main__":
    main()
