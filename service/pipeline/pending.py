"""What has not happened yet says nothing against what will: "The cubs have not yet been named."
is what an article says before "A public vote will choose the cubs' names", not against it.

The stance model reads the "not" and refuted that claim at 0.75 from it, over the sentence that
says the vote will open (bench/twentysixth). A passage that says only that something has not
happened yet ("not yet", "yet to", "has not been named yet", "still to be") takes no side on a
claim of what will happen or is planned ("will", "is to", "is due to", "plans to"). A passage that
goes on to say what will happen ("has not been named yet but will be by Friday") is left to the
model, as is a claim of what has happened ("The cubs have been named"), which "not yet" denies.
"""

from __future__ import annotations

import re

PENDING_ONLY = "not yet happened: a passage that says only what has not happened yet, for a claim of what will"
_NOT_YET = re.compile(
    r"\b(?:(?:not|never)\b|\w+n['’]t\b)[^.,;:!?]{0,40}?\byet\b|\byet\s+to\b|\bstill\s+to\s+be\b", re.I
)
_TO_COME = re.compile(
    r"\b(?:will|shall|going\s+to|(?:is|are|was|were)\s+(?:due\s+|set\s+|expected\s+|scheduled\s+)?to"
    r"|plans?\s+to|planned\s+to|intends?\s+to)\b|\w['’]ll\b",
    re.I,
)


def says_only_not_yet(claim: str, passage: str) -> bool:
    """Whether ``passage`` says only that something has not happened yet and ``claim`` says what
    will happen.

    Examples:
        >>> says_only_not_yet("A public vote will choose the cubs' names.", "The cubs have not yet been named.")
        True
        >>> says_only_not_yet("The cubs have been named.", "The cubs have not yet been named.")
        False
        >>> says_only_not_yet("The cubs will be named.", "They have not been named yet but will be soon.")
        False
    """
    return bool(_NOT_YET.search(passage)) and not _TO_COME.search(passage) and bool(_TO_COME.search(claim))
