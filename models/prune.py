"""Narrower feed-forward blocks: a faster stance model that starts close to the one it came from.

Most of a MiniLM layer's CPU time goes to its feed-forward block (1,536 units against a hidden
size of 384; ``bench/stance_profile.py``). ``prune_ffn`` keeps the units that carry most of each
block's output on real pairs and refits the block's output projection by least squares, so that
the kept units reproduce what the full block wrote. Layers are pruned in order, each refit on the inputs the
already-pruned layers hand it, so one layer's error is not left for the next to inherit. Dropping
units by weight size alone, with no refit, costs far more accuracy before any fine-tuning.
"""

from __future__ import annotations

import copy
from typing import Any

RIDGE = 1e-2


def feed_forward_blocks(model: Any) -> list[Any]:
    """The encoder layers of a BERT-style model (``intermediate.dense`` then ``output.dense``)."""
    layers = list(getattr(getattr(model.base_model, "encoder", None), "layer", []))
    if not layers or not all(hasattr(layer, "intermediate") and hasattr(layer, "output") for layer in layers):
        raise ValueError(f"{type(model).__name__} has no BERT-style feed-forward blocks to prune")
    return layers


def ffn_activations(model: Any, inputs: list[dict[str, Any]], index: int) -> Any:
    """Activations of layer ``index``'s feed-forward units at every real (unpadded) token: (tokens, units)."""
    import torch

    captured: list[Any] = []
    block = feed_forward_blocks(model)[index].intermediate
    hook = block.register_forward_hook(lambda _module, _args, output: captured.append(output.detach()))
    try:
        with torch.inference_mode():
            for batch in inputs:
                model(**batch)
    finally:
        hook.remove()
    return torch.cat([act[batch["attention_mask"].bool()] for act, batch in zip(captured, inputs, strict=True)])


def refit(kept: Any, target: Any, ridge: float = RIDGE) -> Any:
    """Least-squares weights W (out x kept units) with kept @ W.T ~ target, ridge-regularised on the
    scale of the activations so that rarely firing units do not get huge weights."""
    import torch

    gram = kept.T @ kept
    gram += ridge * gram.diagonal().mean() * torch.eye(gram.shape[0], dtype=gram.dtype, device=gram.device)
    return torch.linalg.solve(gram, kept.T @ target).T.contiguous()


def prune_ffn(model: Any, inputs: list[dict[str, Any]], units: int, ridge: float = RIDGE) -> list[float]:
    """Keep ``units`` feed-forward units per layer (in place); returns each layer's relative squared
    error in reproducing the full block's output on ``inputs`` (tokenised batches of real pairs)."""
    layers = feed_forward_blocks(model)
    width = layers[0].intermediate.dense.out_features
    if not 0 < units <= width:
        raise ValueError(f"--ffn-units must be 1..{width}, got {units}")
    was_training = model.training
    model.eval()
    reference = copy.deepcopy(model)
    errors = []
    for index, layer in enumerate(layers):
        full_output = feed_forward_blocks(reference)[index].output.dense.weight.detach()
        target = ffn_activations(reference, inputs, index) @ full_output.T
        current = ffn_activations(model, inputs, index)
        # a unit matters by how strongly it fires on real tokens and how much the output projection amplifies it
        importance = current.abs().mean(0) * full_output.norm(dim=0)
        keep = importance.topk(units).indices.sort().values
        weight = refit(current[:, keep], target, ridge)
        errors.append(float((current[:, keep] @ weight.T - target).pow(2).mean() / target.pow(2).mean()))
        _narrow(layer, keep, weight)
        del target, current
    model.config.intermediate_size = units
    model.train(was_training)
    return errors


def _narrow(layer: Any, keep: Any, output_weight: Any) -> None:
    import torch

    dense_in, dense_out = layer.intermediate.dense, layer.output.dense
    like = {"dtype": dense_in.weight.dtype, "device": dense_in.weight.device}
    narrow_in = torch.nn.Linear(dense_in.in_features, len(keep), **like)
    narrow_out = torch.nn.Linear(len(keep), dense_out.out_features, **like)
    with torch.no_grad():
        narrow_in.weight.copy_(dense_in.weight[keep])
        narrow_in.bias.copy_(dense_in.bias[keep])
        narrow_out.weight.copy_(output_weight)
        narrow_out.bias.copy_(dense_out.bias)
    layer.intermediate.dense, layer.output.dense = narrow_in, narrow_out
