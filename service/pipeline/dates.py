"""Calendar dates in text: "March 27", "27 March", "Mar. 20-22", "March 2019".

The consistency checker compares them as dates rather than as bare numbers, so a passage that
puts an event in another month ("May 28" for "March 27") is reported, and a day is never compared
with a count. A month counts only beside a day or a year and written with a capital, since "May"
is also a verb and "March" a noun.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

MONTHS = "January February March April May June July August September October November December".split()
_ABBREVIATIONS = {m[:3]: i for i, m in enumerate(MONTHS) if m != "May"} | {"Sept": 8}
_MONTH_INDEX = {m: i for i, m in enumerate(MONTHS)} | _ABBREVIATIONS
_MONTH = r"(?:" + "|".join(sorted(_MONTH_INDEX, key=len, reverse=True)) + r")(?![a-z])\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\w)"
_RANGE = r"\s*(?:-|–|—|to|and|or)\s*"
_DATE = re.compile(
    rf"\b(?P<month_first>{_MONTH})\s+(?P<day_from>{_DAY})(?:{_RANGE}(?P<day_to>{_DAY}))?"
    rf"|\b(?P<day_first>{_DAY})(?:{_RANGE}(?P<day_last>{_DAY}))?\s+(?:of\s+)?(?P<month_after>{_MONTH})"
    rf"|\b(?P<month_year>{_MONTH}),?\s+(?=(?:1[89]|20)\d\d\b)"
)


@dataclass(frozen=True)
class Date:
    """A month, and the days of it a text gives: one (``first_day == last_day``), a range, or none
    when it gives only the month and year."""

    month: int
    first_day: int | None = None
    last_day: int | None = None

    def agrees_with(self, other: Date) -> bool:
        """Same month, and overlapping days unless either side names no day."""
        if self.month != other.month:
            return False
        if self.first_day is None or self.last_day is None or other.first_day is None or other.last_day is None:
            return True
        return self.first_day <= other.last_day and other.first_day <= self.last_day

    def sort_key(self) -> tuple[int, int, int]:
        return self.month, self.first_day or 0, self.last_day or 0

    def __str__(self) -> str:
        month = MONTHS[self.month]
        if self.first_day is None:
            return month
        if self.last_day == self.first_day:
            return f"{month} {self.first_day}"
        return f"{month} {self.first_day}-{self.last_day}"


def find_dates(text: str) -> list[tuple[Date, tuple[int, int]]]:
    """Each date in ``text`` with its span; a day outside 1-31 is not a day, so not a date."""
    out = []
    for match in _DATE.finditer(text):
        month = _MONTH_INDEX[(match["month_first"] or match["month_after"] or match["month_year"]).rstrip(".")]
        first = match["day_from"] or match["day_first"]
        last = match["day_to"] or match["day_last"] or first
        if first is None:
            out.append((Date(month), match.span()))
        elif 1 <= _day(first) <= _day(last) <= 31:
            out.append((Date(month, _day(first), _day(last)), match.span()))
    return out


def _day(raw: str) -> int:
    return int(raw.rstrip("stndrh"))


def dates_disagree(claim: Collection[Date], passage: Collection[Date]) -> bool:
    """Both give dates, and none of the claim's agrees with any of the passage's."""
    return bool(claim and passage) and not any(c.agrees_with(p) for c in claim for p in passage)
