"""Shares given in words, read as the percentages they are, for the number checker.

News gives a share as a fraction ("two-fifths of the total", "a quarter of adults", "half the
budget", "children's services take a quarter") or as a rate ("one in five roads"), and a claim gives
it as a percentage, or the other way round. Read as percentages, "Care takes 40% of the budget"
agrees with "two-fifths of the budget" and disagrees with "a quarter of the budget". A fraction
in words is a rounded figure ("a third" for 32%), so it allows what rounds to it at a step of
``ROUNDING`` points (2.5 either way).

The stance model is no better at the sum: it reads "... or two-fifths of the total" as neither
entailing nor contradicting "Adult social care takes 40% of the budget" (0.36 / 0.46), and entails
it after the share is given as a percentage too, "two-fifths (40%) of the total" (0.83,
bench/thirteenth). So the premise it reads gives each share in words its percentage
(``with_percentages``), as it gives "last year" its year; the cited passage keeps its words.

A fraction counts only as a share of something: before "of" (not "of a" or "of an": "a quarter of
an hour" is a time), or closing its clause ("take a quarter."); "a third term" and "a fifth
consecutive win" are ranks, and "half a million" a number (``number_words.FRACTION``).
"""

from __future__ import annotations

import re

from service.pipeline.number_words import SCALE_WORDS, WORDS, plain_value

# A fraction's percentage is rounded to this step: "a third" allows 30.8% to 35.8%.
ROUNDING = 5.0
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_NUMERATORS = {"a": 1, "one": 1} | {word: value for word, value in WORDS.items() if 1 < value < 10}
_AFTER = r"(?=\s+of\b(?!\s+an?\b)|\s*[.,;:)]|\s+(?:and|but|or|while|whereas)\b|\s*$)"
_FRACTION = re.compile(
    r"\b(" + "|".join(_NUMERATORS) + r")[-\s](" + "|".join(_DENOMINATORS) + r")\b"
    r"(?!\s+(?:an?\s+)?(?:" + SCALE_WORDS + r")\b)" + _AFTER,
    re.I,
)
# "half the budget", "half of all homes", "half its staff"; not "half an hour", nor "the second half
# of the season" or "one half of" (a fraction above)
_HALF = re.compile(
    r"".join(rf"(?<!\b{word}\s)" for word in "the one first second other final".split()) + r"\bhalf\s+(?:of\s+)?"
    r"(?=(?:the|all|its|their|his|her|our|them|those|these)\b)",
    re.I,
)
_RATE_TERMS = re.compile(r"^\s*(\S+)\s+in\s+(\S+)\s*$", re.I)


def fraction_shares(text: str) -> list[tuple[int, int, float]]:
    """Each share ``text`` gives as a fraction in words: its start, its end and its percentage.

    Examples:
        >>> fraction_shares("Care takes two-fifths of the total and children's services a quarter.")
        [(11, 21, 40.0), (59, 68, 25.0)]
        >>> fraction_shares("She won a third term in a quarter of an hour.")
        []
        >>> fraction_shares("Half the budget goes on care.")
        [(0, 4, 50.0)]
    """
    found = [
        (match.start(), match.end(), 100 * _NUMERATORS[match[1].lower()] / _DENOMINATORS[match[2].lower()])
        for match in _FRACTION.finditer(text)
    ]
    found += [(match.start(), match.start() + len("half"), 50.0) for match in _HALF.finditer(text)]
    return sorted(found)


def with_percentages(text: str) -> str:
    """``text`` with the percentage of each fraction it gives in words after it.

    Examples:
        >>> with_percentages("Care takes two-fifths of the total; schools take a third.")
        'Care takes two-fifths (40%) of the total; schools take a third (33%).'
    """
    out, done = [], 0
    for _, end, percent in fraction_shares(text):
        out += [text[done:end], f" ({percent:.0f}%)"]
        done = end
    return "".join(out) + text[done:]


def rate_share(rate: str) -> float | None:
    """The percentage a rate gives ("one in five": 20.0), or None when a term is not a plain number.

    Examples:
        >>> rate_share("one in five"), rate_share("3 in 10"), rate_share("one in a thousand")
        (20.0, 30.0, None)
    """
    terms = _RATE_TERMS.match(rate)
    if terms is None:
        return None
    part, whole = (plain_value(term) for term in terms.groups())
    return 100 * part / whole if part and whole else None
