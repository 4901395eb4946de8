"""Calendar dates in text: "March 27", "27 March", "Mar. 20-22", "March 2019"; and the day an
article was published (its ``published_at``, or the "Published ..." line of a scraped page), from
which ``relative_dates`` resolves "last year" and "on Tuesday".

The consistency checker compares them as dates rather than as bare numbers, so a passage that
puts an event in another month ("May 28" for "March 27") is reported, and a day is never compared
with a count. A month counts only written with a capital, and beside a day or a year or after a
word that makes it one ("in May", "during March", "in mid-June"), since "May" is also a verb and
"March" a noun.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# The words before a day that make it a beginning or an end, with a day of the week between
# ("from Sunday 29 November").
_EDGE_LOOK_BACK = 40
_WEEKDAY_BETWEEN = r"(?:(?:on\s+)?(?:the\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?$"
_DAY_EDGES = {
    "start": re.compile(r"\b(?:from|since|starting(?:\s+on)?|beginning(?:\s+on)?)\s+" + _WEEKDAY_BETWEEN, re.I),
    "end": re.compile(r"\b(?:until|till|through|to|by)\s+" + _WEEKDAY_BETWEEN, re.I),
}
_ABBREVIATIONS = {m[:3]: i for i, m in enumerate(MONTHS) if m != "May"} | {"Sept": 8}
MONTH_INDEX = {m: i for i, m in enumerate(MONTHS)} | _ABBREVIATIONS
MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTH_INDEX, key=len, reverse=True)) + r")(?![a-z])\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\w)"
# "Published 5 March 2024, 10:42 GMT | Updated 2 hours ago": when a page was posted, not news
# (with a digit: "Modified crops face new rules" is a headline).
_TIMESTAMP = re.compile(r"^(first |last )?(published|updated|posted|modified)\b(?!.*[.!?]$)", re.I)
# ... or the date alone, on a line of its own ("25 November 2026", "Sunday 22 November 2026 20:15"),
# or after the place the story was filed from ("Lakeport, Sunday 22 November 2026")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"
_DATE_ALONE = re.compile(
    rf"^(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}},\s+)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_DAY}\s+{MONTH_PATTERN},?\s+\d{{4}}|{MONTH_PATTERN}\s+{_DAY},?\s+\d{{4}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?)?$",
    re.I,
)
_RANGE = r"\s*(?:-|–|—|to|and|or)\s*"
# A month on its own after a word that makes it one ("in May", "during March", "in mid-June"); its
# full name only, since "Jan" or "Jun" may be a name.
_MONTH_WORDS = ("in", "during", "early", "late")
_MONTH_ALONE = (
    "(?:"
    + "|".join(rf"(?<=\b{word} )" for lower in _MONTH_WORDS for word in (lower, lower.capitalize()))
    + r"|(?<=\bmid-)|(?<=\bmid ))"
    + r"(?P<month_alone>"
    + "|".join(MONTHS)
    + r")\b(?!['’]s)"
)
# Days listed before one month ("12, 13 and 15 December", "13 and 15 December"): those days, not a
# range from the first to the last; after "between", two days are a range ("between 13 and 15 May").
_DAY_LIST = (
    rf"(?<!between )(?P<day_list>{_DAY}(?:\s*,\s*{_DAY})*,?\s+(?:and|&)\s+{_DAY})"
    rf"\s+(?:of\s+)?(?P<month_list>{MONTH_PATTERN})"
)
_DATE = re.compile(
    rf"\b{_DAY_LIST}"
    rf"|\b(?P<month_first>{MONTH_PATTERN})\s+(?P<day_from>{_DAY})(?:{_RANGE}(?P<day_to>{_DAY}))?"
    rf"|\b(?P<day_first>{_DAY})(?:{_RANGE}(?P<day_last>{_DAY}))?\s+(?:of\s+)?(?P<month_after>{MONTH_PATTERN})"
    rf"|\b(?P<month_year>{MONTH_PATTERN}),?\s+(?=(?:1[89]|20)\d\d\b)"
    rf"|{_MONTH_ALONE}"
)
# A wire story's or a press release's dateline, up to the dash after which its first sentence
# opens: "LONDON, March 3 (Reuters) - ", "WASHINGTON (AP) — ", "HALDEN, Nov. 18, 2026 — ". The day
# it gives is when the story was filed, not when what it reports happened.
# ``day`` is what follows the place after a comma ("HALDEN, Nov. 18, 2026 — "); "COVID-19 ..."
# opens with none.
DATELINE = re.compile(r"[A-Z]{2,}[A-Z .'-]*(?P<day>,[^-–—()]{1,30})?(?:\([^()]{1,40}\))?\s*[-–—]+\s*")
# A full day in a timestamp line: "March 17, 2023", "17 March 2023", "2023-03-17".
_STAMP_DAY = re.compile(
    rf"\b(?P<month_first>{MONTH_PATTERN})\s+(?P<day_first>{_DAY}),?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<day_after>{_DAY})\s+(?:of\s+)?(?P<month_after>{MONTH_PATTERN}),?\s+(?P<year_after>(?:19|20)\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)(?![\d-])"
)


@dataclass(frozen=True)
class Date:
    """A month, and the days of it a text gives: one (``first_day == last_day``), a range, or none
    when it gives only the month and year."""

    month: int
    first_day: int | None = None
    last_day: int | None = None
    listed: frozenset[int] = frozenset()  # the days of a list ("12, 13 and 15 December"), first to last

    def agrees_with(self, other: Date) -> bool:
        """Same month, and overlapping days unless either side names no day; a list of days agrees
        only where all its days or all the other's lie in the other ("12, 13 and 15 December" does
        not agree with "12, 13 and 14 December", and does with "13 December")."""
        if self.month != other.month:
            return False
        if self.first_day is None or self.last_day is None or other.first_day is None or other.last_day is None:
            return True
        if self.listed or other.listed:
            return self.days() <= other.days() or other.days() <= self.days()
        return self.first_day <= other.last_day and other.first_day <= self.last_day

    def days(self) -> frozenset[int]:
        """The days it gives: a list's, or those from the first to the last."""
        if self.first_day is None or self.last_day is None:
            return frozenset()
        return self.listed or frozenset(range(self.first_day, self.last_day + 1))

    def sort_key(self) -> tuple[int, int, int]:
        return self.month, self.first_day or 0, self.last_day or 0

    def __str__(self) -> str:
        month = MONTHS[self.month]
        if self.first_day is None:
            return month
        if self.listed:
            return f"{month} {', '.join(map(str, sorted(self.listed)))}"
        if self.last_day == self.first_day:
            return f"{month} {self.first_day}"
        return f"{month} {self.first_day}-{self.last_day}"


def find_dates(text: str) -> list[tuple[Date, tuple[int, int]]]:
    """Each date in ``text`` with its span; a day outside 1-31 is not a day, so not a date."""
    out = []
    for match in _DATE.finditer(text):
        if match["day_list"]:
            listed = frozenset(_day(day) for day in re.findall(r"\d+", match["day_list"]))
            if all(1 <= day <= 31 for day in listed):
                month = MONTH_INDEX[match["month_list"].rstrip(".")]
                out.append((Date(month, min(listed), max(listed), listed), match.span()))
            continue
        named = match["month_first"] or match["month_after"] or match["month_year"] or match["month_alone"]
        month = MONTH_INDEX[named.rstrip(".")]
        first = match["day_from"] or match["day_first"]
        last = match["day_to"] or match["day_last"] or first
        if first is None:
            out.append((Date(month), match.span()))
        elif 1 <= _day(first) <= _day(last) <= 31:
            out.append((Date(month, _day(first), _day(last)), match.span()))
    return out


def _day(raw: str) -> int:
    return int(raw.rstrip("stndrh"))


def day_edge(text: str, start: int) -> str | None:
    """Whether the day at ``start`` begins something ("start": "from Sunday 29 November", "starting
    on 3 May") or ends it ("end": "until 7 December"), or neither (None): a closure "from Sunday"
    says nothing against one "until 7 December".

    Examples:
        >>> text = "No trains run from Sunday 29 November until Monday 7 December."
        >>> day_edge(text, text.index("29")), day_edge(text, text.index("7 Dec")), day_edge(text, 0)
        ('start', 'end', None)
    """
    before = text[max(0, start - _EDGE_LOOK_BACK) : start]
    return next((edge for edge, words in _DAY_EDGES.items() if words.search(before)), None)


def dates_disagree(claim: Collection[Date], passage: Collection[Date]) -> bool:
    """Both give dates, and none of the claim's agrees with any of the passage's."""
    return bool(claim and passage) and not any(c.agrees_with(p) for c in claim for p in passage)


def is_timestamp(line: str) -> bool:
    """A "Published 5 March 2024, 10:42 GMT" line: page furniture, and where a scraped article
    says when it came out."""
    words = re.findall(r"[\w'-]+", line)
    stamped = bool(_TIMESTAMP.match(line)) and len(words) <= 15 and any(ch.isdigit() for ch in line)
    return stamped or _DATE_ALONE.match(line) is not None


def publication_date(value: str | None) -> date | None:
    """The day an article was published, from its ISO 8601 ``published_at`` (None when unknown)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def published_in(text: str) -> str | None:
    """The earliest day a scraped article's "Published ..." or "Updated ..." lines, or a dateline
    that gives a year ("HALDEN, Nov. 18, 2026 — "), give, as an ISO date: its publication day when
    no ``published_at`` came with it. Numeric dates other than ISO ("03/04/2023") are left out: they
    read differently in the US and in Europe."""
    days = [day for line in text.splitlines() for day in _days_in(_stamp_of(line.strip()))]
    return min(days).isoformat() if days else None


def _stamp_of(line: str) -> str:
    """The part of ``line`` that dates its article: all of a timestamp line, a dateline's head."""
    if is_timestamp(line):
        return line
    return line[: dateline_end(line)]


# A timeline's item: "1991 - Brightwater is bought by ...", "2020: ...", "1966) ...".
_DATED_ITEM = re.compile(r"^\s*(?:1[5-9]|20)\d\d\s*(?:[-–—:)]|\s-)\s*\S")


def is_dated_item(text: str) -> bool:
    """Whether ``text`` is a timeline's item, headed by the year of its own event.

    Examples:
        >>> is_dated_item("1991 - Brightwater is bought by Kelland."), is_dated_item("1991 was a hard year.")
        (True, False)
    """
    return _DATED_ITEM.match(text) is not None


def dateline_end(text: str) -> int:
    """Where the dateline that ``text`` opens with ends ("LONDON, March 3 (Reuters) - "), or 0: the
    day it gives is when the story was filed, not when what it reports happened."""
    dateline = DATELINE.match(text)
    return dateline.end() if dateline and dateline["day"] else 0


def _days_in(line: str) -> Iterator[date]:
    for match in _STAMP_DAY.finditer(line):
        try:
            if match["iso"]:
                yield date.fromisoformat(match["iso"])
            else:
                month = MONTH_INDEX[(match["month_first"] or match["month_after"]).rstrip(".")] + 1
                day = _day(match["day_first"] or match["day_after"])
                yield date(int(match["year"] or match["year_after"]), month, day)
        except ValueError:  # no such day: "31 February"
            continue
