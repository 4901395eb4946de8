"""Corrections: what a page says it got wrong.

A correction repeats the error it corrects ("Correction: An earlier version of this article said
the plant employed 1,200 people and opened in 1978."; a live blog's "A correction: we reported
earlier that the bridge had collapsed. That was wrong."), and the stance model reads the repeated
error as the page's own statement: it supported "The plant employs 1,200 people" and "The plant
opened in 1978" from such a footer (bench/tenth). What the page says instead comes in its own
sentence ("It employs 900 people and opened in 1987."), which the model reads as any other.

So a withdrawn statement is read as what the page means by it, "It is false that the plant
employed 1,200 people and opened in 1978.", and only against a claim that repeats it: one that
shares at least half its content words and none of whose numbers or dates differ from it. Against
any other claim the sentence asserts nothing (``assertions``): "It is false that ... opened in
1978" contradicted "The plant opened in 1987" at 0.89 for the model, and the numbers and dates in
the error are not the page's.

A statement is withdrawn when the sentence says an earlier version said it ("an earlier version of
this article said", "a previous version of this story stated that"), when anyone is said to have
said it wrongly or falsely ("The article also wrongly said", "we incorrectly reported that", "the
senator falsely claimed that": the writer calls it false), or, in a sentence that opens as a
correction ("Correction:", "A correction:", "Clarification:"), when the writers say they
reported it ("we reported earlier that"). Outside a correction, "As we reported earlier, ..." and
"we reported that ..." stand by what they report.
"""

from __future__ import annotations

import re

_WRONGLY = r"(?:incorrectly|wrongly|mistakenly|erroneously|falsely|inaccurately)"
_SAID = r"(?:said|stated|reported|claimed|wrote|suggested|implied)"
_PIECE = r"(?:article|story|report|piece|post|page|headline|caption|blog|item|video)"
_WHEN = r"(?:(?:also|previously|originally|earlier|had)\s+)*"
_EARLIER_VERSION = (
    rf"(?:an?|the)\s+(?:earlier|previous|prior|original)\s+(?:version|edition|draft)\s+of\s+(?:this|the|our)\s+{_PIECE}"
)
# What is said follows "that", or directly, not a preposition ("wrongly reported to have died").
_THAT = r"(?:\s+earlier)?(?:\s+that\s+|\s+(?!(?:to|by|as|about|of|for|in|on|at|with|so)\b))"
_WITHDRAWN = re.compile(
    rf"\b(?:{_EARLIER_VERSION}\s+{_WHEN}(?:{_WRONGLY}\s+)?|{_WRONGLY}\s+{_WHEN}){_SAID}{_THAT}", re.I
)
# In a correction, the writers' own report is the error: "A correction: we reported earlier that ..."
_CORRECTION_OPENS = re.compile(r"^\W*(?:an?\s+)?(?:correction|clarification)\b[^:]{0,40}:", re.I)
_WE_REPORTED = re.compile(rf"\bwe\s+{_WHEN}{_SAID}{_THAT}", re.I)
# Where the error ends: its sentence's end, a semicolon, or a clause that sets it against the truth.
# A trailing attribution (", critics said") is not part of it either.
_ERROR_END = re.compile(
    r"\s*(?:[;:–—]|[.!?](?=\s+[\"“‘']?[A-Z])|,\s*(?:rather than|instead of|not|when|but|while|whereas)\b"
    r"|,\s*(?:[\w'’]+\s+){1,3}(?:said|says|claimed|claims|argued|argues|wrote)\b|[.!]?\s*$)",
    re.I,
)
_WORDS = 3  # fewer words than this are not a statement ("said so")


def withdrawn(passage: str) -> str | None:
    """The statement ``passage`` says the page got wrong, or None (see the module docstring).

    Examples:
        >>> withdrawn("Correction: An earlier version of this article said the plant employed 1,200 people.")
        'the plant employed 1,200 people'
        >>> withdrawn("The article also wrongly said production would move to Scotland; it moves to Corby.")
        'production would move to Scotland'
        >>> withdrawn("A correction: we reported earlier that the Calder bridge had collapsed.")
        'the Calder bridge had collapsed'
        >>> withdrawn("As we reported earlier, the bridge is closed.") is None
        True
    """
    found = _WITHDRAWN.search(passage)
    if found is None and _CORRECTION_OPENS.match(passage):
        found = _WE_REPORTED.search(passage)
    if found is None:
        return None
    rest = passage[found.end() :]
    end = _ERROR_END.search(rest)
    error = rest[: end.start() if end else len(rest)].strip()
    return error if len(error.split()) >= _WORDS else None


def withdrawn_statement(passage: str) -> str | None:
    """What the page means by a withdrawn statement, for the stance model to read; None when
    ``passage`` withdraws none.

    Examples:
        >>> withdrawn_statement("An earlier version of this story stated that the mayor resigned in 2019.")
        'It is false that the mayor resigned in 2019.'
    """
    error = withdrawn(passage)
    return f"It is false that {error}." if error else None
