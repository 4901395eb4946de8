"""Counterfactual dev pairs that show what acting on a number or year mismatch fixes.

The NLI and fact-verification dev sets rarely pair a claim with a passage that gives another count
of the same thing, so the plain dev ablation measures what acting on mismatches costs (passages the
checker flags wrongly) but hardly what it fixes. The probe supplies the missing case, the one NLI
models are weakest at: every dev entailment pair whose hypothesis repeats a number (or year) of its
premise yields one pair with that number changed by one in the hypothesis, gold contradiction
("Two men are sitting on crates" / "Three men are relaxing"). The numbers are found here with their
own patterns, not the checker's, so the probe also measures how many of them the checker notices.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from models.stance_data import Pair

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
# Small whole numbers, as digits or words; digits inside a decimal, a thousands group or a word, or
# hyphenated to one ("COVID-19", "SARS-CoV-2": names, not counts), are not one.
_COUNT = re.compile(r"(?<![\w.,-])(\d{1,3})(?![\w]|[.,]\d)|\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_YEAR = re.compile(r"(?<![\w.,-])(1[89]\d\d|20\d\d)(?![\w]|[.,]\d)")
PROBE_KINDS = ("numbers", "years")
CONTRADICTION = 2


def _values(text: str, pattern: re.Pattern[str]) -> set[int]:
    return {_value(m) for m in pattern.finditer(text)}


def _value(match: re.Match[str]) -> int:
    digits = match.group(1)
    return int(digits) if digits else _NUMBER_WORDS.index(match.group(2).lower())


def _written_like(value: int, match: re.Match[str]) -> str:
    if match.group(1):
        return str(value)
    word = _NUMBER_WORDS[value]
    return word.capitalize() if match.group(2)[0].isupper() else word


def changed_count(hypothesis: str, premise: str) -> str | None:
    """The hypothesis with its first number that the premise also gives changed by one (written the
    same way: digits or a word), or None when it repeats no number of the premise."""
    shared = _values(premise, _COUNT)
    for match in _COUNT.finditer(hypothesis):
        value = _value(match)
        if value in shared:
            new = value - 1 if value == len(_NUMBER_WORDS) - 1 and not match.group(1) else value + 1
            return hypothesis[: match.start()] + _written_like(new, match) + hypothesis[match.end() :]
    return None


def changed_year(hypothesis: str, premise: str) -> str | None:
    """The hypothesis with its first year that the premise also gives moved on by one, or None."""
    shared = _values(premise, _YEAR)
    for match in _YEAR.finditer(hypothesis):
        if int(match.group(1)) in shared:
            return hypothesis[: match.start()] + str(int(match.group(1)) + 1) + hypothesis[match.end() :]
    return None


def probe_pairs(dev: dict[str, list[Pair]]) -> dict[str, list[Pair]]:
    """Counterfactual contradiction pairs from the dev entailment pairs, by kind of number."""
    change = {"numbers": changed_count, "years": changed_year}
    out: dict[str, list[Pair]] = {kind: [] for kind in PROBE_KINDS}
    for name in sorted(dev):
        for pair in dev[name]:
            if pair.label != 0:
                continue
            for kind in PROBE_KINDS:
                if (changed := change[kind](pair.hypothesis, pair.premise)) is not None:
                    out[kind].append(Pair(pair.premise, changed, CONTRADICTION, pair.source))
    return out


def probe_ablation(probs: dict[str, np.ndarray], pairs: dict[str, list[Pair]]) -> dict[str, Any]:
    """Per kind: probe pairs, how many the checker flags with that kind's mismatch, and how many the
    model gets right (contradiction) without and with ``consistency.adjust`` acting on that kind."""
    from service.pipeline.consistency import ADJUSTED_KINDS, adjust, reasons

    out: dict[str, Any] = {}
    for kind in PROBE_KINDS:
        rows, kinds = probs[kind], ADJUSTED_KINDS[kind]
        why = [reasons(p.hypothesis, p.premise) for p in pairs[kind]]
        adjusted = [adjust(row, w, kinds) for row, w in zip(rows, why, strict=True)]
        out[kind] = {
            "pairs": len(pairs[kind]),
            "flagged": sum(any(r.startswith(kinds) for r in w) for w in why),
            "plain": int((rows.argmax(1) == CONTRADICTION).sum()) if len(rows) else 0,
            "adjusted": sum(int(row.argmax() == CONTRADICTION) for row in adjusted),
        }
    return out
