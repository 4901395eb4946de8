"""Consistency checks NLI models are weak at: numbers, years and named entities.

``reasons(claim, passage)`` explains, in words, where a passage disagrees with the claim on a
number or a year, lacks a name the claim relies on, or gives the claim's office to someone else
(``names`` decides when a name counts as present). Numbers are compared only when they count the
same thing: "40 times" against "39 times", never "5 days" against "39 times". ``adjust``
optionally moves probability from entailment to contradiction when a number or year disagrees;
whether that runs is a setting whose default comes from the dev-set ablation in models/README.md.
Missing names are reported, never acted on: that ablation shows why.
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
# The word right after a number says what it counts ("40 times", "12-point", "5%", "2.5 billion").
_UNIT = re.compile(r"[\s-]*(per\s+cent|[^\W\d_]+|%)", re.I)
# Each reason opens with its kind; API clients may match on these.
NUMBER_MISMATCH = "number mismatch"
DATE_MISMATCH = "date mismatch"
MISSING_NAME = "not in passage"
OTHER_PERSON = "different person in the same role"
REASON_KINDS = (NUMBER_MISMATCH, DATE_MISMATCH, MISSING_NAME, OTHER_PERSON)


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def _numbers(text: str) -> tuple[set[str], dict[str, set[str]]]:
    """Years, and other numbers keyed by what they count (the word after them: "40 times" counts
    "time", "$2 billion" counts "billion"), as canonical strings."""
    years: set[str] = set()
    counted: dict[str, set[str]] = {}
    for match in _NUMBER.finditer(text):
        raw = match.group(1).replace(",", "")
        value = raw.rstrip("0").rstrip(".") if "." in raw else str(int(raw))
        if len(value) == 4 and 1800 <= int(float(value)) <= 2100:
            years.add(value)
        else:
            counted.setdefault(_unit(text[match.end() :]), set()).add(value)
    for match in _WORD_NUMBER.finditer(text):
        counted.setdefault(_unit(text[match.end() :]), set()).add(str(_WORDS[match.group(1).lower()]))
    return years, counted


def _unit(after: str) -> str:
    found = _UNIT.match(after)
    if not found:
        return ""
    unit = found.group(1).lower()
    return "%" if unit in ("percent", "per cent") else unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def _number_mismatches(claim: dict[str, set[str]], passage: dict[str, set[str]]) -> tuple[set[str], set[str]]:
    """Claim and passage numbers that count the same thing and all differ; numbers counting different
    things ("5 days", "39 times") are not compared."""
    claimed: set[str] = set()
    found: set[str] = set()
    for unit, values in claim.items():
        if unit in passage and not values & passage[unit]:
            claimed |= values
            found |= passage[unit]
    return claimed, found


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
    claimed, found = _number_mismatches(claim_numbers, passage_numbers)
    if claimed:
        out.append(f"{NUMBER_MISMATCH}: claim {', '.join(sorted(claimed))}, passage {', '.join(sorted(found))}")
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
    return shift_entailment(scores, share, to=2)


def shift_entailment(scores: np.ndarray, share: float, to: int) -> np.ndarray:
    """Move ``share`` of the entailment probability (column 0) to column ``to``, in one row of
    scores or in each row of many."""
    out = scores.astype(np.float32).copy()
    moved = out[..., 0] * share
    out[..., 0] -= moved
    out[..., to] += moved
    return out
