"""Dev-split evaluation of a stance model: per-set metrics for the PyTorch and int8 ONNX runtimes,
a similarity-only baseline, temperature scaling (fit on dev, ECE before/after), and the consistency
ablation with its counterfactual probes (models/mismatch_probe.py, models/name_probe.py).

Usage: python -m models.evaluate_stance --model models/stance --data ../shared/datasets [--limit N]
Writes ``<model>/dev_report.json`` and ``<model>/calibration.json``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from models.mismatch_probe import PROBE_KINDS, PROBE_MODES, probe_pairs
from models.name_probe import name_probe_pairs
from models.stance_data import LABEL_IDS, Pair, load_splits
from service.pipeline.evaluate import classification_metrics
from service.pipeline.stance import LABELS, CrossEncoderStance, OnnxStance, softmax

BASELINE_FIT_PAIRS = 400
MAX_INT8_ACCURACY_DROP = 0.01  # int8 ONNX is shipped only if it costs at most one point of dev accuracy


def expected_calibration_error(probs: np.ndarray, gold: np.ndarray, bins: int = 15) -> float:
    confidence = probs.max(axis=1)
    correct = probs.argmax(axis=1) == gold
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        inside = (confidence > lo) & (confidence <= hi)
        if inside.any():
            ece += inside.mean() * abs(correct[inside].mean() - confidence[inside].mean())
    return float(ece)


def nll(logits: np.ndarray, gold: np.ndarray, temperature: float) -> float:
    probs = softmax(logits, temperature)
    return float(-np.log(np.clip(probs[np.arange(len(gold)), gold], 1e-12, None)).mean())


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    grid = np.exp(np.linspace(np.log(0.25), np.log(8.0), 200))
    return float(min(grid, key=lambda t: nll(logits, gold, t)))


def model_logits(model: Any, pairs: list[Pair]) -> tuple[np.ndarray, float]:
    if not pairs:
        return np.zeros((0, len(LABELS)), dtype=np.float32), 0.0
    started = time.perf_counter()
    if isinstance(model, OnnxStance):
        logits = model.logits([(p.premise, p.hypothesis) for p in pairs])
    else:
        model.load()
        raw = model._model.predict([(p.premise, p.hypothesis) for p in pairs], batch_size=64, convert_to_numpy=True)
        logits = np.asarray(raw, dtype=np.float32)[:, model._columns]
    return logits, len(pairs) / (time.perf_counter() - started)


def similarity_baseline(train: dict[str, list[Pair]], dev: dict[str, list[Pair]]) -> dict[str, Any]:
    """Cosine of premise and claim embeddings with thresholds fit on each set's train part:
    above t_high entailment, below t_low contradiction (for sets that have it), else neutral."""
    from service.pipeline.embed import Embedder

    embedder = Embedder()
    out: dict[str, Any] = {}
    for name, dev_pairs in sorted(dev.items()):
        fit = train[name][:BASELINE_FIT_PAIRS]
        sims_fit = _cosines(embedder, fit)
        labels_fit = np.array([p.label for p in fit])
        present = sorted(set(labels_fit.tolist()))
        grid = np.quantile(sims_fit, np.linspace(0.02, 0.98, 25))
        best = max(
            ((lo, hi) for lo in grid for hi in grid if hi >= lo),
            key=lambda th: classification_metrics(labels_fit.tolist(), _threshold(sims_fit, *th, present))["macro_f1"],
        )
        sims = _cosines(embedder, dev_pairs)
        out[name] = classification_metrics([p.label for p in dev_pairs], _threshold(sims, *best, present))
    return out


def _cosines(embedder: Any, pairs: list[Pair]) -> np.ndarray:
    a = embedder.encode([p.premise for p in pairs])
    b = embedder.encode([p.hypothesis for p in pairs])
    return np.asarray((a * b).sum(axis=1))


def _threshold(sims: np.ndarray, lo: float, hi: float, present: list[int]) -> list[int]:
    neutral = 1 if 1 in present else 2
    contra = 2 if 2 in present else 1
    return [0 if s >= hi else contra if s < lo else neutral for s in sims]


# A kind of mismatch is acted on by default when acting on it alone costs no dev pair and fixes at
# least this share of the counterfactual probe pairs (models/mismatch_probe.py) that it could fix:
# those the model reads as entailment, since acting only moves entailment to contradiction...
MIN_PROBE_FIXED = 0.05
# ...if its probe has this many pairs; a smaller one cannot judge (the direction probe finds few
# shared direction words, some of them names: "Derrick Rose"), so the kind must gain dev pairs.
MIN_PROBE_PAIRS = 50
# Share of entailment the name ablation moves to neutral: the best of 0.1-0.5 on either half of dev.
NAME_SHARE = 0.3
# Each ablation variant and the CLAIMSCOPE_CONSISTENCY_ADJUST mode it measures.
ABLATION_VARIANTS = {
    "adjusted": "all",
    "numbers_only": "numbers",
    "dates_only": "dates",
    "direction_only": "direction",
    "roles_only": "roles",
    "negation_only": "negation",
}
# Shares of entailment moved to contradiction that the ablation tries for the reasons whose share is
# chosen on dev (consistency.ADJUST_SHARES), by their CLAIMSCOPE_CONSISTENCY_ADJUST word, which also
# opens their counts ("negation_share_0.2").
SHARE_SWEEPS = {"negation": (0.1, 0.2, 0.3, 0.4, 0.5), "direction": (0.2, 0.4, 0.6, 0.8)}


def consistency_ablation(dev: dict[str, list[Pair]], probs: np.ndarray) -> dict[str, Any]:
    """Correct dev pairs per set without ``consistency.adjust`` ("plain") and with it, acting on
    every kind together ("adjusted") and on each kind alone; how often the passage negates the claim
    or says its subject went the other way, per gold label, and what each share of ``SHARE_SWEEPS``
    would do there ("negation_share_0.2"); and
    how often a claim's name is missing from the passage, per gold label, with what moving entailment
    to neutral on those pairs would do ("names_to_neutral"), how often the passage gives the
    claim's role to someone else ("names_other_person"), and how often it gives the claim's action
    with the two names the other way round, per gold label ("roles_contradiction")."""
    from service.pipeline.consistency import (
        ADJUSTED_REASONS,
        DATE_MISMATCH,
        NAME_REASONS,
        NUMBER_MISMATCH,
        OTHER_PERSON,
        ROLES_SWAPPED,
        adjusted_kinds,
        reasons,
    )

    out: dict[str, Any] = {}
    offset = 0
    totals: dict[str, int] = {}
    for name in sorted(dev):
        pairs = dev[name]
        rows = probs[offset : offset + len(pairs)]
        offset += len(pairs)
        gold = np.array([p.label for p in pairs])
        why = [reasons(p.hypothesis, p.premise) for p in pairs]
        counts = {
            "pairs": len(pairs),
            "flagged": _flagged(why, (NUMBER_MISMATCH, DATE_MISMATCH)),
            "plain": int((rows.argmax(1) == gold).sum()),
        }
        for variant, mode in ABLATION_VARIANTS.items():
            counts[variant] = _correct_after_adjust(rows, why, gold, adjusted_kinds(mode))
        for prefix in SHARE_SWEEPS:
            flagged = _carrying(why, ADJUSTED_REASONS[prefix])
            counts.update(_by_gold_label(prefix, flagged, gold))
            for share in SHARE_SWEEPS[prefix]:
                counts[f"{prefix}_share_{share}"] = _correct_after_shift(rows, flagged, gold, share, "contradiction")
        names_missing = _carrying(why, NAME_REASONS)
        counts.update(_by_gold_label("names_missing", names_missing, gold))
        counts["names_to_neutral"] = _correct_after_shift(rows, names_missing, gold, NAME_SHARE, "neutral")
        counts["names_other_person"] = _flagged(why, (OTHER_PERSON,))
        counts.update(_by_gold_label("roles", _carrying(why, ROLES_SWAPPED), gold))
        out[name] = counts
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    out["overall"] = totals
    return out


def probe_ablation(probs: dict[str, np.ndarray], pairs: dict[str, list[Pair]]) -> dict[str, Any]:
    """Per kind of the counterfactual probe (models/mismatch_probe.py): its pairs, how many the checker
    flags with that kind's reason, how many the model gets right (contradiction) without and with
    ``consistency.adjust`` acting on that kind, and how many it reads as entailment without (the
    errors that moving entailment can fix)."""
    from service.pipeline.consistency import adjusted_kinds, reasons

    out: dict[str, Any] = {}
    for kind in PROBE_KINDS:
        rows, kinds = probs[kind], adjusted_kinds(PROBE_MODES[kind])
        gold = np.full(len(pairs[kind]), LABEL_IDS["contradiction"])
        why = [reasons(p.hypothesis, p.premise) for p in pairs[kind]]
        out[kind] = {
            "pairs": len(pairs[kind]),
            "flagged": _flagged(why, kinds),
            "plain": int((rows.argmax(1) == gold).sum()),
            "adjusted": _correct_after_adjust(rows, why, gold, kinds),
            "read_as_entailment": int((rows.argmax(1) == LABEL_IDS["entailment"]).sum()),
        }
    return out


def name_probe_counts(probs: np.ndarray, pairs: list[Pair]) -> dict[str, int]:
    """The swapped-name probe (models/name_probe.py, gold neutral): its pairs, how many carry a
    missing-name reason, the model's predictions by label, and how many moving ``NAME_SHARE`` of
    entailment to neutral on the flagged ones would get right."""
    from service.pipeline.consistency import NAME_REASONS, reasons

    flagged = _carrying([reasons(p.hypothesis, p.premise) for p in pairs], NAME_REASONS)
    gold = np.full(len(pairs), LABEL_IDS["neutral"])
    predicted = probs.argmax(1) if len(pairs) else np.zeros(0, dtype=int)
    return {
        "pairs": len(pairs),
        "flagged": int(flagged.sum()),
        **{f"read_as_{label}": int((predicted == i).sum()) for i, label in enumerate(LABELS)},
        "names_to_neutral": _correct_after_shift(probs, flagged, gold, NAME_SHARE, "neutral"),
    }


def default_adjust_mode(overall: dict[str, int], probe: dict[str, Any]) -> str:
    """The ``CLAIMSCOPE_CONSISTENCY_ADJUST`` default the dev ablation and its probe justify: a mode
    whose acting alone costs no dev pair and fixes its probe, or, where its probe is too small to
    judge, gains dev pairs."""
    variant = {mode: name for name, mode in ABLATION_VARIANTS.items()}
    modes = list(dict.fromkeys(PROBE_MODES.values()))
    acted = []
    for mode in modes:
        right = overall[variant[mode]]
        fixes = _probe_fixes(probe, mode) if _probe_pairs(probe, mode) >= MIN_PROBE_PAIRS else right > overall["plain"]
        if right >= overall["plain"] and fixes:
            acted.append(mode)
    return "all" if len(acted) == len(modes) else ",".join(acted) or "none"


def _probe_pairs(probe: dict[str, Any], mode: str) -> int:
    return sum(probe[kind]["pairs"] for kind in _probe_kinds(mode))


def _probe_fixes(probe: dict[str, Any], mode: str) -> bool:
    """Acting on ``mode`` fixes at least ``MIN_PROBE_FIXED`` of the probe pairs that test it and that
    the model reads as entailment. A pair read as neutral stays wrong however much entailment moves,
    so counting those would judge a kind by the model rather than by what acting on it does: the
    negation probe is mostly read as neutral or already as contradiction."""
    kinds = _probe_kinds(mode)
    fixed = sum(probe[kind]["adjusted"] - probe[kind]["plain"] for kind in kinds)
    return fixed >= max(1, MIN_PROBE_FIXED * sum(probe[kind]["read_as_entailment"] for kind in kinds))


def _probe_kinds(mode: str) -> list[str]:
    """The probe kinds that test ``mode`` (the dates mode has two: years and months)."""
    return [kind for kind in PROBE_KINDS if PROBE_MODES[kind] == mode]


def _carrying(why: list[list[str]], kinds: str | tuple[str, ...]) -> np.ndarray:
    """Which pairs have a reason of one of ``kinds``, as a boolean mask."""
    from service.pipeline.consistency import has_reason

    return np.array([has_reason(w, kinds) for w in why], dtype=bool)


def _flagged(why: list[list[str]], kinds: tuple[str, ...]) -> int:
    """Pairs with a reason of one of ``kinds``."""
    return int(_carrying(why, kinds).sum())


def _by_gold_label(prefix: str, flagged: np.ndarray, gold: np.ndarray) -> dict[str, int]:
    """Flagged pairs per gold label ("negation_entailment", ...)."""
    return {f"{prefix}_{name}": int((flagged & (gold == label)).sum()) for label, name in enumerate(LABELS)}


def _correct_after_adjust(rows: np.ndarray, why: list[list[str]], gold: np.ndarray, kinds: tuple[str, ...]) -> int:
    from service.pipeline.consistency import adjust

    return sum(int(adjust(row, w, kinds).argmax() == g) for row, w, g in zip(rows, why, gold, strict=True))


def _correct_after_shift(rows: np.ndarray, flagged: np.ndarray, gold: np.ndarray, share: float, to: str) -> int:
    """Correct pairs after moving ``share`` of entailment to label ``to`` on the flagged rows."""
    from service.pipeline.consistency import shift_entailment

    moved = rows.astype(np.float32).copy()
    moved[flagged] = shift_entailment(moved[flagged], share, to=LABELS.index(to))
    return int((moved.argmax(1) == gold).sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=0, help="dev pairs per set (0 = all)")
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()

    train, dev = load_splits(args.data)
    if args.limit:
        dev = {k: v[: args.limit] for k, v in dev.items()}
    pairs = [p for name in sorted(dev) for p in dev[name]]
    gold = np.array([p.label for p in pairs])
    report: dict[str, Any] = {"dev_pairs": len(pairs), "runtimes": {}}
    runtimes: dict[str, Any] = {"torch": CrossEncoderStance(str(args.model))}
    onnx_file = args.model / "onnx" / "model_int8.onnx"
    if onnx_file.is_file():
        runtimes["onnx_int8"] = OnnxStance(args.model, onnx_file)
    logits_by_runtime = {}
    for name, model in runtimes.items():
        logits, rate = model_logits(model, pairs)
        logits_by_runtime[name] = logits
        per_set, offset = {}, 0
        for set_name in sorted(dev):
            n = len(dev[set_name])
            per_set[set_name] = classification_metrics(
                gold[offset : offset + n].tolist(), logits[offset : offset + n].argmax(1).tolist()
            )
            offset += n
        overall = classification_metrics(gold.tolist(), logits.argmax(1).tolist())
        report["runtimes"][name] = {"pairs_per_s": round(rate, 1), "overall": overall, "per_set": per_set}
        print(f"{name}: accuracy={overall['accuracy']:.4f} macro_f1={overall['macro_f1']:.4f} ({rate:.0f} pairs/s)")

    if "onnx_int8" in report["runtimes"]:
        drop = (
            report["runtimes"]["torch"]["overall"]["accuracy"] - report["runtimes"]["onnx_int8"]["overall"]["accuracy"]
        )
        keep = drop <= MAX_INT8_ACCURACY_DROP
        report["int8"] = {"accuracy_drop": round(drop, 4), "shipped": keep}
        print(f"int8 accuracy drop {drop:.4f}: {'kept' if keep else 'removed (service falls back to PyTorch)'}")
        if not keep:
            onnx_file.unlink()
    logits = logits_by_runtime["torch"]
    halves = [np.arange(len(gold)) % 2 == k for k in (0, 1)]
    held_out = []
    for fit, test in (halves, halves[::-1]):
        t = fit_temperature(logits[fit], gold[fit])
        held_out.append(expected_calibration_error(softmax(logits[test], t), gold[test]))
    temperature = fit_temperature(logits, gold)
    calibration = {
        "temperature": round(temperature, 4),
        "ece_before": round(expected_calibration_error(softmax(logits), gold), 4),
        "ece_after_2fold": round(float(np.mean(held_out)), 4),
        "fit_on": f"{len(gold)} dev pairs (all sets pooled)",
    }
    report["calibration"] = calibration
    print("calibration:", calibration)
    report["consistency_ablation"] = consistency_ablation(dev, softmax(logits, temperature))
    print("consistency ablation:", report["consistency_ablation"]["overall"])
    probe = probe_pairs(dev)
    probe_probs = {k: softmax(model_logits(runtimes["torch"], probe[k])[0], temperature) for k in PROBE_KINDS}
    report["mismatch_probe"] = probe_ablation(probe_probs, probe)
    print("mismatch probe:", report["mismatch_probe"])
    names = name_probe_pairs(dev)
    report["name_probe"] = name_probe_counts(softmax(model_logits(runtimes["torch"], names)[0], temperature), names)
    print("name probe:", report["name_probe"])
    if not args.skip_baseline:
        report["similarity_baseline"] = similarity_baseline(train, dev)
    (args.model / "calibration.json").write_text(json.dumps(calibration, indent=2) + "\n")
    (args.model / "dev_report.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
