"""Export a stance model folder to ONNX and a dynamically quantised int8 copy.

Usage: python -m models.export_onnx --model models/stance [--opset 17]
Writes ``<model>/onnx/model.onnx`` (fp32, not shipped) and ``<model>/onnx/model_int8.onnx``.
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path


def export(model_dir: Path, opset: int = 17) -> tuple[Path, Path]:
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    out = model_dir / "onnx"
    out.mkdir(exist_ok=True)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir, dtype=torch.float32).eval()
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    sample = tokenizer(["a premise"], ["a hypothesis"], return_tensors="pt")
    fp32 = out / "model.onnx"
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "batch", 1: "sequence"} for name in names}
    with warnings.catch_warnings():  # tracer warnings about Python control flow are expected here
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
            str(fp32),
            input_names=names,
            output_names=["logits"],
            dynamic_axes={**axes, "logits": {0: "batch"}},
            opset_version=opset,
            dynamo=False,
        )
    int8 = out / "model_int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)
    return fp32, int8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()
    for path in export(args.model, args.opset):
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
