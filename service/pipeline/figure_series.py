"""Figure series: what a figure is a figure of, by the noun phrase before its verb.

A statistics release gives one figure for each of several series of one thing: "Annual inflation
fell to 2.9%", "Food price inflation also eased, to 4.2%", "Core inflation ... fell to 3.3%".
Their clauses share the word "inflation", so the number checker compared them, and flagged "Food
price inflation eased to 4.2% in October" against the headline rate's 2.9%, and "Core inflation
fell to 3.3%" against it too (bench/thirty-eighth). The noun phrase before a figure's verb names
its series: a head noun ("inflation") and the words that qualify it ("food", "price"; "core";
"annual"). Two figures whose phrases have one head, each with qualifiers of its own and none in
common, are of two series; a phrase with no qualifier ("Inflation fell to 2.9%") may be of any.
"""

from __future__ import annotations

import re

from service.pipeline.direction_words import SIGN

Series = tuple[str, frozenset[str]]

# The verbs a figure's noun phrase stands before: a change's (``direction_words``), the verb to be
# and those of a level ("stood at", "hit", "reached").
_VERBS = frozenset(SIGN) | frozenset(
    """is was were are be been being stood stands stand remained remains remain hit hits reached reaches eased
    eases edged slowed slows accelerated picked""".split()
)
_AUXILIARIES = frozenset("has have had also still again now then".split())
# Words a noun phrase does not hold: determiners and prepositions ("in October, down from 3.4%" names
# no series for 3.4%), and a comma, which ends it.
_NOT_QUALIFIERS = frozenset(
    """the a an its their this that these those our his her my your to in at of from by for on with as than and or
    but nor after before when while because since if which who whom whose where there it they we he she i you
    them us him said says say told added reported according will would could may might can should must do does
    did not no only just now still also even all both each every some any many more most other such make makes
    made take takes took""".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*|,")
_SENTENCE_END = re.compile(r"[.!?;]\s")
# An aside between the phrase and its verb ("Core inflation, which strips out energy, food,
# alcohol and tobacco, fell to 3.3%"), to its last comma.
_ASIDE = re.compile(r",\s*(?:which|who)\b.*,", re.IGNORECASE)
# The verb must be this close before the figure ("fell to 2.9%", "was unchanged at 4.6%").
_VERB_WORDS = 4
_PHRASE_WORDS = 4


def series_of(text: str, start: int) -> Series | None:
    """The head noun and qualifiers of the noun phrase before the verb of the figure at ``start``,
    or None when no verb stands just before the figure.

    Examples:
        >>> text = "Food price inflation also eased, to 4.2%."
        >>> series_of(text, text.index("4.2")) == ("inflation", frozenset({"food", "price"}))
        True
        >>> text = "Core inflation, which strips out energy, food and tobacco, fell to 3.3%."
        >>> series_of(text, text.index("3.3"))
        ('inflation', frozenset({'core'}))
    """
    written = _written_before(text, start)
    nearest = range(len(written) - 1, max(-1, len(written) - 1 - _VERB_WORDS), -1)
    at = next((i for i in nearest if written[i].lower() in _VERBS), None)
    return None if at is None else _phrase(written, at)


def series_before(text: str, end: int) -> Series | None:
    """The head noun and qualifiers of the noun phrase before the verb at ``end`` ("Services
    inflation was unchanged": ``direction`` asks of "unchanged"), or None."""
    written = _written_before(text, end)
    if written[-1:] == [","]:  # a figure's change after its clause ("fell to 2.9%, down from 3.4%")
        verbs = [i for i, word in enumerate(written) if word.lower() in _VERBS]
        return _phrase(written, verbs[-1]) if verbs else None
    return _phrase(written, len(written))


def _written_before(text: str, end: int) -> list[str]:
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, 0, end)), default=0)
    return _WORD.findall(_ASIDE.sub(" ", text[sentence:end]))


def _phrase(written: list[str], at: int) -> Series | None:
    """The noun phrase before the verb at token ``at``, past its auxiliaries ("has also fallen")."""
    tokens = [t.lower() for t in written]
    while at > 0 and (tokens[at - 1] in _VERBS or tokens[at - 1] in _AUXILIARIES):
        at -= 1
    phrase: list[str] = []
    for i in range(at - 1, max(-1, at - 1 - _PHRASE_WORDS), -1):
        if tokens[i] == "," or tokens[i] in _NOT_QUALIFIERS or tokens[i] in _VERBS:
            break
        phrase.insert(0, tokens[i] if _qualifies(written, i) or not phrase else "")
    if not phrase:
        return None
    return phrase[-1], frozenset(filter(None, phrase[:-1]))


def _qualifies(written: list[str], i: int) -> bool:
    """Whether a word of the phrase names a series: not a possessive ("the company's shares"), nor
    a name ("Orbix shares"), which the name checks compare, unless it opens the sentence ("Core")."""
    word = written[i]
    return not re.search(r"['’]s?$", word) and (word.islower() or i == 0)


def other_series(a: Series | None, b: Series | None) -> bool:
    """Whether two figures are of two series of one thing: one head, each qualified by words of its own.

    Examples:
        >>> other_series(("inflation", frozenset({"core"})), ("inflation", frozenset({"annual"})))
        True
        >>> other_series(("inflation", frozenset()), ("inflation", frozenset({"core"})))
        False
    """
    if a is None or b is None or a[0] != b[0]:
        return False
    return bool(a[1]) and bool(b[1]) and not a[1] & b[1]
