"""Consistency checks NLI models are weak at: numbers, years and named entities.

``reasons(claim, passage)`` explains, in words, where a passage disagrees with the claim on a
number or a year, lacks a name the claim relies on, or gives the claim's office to someone else
(``names`` decides when a name counts as present). Numbers are compared only when they count the
same thing: "40 times" against "39 times", never "5 days" against "39 times". ``adjust``
moves probability from entailment to contradiction when a number or year disagrees; which kinds it
acts on is a setting whose default comes from the dev-set ablation in models/README.md.
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
# The word right after a number says what it counts ("40 times", "12-point", "5%", "2.5 billion"),
# after the rest of a range ("20-22 March", "3 to 5 days").
_UNIT = re.compile(r"[\s-]*(per\s+cent|[^\W\d_]+|%)", re.I)
_RANGE_REST = re.compile(r"\s*(?:-|–|—|to|and|or)\s*\d[\d,.]*", re.I)
# Words that follow a number without saying what it counts ("20 to", "40 in", "22."): such a
# number is compared as a day of a month ("March 20", "20 March") or by the word before it.
_NOT_UNITS = frozenset("to and or of in on at for from by with as than into over since per the a an".split())
# Else the word before it names the count ("age 60", "number 24", "UFC 216").
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*#?\s*$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = frozenset(
    "january february march april may june july august september october november december sept".split() + list(_MONTHS)
)
_MONTH_BEFORE = re.compile(r"\b(" + "|".join(_MONTHS) + r")[a-z]*\.?\s+(?:\d{1,2}\s*(?:-|–|—|to|and)\s*)?$", re.I)
# Each reason opens with its kind; API clients may match on these.
NUMBER_MISMATCH = "number mismatch"
DATE_MISMATCH = "date mismatch"
MISSING_NAME = "not in passage"
OTHER_PERSON = "different person in the same role"
REASON_KINDS = (NUMBER_MISMATCH, DATE_MISMATCH, MISSING_NAME, OTHER_PERSON)
# The reasons each CLAIMSCOPE_CONSISTENCY_ADJUST mode acts on.
ADJUSTED_KINDS: dict[str, tuple[str, ...]] = {
    "none": (),
    "numbers": (NUMBER_MISMATCH,),
    "years": (DATE_MISMATCH,),
    "all": (NUMBER_MISMATCH, DATE_MISMATCH),
}


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def _numbers(text: str) -> tuple[set[str], dict[str, set[str]]]:
    """Years, and other numbers keyed by what they count ("40 times" counts "time", "$2 billion"
    counts "billion", "March 20" is a day of March), as canonical strings; a number whose count
    cannot be told is left out, since comparing it would compare unlike things."""
    years: set[str] = set()
    counted: dict[str, set[str]] = {}
    for match in _NUMBER.finditer(text):
        raw = match.group(1).replace(",", "")
        value = raw.rstrip("0").rstrip(".") if "." in raw else str(int(raw))
        if len(value) == 4 and 1800 <= int(float(value)) <= 2100:
            years.add(value)
        elif unit := _unit(text, match.start(), match.end()):
            counted.setdefault(unit, set()).add(value)
    for match in _WORD_NUMBER.finditer(text):
        if unit := _unit(text, match.start(), match.end()):
            counted.setdefault(unit, set()).add(str(_WORDS[match.group(1).lower()]))
    return years, counted


def _unit(text: str, start: int, end: int) -> str:
    after = text[end:]
    if rest := _RANGE_REST.match(after):
        after = after[rest.end() :]
    found = _UNIT.match(after)
    unit = found.group(1).lower() if found else ""
    if unit in _MONTH_NAMES:
        return unit[:3]
    if unit and unit not in _NOT_UNITS:
        return "%" if unit in ("percent", "per cent") else unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
    if month := _MONTH_BEFORE.search(text[:start]):
        return month.group(1).lower()
    before = _WORD_BEFORE.search(text[:start])
    return f"{before.group(1).lower()} #" if before and before.group(1).lower() not in _NOT_UNITS else ""


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


def adjust(
    scores: np.ndarray, found: list[str], kinds: tuple[str, ...] = ADJUSTED_KINDS["all"], share: float = 0.8
) -> np.ndarray:
    """Move ``share`` of the entailment probability to contradiction when ``found`` holds a reason
    of one of ``kinds`` (number and year mismatches unless told)."""
    if not any(r.startswith(kinds) for r in found):
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
