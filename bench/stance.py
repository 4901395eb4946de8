"""Stance latency: one claim against its top-10 passages, PyTorch next to ONNX Runtime (int8).

Usage: python bench/stance.py [--model models/stance] [--runs 50] [--batch-size 4] [--context needed]
                              [--out bench/results] [--also-onnx LABEL=FILE ...] [--also-batch-size N ...]
                              [--also-context MODE ...]

Pairs come from real retrieval over the seed articles (claim = each line of
../shared/bench/seed_claims.jsonl when present, else built-in claims), with the premise the verifier
builds for ``--context`` (default: the service's ``CLAIMSCOPE_STANCE_CONTEXT`` default). Reports
p50/p90 per claim batch and pairs/s. ``--batch-size`` is PyTorch's and ONNX fp32's; the int8 model
runs one pair per run, as the service runs it (``OnnxStance``). ``--also-onnx`` times another ONNX
graph of the same model (e.g. an earlier export) in the same run; ``--also-batch-size`` times the
int8 model with other batch sizes; ``--also-context`` times the int8 model on the premises of
another context mode. Timings on a shared machine drift between runs, so only rows of one run
compare.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.dates import publication_date  # noqa: E402
from service.pipeline.premise import claim_premises  # noqa: E402
from service.pipeline.retrieve import retrieve  # noqa: E402
from service.pipeline.stance import CrossEncoderStance, OnnxStance, default_stance_dir  # noqa: E402
from service.settings import CONTEXT_MODES, ContextMode, Settings, default_of  # noqa: E402

Batches = list[list[tuple[str, str]]]

FALLBACK_CLAIMS = ["Xi will visit Moscow next week.", "China condemned the invasion.", "Qin Gang spoke to Kuleba."]


def load_claims(path: Path) -> list[str]:
    """The claims of a labelled-claims file, or built-in ones where the file is absent."""
    if not path.exists():
        return FALLBACK_CLAIMS
    return [json.loads(line)["claim"] for line in path.read_text().splitlines() if line.strip()]


def claim_batches(pipeline: Pipeline, claims: list[str], modes: list[ContextMode]) -> dict[ContextMode, Batches]:
    """Per context mode, one list of (premise, claim) pairs per claim: its top-10 passages."""
    s = pipeline.settings
    store = pipeline.store
    batches: dict[ContextMode, Batches] = {mode: [] for mode in modes}
    for claim in claims:
        found = retrieve(
            store,
            pipeline.embedder.encode([claim])[0],
            claim,
            top_k=10,
            candidates=50,
            rrf_k=s.rrf_k,
            lexical_match_budget=s.lexical_match_budget,
            min_similarity=-1.0,
            duplicate_similarity=s.duplicate_similarity,
        )
        articles = {sid: store.get_article(sid) for sid in {c.passage.source_id for c in found}}
        published = {sid: publication_date(a.published_at if a else None) for sid, a in articles.items()}
        for mode in modes:
            premises = claim_premises(store, claim, found, mode, published=published)
            batches[mode].append([(text, claim) for text in premises])
    return batches


def mean_tokens(model_dir: Path, batches: dict[ContextMode, Batches], max_length: int) -> dict[ContextMode, int]:
    """Per context mode, tokens the encoder sees per claim (all its pairs): what the latency is mostly made of."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    return {
        mode: round(
            statistics.mean(
                sum(len(tokenizer(p, h, truncation="only_first", max_length=max_length)["input_ids"]) for p, h in b)
                for b in claim_pairs
            )
        )
        for mode, claim_pairs in batches.items()
    }


def time_models(
    models: dict[str, tuple[Any, ContextMode]], batches: dict[ContextMode, Batches], runs: int
) -> dict[str, dict[str, float]]:
    """Per row (a model and the context mode of its pairs) p50/p90 ms per claim and pairs/s, one row
    after the other.

    Not interleaved: PyTorch's and ONNX Runtime's worker threads keep spinning for a while after a
    call, so a model timed right after another one runs on a CPU its predecessor still holds.
    """
    rows = {}
    for name, (model, mode) in models.items():
        claim_pairs = batches[mode]
        pairs = sum(len(claim_pairs[i % len(claim_pairs)]) for i in range(runs))
        for warm_up in claim_pairs:  # load, and outlast the previous row's spinning threads
            model.predict(warm_up)
        timings = []
        for i in range(runs):
            started = time.perf_counter()
            model.predict(claim_pairs[i % len(claim_pairs)])
            timings.append((time.perf_counter() - started) * 1000)
        rows[name] = _summary(sorted(timings), pairs)
    return rows


def _summary(timings: list[float], pairs: int) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(timings), 1),
        "p90_ms": round(timings[int(0.9 * (len(timings) - 1))], 1),
        "pairs_per_s": round(pairs / (sum(timings) / 1000), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=default_of("stance_batch_size"))
    parser.add_argument("--context", choices=CONTEXT_MODES, default=default_of("stance_context"))
    parser.add_argument("--claims", type=Path, default=REPO.parent / "shared" / "bench" / "seed_claims.jsonl")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--also-onnx", action="append", default=[], metavar="LABEL=FILE")
    parser.add_argument("--also-batch-size", action="append", type=int, default=[], metavar="N")
    parser.add_argument("--also-context", action="append", choices=CONTEXT_MODES, default=[], metavar="MODE")
    args = parser.parse_args()
    model_dir = args.model or default_stance_dir()
    if model_dir is None:
        raise SystemExit("no stance model: pass --model")
    claims = load_claims(args.claims)
    int8 = model_dir / "onnx" / "model_int8.onnx"
    if (args.also_batch_size or args.also_context) and not int8.is_file():
        raise SystemExit(f"--also-batch-size and --also-context time the int8 export, and {int8} is missing")
    modes = list(dict.fromkeys([args.context, *args.also_context]))
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(Settings(data_dir=Path(tmp), stance_model="none"))
        pipeline.seed()
        batches = claim_batches(pipeline, claims, modes)
        pipeline.close()
    batch = args.batch_size
    context = args.context
    pytorch = CrossEncoderStance(str(model_dir), batch_size=batch)
    runtimes: dict[str, tuple[Any, ContextMode]] = {"pytorch (fp32)": (pytorch, context)}
    if (model_dir / "onnx" / "model.onnx").is_file():
        runtimes["onnx fp32"] = (OnnxStance(model_dir, model_dir / "onnx" / "model.onnx", batch_size=batch), context)
    if int8.is_file():  # one pair per run, as the service runs it (OnnxStance)
        runtimes["onnx int8"] = (OnnxStance(model_dir, int8), context)
    for extra in args.also_onnx:
        label, _, file = extra.partition("=")
        if not file or not Path(file).is_file():
            raise SystemExit(f"--also-onnx wants LABEL=FILE with an existing file, got {extra!r}")
        runtimes[label] = (OnnxStance(model_dir, Path(file)), context)
    for size in args.also_batch_size:
        runtimes[f"onnx int8, batches of {size}"] = (OnnxStance(model_dir, int8, batch_size=size), context)
    for mode in args.also_context:
        runtimes[f"onnx int8, context {mode}"] = (OnnxStance(model_dir, int8), mode)
    rows = time_models(runtimes, batches, args.runs)
    tokens = mean_tokens(model_dir, batches, pytorch.max_length)
    for name, (_, mode) in runtimes.items():
        rows[name]["tokens_per_claim"] = tokens[mode]
    table = ["| runtime | tokens per claim | p50 ms (10 pairs) | p90 ms | pairs/s |", "|---|---|---|---|---|"]
    table += [
        f"| {name} | {r['tokens_per_claim']} | {r['p50_ms']} | {r['p90_ms']} | {r['pairs_per_s']} |"
        for name, r in rows.items()
    ]
    details = (
        f"model `{model_dir.name}`, {len(claims)} claims x top-10 passages (previous sentence as context: "
        f"{args.context}), PyTorch and ONNX fp32 in batches of {batch}, int8 one pair per run, {args.runs} runs, "
    )
    write_results(args.out, "stance", "Stance latency", details, table, rows)


if __name__ == "__main__":
    main()
