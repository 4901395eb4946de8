"""Places: a passage that puts an event that happens in one place somewhere else.

Some events have one place: a birth, a founding, a death, a flight's diversion or landing, a
move from one club to another. The stance model reads two sentences about such an event as
agreeing whatever the place: "Crumbwell, which was founded in 1962 in Bradford, ..." was neutral
on "Crumbwell was founded in Leeds" (bench/fortieth), and "A Skyline Air flight ... was diverted
to Shannon in Ireland" did not refute "The Skyline Air flight was diverted to Dublin"
(bench/thirtyeighth). The checker reads, in claim and passage, one of those verbs, its
preposition ("in", "at", "to", "from") and the capitalised place after it (a year may stand
between: "founded in 1962 in Bradford"; for a move, the few words of what was joined: "joined
Rovers from Eastbridge"), and flags the claim when the passage gives the same verb, preposition
and words between with another place, never names the claim's, and does not deny its verb. Other
verbs are left alone: a company "opened in Leeds" may also open in Bradford.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.pipeline.names import PassageWords
from service.pipeline.regions import region_kind

_ONE_PLACE_VERBS = (
    "born founded established buried died headquartered based diverted landed relocated joined signed transferred moved"
).split()
_PREPOSITIONS = ("in", "at", "to", "from")
_PLACE = r"[A-Z][\w'’-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w'’-]*)*"
# "in 1962", "in March 1958", "on 4 May": a time that may stand before the place
_WHEN = r"(?:(?:in|on)\s+(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?\d{4}\s+|(?:in|on)\s+[A-Z][a-z]+\s+)?"
_ONE_PLACE = re.compile(
    rf"\b(?P<verb>{'|'.join(_ONE_PLACE_VERBS)})"
    rf"(?P<between>(?:\s+(?!(?:{'|'.join(_PREPOSITIONS)}|and|but|by|for|with|after|before|on)\b)[\w'’-]+){{0,3}}?)"
    rf"\s+{_WHEN}(?P<preposition>{'|'.join(_PREPOSITIONS)})\s+(?:the\s+)?(?P<place>{_PLACE})"
)
_DENIED = re.compile(r"(?:\b(?:not|never)|n['’]t)\s+(?:been\s+|be\s+)?$", re.I)
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Placed:
    """An event of one place: its verb, the words between the verb and its preposition, the
    preposition, and the place."""

    verb: str
    between: tuple[str, ...]
    preposition: str
    place: str


def other_place(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's place and the passage's, when the passage puts the claim's event of one place
    somewhere else (see the module docstring); else None.

    Examples:
        >>> other_place("Crumbwell was founded in Leeds.", "Crumbwell, which was founded in 1962 in Bradford, grew.")
        ('Leeds', 'Bradford')
        >>> other_place("Haldane joined Rovers from Southport City.", "Haldane joined Rovers from Eastbridge in May.")
        ('Southport City', 'Eastbridge')
        >>> print(other_place("Crumbwell was founded in Bradford.", "Crumbwell was founded in 1962 in Bradford."))
        None
    """
    found = _placed(passage)
    if not found:
        return None
    words = PassageWords.of(passage)
    for claimed in _placed(claim):
        same = [p for p in found if p.verb == claimed.verb and p.preposition == claimed.preposition]
        same = [p for p in same if set(p.between) <= set(claimed.between) or set(claimed.between) <= set(p.between)]
        if not same or words.mention(claimed.place) or any(_same_place(p.place, claimed.place) for p in same):
            continue
        # one may hold the other ("the United States", "Kentucky"): compared only within one kind
        same = [p for p in same if region_kind(p.place) == region_kind(claimed.place)]
        if not same:
            continue
        return claimed.place, same[0].place
    return None


def claimed_places(claim: str) -> list[str]:
    """The places the claim gives events of one place: a name the passage lacks that the checker
    compares, rather than one it relies on."""
    return [placed.place for placed in _placed(claim)]


def _placed(text: str) -> list[Placed]:
    found = []
    for match in _ONE_PLACE.finditer(text):
        if _DENIED.search(text, max(0, match.start() - 12), match.start()):
            continue
        between = tuple(word.lower() for word in _WORD.findall(match.group("between")))
        found.append(Placed(match.group("verb"), between, match.group("preposition"), match.group("place")))
    return found


def _same_place(a: str, b: str) -> bool:
    """One place, in full or in part ("Shannon", "Shannon Airport")."""
    return bool({w.lower() for w in _WORD.findall(a)} & {w.lower() for w in _WORD.findall(b)})
