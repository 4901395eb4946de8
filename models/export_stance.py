"""Export a training checkpoint as a loadable fp16 model folder (config, tokenizer, safetensors).

Usage: python -m models.export_stance --checkpoint ~/.cache/claimscope-train/run1/checkpoint.pt --out DIR
"""

from __future__ import annotations

import argparse
from pathlib import Path

from models.train_stance import default_backbone, load_backbone


def export(checkpoint: Path, out: Path, backbone: str | None = None) -> None:
    import torch

    tokenizer, model = load_backbone(backbone or default_backbone())
    state = torch.load(checkpoint, weights_only=False, map_location="cpu")
    model.load_state_dict(state["model"])
    out.mkdir(parents=True, exist_ok=True)
    model.half().save_pretrained(out)
    tokenizer.save_pretrained(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checkpoint", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--backbone", default=None)
    args = parser.parse_args()
    export(args.checkpoint, args.out, args.backbone)


if __name__ == "__main__":
    main()
