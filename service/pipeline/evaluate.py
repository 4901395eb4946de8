"""Evaluation: NLI accuracy of the stance model, and end-to-end verdicts on labelled claims."""

from __future__ import annotations

import gzip
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as replace_settings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from service.errors import InvalidInputError
from service.pipeline.aggregate import VERDICTS
from service.pipeline.documents import json_object
from service.pipeline.stance import LABELS, StanceModel

if TYPE_CHECKING:
    from service.pipeline.runtime import Pipeline

LABEL_IDS = {name: i for i, name in enumerate(LABELS)}


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file, gunzipped when it ends in .gz; anything else raises."""
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    yield json_object(line, f"{path}:{number}")
    except UnicodeDecodeError:
        raise InvalidInputError(f"{path}: not UTF-8 text") from None
    except (OSError, EOFError) as exc:
        raise InvalidInputError(f"{path}: cannot be read ({exc})") from None


def _nli_problem(record: dict[str, Any]) -> str | None:
    if not all(isinstance(record.get(key), str) and record[key].strip() for key in ("premise", "hypothesis")):
        return "needs premise and hypothesis as non-empty strings"
    if record.get("label") not in LABEL_IDS:
        return f"needs a label in {LABELS}"
    return None


def _claim_problem(record: dict[str, Any]) -> str | None:
    """What keeps a labelled claim (seed_claims.jsonl's layout) from being scored, if anything."""
    if not isinstance(record.get("claim"), str) or not record["claim"].strip():
        return "needs the claim as a non-empty string"
    if record.get("verdict") not in VERDICTS:
        return f"needs a verdict in {VERDICTS}"
    for key in ("supports", "contradicts"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"{key} must be a list of source ids"
    evidence = record.get("evidence") or {}
    if not isinstance(evidence, dict) or not all(isinstance(v, str) for v in evidence.values()):
        return "evidence must map source ids to passage substrings"
    return None


def _checked(
    records: list[dict[str, Any]], path: Path, problem: Callable[[dict[str, Any]], str | None]
) -> list[dict[str, Any]]:
    """The records, each checked; a file without any is an error, since scores over nothing
    (accuracy 0, or ``verdict_acc=0/0``) read as a result."""
    if not records:
        raise InvalidInputError(f"{path} holds no records")
    for number, record in enumerate(records, start=1):
        if found := problem(record):
            raise InvalidInputError(f"{path}: record {number} {found}")
    return records


def classification_metrics(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the classes present in ``gold``, per-class P/R/F1, confusion."""
    confusion = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    for g, p in zip(gold, pred, strict=True):
        confusion[g, p] += 1
    per_class: dict[str, dict[str, float]] = {}
    f1s = []
    for c, name in enumerate(LABELS):
        support = int(confusion[c].sum())
        predicted = int(confusion[:, c].sum())
        tp = int(confusion[c, c])
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
        if support:
            f1s.append(f1)
    n = len(gold)
    return {
        "n": n,
        "accuracy": float(np.trace(confusion) / n) if n else 0.0,
        "macro_f1": float(np.mean(f1s)) if f1s else 0.0,
        "per_class": per_class,
        "confusion": confusion.tolist(),
    }


def eval_nli(model: StanceModel, path: Path, batch_size: int = 256) -> dict[str, Any]:
    records = _checked(list(read_jsonl(path)), path, _nli_problem)
    if load := getattr(model, "load", None):
        load()  # pairs/s times the model, not reading its weights
    started = time.perf_counter()
    probs = [
        model.predict([(r["premise"], r["hypothesis"]) for r in records[i : i + batch_size]])
        for i in range(0, len(records), batch_size)
    ]
    elapsed = time.perf_counter() - started
    pred = np.concatenate(probs).argmax(axis=1).tolist() if probs else []
    report = classification_metrics([LABEL_IDS[r["label"]] for r in records], pred)
    report["pairs_per_s"] = round(len(records) / elapsed, 1) if elapsed else 0.0
    report["stance_model"] = model.name
    return report


def format_nli(report: dict[str, Any]) -> str:
    lines = [
        f"stance model: {report['stance_model']}",
        f"pairs/s: {report['pairs_per_s']}",
        "class          precision  recall     f1  support",
    ]
    for name, m in report["per_class"].items():
        lines.append(f"{name:<14} {m['precision']:9.4f} {m['recall']:7.4f} {m['f1']:6.4f} {m['support']:8d}")
    lines.append("confusion (rows gold, columns predicted; " + ", ".join(LABELS) + "):")
    lines.extend("  " + " ".join(f"{v:6d}" for v in row) for row in report["confusion"])
    lines.append(f"accuracy={report['accuracy']:.4f} macro_f1={report['macro_f1']:.4f} n={report['n']}")
    return "\n".join(lines)


@dataclass
class ClaimsScore:
    verdicts: int = 0
    claims: int = 0
    stances_found: int = 0
    stances_expected: int = 0
    wrong_stance: int = 0
    citations_found: int = 0
    citations_expected: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"verdict_acc={self.verdicts}/{self.claims} stance_recall={self.stances_found}/{self.stances_expected}"
            f" wrong_stance={self.wrong_stance} citations={self.citations_found}/{self.citations_expected}"
        )


def score_claim(expected: dict[str, Any], report: dict[str, Any], score: ClaimsScore) -> None:
    """Add one claim's verification to ``score`` (see the module's CLI help for the rules)."""
    stances = {s["source_id"]: s for s in report["sources"]}
    row: dict[str, Any] = {
        "id": expected.get("id"),
        "claim": expected["claim"],
        "expected": expected["verdict"],
        "verdict": report["verdict"],
        "missing": [],
        "reversed": [],
        "uncited": [],
    }
    score.claims += 1
    score.verdicts += report["verdict"] == expected["verdict"]
    for wanted, opposite, key in (("supports", "contradicts", "supports"), ("contradicts", "supports", "contradicts")):
        for source_id in expected.get(key, []):
            score.stances_expected += 1
            got = stances.get(source_id, {}).get("stance")
            if got == wanted:
                score.stances_found += 1
            else:
                row["missing"].append(f"{source_id}:{wanted}")
            if got == opposite:
                score.wrong_stance += 1
                row["reversed"].append(source_id)
    for source_id, snippet in (expected.get("evidence") or {}).items():
        score.citations_expected += 1
        texts = [p["text"] for p in stances.get(source_id, {}).get("passages", [])]
        if any(snippet.lower() in " ".join(t.split()).lower() for t in texts):
            score.citations_found += 1
        else:
            row["uncited"].append(source_id)
    score.rows.append(row)


def eval_claims(base: Pipeline, claims_path: Path, corpus: Path) -> ClaimsScore:
    """Ingest ``corpus`` into a temporary data dir and score each labelled claim against it.

    The temporary pipeline borrows ``base``'s models, so a caller that already loaded them (the
    CLI, a benchmark comparing settings) pays for loading once and never touches its own store.
    """
    from service.pipeline.documents import read_articles
    from service.pipeline.runtime import Pipeline

    expected_claims = _checked(list(read_jsonl(claims_path)), claims_path, _claim_problem)
    with tempfile.TemporaryDirectory(prefix="claimscope-eval-") as tmp:
        pipeline = Pipeline(
            replace_settings(base.settings, data_dir=Path(tmp)),
            embedder=base.embedder,
            stance_model=base.stance_model,
        )
        try:
            pipeline.ingest(read_articles([corpus]))
            score = ClaimsScore()
            for expected in expected_claims:
                score_claim(expected, pipeline.verify(expected["claim"]), score)
        finally:
            pipeline.close()
    return score


def format_claim_row(row: dict[str, Any]) -> str:
    """One line per claim: ``ok``/``BAD``, id, expected and returned verdict, what went wrong."""
    mark = "ok " if row["verdict"] == row["expected"] else "BAD"
    notes = "; ".join(f"{k}: {', '.join(v)}" for k in ("missing", "reversed", "uncited") if (v := row[k]))
    return f"{mark} {row['id']}: expected {row['expected']}, got {row['verdict']}  {notes}".rstrip()
