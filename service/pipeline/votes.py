"""Votes: a decision made "unanimously" against one the passage gives as a split tally.

Councils, boards, juries and courts decide by vote, and news gives the tally in words or digits
("voted seven to four in favour", "by 320 votes to 280", "a 5-4 ruling"). The stance model does
not read "The committee approved the homes unanimously" against "The committee voted seven to
four in favour" as a contradiction (0.28, bench/nineteenth): it knows no tally. A tally whose
smaller side is not zero is a split vote, and says the decision was not unanimous; so does the
reverse, a claim's split tally against a passage's "unanimously".
"""

from __future__ import annotations

import re

from service.pipeline.number_words import WORDS, plain_value

_NUMBER = r"(\d[\d,]*|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")"
# "voted seven to four", "voted by 320 votes to 280", "ruled 5-4", "a 5-4 ruling", "by a vote of 9-2"
_TALLY = re.compile(
    r"\b(?:vot(?:ed|es?|ing)|ruled|ruling|decision|verdict|majority)\s+(?:\w+\s+){0,3}?"
    rf"{_NUMBER}\s*(?:votes?\s+)?(?:-|–|to)\s*{_NUMBER}\b(?!\s*%)"
    rf"|\b{_NUMBER}\s*(?:-|–)\s*{_NUMBER}\s+(?:vote|ruling|decision|verdict|majority)\b",
    re.IGNORECASE,
)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\b(?:not|never|far from)\s+(?:\w+\s+)?$", re.IGNORECASE)


def split_tally(text: str) -> str | None:
    """The words of the first tally ``text`` gives whose smaller side is not zero, or None.

    Examples:
        >>> split_tally("The planning committee voted seven to four in favour of the scheme.")
        'voted seven to four'
        >>> split_tally("The board voted 9-0 to approve it.") is None
        True
    """
    for match in _TALLY.finditer(text):
        sides = [plain_value(side) for side in match.groups() if side is not None]
        if len(sides) == 2 and None not in sides and min(s for s in sides if s is not None) > 0:
            return match.group(0)
    return None


def unanimous(text: str) -> bool:
    """Whether ``text`` says a decision was unanimous ("not unanimous" does not)."""
    return any(not _NOT_BEFORE.search(text, max(0, m.start() - 20), m.start()) for m in _UNANIMOUS.finditer(text))


def vote_mismatch(claim: str, passage: str) -> tuple[str, str] | None:
    """What the claim and the passage say of a vote when one says it was unanimous and the other
    gives a split tally, or None.

    Examples:
        >>> vote_mismatch("The committee approved the homes unanimously.", "Councillors voted seven to four in favour.")
        ('unanimously', 'voted seven to four')
    """
    if unanimous(claim) and (tally := split_tally(passage)):
        return "unanimously", tally
    if unanimous(passage) and (tally := split_tally(claim)):
        return tally, "unanimously"
    return None
