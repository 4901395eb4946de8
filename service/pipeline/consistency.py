"""Consistency checks NLI models are weak at: numbers, dates and named entities.

``reasons(claim, passage)`` explains, in words, where a passage disagrees with the claim on a
number or a date (a year, or a month and day: ``dates``), lacks a name the claim relies on, or
gives the claim's office to someone else (``names`` decides when a name counts as present).
Numbers are compared only when they count the same thing: "40 times" against "39 times", never
"5 days" against "39 times". ``adjust`` moves probability from entailment to contradiction when a
number or date disagrees; which kinds it acts on is a setting whose default comes from the dev-set
ablation in models/README.md.
Missing names are reported, never acted on: that ablation shows why.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from service.pipeline.dates import Date, dates_disagree, find_dates
from service.pipeline.names import PassageWords, claim_names, role_holder

# "the 1990s", "the 2010's" (but "1982's film" is a year's).
_DECADE = re.compile(r"(?<![\w.])((?:1[89]|20)\d0)s\b|(?<=\bthe )((?:1[89]|20)\d0)'s\b", re.I)
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
# after the rest of a range ("3 to 5 days").
_UNIT = re.compile(r"[\s-]*(per\s+cent|[^\W\d_]+|%)", re.I)
_RANGE_REST = re.compile(r"\s*(?:-|–|—|to|and|or)\s*\d[\d,.]*", re.I)
# Words that follow a number without saying what it counts ("20 to", "40 in", "22."): such a
# number is compared by the word before it ("age 60", "number 24", "UFC 216"), or not at all.
_NOT_UNITS = frozenset("to and or of in on at for from by with as than into over since per the a an".split())
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*#?\s*$")
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
    "dates": (DATE_MISMATCH,),
    "all": (NUMBER_MISMATCH, DATE_MISMATCH),
}


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def _numbers(text: str, days: list[tuple[int, int]]) -> tuple[set[str], dict[str, set[str]]]:
    """Years (and decades: "1990s"), and other numbers keyed by what they count ("40 times" counts "time", "$2 billion"
    counts "billion"), as canonical strings; a number whose count cannot be told is left out, since
    comparing it would compare unlike things, and so are the days of dates (spans in ``days``)."""
    decades = list(_DECADE.finditer(text))
    years = {f"{m.group(1) or m.group(2)}s" for m in decades}
    skip = days + [m.span() for m in decades]
    counted: dict[str, set[str]] = {}
    for match in _NUMBER.finditer(text):
        if any(start <= match.start() < end for start, end in skip):
            continue
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
    if unit and unit not in _NOT_UNITS:
        return "%" if unit in ("percent", "per cent") else unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
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
        >>> reasons("The film came out on May 28.", "It was released on July 28, 2017.")
        ['date mismatch: claim May 28, passage July 28']
    """
    claim, passage = _text(claim), _text(passage)
    out = []
    claim_dates, passage_dates = find_dates(claim), find_dates(passage)
    claim_years, claim_numbers = _numbers(claim, [span for _, span in claim_dates])
    passage_years, passage_numbers = _numbers(passage, [span for _, span in passage_dates])
    claimed, found = _number_mismatches(claim_numbers, passage_numbers)
    if claimed:
        out.append(f"{NUMBER_MISMATCH}: claim {', '.join(sorted(claimed))}, passage {', '.join(sorted(found))}")
    if _years_disagree(claim_years, passage_years):
        out.append(
            f"{DATE_MISMATCH}: claim {', '.join(sorted(claim_years))}, passage {', '.join(sorted(passage_years))}"
        )
    claim_days, passage_days = ({d for d, _ in found} for found in (claim_dates, passage_dates))
    if dates_disagree(claim_days, passage_days):
        out.append(f"{DATE_MISMATCH}: claim {_listed(claim_days)}, passage {_listed(passage_days)}")
    words = PassageWords.of(passage)
    missing = {name: role for name, role in claim_names(claim).items() if not words.mention(name)}
    others = {name: role_holder(role, passage) for name, role in missing.items() if role}
    for name, other in sorted(others.items()):
        if other:
            out.append(f"{OTHER_PERSON}: claim {name}, passage {other} ({missing[name]})")
    if absent := sorted(name for name in missing if not others.get(name)):
        out.append(f"{MISSING_NAME}: {', '.join(absent)}")
    return out


def _years_disagree(claim: set[str], passage: set[str]) -> bool:
    """Both give years, and none of the claim's falls in one of the passage's ("2013" in the
    "2010s") or the other way round."""
    spans = [[(int(y[:4]), int(y[:4]) + (9 if y.endswith("s") else 0)) for y in ys] for ys in (claim, passage)]
    return bool(claim and passage) and not any(a <= d and c <= b for a, b in spans[0] for c, d in spans[1])


def _listed(dates: set[Date]) -> str:
    return ", ".join(map(str, sorted(dates, key=Date.sort_key)))


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
