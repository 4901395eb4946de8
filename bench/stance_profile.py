"""Where the int8 stance model's time goes: ONNX Runtime's own profile, summed by operator type.

Usage: python bench/stance_profile.py [--model models/stance] [--onnx FILE] [--runs 40] [--batch-size 1]
                                      [--threads N] [--out bench/results]

Runs the same pairs as ``bench/stance.py`` (one claim against its top-10 passages over the seed
articles) through the model's ONNX graph with profiling on, and reports per operator type the
kernel milliseconds per claim, their share, and the calls per claim; the last row is the wall time
of ``predict`` per claim, which adds tokenising and the runtime's own overhead. It says which
change can pay: matrix products dominate, so fewer multiply-adds (narrower or shallower layers,
fewer tokens) move the total, and kernel or fusion tweaks cannot.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from bench.stance import claim_batches, load_claims, time_models  # noqa: E402
from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.stance import OnnxStance, default_stance_dir  # noqa: E402
from service.settings import Settings, default_of  # noqa: E402


def profiled_model(model_dir: Path, onnx_file: Path, batch_size: int, threads: int) -> OnnxStance:
    """An ``OnnxStance`` whose session records every kernel call."""
    import onnxruntime as ort

    model = OnnxStance(model_dir, onnx_file, batch_size=batch_size)
    model.load()
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.enable_profiling = True
    options.intra_op_num_threads = threads
    options.profile_file_prefix = str(Path(tempfile.gettempdir()) / "claimscope-stance-profile")
    model._session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
    return model


def kernel_times(profile: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Microseconds and calls per operator type in an ONNX Runtime profile file."""
    micros: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    for event in json.loads(profile.read_text()):
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            op = event["args"]["op_name"]
            micros[op] += event["dur"]
            calls[op] += 1
    return dict(micros), dict(calls)


def profile_claims(model: OnnxStance, batches: list[list[tuple[str, str]]], runs: int) -> dict[str, Any]:
    """Per operator type, kernel time per claim over ``runs`` claims after ``bench/stance.py``'s
    warm-up claim, which the profile also holds and is counted as one more claim."""
    context = default_of("stance_context")
    timed = time_models({"profiled": (model, context)}, {context: batches}, runs)["profiled"]
    profile = Path(model._session.end_profiling())
    micros, calls = kernel_times(profile)
    profile.unlink()
    claims = runs + 1
    total = sum(micros.values())
    ops = {
        op: {
            "ms_per_claim": round(us / claims / 1000, 2),
            "share": round(us / total, 3),
            "calls_per_claim": round(calls[op] / claims, 1),
        }
        for op, us in sorted(micros.items(), key=lambda item: -item[1])
    }
    return {
        "ops": ops,
        "kernels_ms_per_claim": round(total / claims / 1000, 1),
        "predict_p50_ms": timed["p50_ms"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--onnx", type=Path, default=None, help="graph to profile (default: the model's int8 file)")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=1, help="pairs per run (1, as the service runs int8)")
    parser.add_argument("--threads", type=int, default=0, help="intra-op threads (0 = ONNX Runtime's default)")
    parser.add_argument("--claims", type=Path, default=REPO.parent / "shared" / "bench" / "seed_claims.jsonl")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    model_dir = args.model or default_stance_dir()
    if model_dir is None:
        raise SystemExit("no stance model: pass --model")
    onnx_file = args.onnx or model_dir / "onnx" / "model_int8.onnx"
    if not onnx_file.is_file():
        raise SystemExit(f"no ONNX graph at {onnx_file}")
    context = default_of("stance_context")
    with tempfile.TemporaryDirectory() as tmp:
        pipeline = Pipeline(Settings(data_dir=Path(tmp), stance_model="none"))
        pipeline.seed()
        batches = claim_batches(pipeline, load_claims(args.claims), [context])[context]
        pipeline.close()
    result = profile_claims(profiled_model(model_dir, onnx_file, args.batch_size, args.threads), batches, args.runs)
    table = ["| operator | ms per claim | share of kernel time | calls per claim |", "|---|---|---|---|"]
    table += [
        f"| {op} | {row['ms_per_claim']} | {row['share']:.1%} | {row['calls_per_claim']} |"
        for op, row in result["ops"].items()
    ]
    table += [
        f"| all kernels | {result['kernels_ms_per_claim']} | 100% | |",
        f"| predict() wall p50 | {result['predict_p50_ms']} | | |",
    ]
    details = (
        f"graph `{onnx_file.relative_to(REPO) if onnx_file.is_relative_to(REPO) else onnx_file}`, "
        f"top-10 passages per claim (context {context}), batches of {args.batch_size}, "
        f"{args.threads or 'default'} intra-op threads, {args.runs} claims, "
    )
    write_results(args.out, "stance_profile", "Stance time by operator (ONNX Runtime profile)", details, table, result)


if __name__ == "__main__":
    main()
