"""Scorelines: a match report's heading "Kestrel Town 3-1 Harbour United", read as the sentence it means.

Sports pages head a match with the two sides and the score between them, the home side first. The
stance model reads the heading as a list of names and numbers: it contradicted "Kestrel Town beat
Harbour United 3-1" with "Kestrel Town 3-1 Harbour United: Mensah double sends Town top" (0.73),
and entails it (0.91) from "Kestrel Town beat Harbour United 3-1: Mensah double sends Town top"
(bench/eleventh). The premise reads the heading so; the cited passage keeps its words.
"""

from __future__ import annotations

import re

_SIDE = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|&|and|of|de|la))*?"
_SCORELINE = re.compile(
    rf"^(?P<home>{_SIDE})\s+(?P<home_goals>\d{{1,2}})\s*[-–]\s*(?P<away_goals>\d{{1,2}})\s+(?P<away>{_SIDE})"
    r"(?P<rest>\s*(?:\((?:aet|a\.e\.t\.|pens?|agg)[^)]*\)\s*)?(?:[:|–—]\s.*|\s-\s.*)?)$",
    re.S,
)


def scoreline_statement(text: str) -> str | None:
    """The sentence a scoreline heading means, or None for any other text.

    Examples:
        >>> scoreline_statement("Kestrel Town 3-1 Harbour United: Mensah double sends Town top")
        'Kestrel Town beat Harbour United 3-1: Mensah double sends Town top'
        >>> scoreline_statement("Harbour United 0-2 Kestrel Town")
        'Kestrel Town beat Harbour United 2-0'
        >>> scoreline_statement("Rovers 1-1 City")
        'Rovers and City drew 1-1'
        >>> scoreline_statement("Rovers won 3-1 at home.") is None
        True
    """
    found = _SCORELINE.match(text.strip())
    if found is None:
        return None
    home, away, rest = found["home"], found["away"], found["rest"]
    home_goals, away_goals = int(found["home_goals"]), int(found["away_goals"])
    if home_goals == away_goals:
        return f"{home} and {away} drew {home_goals}-{away_goals}{rest}"
    if home_goals > away_goals:
        return f"{home} beat {away} {home_goals}-{away_goals}{rest}"
    return f"{away} beat {home} {away_goals}-{home_goals}{rest}"
