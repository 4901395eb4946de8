"""What a claim asks of a passage: a number of what it counts, a span of time, an age, or a move.

The stance model takes a side on passages that are on the claim's topic and silent on what it
asks: "Pellow has repaid £35,000" entailed "Graham Pellow was jailed for four years" (0.51,
bench/fortysecond), and "The energy secretary has approved the wind farm" entailed "Fewer than
1,000 people objected to the wind farm" (0.66, bench/fortyseventh). ``verify`` lets a passage that gives none of
a claimed span or age take no side (``gives_none_of_the_number``), and the aggregator lets a
contradiction that answers the claim with a concrete mismatch outweigh supports that do not answer
it (``answers_the_claim``, ``aggregate.source_stance``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from service.pipeline.counts import AGE
from service.pipeline.direction import moves_alike
from service.pipeline.number_words import ORDINAL
from service.pipeline.numbers import read_numbers
from service.pipeline.overlap import said_of_names
from service.pipeline.quantities import DURATIONS, UNCOUNTED


def gives_none_of_the_number(claim: str, passage: str) -> bool:
    """Whether the claim says no more of its names than their age ("Mara Ellison is 43", "Dawn
    Pickering is 57 years old") and the passage gives no number of years: only a passage that does
    ("Ellison, 34, ...") can settle it; or the claim gives a span of time ("was jailed for four
    years") and the passage no span, no range of years and no number of no known count: "Pellow
    has repaid £35,000" entailed "Graham Pellow was jailed for four years" at 0.51
    (bench/fortysecond), and "Kessler was jailed" says nothing of how long, while "from 1939 to
    1945" gives six years. Other counts are left to the model: a passage may count them by another
    word ("inhabitants", "a population of")."""
    if says_only_an_age(claim):
        return AGE not in _read(passage)[1]
    if not gives_a_span(claim) or _ORDINAL_SPAN.search(passage):  # "the third month in a row" counts months
        return False
    years, numbers = _read(passage)
    spanned = len(years) > 1 or any(" to " in year for year in years)  # "from 1939 to 1945", not "since 2019"
    # a passage that gives another of the claim's counts ("won eight Pro Slam titles" for "... over
    # 7 years") is about it, and left to the model
    return not spanned and not numbers & (_SPAN_OR_UNKNOWN | claimed_units(claim))


_SPAN_OR_UNKNOWN = frozenset(DURATIONS) | {AGE, UNCOUNTED}
_SPANS = "|".join(DURATIONS)
_POINT_OR_PERIOD = re.compile(
    rf"\b(?:the\s+(?:past|last|next|previous|coming|first)\s+(?:[\w-]+\s+)?(?:{_SPANS})s?\b"
    rf"|(?:{_SPANS})s?\s+(?:ago|earlier|later|in\s+a\s+row|running)\b"
    # a period that ends at a time: "in the six months to June", "the year ending in March"
    rf"|\bthe\s+(?:[\w-]+\s+)?(?:{_SPANS})s?\s+(?:to|ending|ended|until|through)\b)",
    re.I,
)
_TITLED_SPAN = re.compile(r"\b(?:" + "|".join(unit.capitalize() for unit in DURATIONS) + r")s?\b")
_ORDINAL_SPAN = re.compile(ORDINAL.pattern + rf"\s+(?:(?:straight|consecutive|successive)\s+)?(?:{_SPANS})s?\b", re.I)


def answers_the_claim(claim: str, passage: str) -> bool:
    """Whether a passage gives a figure of something the claim's numbers count ("2,300 people" for
    "Fewer than 1,000 people objected"; figures of no known count do not say what they count), or
    a move of the kind the claim says, of the same thing ("the cost of materials rose sharply" for "The
    scheme was delayed after the cost of materials fell": ``direction.moves_alike``)."""
    counted = claimed_units(claim) - {UNCOUNTED}
    if counted and not counted.isdisjoint(_read(passage)[1]):
        return True
    return moves_alike(claim, passage)


@lru_cache(maxsize=256)
def gives_a_span(claim: str) -> bool:
    """Whether the claim counts a span of time, not a point or a period of it ("five years ago",
    "over the past five years", which "since 2021" gives); kept per claim as ``says_only_an_age`` is."""
    if _POINT_OR_PERIOD.search(claim) or _TITLED_SPAN.search(claim):  # "28 Days (film)" is a title
        return False
    return not claimed_units(claim).isdisjoint(DURATIONS)


@lru_cache(maxsize=1024)
def _read(passage: str) -> tuple[frozenset[str], frozenset[str]]:
    """A passage's years and what its numbers count, read once: ``gives_none_of_the_number`` and
    ``answers_the_claim`` both ask of every passage found for a claim."""
    years, numbers = read_numbers(passage, [])
    return frozenset(years), frozenset(numbers)


@lru_cache(maxsize=256)
def claimed_units(claim: str) -> frozenset[str]:
    """What the claim's numbers count ("year", "goal", ``counts.AGE``), read once per claim: every
    passage found for it asks (``gives_none_of_the_number``)."""
    return frozenset(read_numbers(claim, [], whole=True)[1])


@lru_cache(maxsize=256)
def says_only_an_age(claim: str) -> bool:
    """Whether the claim says no more of its names than their age; kept per claim, since every
    passage found for it asks (``gives_none_of_the_number``)."""
    counted = claimed_units(claim)
    return counted == {AGE} and said_of_names(claim) <= counted
