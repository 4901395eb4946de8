"""When in the week and when in the day: "on Monday", "at about 3 a.m.", "in the afternoon".

The stance model reads "The fire broke out on a Monday" as entailed by "Four workers were killed
... early on Tuesday" (0.51) and by the next sentence, "The blaze broke out at about 3 a.m. ...",
read with it (0.74): a day of the week or a time of day is a number to it. The consistency
checker compares them here without any calendar: a claim's weekdays against a passage's, and the
hours a claim's time of day allows against those a passage's allows (on a 12- or a 24-hour clock,
"3 a.m.", "18:30"). A part of the day is a range of hours ("afternoon" 12:00-18:00, "the early
hours" 00:00-06:00, "night" 18:00-06:00) and a clock time allows an hour either side ("about 3
a.m." agrees with "2.40am" and with "the early hours"). Left out, as in ``relative_dates``: a day
or time that dates only a statement ("police said on Tuesday evening"), a named day ("Good
Friday", "Super Tuesday"), plural days ("on Mondays", a habit), and a time
that bounds rather than dates ("under control by mid-morning", "until midnight", "after 6pm").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.pipeline.dates import WEEKDAYS
from service.pipeline.relative_dates import dates_a_statement, names_a_day

_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
# "Monday", "Monday's vote", "Monday to Friday", "between Monday and Wednesday"; not "Mondays".
_DAY = re.compile(
    rf"(?<!-)\b(?P<first>{_WEEKDAY})(?:['’]s)?\b(?!-)(?:\s*(?:-|–|to|through|and)\s*(?P<last>{_WEEKDAY})\b(?!-))?"
)
# ... and a 24-hour clock with two digits for the hour ("at 18:30", "07:15"; not "2:06:41", a
# finishing time, nor "9:30", which may be either half of the day).
CLOCK = re.compile(
    r"(?<![\w.:])(?P<hour>1[0-2]|0?[1-9])(?:[.:](?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?<![\w.:])(?P<hour24>[01]\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:]|\s?[ap]\.?\s?m\b)"
    r"|\b(?P<word>noon|midday|midnight)\b",
    re.I,
)
# Parts of a day, as hours from (inclusive) to (exclusive); one that wraps past midnight ends
# below where it starts.
_PARTS: dict[str, tuple[float, float]] = {
    "early hours": (0, 6),
    "small hours": (0, 6),
    "dawn": (4, 8),
    "early morning": (0, 9),
    "mid-morning": (9, 12),
    "late morning": (9, 12),
    "morning": (0, 12),
    "early afternoon": (12, 15),
    "mid-afternoon": (13, 17),
    "late afternoon": (15, 19),
    "afternoon": (12, 18),
    "early evening": (17, 20),
    "late evening": (20, 24),
    "evening": (17, 24),
    "overnight": (18, 9),
    "late at night": (21, 4),
    "night": (18, 6),
}
_WORD_HOURS: dict[str, tuple[float, float]] = {"noon": (11, 13), "midday": (11, 13), "midnight": (23, 1)}
_CLOCK_SLACK = 1.0
# A part of the day counts only where it dates something: "in the afternoon", "this morning",
# "Tuesday evening", "at night", "the early hours", "overnight"; not "night shifts" or "the
# evening news".
_PART = re.compile(
    r"\b(?:(?:in|during)\s+the\s+(?P<in>early hours|small hours|(?:early\s+|late\s+)?(?:morning|afternoon|evening))"
    r"|(?:this|that|yesterday|last|tomorrow|on\s+the|" + _WEEKDAY + r")\s+"
    r"(?P<on>(?:early\s+|late\s+)?(?:morning|afternoon|evening)|night)"
    r"|the\s+(?P<hours>early hours|small hours)"
    r"|(?P<alone>overnight|late at night|at night|at dawn|(?:early|late)\s+(?:morning|afternoon|evening)|"
    r"mid-(?:morning|afternoon)))\b(?![-\s](?:shift|news|show|session|class|flight|service|paper)s?\b)",
    re.I,
)
# A time that bounds rather than dates: "under control by mid-morning", "until midnight".
_BOUND_BEFORE = re.compile(r"\b(?:by|before|after|until|till|since|from)\s+(?:about\s+|around\s+)?$", re.I)


@dataclass(frozen=True)
class TimeOfDay:
    """A time of day as the text gives it, and the hours it allows (``first`` to ``last``, which
    wraps past midnight when it is the smaller)."""

    shown: str
    first: float
    last: float

    def agrees_with(self, other: TimeOfDay) -> bool:
        return any(_overlap(a, b) for a in self._spans() for b in other._spans())

    def _spans(self) -> list[tuple[float, float]]:
        if self.first < self.last:
            return [(self.first, self.last)]
        return [(self.first, 24.0), (0.0, self.last)]


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def weekdays(text: str) -> dict[str, str]:
    """The days of the week ``text`` dates something by, each with the words that give it
    ("Tuesday", and "Wednesday" from "Monday to Wednesday")."""
    out: dict[str, str] = {}
    for match in _DAY.finditer(text):
        if dates_a_statement(text, match.start(), match.end()) or names_a_day(text, match.start()):
            continue
        first = WEEKDAYS.index(match["first"])
        last = WEEKDAYS.index(match["last"]) if match["last"] else first
        for step in range((last - first) % 7 + 1):
            out.setdefault(WEEKDAYS[(first + step) % 7], " ".join(match.group(0).split()))
    return out


def times_of_day(text: str) -> list[TimeOfDay]:
    """The times of day ``text`` dates something by: clock times and parts of the day."""
    out = []
    for match in CLOCK.finditer(text):
        if _bounds_or_dates_nothing(text, match):
            continue
        shown = " ".join(match.group(0).split())
        if re.search(r"\d\s?[ap]m\.$", shown, re.I):  # "2.40am." ends its sentence
            shown = shown[:-1]
        if match["word"]:
            out.append(TimeOfDay(shown, *_WORD_HOURS[match["word"].lower()]))
            continue
        if match["hour24"]:
            hour = int(match["hour24"]) + int(match["minute24"]) / 60
        else:
            afternoon = 12 if match["half"].lower() == "p" else 0
            hour = int(match["hour"]) % 12 + afternoon + int(match["minute"] or 0) / 60
        out.append(TimeOfDay(shown, (hour - _CLOCK_SLACK) % 24, (hour + _CLOCK_SLACK) % 24))
    for match in _PART.finditer(text):
        part = next(group for group in ("in", "on", "hours", "alone") if match[group])
        hours = _PARTS.get(" ".join(match[part].lower().split()).removeprefix("at "))
        if hours and not _bounds_or_dates_nothing(text, match):
            out.append(TimeOfDay(" ".join(match.group(0).split()), *hours))
    return out


def weekdays_disagree(claim: dict[str, str], passage: dict[str, str]) -> bool:
    return bool(claim and passage) and not claim.keys() & passage.keys()


def times_disagree(claim: list[TimeOfDay], passage: list[TimeOfDay]) -> bool:
    return bool(claim and passage) and not any(c.agrees_with(p) for c in claim for p in passage)


def _bounds_or_dates_nothing(text: str, match: re.Match[str]) -> bool:
    """A time after "by" or "until", or one that dates only a statement."""
    start = match.start()
    return dates_a_statement(text, start, match.end()) or bool(_BOUND_BEFORE.search(text, max(0, start - 20), start))
