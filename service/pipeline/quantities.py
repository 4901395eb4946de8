"""Numbers as the checker compares them: a ``Quantity`` and the values it allows, and which of a
claim's disagree with a passage's (``number_mismatches``). ``numbers`` reads them from text.

Two numbers are compared only when they count the same thing (their unit, the key ``numbers``
files them under) and may be of the same thing: shares and sums by the words of their clauses,
counts of people by what happened to them (``number_words.PEOPLE_EVENTS``), and all-time extremes
and targets only with their own kind.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from math import isclose

from service.pipeline.dates import MONTHS
from service.pipeline.figure_series import Series, other_series

# What a number counts when no word says it ("will cover in 14"): such a passage number is never
# compared, but it may be the claim's number with its unit left out, so it keeps the claim's from
# disagreeing.
UNCOUNTED = "?"

# A number in a clause with "ever" is an all-time extreme ("the lowest temperature ever recorded"),
# not the figure of one event, as "a record 31,412" is.
_ALL_TIME_MARKS = frozenset(["ever"])
_ALL_TIME = "all-time"
# ... and one with these a target ("below the target of 75%"), not what came about. (Not a forecast:
# "is expected to take seven years" is what a claim that "will take seven years" says.)
_TARGET_MARKS = frozenset("target targets goal goals aim aims".split())
_TARGET = "target"
# ... but goals scored or conceded are counted, not aimed at ("scored 27 goals", bench/fortyfirst).
_GOALS = frozenset("goal goals".split())
_SCORING = frozenset("scored score scores scoring scorer conceded concede concedes netted".split())
# ... and one that economists or analysts expected ("Economists had expected inflation to fall to
# 3.1%") what others foresaw, not what came about (2.9%, bench/thirtyeighth): a plan or forecast of
# the subject's own ("is expected to take seven years") is not one.
_EXPECTERS = frozenset("economists analysts forecasters markets investors".split())
_EXPECTING = frozenset("expected expecting forecast forecasting predicted predicting".split())
_EXPECTED = "expected"
_KINDS = (_ALL_TIME, _TARGET, _EXPECTED)


def kinds_of(words: Collection[str]) -> frozenset[str]:
    """Which of the kinds above a number of a clause with these (lower-case) words is."""
    folded = frozenset(words)
    kinds = {_ALL_TIME} if folded & _ALL_TIME_MARKS else set()
    targets = folded & _TARGET_MARKS
    kinds |= {_TARGET} if targets and not (targets <= _GOALS and folded & _SCORING) else set()
    if folded & _EXPECTERS and folded & _EXPECTING or folded & {"expectations", "consensus"}:
        kinds.add(_EXPECTED)
    return frozenset(kinds)


# A figure something moved from or is set against ("down from £109m", "compared with £1.20bn a year
# earlier", "against an average of 71% for the time of year"): what was, or what is usual, not what
# is. It agrees with a claim's figure only when the claim moves from a figure too, or says when the
# earlier one was in the passage's words ("a year earlier", "in June") or by its year ("at the 2016
# census" for "up from 388,200 at the previous census in 2016"): "Harbury expects profit of more
# than £200m" is not the forecast of "between £180m and £190m, down from the £200m to £210m it
# forecast in June" (bench/sixteenth).
_PREVIOUS_BEFORE = re.compile(
    r"\b(?:(?:up|down|ris(?:e|es|ing)|rose|fall(?:s|ing)?|fell|(?:in|de)creas(?:e|es|ed|ing)|grew|dropped)"
    r"(?:\s+(?:by\s+)?[$€£]?[\d.,]+\s*(?:%|per\s*cent|points?|bn|m)?)?\s+from|compared\s+(?:with|to)"
    r"|(?:against|compared\s+(?:with|to)|versus)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}average(?:\s+of)?)"
    r"\s+(?:the\s+|a\s+)?[$€£]?\s*$",
    re.IGNORECASE,
)
_PREVIOUS_LOOK_BACK = 45
# ... but a figure set against another group's ("27.0% of their entries ..., compared with 25.6%
# for boys") is that group's figure now, not an earlier one, unless what it is for is a time ("for
# the same period last year", "for 2025").
_FOR_GROUP = re.compile(r"[$€£]?[\d.,]+\s*(?:%|per\s*cent)?(?:\s+[^\W\d_]+){0,3}?\s+(?:for|among)\s+([^.;!?,]+)")
_TIME_WORDS = frozenset(
    "year years month months quarter quarters week weeks period day days season time last previous prior same "
    "earlier before ago".split()
) | frozenset(month.lower() for month in MONTHS)
# ... or a figure a time phrase says was earlier than the text's own ("A year earlier, 68.9% were
# seen within four hours", "66% the year before"), in its clause or opening its sentence.
_EARLIER = (
    r"(?:(?:a|an|one|two|three|four|five|six|\d+)\s+(?:years?|months?|weeks?|quarters?)\s+(?:earlier|before)"
    r"|the\s+(?:previous|prior)\s+(?:year|month|quarter|week)|the\s+(?:year|month|quarter)\s+before)"
)
_EARLIER_IN_CLAUSE = re.compile(rf"\b{_EARLIER}\b", re.IGNORECASE)
_EARLIER_OPENING = re.compile(rf"^\W*{_EARLIER}\s*,", re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.!?]\s+(?=\S)")
_YEAR_WHEN = re.compile(r"\b((?:1[89]|20)\d\d),?\s+when\b[^.;!?]*$")
# Words after a figure something moves from that say it is today's: "to 35 million, up from 19
# million now" moves to a figure to come.
_PRESENT = frozenset("now currently today".split())
_CURRENCIES = frozenset("$€£")
_EARLIER_WORDS = frozenset("earlier before previous prior".split())
# Words of an earlier figure's time that say nothing of which time it was, and how many others a
# claim must share with them to be of that time.
_TIME_OF_EARLIER = _EARLIER_WORDS | frozenset("when year years month months week quarter ago".split())
_EARLIER_SHARED = 2
# ... unless the earlier time is another of the claim's events ("35.6% at the last mayoral
# election in 2022" for "Turnout in the 2026 mayoral election was 31.2%", bench/fortyninth) and
# the claim does not say so.
ANOTHER_TIME = frozenset("last previous prior earlier".split())
# Spans of time are compared across units at most this many of one in the other (a year is 365
# days, but not 720 hours a month: "up to two hours" on journeys is not "18 months" of closure).
_SPAN_SCALES = 400
# Spans of time in seconds, so that "will last a week" meets "will last 48 hours" and "for a year"
# "for 18 months" (a month of 30 days, a year of 365); an age ("Smith, 34,"), though counted in
# years, is no span (``Quantity.age``).
DURATIONS = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "fortnight": 1209600,
    "month": 2592000,
    "year": 31536000,
}


@dataclass(frozen=True)
class Quantity:
    """A number as the text gives it (``shown``) and the values it allows, ``low`` to ``high``;
    ``value`` when it is a plain number, whose range is what rounds to it (``low`` <= x < ``high``);
    ``about``, for a share or an amount, the words of its clause that say what it is of."""

    shown: str
    low: float
    high: float
    value: float | None = None
    about: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()  # what its clause says happened to what it counts
    span: bool = False  # a range, "10-15": from ``low`` to ``high``
    denied: bool = False  # "eight months, not two years": what the text says it is not
    part_of: float | None = None  # the whole it is a part of ("4 of the 16 libraries": 16)
    # for a figure something moved from, the words after it that say when it was ("a year
    # earlier": year, earlier); None for one that is
    then: frozenset[str] | None = None
    clause: frozenset[str] = frozenset()  # the words of its clause (a claim's: all its words)
    others: bool = False  # a count of others ("five other writers"), besides one or more the text names
    limit: bool = False  # a bound that says what a count counts ("seen within four hours": counts.limits_a_count)
    age: bool = False  # a person's age, not a span of years ("Lowell, 58,": counts.is_age)
    series: Series | None = None  # what it is a figure of ("food price inflation": figure_series)

    def same_number(self, other: Quantity) -> bool:
        """Whether both are plain numbers of the same value: "5%" is not "4.75%", which it allows."""
        return self.value is not None and other.value is not None and isclose(self.value, other.value)

    def allows(self, other: Quantity) -> bool:
        """Two plain numbers agree when one rounds to the other ("4 billion", "4.3 billion"; not
        40 and 39, nor 2 and 2.5); two ranges when their ends do ("13,000 to 40,000" is not
        "30,000 to 35,000"); a bound, a rough value or a range and a number when the ranges meet."""
        if self.value is not None and other.value is not None:
            return self._rounds(other.value) or other._rounds(self.value)
        if self.span and other.span:
            return isclose(self.low, other.low, rel_tol=0.01) and isclose(self.high, other.high, rel_tol=0.01)
        return self.low <= other.high and other.low <= self.high

    def _rounds(self, value: float) -> bool:
        return value == self.value or self.low <= value < self.high


def number_mismatches(
    claim: dict[str, set[Quantity]], passage: dict[str, set[Quantity]], names: frozenset[str] = frozenset()
) -> tuple[set[str], set[str]]:
    """Claim and passage numbers that count the same thing where none of the claim's is allowed by
    one of the passage's; numbers counting different things ("5 days", "39 times") are not compared,
    nor shares of different things ("shares fell 12%", "profit fell 35%": ``_same_subject``, which a
    word of the claim's ``names``, lower-cased, does not make one thing: "Orbix"). A
    number the passage denies ("not two years", "not one person") disagrees with the claim's own;
    a passage number of no known count (``UNCOUNTED``) that allows one of the claim's is its;
    a part of a whole disagrees with another part of it ("4 of the 16 libraries", "8 of 16"); a
    limit ("1,900 patients waited over 12 hours") is compared with no number."""
    claim, passage = _without_limits(claim), _without_limits(passage)
    claimed: set[str] = set()
    found: set[str] = set()
    uncounted = passage.get(UNCOUNTED, ())
    agreed = _agreed(claim, passage)
    for unit, all_values in claim.items():
        if unit == UNCOUNTED:
            continue
        # a claim's denied number ("a college student, not a 16-year-old") is often what a passage
        # reports as the rumour, so it is not compared
        values = {c for c in all_values if not c.denied}
        offered = [*passage.get(unit, ()), *_sums_named_in(unit, values, passage), *_durations_as(unit, passage)]
        # parts of one whole ("eight of the 16 libraries", "four of its 16 libraries") disagree
        # though the whole agrees
        parts = [(c, p) for c in values for p in offered if c.part_of and c.part_of == p.part_of]
        if parts and not any(c.allows(p) for c, _ in parts for p in offered):
            claimed |= {c.shown for c, _ in parts}
            found |= {p.shown for _, p in parts}
            continue
        # a target, an all-time extreme or an earlier figure ("68% had it, below the target of 75%")
        # does not agree with the claim's figure; a number the passage gives with no word of what it
        # counts may be its
        if not values or any(_agrees(c, p) for c in values for p in [*_at_claimed_time(c, offered), *uncounted]):
            continue
        # a number the passage denies disagrees only with the number it denies; one that agrees under
        # another word of what it counts does not disagree
        pairs = [
            (c, p)
            for c in values - agreed
            for p in _at_claimed_time(c, offered)
            if _same_subject(c, p, names) and (not p.denied or c.allows(p))
        ]
        claimed |= {c.shown for c, _ in pairs}
        found |= {p.shown for _, p in pairs}
    return claimed, found


def _without_limits(numbers: dict[str, set[Quantity]]) -> dict[str, set[Quantity]]:
    return {unit: {q for q in found if not q.limit} for unit, found in numbers.items()}


def _agreed(claim: dict[str, set[Quantity]], passage: dict[str, set[Quantity]]) -> set[Quantity]:
    """The claim's numbers that a passage number of the same unit allows. A number is filed under
    each word of what it counts ("19 league goals": league, goal), so one that agrees under one word
    is not compared under another: "19 goals in 34 league games" gives the claim's goals, and its
    league games are another count."""
    return {
        c
        for unit, values in claim.items()
        if unit != UNCOUNTED
        for c in values
        if any(_agrees(c, p) for p in _at_claimed_time(c, passage.get(unit, ())))
    }


def _at_claimed_time(claim: Quantity, found: Collection[Quantity]) -> Collection[Quantity]:
    """The passage's figures the claim's may be: the earlier ones alone when the claim says the
    earlier one's time in its words ("budgeted at £318m when work began" against "will cost £318m,
    up from the £245m budgeted when work began in 2023", bench/fortythird), and not only the words
    an event of its kind shares with the one before ("the last mayoral election"), else all."""
    earlier = [
        p
        for p in found
        if p.then
        and len((claim.clause & p.then) - _TIME_OF_EARLIER) >= _EARLIER_SHARED
        and not (p.then & ANOTHER_TIME) - claim.clause
    ]
    return earlier or found


def _agrees(claim: Quantity, passage: Quantity) -> bool:
    """Whether a passage number allows the claim's and may be its: not denied, and of its kind and
    time (an age may be a span's)."""
    return not passage.denied and _same_kind(claim, passage, ages=False) and claim.allows(passage)


def _sums_named_in(unit: str, claim: set[Quantity], passage: dict[str, set[Quantity]]) -> list[Quantity]:
    """Sums of the passage's in the claim's currency that the other's words say what they are of:
    "The prize is worth £50,000" meets "beat five writers to the £30,000 prize" (a sum with no noun
    after it, against one of a "prize" it names), and "The £50,000 prize went to Ellison" meets
    "The prize is worth £30,000" (the other way round)."""
    currency, noun = unit[:1], unit[1:]
    if currency not in _CURRENCIES or noun.endswith(")"):
        return []
    if not noun:
        words = frozenset().union(*(c.clause for c in claim))
        return [p for key, found in passage.items() if key[:1] == currency and key[1:] in words for p in found]
    return [p for p in passage.get(currency, ()) if noun in p.about]


def _durations_as(unit: str, passage: dict[str, set[Quantity]]) -> list[Quantity]:
    """The passage's spans of time in another unit, in ``unit``: "48 hours" as 2 days, shown as
    the passage gives them. A passage that gives them in two units may give one span in both ("two
    hours and 41 minutes"): it is left as it is; so is a span of a scale far from the claim's
    ("up to two hours" against "18 months": ``_SPAN_SCALES``), which is seldom of the same thing."""
    spans = {other: [q for q in found if not q.age] for other, found in passage.items() if other in DURATIONS}
    given = [other for other, found in spans.items() if found]
    if unit not in DURATIONS or len(given) != 1 or unit in given:
        return []
    factor = DURATIONS[given[0]] / DURATIONS[unit]
    if not 1 / _SPAN_SCALES <= factor <= _SPAN_SCALES:
        return []
    return [replace(_scaled(q, factor), shown=_with_unit(q.shown, given[0])) for q in spans[given[0]]]


def _with_unit(shown: str, unit: str) -> str:
    """A span as the passage gives it: "6 months", "a week"."""
    return shown if shown.endswith(unit) else f"{shown} {unit}{'' if shown in ('1', 'one') else 's'}"


def _scaled(quantity: Quantity, factor: float) -> Quantity:
    value = None if quantity.value is None else quantity.value * factor
    return replace(quantity, low=quantity.low * factor, high=quantity.high * factor, value=value)


def is_previous(text: str, start: int) -> bool:
    """Whether the number starting at ``start`` is a figure something moved from ("down from 630
    million", "compared with £1.20bn").

    Examples:
        >>> text = "Sales rose to £1.24bn, compared with £1.20bn a year earlier."
        >>> is_previous(text, text.index("£1.20")), is_previous(text, text.index("£1.24"))
        (True, False)
        >>> text = "27.0% of girls' entries got an A, compared with 25.6% for boys."
        >>> is_previous(text, text.index("25.6"))
        False
    """
    if _PREVIOUS_BEFORE.search(text, max(0, start - _PREVIOUS_LOOK_BACK), start) is None:
        return False
    group = _FOR_GROUP.match(text, start)
    return group is None or any(c.isdigit() for c in group.group(1)) or bool(_TIME_WORDS & _lower_words(group.group(1)))


def _lower_words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[^\W\d_]+", text)}


def said_earlier(text: str, start: int, clause: str) -> frozenset[str] | None:
    """The words of a time phrase that says the number at ``start`` was earlier than the text's
    own time, in its ``clause`` or opening its sentence ("A year earlier, ..."), or the year of
    the "when" clause it is in ("since 1998, when a magnitude 7.1 quake killed ...": the 1998
    quake's, not the one the text reports); None for a number of the text's own time.

    Examples:
        >>> text = "A year earlier, 68.9% were seen within four hours."
        >>> sorted(said_earlier(text, text.index("68.9"), "were seen within four hours"))
        ['earlier', 'year']
        >>> text = "It was the worst since 1998, when a magnitude 7.1 quake struck."
        >>> sorted(said_earlier(text, text.index("7.1"), "when a magnitude quake struck"))
        ['1998']
        >>> print(said_earlier("In October 71.4% were seen.", 11, "In October were seen"))
        None
    """
    opening = _SENTENCE_START.split(text[:start])[-1]
    if when := _YEAR_WHEN.search(opening):
        return frozenset({when.group(1)})
    found = _EARLIER_OPENING.match(opening) or _EARLIER_IN_CLAUSE.search(clause)
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]{3,}", found.group(0))) if found else None


def _same_subject(claim: Quantity, passage: Quantity, names: frozenset[str] = frozenset()) -> bool:
    """Whether two numbers of one unit may be of the same thing (see ``_BARE_UNITS`` and
    ``number_words.PEOPLE_EVENTS``). An all-time extreme ("the lowest temperature ever recorded
    was -19.4C") is compared only with one, a forecast of -12C saying nothing against it, and a
    target only with a target (``_same_kind``); a figure of one series not with one of another
    ("food price inflation" and "core inflation": ``figure_series``). Two shares whose clauses share only a name
    (``names``: "Northline's pay offer was 4.5%", "Northline said about two-thirds of its services
    would be cancelled") are of different things, unless the claim's says no more than the name."""
    if not _same_kind(claim, passage) or other_series(claim.series, passage.series):
        return False
    if claim.events and passage.events and not claim.events & passage.events:
        return False
    if not claim.about or not passage.about:
        return True
    shared = claim.about & passage.about
    return bool(shared - names) or (bool(shared) and claim.about <= names)


def _same_kind(claim: Quantity, passage: Quantity, ages: bool = True) -> bool:
    """Whether both numbers, or neither, are all-time extremes, both, or neither, targets, and both,
    or neither, ages ("jailed for nine years" against "Lowell, 58,"; with ``ages``: a span agrees with
    the age it equals, "a 20-year-old burger" with "bought 20 years ago"); and whether a passage's
    figure may be the claim's by when it was (see ``_PREVIOUS_BEFORE``): a figure the claim says was
    earlier ("A year earlier, 66% were seen ...") is not one the passage gives as of its own time."""
    same_kinds = all((kind in claim.events) == (kind in passage.events) for kind in _KINDS)
    return of_its_time(claim, passage) and same_kinds and (claim.age == passage.age or not ages)


def of_its_time(claim: Quantity, passage: Quantity) -> bool:
    """Whether a passage's figure may be the claim's by when it was (see ``_PREVIOUS_BEFORE`` and
    ``said_earlier``)."""
    if passage.then is None:
        return not (claim.then and claim.then & _EARLIER_WORDS)
    return (
        claim.then is not None
        or bool(claim.clause & passage.then)
        or bool(passage.then & _PRESENT)  # "up from 19 million now": the figure now, not an earlier one
    )
