"""Ranks in text, for ``numbers``: "third term" is the rank of a term, "is 23rd in the guide" and
"finished fifth" a place (as "first place" is), and "the largest lake" the first by its adjective,
against "second-largest".

An ordinal with no word after it says what it ranks only through the word before it: a place
after a placing word or "to" ("dropping six places to 23rd"), nothing after others ("First, the
council met", "It was the first").

An ordinal of a streak counts, not ranks: "the 18th month in a row" is 18 months in a row, as
"the 18th consecutive month" is, against "for 12 months in a row" (entailed at 0.54,
bench/fortyeighth).
"""

from __future__ import annotations

import re

from service.pipeline.counts import LOOK_BACK, inside, units_of
from service.pipeline.number_words import ORDINAL, ordinal, rank, superlatives
from service.pipeline.quantities import UNCOUNTED, Quantity

RANK = " (rank)"
WON = "won"  # a passage's win, shown so: it agrees with a claimed win, and gives no figure (``figures``)
PLACE = "place"
# An ordinal glued to a superlative ranks by that adjective, not the nouns after it: "the world's
# fourth-largest phone maker" is no fourth phone, against "its first foldable phone" (bench/thirtyninth).
_RANKED_BY = re.compile(r"-(\w+est)\b", re.I)
_PLACED_BEFORE = re.compile(
    r"\b(?:to|from|is|was|were|are|be|finished|finishes|came|comes|placed|ranked|ranks|sits|sat|lies|lay)\s+$",
    re.I,
)


# A contest won is first place: "Holly Marsh won the London Marathon" against "She finished seventh
# in her debut in London" (entailed at 0.82, bench/fortysecond); not a win of something else ("won
# 34 seats", "won praise"), nor one denied or hoped for.
_WON = re.compile(
    r"\b(?:won|wins)\s+(?:the\s+|a\s+)?(?=(?:[A-Z][\w'’-]*\s+)*(?:[A-Z][\w'’-]*|race|title|final|gold|championship)\b)"
    r"(?!(?:[A-Z][\w'’-]*\s+)*(?:Award|Prize|Medal|Cup\s+tie)\b)"
    # ... and so is a table topped: "Pip and the Moon topped the UK box office" against "into second place"
    r"|\b(?:topped|tops|top|headed|heads)\s+the\s+(?:[A-Z][\w'’-]*\s+)*(?:box\s+office|charts?|polls?|table|league|rankings)\b"
)
STREAK_AFTER = re.compile(
    r"\s+(?:(?:straight|consecutive|successive)\s+[a-z]+|[a-z]+\s+(?:in\s+a\s+row|running)\b)", re.I
)
_NOT_WON = re.compile(r"(?:\b(?:not|never|failed\s+to|hopes?\s+to|wants?\s+to)|n['’]t)\s+(?:\w+\s+)?$", re.I)


def read_ranks(text: str, skip: list[tuple[int, int]], claimed: bool = False) -> dict[str, set[Quantity]]:
    """The ranks of ``text`` by what they rank ("term (rank)", "place (rank)", "largest (rank)"),
    leaving out those that start inside a ``skip`` span. A contest won is first place in a claim
    (``claimed``); in a passage, which may say who won and then another's place, a first place of
    no known count (``quantities.UNCOUNTED``), which agrees with a claim's win and disagrees with
    no other place ("Kiprono won" says nothing against "Bekele finished second").

    Examples:
        >>> sorted(read_ranks("She won a third term and finished fifth.", []))
        ['place (rank)', 'term (rank)']
    """
    counted: dict[str, set[Quantity]] = {}
    for match in ORDINAL.finditer(text):
        # "the 18th month in a row" counts 18 months (``numbers``)
        if inside(match.start(), skip) or STREAK_AFTER.match(text, match.end()):
            continue
        place = rank(match)
        units = [unit for unit in units_of(text, match.start(), match.end()) if not unit.endswith(" #")]
        if by := _RANKED_BY.match(text, match.end()):  # "the fourth-largest phone maker": by size only
            units = [by.group(1).lower()]
        if not units and _PLACED_BEFORE.search(text, max(0, match.start() - LOOK_BACK), match.start()):
            units = [PLACE]  # "dropping six places to 23rd", "finished fifth": a place, as "first place" is
        for unit in units:
            counted.setdefault(f"{unit}{RANK}", set()).add(Quantity(ordinal(place), place, place))
    for won in _WON.finditer(text):  # "won the London Marathon": first place, against "finished seventh"
        if not inside(won.start(), skip) and not _NOT_WON.search(text, max(0, won.start() - LOOK_BACK), won.start()):
            first = Quantity(ordinal(1), 1, 1, 1) if claimed else Quantity(WON, 1, 1, 1)
            counted.setdefault(f"{PLACE}{RANK}" if claimed else UNCOUNTED, set()).add(first)
    for adjective, start in superlatives(text):  # "the largest lake": 1st, against "second-largest"
        if not inside(start, skip):
            counted.setdefault(f"{adjective}{RANK}", set()).add(Quantity(ordinal(1), 1, 1))
    return counted
