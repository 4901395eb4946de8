"""Numbered names of one series: "Z2" and "Z3", "A320" and "A350", "F-35" and "F-16", "Q2" and
"Q3". A passage that names another of the claim's series and not the claim's own is about another
model, aircraft or quarter: "The recall covers Z2 scooters sold between March 2024 and June 2025"
says nothing of when "Zippa's Z3 scooter was launched", though the stance model refuted it with
those months (0.89, bench/thirtieth), and the consistency checker reads them as the claim's.

Only a name glued to its number, or joined by a hyphen, counts: "October 2024", "Route 66" and
"stage 12" are left to the other checks.
"""

from __future__ import annotations

import re

# A capitalised name glued or hyphenated to its number, with what may follow it ("A320neo").
_NUMBERED = re.compile(r"(?<![\w-])([A-Z][A-Za-z]{0,9})-?(\d{1,4})([a-z]{0,4})(?![\w-])")


def other_of_series(claim: str, passage: str) -> tuple[str, str] | None:
    """A numbered name of the claim's that the passage leaves out, and another of its series that
    the passage names instead, or None.

    Examples:
        >>> other_of_series("Zippa's Z3 scooter was launched in September.", "The recall covers Z2 scooters.")
        ('Z3', 'Z2')
        >>> print(other_of_series("The Z3 was launched in September.", "The Z3 and Z2 differ."))
        None
        >>> print(other_of_series("Covid-19 cases rose.", "COVID-19 cases fell."))
        None
    """
    named = {_key(match): match.group(0) for match in _NUMBERED.finditer(passage)}
    for match in _NUMBERED.finditer(claim):
        head, number, tail = _key(match)
        if (head, number, tail) in named:
            continue
        others = [shown for (h, n, t), shown in named.items() if (h, t) == (head, tail) and n != number]
        if others:
            return match.group(0), others[0]
    return None


def _key(match: re.Match[str]) -> tuple[str, int, str]:
    return match.group(1).lower(), int(match.group(2)), match.group(3).lower()
