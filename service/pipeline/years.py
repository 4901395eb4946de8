"""Years in text as the consistency checker compares them: a year ("2005"), a decade ("the
1990s", "the nineties"), a range ("from 2009 to 2015", "1958-59": named "2009 to 2015") or a
bound ("before 2005", "2011-present": "in or after 2011"). A year agrees with a decade or a range
it falls in and with a bound that allows it; two ranges agree only when their ends do, since a
range says when something began and ended.
"""

from __future__ import annotations

import re

from service.pipeline.dates import MONTHS

# "the 1990s", "the 2010's", "a 1980's film" (but "1982's film" is a year's).
_DECADE = re.compile(r"(?<![\w.])((?:1[89]|20)\d0)s\b|(?:(?<=\bthe )|(?<=\ba ))((?:1[89]|20)\d0)'s\b", re.I)
# Words before a year that make it a bound ("released before 2005" is not a claim about 2005), each
# as its reason names it.
_YEAR_BOUND_BEFORE = re.compile(
    r"\b(?:(?P<before>before|prior to|earlier than)|(?P<after>after|later than)"
    r"|(?P<by>in or before|no later than)|(?P<from>in or after|no earlier than))\s+(?:the\s+year\s+)?$",
    re.I,
)
# "the eighties", "the early 'nineties", "the nineteen-sixties": the decades of the 1900s in words.
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
_DECADE_IN_WORDS = re.compile(
    r"\bthe\s+(?:(?:early|mid|late)[\s-]+)?(?:nineteen[\s-]?)?['’]?(" + "|".join(_DECADE_WORDS) + r")\b", re.I
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
# The other end of a range of years: "2002-2015", "2002 to 2015", "1958-59", "2011-present",
# "between 2000 and 2006", "between March 2021 and June 2023".
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# ... and the other end of a range of days: "(June 16, 1971 - September 13, 1996)", "from May 19,
# 2009, to March 20, 2015".
_DAY_BEFORE_YEAR = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+|(?:\d{{1,2}}\s+)?{_MONTH},?\s+)?"
_YEAR_RANGE_TO = re.compile(
    r"(?:,?\s*(?:-|–|—|to|until|till|through)\s*(?:" + _DAY_BEFORE_YEAR + r"(?P<year>(?:1[89]|20)\d\d)"
    r"|(?P<open>present|now|today))|[-–](?P<short>\d\d))\b",
    re.I,
)
_YEAR_RANGE_AND = re.compile(r"\s*and\s*" + _DAY_BEFORE_YEAR + r"(?P<year>(?:1[89]|20)\d\d)\b", re.I)
_YEAR_BOUNDS = {"before": "before", "after": "after", "by": "in or before", "from": "in or after"}
# "between 2000", "between March 2021", "between 4 March 2021"
_BETWEEN_BEFORE = re.compile(rf"\bbetween\s+(?:\d{{1,2}}\s+)?(?:{_MONTH}\s+)?$", re.I)
# Verbs that say when something began or ended.
_EDGE_WORDS = {
    "start": re.compile(
        r"\b(?:born|birth|founded|formed|established|began|begun|begin|begins|started|starts|opened|opens"
        r"|launched|premiered|debuted|created|inaugurated|took office)\b",
        re.I,
    ),
    "end": re.compile(
        r"\b(?:died|dies|dead|death|passed away|ended|ends|closed|closes|dissolved|disbanded|retired|finished"
        r"|concluded|abolished|demolished|cancell?ed|left office|stopped)\b",
        re.I,
    ),
}
# How far before a year its bound may start.
_LOOK_BACK = 40


def find_decades(text: str) -> list[tuple[str, tuple[int, int]]]:
    """The decades of ``text`` ("1990s", or "before 1990s" for "before the 1990s") and where each is
    written."""
    found = []
    for match in _DECADE.finditer(text):
        decade = f"{match.group(1) or match.group(2)}s"
        the = _THE_BEFORE.search(text, max(0, match.start() - 8), match.start())  # "before the 1990s"
        found.append((_bounded(text, the.start() if the else match.start(), decade), match.span()))
    for match in _DECADE_IN_WORDS.finditer(text):
        decade = f"{1920 + 10 * _DECADE_WORDS.index(match.group(1).lower())}s"
        found.append((_bounded(text, match.start(), decade), match.span()))
    return found


def _bounded(text: str, start: int, year: str) -> str:
    """``year`` with the bound written before it, if any: "before 2005", "after 1990s"."""
    bound = _YEAR_BOUND_BEFORE.search(text, max(0, start - _LOOK_BACK), start)
    return f"{_YEAR_BOUNDS[bound.lastgroup or '']} {year}" if bound else year


def read_year(text: str, match: re.Match[str]) -> tuple[str, tuple[int, int] | None]:
    """A year as ``years_disagree`` reads it: "2005", a range ("2002-2015", "1958-59", "between
    2000 and 2006", each named "2002 to 2015"), or a bound ("before 2005", "2011-present" as "in
    or after 2011"), from the ``match`` of its digits; and the span of a range's other end."""
    first = int(match.group(1))
    window = max(0, match.start() - _LOOK_BACK)
    last = (_YEAR_RANGE_AND if _BETWEEN_BEFORE.search(text, window, match.start()) else _YEAR_RANGE_TO).match(
        text, match.end()
    )
    if last and last.groupdict().get("open"):
        return f"in or after {first}", last.span()
    if last and (end := _range_year(first, last)):
        return f"{first} to {end}", last.span()
    if _POSSESSIVE.match(text, match.end()):  # "after 1993's album"
        return str(first), None
    return _bounded(text, match.start(), str(first)), None


def _range_year(first: int, last: re.Match[str]) -> int | None:
    """The last year of a range that runs on from ``first``: "2015" or "15" in "2010-15"."""
    end = int(last["year"]) if last["year"] else first // 100 * 100 + int(last.group("short"))
    return end if first < end <= 2100 else None


def claimed_edge(claim: str) -> str | None:
    """ "start" when the claim says when something began ("was born in 1950", "opened in 1953"),
    "end" when it says when something ended, so its year is held to that end of a passage's range."""
    edges = [edge for edge, words in _EDGE_WORDS.items() if words.search(claim)]
    return edges[0] if len(edges) == 1 else None


def years_disagree(claim: set[str], passage: set[str], edge: str | None = None) -> bool:
    """Both give years, and none of the claim's agrees with one of the passage's: falls in it
    ("2013" in the "2010s", "2022" in "2021-2022", either of two years "a year ago" may mean), or
    the other way round; a range of years ("2009 to 2015") agrees with another only when their ends
    do, as it says when something began and ended, and a year said of a beginning or an end
    (``edge``, from ``claimed_edge``) only with that end of a range ("opened in 1953" is not
    "operated from 1952 to 1996")."""
    return bool(claim and passage) and not any(_years_agree(c, p, edge) for c in claim for p in passage)


def _years_agree(claim: str, passage: str, edge: str | None) -> bool:
    (first, last), (passage_first, passage_last) = _year_span(claim), _year_span(passage)
    if " to " in claim and " to " in passage:
        return (first, last) == (passage_first, passage_last)
    if " to " in passage and edge:
        return first <= (passage_first if edge == "start" else passage_last) <= last
    return first <= passage_last and passage_first <= last


def _year_span(year: str) -> tuple[int, int]:
    if " to " in year:  # "2009 to 2015"
        first, last = year.split(" to ")
        return int(first), int(last)
    bound, _, year = year.rpartition(" ")
    if bound:  # "before 2005", "in or after 2005", "before 1990s"
        low, high = _year_span(year)
        spans = {"before": (0, low - 1), "in or before": (0, high), "after": (high + 1, 9999)}
        return spans.get(bound, (low, 9999))
    if year.endswith("s"):
        return int(year[:4]), int(year[:4]) + 9
    first, _, last = year.partition("-")
    return int(first), int(last or first)
