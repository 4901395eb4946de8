"""Dev accuracy of the stance model by the token limit the service cuts premise-claim pairs at.

Usage: python bench/premise_length.py [--model models/stance] [--data ../shared/datasets]
                                      [--limits 128 256] [--out bench/results]

Training cuts pairs at 128 tokens; the service cuts them at ``MAX_TOKENS``, dropping the start of
the premise (in the service the previous sentence goes before a passage, so the context is cut
before the cited passage). This runs the int8 model as the service does over every dev pair (no
context) at each limit and reports accuracy overall and on the pairs longer than the shortest
limit (the only ones a limit changes), per dev set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench._report import write_results  # noqa: E402
from models.stance_data import load_splits  # noqa: E402
from service.pipeline.stance import OnnxStance  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, default=REPO / "models" / "stance")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "datasets")
    parser.add_argument("--limits", type=int, nargs="+", default=[128, 256])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args()
    limits = sorted(set(args.limits))
    onnx_file = args.model / "onnx" / "model_int8.onnx"
    if not onnx_file.is_file():
        parser.error(f"no int8 export at {onnx_file}")

    _, dev = load_splits(args.data)
    named = [(name, pair) for name in sorted(dev) for pair in dev[name]]
    pairs = [(pair.premise, pair.hypothesis) for _, pair in named]
    gold = np.array([pair.label for _, pair in named])
    sources = np.array([name for name, _ in named])
    correct: dict[int, np.ndarray] = {}
    for limit in limits:
        model = OnnxStance(args.model, onnx_file, max_length=limit)
        correct[limit] = model.logits(pairs).argmax(axis=1) == gold
        print(f"max {limit} tokens: accuracy {correct[limit].mean():.4f}", file=sys.stderr)
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    lengths = np.array([len(tokenizer(p, h)["input_ids"]) for p, h in pairs])
    long = lengths > limits[0]

    header = " | ".join(f"acc at {limit}" for limit in limits)
    table = [f"| dev set | pairs | over {limits[0]} tokens | {header} |", "|---|---|---|" + "---|" * len(limits)]
    rows = []
    for name in [*sorted(set(sources[long])), "all"]:
        in_set = np.ones_like(long) if name == "all" else sources == name
        accs = {limit: float(correct[limit][in_set].mean()) for limit in limits}
        accs_long = {limit: float(correct[limit][in_set & long].mean()) for limit in limits}
        cells = " | ".join(f"{accs[limit]:.4f} ({accs_long[limit]:.4f} on long)" for limit in limits)
        label = f"**{name}**" if name == "all" else name
        table.append(f"| {label} | {int(in_set.sum())} | {int((in_set & long).sum())} | {cells} |")
        rows.append(
            {
                "set": name,
                "pairs": int(in_set.sum()),
                "long": int((in_set & long).sum()),
                "accuracy": accs,
                "accuracy_long": accs_long,
            }
        )
    details = f"model `{args.model.name}` (int8 ONNX), dev pairs without context, "
    write_results(args.out, "premise_length", "Stance accuracy by premise token limit", details, table, rows)


if __name__ == "__main__":
    main()
