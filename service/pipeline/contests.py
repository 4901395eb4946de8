"""Contests: a passage that gives a contest's win, or a deed done once in it, to someone else.

A claim that someone won a named contest is flagged when the passage says they were beaten in its
final or by its winner ("Navarro beats Holm in three sets to win Ostberg Open" against "Ingrid
Holm won the Ostberg Open", which the model entailed at 0.90, bench/twentieth), or that its winner
pulled away from or finished ahead of them ("Okoth won the Lakeport Marathon, pulling away from the
defending champion Abebe Deressa", entailing "Abebe Deressa won the Lakeport Marathon" at 0.91,
bench/twentyfirst). An office won at an election is such a contest ("elected Mayor of Westbury").

Some deeds are done once: a match has one winning goal, one opening goal, and a final two sides.
"Kofi Mensah scored Holloway's winner" was entailed at 0.89 by "... when Kofi Mensah headed in a
corner, and substitute Liam Roper scored the winner" (bench/fortyeighth), and "Dunmere Athletic
will play Castlegate United in the County Cup final" at 0.85 by "Holloway will face Castlegate
United in the final". The checker flags a claim that gives such a deed to one name when the
passage gives it to another and never to the claim's (``other_doer``, ``other_finalist``), and so
does an office one person holds ("elected Mayor of Westbury": ``other_elected``).
"""

from __future__ import annotations

import re

from service.pipeline.negation import normal_text
from service.pipeline.roles import AUXILIARY, NAME, NAME_RUN, PASSIVE_AUXILIARY, name_words, same_name

# A claim that someone won a named contest ("Holm won the Ostberg Open"); a passage where they were
# beaten ("beating the top seed Ingrid Holm", not "beaten by"), and one about the contest's final or
# its win ("in the final of", "to win").
# An office won at an election is a contest too: "Daniel Frost has been elected Mayor of Westbury"
# against "Rachel Amadi has been elected the first woman Mayor of Westbury, defeating ... Daniel
# Frost" (entailed at 0.91, bench/fortyninth).
_ELECTED_VERB = rf"(?:{PASSIVE_AUXILIARY})?(?:re-?)?elected(?:\s+as)?"
_WON = re.compile(
    rf"(?<![\w'])(?P<a>{NAME})\s+{AUXILIARY}(?:won|wins|win|{_ELECTED_VERB})"
    rf"\s+(?:the\s+)?(?:(?:first|new|youngest|oldest|[a-z]+est)\s+(?:[a-z]+\s+)?)?(?P<e>{NAME})"
)
_BEATEN = re.compile(
    rf"\b(?:beat|beats|beating|defeated|defeats|defeating|overcame|overcomes|overcoming|outsprinted|outsprinting"
    rf"|(?:pull(?:s|ed|ing)?\s+away|finish(?:es|ed|ing)?\s+ahead)\s+(?:of|from)|ahead\s+of"
    rf"|(?:majority|margin|lead)\s+of\s+[\d,.]+(?:\s+[a-z]+)?\s+over)\s+"
    rf"(?:(?!by\b)[a-z][\w-]*\s+){{0,3}}(?:[A-Z][\w-]*['’]s?\s+)?(?P<b>{NAME})"
)
_DECIDED = re.compile(
    r"\b(?:in|of)\s+the\s+final\b(?!\s+(?:game|match|round|day|minute|seconds?|week)s?\b)|\bto\s+win\b"
)


def beaten_winner(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the claim says someone won a contest the passage
    names and the passage says they were beaten in its final or by its winner: "Navarro beats Holm
    to win Ostberg Open" against "Holm won the Ostberg Open", or "Okoth won the Lakeport Marathon,
    pulling away from Deressa" against "Deressa won the Lakeport Marathon". A passage that only
    says who won says nothing of a claim that names another (prizes are shared), and one beaten in
    a match of a league may still win it, so only a final, a win of the contest or another's win
    of it counts.

    Examples:
        >>> beaten_winner("Holm won the Ostberg Open.", "Navarro beat the top seed Holm to win the Ostberg Open.")
        ('Holm won the Ostberg Open', 'beat the top seed Holm')
        >>> beaten_winner("Holm won the league.", "Navarro beat Holm 2-1 on Saturday.") is None
        True
    """
    text = normal_text(passage)
    named = name_words(" ".join(NAME_RUN.findall(text)))
    for won in _WON.finditer(normal_text(claim)):
        winner, contest = name_words(won.group("a")), name_words(won.group("e"))
        if not contest or not contest <= named:
            continue
        # the passage is about the contest's result: its final, a win of it, or who won it
        won_by_another = any(
            name_words(other.group("e")) == contest and not same_name(name_words(other.group("a")), winner)
            for other in _WON.finditer(text)
        )
        if not (won_by_another or _DECIDED.search(text)):
            continue
        for beaten in _BEATEN.finditer(text):
            if same_name(name_words(beaten.group("b")), winner):
                return won.group(0), beaten.group(0)
    return None


_ELECTED = re.compile(
    rf"(?<![\w'])(?P<a>{NAME})\s+{AUXILIARY}{_ELECTED_VERB}\s+(?:the\s+)?"
    rf"(?:(?:first|new|youngest|oldest)\s+(?:[a-z]+\s+)?)?(?P<e>{NAME})"
)
# A deed done once in a match, after its doer: "scored the winner", "scored Holloway's winner",
# "got the winning goal", "headed the opener". The doer is the name just before the verb.
_ONCE = (
    r"(?:winner|winning\s+goal|opener|opening\s+goal|equali[sz]er|equali[sz]ing\s+goal|decisive\s+goal"
    r"|only\s+goal|golden\s+goal|deciding\s+goal)"
)
_DEED = re.compile(
    rf"(?<![\w'’])(?P<a>{NAME})\s+{AUXILIARY}(?P<verb>scored|scores|got|gets|netted|nets|headed|heads|hit|hits|struck)"
    rf"\s+(?:the|a|an|his|her|their|its|[A-Z][\w-]*['’]s?)\s+(?:late\s+|first-half\s+|second-half\s+)?(?P<deed>{_ONCE})\b"
)
# Who meets whom in a final: "Dunmere Athletic will play Castlegate United in the County Cup final".
_FINALISTS = re.compile(
    rf"(?<![\w'’])(?P<a>{NAME})\s+{AUXILIARY}(?:(?:is|are)\s+to\s+)?(?:play|plays|played|face|faces|faced|meet"
    rf"|meets|met)\s+(?:the\s+)?(?P<b>{NAME})\s+in\s+(?:the|this\s+year's|next\s+month's)\s+(?:{NAME}\s+)?final\b"
)


def other_doer(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the claim gives a deed done once in a match (the
    winning goal, the opener) to one name and the passage to another, and never to the claim's.

    Examples:
        >>> other_doer("Kofi Mensah scored the winner.", "Mensah equalised, and Liam Roper scored the winner.")
        ('Kofi Mensah scored the winner', 'Liam Roper scored the winner')
        >>> print(other_doer("Liam Roper scored the winner.", "Mensah equalised, and Liam Roper scored the winner."))
        None
    """
    said = [
        (name_words(m.group("a")), _deed(m.group("deed")), m.group(0)) for m in _DEED.finditer(normal_text(passage))
    ]
    for claimed in _DEED.finditer(normal_text(claim)):
        doer, deed = name_words(claimed.group("a")), _deed(claimed.group("deed"))
        if not doer or any(same_name(other, doer) and kind == deed for other, kind, _ in said):
            continue
        for other, kind, found in said:
            if kind == deed and other and not same_name(other, doer):
                return claimed.group(0), found
    return None


def _deed(words: str) -> str:
    """One name for a deed: "the winning goal" is "the winner", "the opening goal" "the opener"."""
    word = words.split()[0].lower()
    return {"winning": "winner", "opening": "opener", "equalising": "equaliser", "equalizing": "equaliser"}.get(
        word, word.replace("equalizer", "equaliser")
    )


# An office one person holds: "elected Mayor of Westbury", "elected leader of the party".
_ONE_HOLDER = frozenset("mayor president governor leader chancellor speaker chair chairman chairwoman pope".split())


def other_elected(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the claim says one name was elected to an office
    one person holds and the passage that another was, and never the claim's: "Rachel Amadi elected
    Mayor of Westbury" entailed "Daniel Frost has been elected Mayor of Westbury" at 0.91
    (bench/fortyninth).

    Examples:
        >>> other_elected("Frost was elected Mayor of Westbury.", "Rachel Amadi elected Mayor of Westbury")
        ('Frost was elected Mayor of Westbury', 'Rachel Amadi elected Mayor of Westbury')
        >>> print(other_elected("Frost was elected to the council.", "Amadi was elected to the council."))
        None
    """
    said = [(name_words(m.group("a")), name_words(m.group("e")), m.group(0)) for m in _ELECTED.finditer(passage)]
    for claimed in _ELECTED.finditer(claim):
        winner, office = name_words(claimed.group("a")), name_words(claimed.group("e"))
        if claimed.group("e").split()[0].lower() not in _ONE_HOLDER:
            continue
        holders = [(other, found) for other, held, found in said if held == office]
        if holders and not any(same_name(other, winner) for other, _ in holders):
            return claimed.group(0), holders[0][1]
    return None


def other_finalist(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the claim puts a name in a final against another
    and the passage puts someone else there against that other, and never the claim's name.

    Examples:
        >>> other_finalist("Dunmere will play Castlegate United in the final.",
        ...                "Holloway will face Castlegate United in the final at Riverside Park.")
        ('Dunmere will play Castlegate United in the final', 'Holloway will face Castlegate United in the final')
        >>> print(other_finalist("Holloway will play Castlegate United in the final.",
        ...                      "Holloway will face Castlegate United in the final at Riverside Park."))
        None
    """
    said = [
        (name_words(m.group("a")), name_words(m.group("b")), m.group(0))
        for m in _FINALISTS.finditer(normal_text(passage))
    ]
    sides = [pair for a, b, found in said for pair in ((a, b, found), (b, a, found))]
    for claimed in _FINALISTS.finditer(normal_text(claim)):
        first, second = name_words(claimed.group("a")), name_words(claimed.group("b"))
        for mine, theirs in ((first, second), (second, first)):
            if any(same_name(side, mine) for side, _, _ in sides):
                continue
            if other := next((found for side, against, found in sides if same_name(against, theirs)), None):
                return claimed.group(0), other
    return None
