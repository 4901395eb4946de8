"""Consistency checks NLI models are weak at: numbers, years and named entities.

``reasons(claim, passage)`` explains, in words, where a passage disagrees with the claim on a
number or a year, lacks a name the claim relies on, or gives the claim's office to someone else
(``names`` decides when a name counts as present). ``adjust`` optionally moves probability from
entailment to contradiction when a number or year disagrees; whether that runs is a setting whose
default comes from the dev-set ablation in models/README.md. Missing names are reported, never
acted on: that ablation shows why.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from service.pipeline.names import PassageWords, claim_names, role_holder

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)
# Each reason opens with its kind; API clients may match on these.
NUMBER_MISMATCH = "number mismatch"
DATE_MISMATCH = "date mismatch"
MISSING_NAME = "not in passage"
OTHER_PERSON = "different person in the same role"
REASON_KINDS = (NUMBER_MISMATCH, DATE_MISMATCH, MISSING_NAME, OTHER_PERSON)


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def _numbers(text: str) -> tuple[set[str], set[str]]:
    """(years, other numbers) mentioned in ``text``, as canonical strings."""
    years: set[str] = set()
    others: set[str] = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(1).replace(",", "")
        value = raw.rstrip("0").rstrip(".") if "." in raw else str(int(raw))
        (years if len(value) == 4 and 1800 <= int(float(value)) <= 2100 else others).add(value)
    for match in _WORD_NUMBER.finditer(text):
        others.add(str(_WORDS[match.group(1).lower()]))
    return years, others


def reasons(claim: str, passage: str) -> list[str]:
    """Human-readable disagreements between claim and passage (empty when none are found).

    Examples:
        >>> reasons("Xi has met Putin 40 times", "Xi has met Putin in person 39 times")
        ['number mismatch: claim 40, passage 39']
        >>> reasons("Xi last visited Russia in 2017.", "Xi last visited Russia in 2019.")
        ['date mismatch: claim 2017, passage 2019']
    """
    claim, passage = _text(claim), _text(passage)
    out = []
    claim_years, claim_numbers = _numbers(claim)
    passage_years, passage_numbers = _numbers(passage)
    if claim_numbers and passage_numbers and not claim_numbers & passage_numbers:
        out.append(
            f"{NUMBER_MISMATCH}: claim {', '.join(sorted(claim_numbers))}, passage {', '.join(sorted(passage_numbers))}"
        )
    if claim_years and passage_years and not claim_years & passage_years:
        out.append(
            f"{DATE_MISMATCH}: claim {', '.join(sorted(claim_years))}, passage {', '.join(sorted(passage_years))}"
        )
    words = PassageWords.of(passage)
    missing = {name: role for name, role in claim_names(claim).items() if not words.mention(name)}
    others = {name: role_holder(role, passage) for name, role in missing.items() if role}
    for name, other in sorted(others.items()):
        if other:
            out.append(f"{OTHER_PERSON}: claim {name}, passage {other} ({missing[name]})")
    if absent := sorted(name for name in missing if not others.get(name)):
        out.append(f"{MISSING_NAME}: {', '.join(absent)}")
    return out


def is_missing_name(reason: str) -> bool:
    """A claim name the passage lacks, whether or not it names someone else in the same role."""
    return reason.startswith((MISSING_NAME, OTHER_PERSON))


def is_mismatch(reason: str) -> bool:
    return reason.startswith((NUMBER_MISMATCH, DATE_MISMATCH))


def adjust(scores: np.ndarray, found: list[str], share: float = 0.8) -> np.ndarray:
    """Move ``share`` of the entailment probability to contradiction on a number/year mismatch."""
    if not any(is_mismatch(r) for r in found):
        return scores
    out = scores.astype(np.float32).copy()
    moved = out[0] * share
    out[0] -= moved
    out[2] += moved
    return out
