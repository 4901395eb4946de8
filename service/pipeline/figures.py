"""Figures: whether a passage gives every figure of the claim (its numbers, years, clock times and
dates that give a day) as the claim gives them.

An article gives many figures, and the stance model reads most sentences that give another one as
a contradiction of the claim: "The next survey is due in 2032" is refuted at 0.94 by "up from 58%
in the previous survey in 2020", "Two doses give about 97% protection" at 0.73 by "uptake of the
second dose was 79%". When a sentence of the same article supports the claim with the claim's own
figures, those others are about other things, and the aggregator leaves out every contradiction
of that source that does not give the claim's figures either (``aggregate.source_stance``). Over
the 1,369 labelled claims of the seeds and ``bench/``'s samples this sets 28 verdicts right (13 of
them in samples written before the rule) and 3 wrong: a sentence can give the claim's figure of
something else (a union "demanding a 9% pay rise" for "the operator offered a 9% pay rise"), and
then the rule follows the stance model into the error. Of bench/verdicts.py's 2,979 claims it
changes three (two labelled conflicting now supported, one labelled not_enough_info now
conflicting, not refuted): accuracy 0.6563 against 0.6569.

So a figure counts as given only where the claim's reading of it cannot be another's:

- a plain number is given only as itself: "5%" is not given by "4.75%", which it rounds to;
- a claim that sets something against a reference ("below the 50% threshold", "above its 2010
  level") gives no figure of its own: a passage that puts it on the other side gives the same one;
- a sentence that moves the claim's figure the other way ("down 12%" for "rose 12%") does not give
  it, whether or not it names the claim's names, nor one that denies what it says of the figures
  ("did not freeze in 2023": the caller reads that from the consistency reasons).

Days of the week, parts of the day and months alone are not figures here: many events of one
article share them, and on the samples counting days and parts of the day set none right and two
wrong, months one right and three wrong. A date that gives a day ("born on 14 October") is one:
it set "The red panda cubs were born on 14 October" right (bench/twentysixth, where "the first red
panda births there for 11 years" refuted it at 0.87) and changed no other verdict of the 1,427
labelled claims. A place is one ("is 23rd in the guide"), but not an ordinal before a noun, which
says which one ("the second runway", "the first measles case"): a passage need not repeat it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from service.pipeline.dates import Date, find_dates
from service.pipeline.day_times import TimeOfDay, times_of_day
from service.pipeline.direction import opposed
from service.pipeline.numbers import read_numbers
from service.pipeline.quantities import UNCOUNTED, Quantity, of_its_time
from service.pipeline.ranks import PLACE, RANK, WON

_PLACE_RANK = f"{PLACE}{RANK}"  # "finished fifth", "is 23rd": a place is a figure
_REFERENCE = re.compile(r"\b(?:above|below|beyond|exceed(?:s|ed|ing)?)\b", re.I)


@dataclass(frozen=True)
class Figures:
    """The years of a text and its numbers by what they count (``numbers.read_numbers``)."""

    text: str
    years: frozenset[str]
    numbers: dict[str, set[Quantity]]
    uncounted: frozenset[Quantity] = frozenset()  # numbers no word says what they count of
    times: tuple[TimeOfDay, ...] = ()  # clock times ("at about 18:30", "6.30pm")
    days: tuple[Date, ...] = ()  # dates that give a day ("on 14 October", "3-5 May")

    @classmethod
    def of(cls, text: str, whole: bool = False) -> Figures:
        dates = find_dates(text)
        years, numbers = read_numbers(text, [span for _, span in dates], whole=whole)
        counted = {unit: found for unit, found in numbers.items() if unit != UNCOUNTED}
        # a win gives no place: "Kiprono won" is no figure of "Bekele won" (``ranks.WON``)
        uncounted = frozenset(q for q in numbers.get(UNCOUNTED, ()) if q.shown != WON)
        clock = tuple(time for time in times_of_day(text) if any(c.isdigit() for c in time.shown))
        days = tuple(date for date, _ in dates if date.first_day is not None)
        return cls(text, frozenset(years), counted, uncounted, clock, days)


def claim_figures(claim: str) -> Figures | None:
    """The figures a passage must give to give the claim's; None for a claim with none, or one
    that sets something against a reference.

    Examples:
        >>> claim_figures("The orvesiran trial enrolled more than 8,000 adults.") is not None
        True
        >>> claim_figures("Turnout was below the 50% threshold.") is None
        True
        >>> claim_figures("Turnout was low.") is None
        True
    """
    if _REFERENCE.search(claim):
        return None
    figures = Figures.of(claim, whole=True)
    # an ordinal before a noun says which one ("the second runway", "the first case"), not a figure
    ranked = {unit: found for unit, found in figures.numbers.items() if not unit.endswith(RANK) or unit == _PLACE_RANK}
    figures = replace(figures, numbers=ranked)
    return figures if figures.years or figures.numbers or figures.times or figures.days else None


def gives_figures(claimed: Figures, passage: str) -> bool:
    """Whether ``passage`` gives each of the claim's years and, for each thing the claim counts, a
    number the claim's allows: the same plain number, or one within its bound or range. A number
    with no word of what it counts gives the claim's when it is the same plain number ("The number
    of households rose to 171,000, and ..." for "171,000 households").

    Examples:
        >>> claimed = claim_figures("The trial enrolled more than 8,000 adults in 2024.")
        >>> gives_figures(claimed, "In 2024 the trial enrolled 8,412 adults at 190 hospitals.")
        True
        >>> gives_figures(claimed, "The trial enrolled 7,900 adults in 2024.")
        False
        >>> gives_figures(claim_figures("Rates rose to 5%."), "Rates rose to 4.75%.")
        False
        >>> gives_figures(claim_figures("Profit rose 12%."), "Profit was £96m, down 12%.")
        False
    """
    given = Figures.of(passage)
    if not claimed.years <= given.years:
        return False
    if not all(any(time.agrees_with(other) for other in given.times) for time in claimed.times):
        return False
    if not all(any(day.agrees_with(other) for other in given.days) for day in claimed.days):
        return False
    # one number may be filed under more than one thing it may count ("4.9% last year": a change in
    # percent, and of "last"): it is given when it is given as any of them
    filed: dict[tuple[str, float, float], list[tuple[str, Quantity]]] = {}
    for unit, found in claimed.numbers.items():
        for quantity in found:
            filed.setdefault((quantity.shown, quantity.low, quantity.high), []).append((unit, quantity))
    numbers_given = all(
        any(_gives(c, p) for unit, c in filings for p in given.numbers.get(unit, ()))
        or any(c.same_number(p) for _, c in filings for p in given.uncounted)
        for filings in filed.values()
    )
    # the direction check reads both texts' words, so it is asked last, of a passage that gives them
    return numbers_given and opposed(claimed.text, passage) is None


def _gives(claimed: Quantity, given: Quantity) -> bool:
    """Whether ``given`` is the claim's figure: of its time (an earlier event's "since 1998, when a
    magnitude 7.1 quake killed ..." is not the 7.1 of "The earthquake had a magnitude of 7.1"),
    and the same plain number or one it allows."""
    if not of_its_time(claimed, given):
        return False
    if claimed.value is not None and given.value is not None:
        return claimed.same_number(given)
    return claimed.allows(given)
