"""Dates news gives from the day it is published: "last year", "February last year", "two years
ago", "last month", and the days of the week around it: "on Tuesday", "yesterday", "next week".

Without that day these phrases say nothing, so the consistency checker resolves them only in an
article whose publication day is known. A day of the week is resolved loosely, because a story
does not say whether its "Tuesday" is the one before publication or after, and its
``published_at`` may be in another time zone than its newsroom: both Tuesdays count, each give or
take a day. So "on Tuesday" in a story out on Thursday 7 March covers March 4-6 and 11-13, and a
claim of March 20 disagrees with it, one of March 5 does not. A day that dates only a statement
("the ministry said Friday"), a named day ("Super Tuesday", "Good Friday") and one another date
gives ("on Tuesday, March 5") are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from service.pipeline.dates import MONTH_INDEX, MONTH_PATTERN, WEEKDAYS, Date

_NUMBER_WORDS = "zero one two three four five six seven eight nine ten".split()
_COUNTS = {"a": 1, "an": 1} | {word: i for i, word in enumerate(_NUMBER_WORDS)}
# "last year", "earlier this month", "February next year", "two years ago"; not "the last year"
# or "the past year", which are the twelve months before, not a calendar year.
_RELATIVE = re.compile(
    rf"(?:\b(?P<month>{MONTH_PATTERN})\s+)?(?<!\bthe )(?<!\bThe )\b(?i:(?:earlier\s+|later\s+)?"
    r"(?P<which>last|this|next)\s+(?P<unit>year|month))\b(?!-)"
    r"|\b(?i:(?P<count>\d{1,2}|" + "|".join(_COUNTS) + r")\s+years?\s+ago)\b"
)
_STEP = {"last": -1, "this": 0, "next": 1}
# "more than a year ago" is any year before: it dates nothing.
_OPEN_BEFORE = re.compile(r"(?i:\b(?:more than|over|at least|upwards of)\s*)$")
# "may last year after year": "last" is a verb after these.
_VERB_BEFORE = re.compile(r"(?i:\b(?:will|would|may|might|can|could|should|must|to|does|did|not)\s+)$")

# "on Tuesday", "last Friday", "Monday's vote", "yesterday", "earlier this week"; not "Tuesdays",
# "the last week" or "the next week" (the seven days before or after, not a calendar week).
_DAYS = re.compile(
    r"\b(?:(?P<which>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b(?!-)"
    r"|\b(?P<near>[Yy]esterday|[Tt]omorrow)\b"
    r"|(?<!\bthe )(?<!\bThe )\b(?P<week>(?:(?:[Ee]arlier|[Ll]ater)\s+this|[Tt]his|[Ll]ast|[Nn]ext)\s+week)\b(?!-)"
)
# The word before a weekday that makes it some other Tuesday: "a Tuesday", "the following Friday".
_OTHER_DAY = set("a an each every one that the following previous same of".split())
# Capitalised words that may stand before a plain weekday; any other makes it a name ("Good Friday").
_LEADING_WORDS = set("on by since until till from through and or before after late early".split())
# A day that dates what someone said, not what the claim is about: "the ministry said Friday".
_SPEECH = r"said|says|say|told|tells|added|stated|wrote|tweeted|posted|announced|confirmed|reported"
# "said Friday", "said on Friday", "told reporters on Friday", "said in a statement released late on
# Friday", "told a news conference on Friday": the verb, at most two words of whom or where (with
# a preposition and an article), and the day
_SPEECH_BEFORE = re.compile(
    rf"\b(?:{_SPEECH})(?:\s+(?:(?:in|at|to|during)\s+)?(?:(?:a|an|the)\s+)?\w+(?:\s+\w+)?)?"
    r"(?:\s+(?:released|issued|published))?\s+(?:(?:late|early)\s+)?(?:on\s+)?$"
)
_SPEECH_AFTER = re.compile(rf"(?:'s)?\s+(?:(?:morning|afternoon|evening|night)\s+)?(?:{_SPEECH})\b")
# "on Tuesday, March 5": the date says it, and find_dates reads that.
_DATE_AFTER = re.compile(
    rf",?\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}|{MONTH_PATTERN}\s+\d)"
)
_SLACK = timedelta(days=1)
_FIRST_RESOLVABLE = date(2, 1, 1)
_LAST_RESOLVABLE = date(9998, 12, 31)


@dataclass(frozen=True)
class RelativeDate:
    """A date the text gives relative to its publication ("last year"), as calendar years
    (``first_year`` to ``last_year``: "a year ago" may fall in either of two) and, when it
    names one, a month."""

    phrase: str
    first_year: int
    last_year: int
    span: tuple[int, int]  # where the text gives it
    month: Date | None = None

    @property
    def years(self) -> str:
        """The years as the checker compares them: "2022", or "2021-2022"."""
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}-{self.last_year}"

    @property
    def meaning(self) -> str:
        """What it means in words: "2022", "2021 or 2022", "February 2022"."""
        if self.first_year != self.last_year:
            return f"{self.first_year} or {self.last_year}"
        return f"{self.month} {self.first_year}" if self.month else str(self.first_year)


@dataclass(frozen=True)
class RelativeDay:
    """Days the text gives relative to its publication ("on Tuesday"): the spans of days it may
    mean (two for a weekday that may be before or after publication, one for "next week")."""

    phrase: str
    spans: tuple[tuple[date, date], ...]
    start: int = 0  # where the text gives it

    def dates(self) -> list[Date]:
        """The spans as the checker compares them, each a day wider on both sides (time zones,
        and a story published the day after it was written), split where a month ends."""
        out = []
        for first, last in self.spans:
            day, end = first - _SLACK, last + _SLACK
            while day <= end:
                month_end = min(end, _last_of_month(day))
                out.append(_days_of_month(day, month_end))
                day = month_end + timedelta(days=1)
        return out

    def __str__(self) -> str:
        """As a reason names it: "March 13 or March 20 (Monday)", "March 20-26 (next week)"."""
        return f"{' or '.join(_span_text(first, last) for first, last in self.spans)} ({self.phrase})"


def _resolvable(published: date) -> bool:
    """Days near the ends of the calendar (0001-01-01, 9999-12-31: placeholders, not publication
    days) resolve nothing: "on Monday" would fall outside what ``date`` can hold."""
    return _FIRST_RESOLVABLE <= published <= _LAST_RESOLVABLE


def find_relative_dates(text: str, published: date) -> list[RelativeDate]:
    """The relative years and months of ``text`` resolved against the day it was ``published``."""
    if not _resolvable(published):
        return []
    out = []
    for match in _RELATIVE.finditer(text):
        phrase = " ".join(match.group(0).split())
        if match["count"]:
            if _OPEN_BEFORE.search(text, 0, match.start()):
                continue
            raw = match["count"].lower()
            back = published.year - (int(raw) if raw.isdigit() else _COUNTS[raw])
            # "a year ago" in March 2023 may mean early 2022 or late 2021; in November, late 2022
            # or early 2023
            first = back - 1 if published.month <= 6 else back
            out.append(RelativeDate(phrase, first, first + 1, match.span()))
            continue
        if match["which"].lower() == "last" and _VERB_BEFORE.search(text, 0, match.start("which")):
            continue
        step = _STEP[match["which"].lower()]
        if match["unit"].lower() == "year":
            year = published.year + step
            named = Date(MONTH_INDEX[match["month"].rstrip(".")]) if match["month"] else None
            out.append(RelativeDate(phrase, year, year, match.span(), named))
        else:
            year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
            out.append(RelativeDate(phrase, year, year, match.span(), Date(month)))
    return out


def find_relative_days(text: str, published: date) -> list[RelativeDay]:
    """The days of the week, "yesterday", "tomorrow" and the weeks of ``text`` resolved against
    the day it was ``published``."""
    if not _resolvable(published):
        return []
    out = []
    for match in _DAYS.finditer(text):
        if _dates_something_else(text, match):
            continue
        phrase = " ".join(match.group(0).split())
        if match["weekday"]:
            spans = _weekday(published, WEEKDAYS.index(match["weekday"]), (match["which"] or "").lower())
        elif match["near"]:
            day = published + timedelta(days=-1 if match["near"].lower() == "yesterday" else 1)
            spans = ((day, day),)
        else:
            spans = (_week(published, phrase.lower()),)
        out.append(RelativeDay(phrase, spans, match.start()))
    return out


def _dates_something_else(text: str, match: re.Match[str]) -> bool:
    """A statement's day, a named day, another Tuesday than this week's, or one a date follows."""
    if dates_a_statement(text, match.start(), match.end()) or _DATE_AFTER.match(text, match.end()):
        return True
    word = _word_before(text, match.start())
    if word is None:
        return False
    if word.lower() in _OTHER_DAY:
        return True
    return bool(match["weekday"] and not match["which"]) and names_a_day(text, match.start())


def dates_a_statement(text: str, start: int, end: int) -> bool:
    """Whether the day or time at ``start:end`` dates only what someone said ("the ministry said
    Friday", "police said on Tuesday evening")."""
    return bool(_SPEECH_BEFORE.search(text[max(0, start - 60) : start]) or _SPEECH_AFTER.match(text, end))


def names_a_day(text: str, start: int) -> bool:
    """Whether the capitalised word before the weekday at ``start`` makes it a named day ("Good
    Friday", "Super Tuesday"); "On" and "By" do not."""
    word = _word_before(text, start)
    return word is not None and word[0].isupper() and word.lower() not in _LEADING_WORDS


def _word_before(text: str, start: int) -> str | None:
    previous = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 30) : start])
    return previous.group(1) if previous else None


def _weekday(published: date, weekday: int, which: str) -> tuple[tuple[date, date], ...]:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if which == "last":  # the latest before publication, or the one before it
        days = [published - timedelta(days=back or 7)]
        days.append(days[0] - timedelta(days=7))
    elif which == "next":
        days = [published + timedelta(days=ahead or 7)]
        days.append(days[0] + timedelta(days=7))
    else:  # the latest on or before publication, and the first on or after it
        days = sorted({published - timedelta(days=back), published + timedelta(days=ahead)})
    return tuple((day, day) for day in sorted(days))


def _week(published: date, phrase: str) -> tuple[date, date]:
    monday = published - timedelta(days=published.weekday())
    sunday = monday + timedelta(days=6)
    if phrase.startswith("last"):
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if phrase.startswith("next"):
        return monday + timedelta(days=7), sunday + timedelta(days=7)
    if phrase.startswith("earlier"):
        return monday, published
    if phrase.startswith("later"):
        return published, sunday
    return monday, sunday


def _last_of_month(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _days_of_month(first: date, last: date) -> Date:
    """The calendar days ``first`` to ``last`` of one month as the checker's ``Date``."""
    return Date(first.month - 1, first.day, last.day)


def _span_text(first: date, last: date) -> str:
    if first.month == last.month:
        return str(_days_of_month(first, last))
    return f"{_days_of_month(first, first)}-{_days_of_month(last, last)}"
