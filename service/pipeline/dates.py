"""Calendar dates in text: "March 27", "27 March", "Mar. 20-22", "March 2019", and, in an article
whose publication date is known, "last year", "two years ago", "February last year", "next month".

The consistency checker compares them as dates rather than as bare numbers, so a passage that
puts an event in another month ("May 28" for "March 27") is reported, and a day is never compared
with a count. A month counts only beside a day or a year and written with a capital, since "May"
is also a verb and "March" a noun. News dates events from the day it is published ("last year"),
so without that day a passage's relative dates say nothing and are left out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from service.pipeline.clean import is_timestamp

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
_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()
_COUNTS = {"a": 1, "an": 1} | {word: i for i, word in enumerate(_NUMBER_WORDS)}
# "last year", "earlier this month", "February next year", "two years ago"; not "the last year"
# or "the past year", which are the twelve months before, not a calendar year.
_RELATIVE = re.compile(
    rf"(?:\b(?P<month>{_MONTH})\s+)?(?<!\bthe )(?<!\bThe )\b(?i:(?:earlier\s+|later\s+)?"
    r"(?P<which>last|this|next)\s+(?P<unit>year|month))\b(?!-)"
    r"|\b(?i:(?P<count>\d{1,2}|" + "|".join(_COUNTS) + r")\s+years?\s+ago)\b"
)
_STEP = {"last": -1, "this": 0, "next": 1}
# A full day in a timestamp line: "March 17, 2023", "17 March 2023", "2023-03-17".
_STAMP_DAY = re.compile(
    rf"\b(?P<month_first>{_MONTH})\s+(?P<day_first>{_DAY}),?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<day_after>{_DAY})\s+(?:of\s+)?(?P<month_after>{_MONTH}),?\s+(?P<year_after>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)(?![\d-])"
)
# "more than a year ago" is any year before: it dates nothing.
_OPEN_BEFORE = re.compile(r"(?i:\b(?:more than|over|at least|upwards of)\s*)$")
# "may last year after year": "last" is a verb after these.
_VERB_BEFORE = re.compile(r"(?i:\b(?:will|would|may|might|can|could|should|must|to|does|did|not)\s+)$")


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


@dataclass(frozen=True)
class RelativeDate:
    """A date the text gives relative to its publication ("last year"), as calendar years
    (``first_year`` to ``last_year``: "a year ago" may fall in either of two) and, when it
    names one, a month."""

    phrase: str
    first_year: int
    last_year: int
    month: Date | None = None

    @property
    def years(self) -> str:
        """The years as the checker compares them: "2022", or "2021-2022"."""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}-{self.last_year}"


def publication_date(value: str | None) -> date | None:
    """The day an article was published, from its ISO 8601 ``published_at`` (None when unknown)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def published_in(text: str) -> str | None:
    """The earliest day a scraped article's "Published ..." or "Updated ..." lines give, as an ISO
    date: its publication day when no ``published_at`` came with it. Numeric dates other than ISO
    ("03/04/2023") are left out: they read differently in the US and in Europe."""
    days = [day for line in text.splitlines() if is_timestamp(line.strip()) for day in _days_in(line)]
    return min(days).isoformat() if days else None


def _days_in(line: str) -> Iterator[date]:
    for match in _STAMP_DAY.finditer(line):
        try:
            if match["iso"]:
                yield date.fromisoformat(match["iso"])
            else:
                month = _MONTH_INDEX[(match["month_first"] or match["month_after"]).rstrip(".")] + 1
                day = _day(match["day_first"] or match["day_after"])
                yield date(int(match["year"] or match["year_after"]), month, day)
        except ValueError:  # no such day: "31 February"
            continue


def find_relative_dates(text: str, published: date) -> list[RelativeDate]:
    """The relative dates of ``text`` resolved against the day it was ``published``."""
    out = []
    for match in _RELATIVE.finditer(text):
        phrase = " ".join(match.group(0).split())
        if match["count"]:
            if _OPEN_BEFORE.search(text, 0, match.start()):
                continue
            raw = match["count"].lower()
            back = int(raw) if raw.isdigit() else _COUNTS[raw]
            # "a year ago" in March 2023 may mean late 2021 or early 2022
            out.append(RelativeDate(phrase, published.year - back - 1, published.year - back))
            continue
        if match["which"].lower() == "last" and _VERB_BEFORE.search(text, 0, match.start("which")):
            continue
        step = _STEP[match["which"].lower()]
        if match["unit"].lower() == "year":
            year = published.year + step
            named = Date(_MONTH_INDEX[match["month"].rstrip(".")]) if match["month"] else None
            out.append(RelativeDate(phrase, year, year, named))
        else:
            year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
            out.append(RelativeDate(phrase, year, year, Date(month)))
    return out
