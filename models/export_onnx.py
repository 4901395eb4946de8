"""Export a stance model folder to ONNX and a dynamically quantised int8 copy.

Usage: python -m models.export_onnx --model models/stance [--opset 17]
Writes ``<model>/onnx/model.onnx`` (fp32, not shipped) and ``<model>/onnx/model_int8.onnx``.

The graph is traced with eager attention so that ONNX Runtime's BERT optimiser can fuse each
layer's attention, the embeddings' layer norm, the skip layer norms and bias-GELU into single
kernels before quantisation: the fused int8 graph answers the same as the unfused one and is
faster on CPU (``bench/stance.py``).
"""

from __future__ import annotations

import argparse
import warnings
from pathlib import Path
from typing import Any

INPUT_NAMES = ["input_ids", "attention_mask", "token_type_ids"]


def trace(model: Any, tokenizer: Any, path: Path, opset: int) -> None:
    import torch

    sample = tokenizer(["a premise"], ["a hypothesis"], return_tensors="pt")
    axes = {name: {0: "batch", 1: "sequence"} for name in INPUT_NAMES}
    with warnings.catch_warnings():  # tracer warnings about Python control flow are expected here
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            tuple(sample[name] for name in INPUT_NAMES),
            str(path),
            input_names=INPUT_NAMES,
            output_names=["logits"],
            dynamic_axes={**axes, "logits": {0: "batch"}},
            opset_version=opset,
            dynamo=False,
        )


def fuse(fp32: Path, fused: Path, num_heads: int, hidden_size: int) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    optimized = optimize_model(str(fp32), model_type="bert", num_heads=num_heads, hidden_size=hidden_size, opt_level=1)
    optimized.save_model_to_file(str(fused))


def export(model_dir: Path, opset: int = 17) -> tuple[Path, Path]:
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    out = model_dir / "onnx"
    out.mkdir(exist_ok=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        model_dir, dtype=torch.float32, attn_implementation="eager"
    ).eval()
    fp32 = out / "model.onnx"
    trace(model, AutoTokenizer.from_pretrained(model_dir), fp32, opset)
    fused = out / "model_fused.onnx"
    fuse(fp32, fused, model.config.num_attention_heads, model.config.hidden_size)
    int8 = out / "model_int8.onnx"
    quantize_dynamic(
        str(fused),
        str(int8),
        weight_type=QuantType.QInt8,
        per_channel=True,
        # fused ops come from ONNX Runtime's own domain, which shape inference cannot type
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    fused.unlink()
    return fp32, int8


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--opset", type=int, default=17)
    args = parser.parse_args()
    for path in export(args.model, args.opset):
        print(path, path.stat().st_size)


if __name__ == "__main__":
    main()
