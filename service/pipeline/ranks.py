"""Ranks in text, for ``numbers``: "third term" is the rank of a term, "is 23rd in the guide" and
"finished fifth" a place (as "first place" is), and "the largest lake" the first by its adjective,
against "second-largest".

An ordinal with no word after it says what it ranks only through the word before it: a place
after a placing word or "to" ("dropping six places to 23rd"), nothing after others ("First, the
council met", "It was the first").
"""

from __future__ import annotations

import re

from service.pipeline.counts import LOOK_BACK, inside, units_of
from service.pipeline.number_words import ORDINAL, ordinal, rank, superlatives
from service.pipeline.quantities import Quantity

RANK = " (rank)"
PLACE = "place"
# An ordinal glued to a superlative ranks by that adjective, not the nouns after it: "the world's
# fourth-largest phone maker" is no fourth phone, against "its first foldable phone" (bench/thirtyninth).
_RANKED_BY = re.compile(r"-(\w+est)\b", re.I)
_PLACED_BEFORE = re.compile(
    r"\b(?:to|from|is|was|were|are|be|finished|finishes|came|comes|placed|ranked|ranks|sits|sat|lies|lay)\s+$",
    re.I,
)


def read_ranks(text: str, skip: list[tuple[int, int]]) -> dict[str, set[Quantity]]:
    """The ranks of ``text`` by what they rank ("term (rank)", "place (rank)", "largest (rank)"),
    leaving out those that start inside a ``skip`` span.

    Examples:
        >>> sorted(read_ranks("She won a third term and finished fifth.", []))
        ['place (rank)', 'term (rank)']
    """
    counted: dict[str, set[Quantity]] = {}
    for match in ORDINAL.finditer(text):
        if inside(match.start(), skip):
            continue
        place = rank(match)
        units = [unit for unit in units_of(text, match.start(), match.end()) if not unit.endswith(" #")]
        if by := _RANKED_BY.match(text, match.end()):  # "the fourth-largest phone maker": by size only
            units = [by.group(1).lower()]
        if not units and _PLACED_BEFORE.search(text, max(0, match.start() - LOOK_BACK), match.start()):
            units = [PLACE]  # "dropping six places to 23rd", "finished fifth": a place, as "first place" is
        for unit in units:
            counted.setdefault(f"{unit}{RANK}", set()).add(Quantity(ordinal(place), place, place))
    for adjective, start in superlatives(text):  # "the largest lake": 1st, against "second-largest"
        if not inside(start, skip):
            counted.setdefault(f"{adjective}{RANK}", set()).add(Quantity(ordinal(1), 1, 1))
    return counted
