"""Fact-check ratings: a claim a fact-check quotes, with the rating it gives it on the next line.

Fact-checkers set out what they check as a heading, a quotation or a "Claim:" line, and rate it
on the line below ("Verdict: False", "Rating: Mostly true", "Our ruling: Pants on Fire!"). The
quoted claim alone asserts nothing (``assertions``), and the rating alone is too short to be a
passage, so the cleaner keeps the two lines in one block and the splitter in one passage, and the
stance model reads the pair as the sentence it means: "It is false that cracking your knuckles
causes arthritis." (contradiction 0.88 against "Cracking your knuckles causes arthritis", where
the quoted heading alone read as entailment 0.92). Ratings in between ("Half true", "Mixture",
"Unproven") are not read: whether the checker leans one way is not in the word.
"""

from __future__ import annotations

import re

# The labels a rating line opens with, and the ratings read, each with the words the stance model
# reads before the claim.
_LABEL = r"(?:(?:our |the |claim |truth )?(?:verdict|rating|ruling)|conclusion|fact[- ]?check)"
_SAYS = {
    "false": "It is false that",
    "mostly false": "It is mostly false that",
    "fake": "It is false that",
    "wrong": "It is false that",
    "incorrect": "It is false that",
    "inaccurate": "It is false that",
    "pants on fire": "It is false that",
    "misleading": "It is misleading to say that",
    "true": "It is true that",
    "mostly true": "It is mostly true that",
    "correct": "It is true that",
    "accurate": "It is true that",
}
_RATING_LINE = re.compile(
    rf"^{_LABEL}\s*[:\-–—]\s*(?P<rating>{'|'.join(sorted(_SAYS, key=len, reverse=True))})\s*[.!]?$", re.I
)
# What a fact-check writes before the claim it checks ("Claim: ...", "The claim: ...", "Myth: ...").
CLAIM_LABEL = re.compile(r"^(?:the |viral |what was )?(?:claim(?:ed)?|myth|rumou?r)\s*:\s*", re.I)
# A list item's mark: "2. ", "- ".
LIST_MARK = re.compile(r"^(?:\d{1,2}[.)]|[-•*])\s+")
_QUOTES = "\"'“”‘’"
_TRUE = ("It is true", "It is mostly true")


def is_rating(line: str) -> bool:
    """Whether ``line`` is a fact-check's rating ("Verdict: False", "Rating: Mostly true").

    Examples:
        >>> is_rating("Verdict: False"), is_rating("Our ruling: Pants on Fire!"), is_rating("Verdict: Half true")
        (True, True, False)
    """
    return _RATING_LINE.match(line.strip()) is not None


def refuting_rating(passage: str) -> str | None:
    """The rating line of a rated claim the checker finds false or misleading, else None.

    Examples:
        >>> refuting_rating('"Coffee dehydrates you"\\nVerdict: False')
        'Verdict: False'
        >>> refuting_rating('"Coffee hydrates you"\\nVerdict: True') is None
        True
    """
    rated = _rated(passage)
    if rated is None or _SAYS[rated[1]].startswith(_TRUE):
        return None
    return passage.strip().rpartition("\n")[2].strip()


def rated_statement(passage: str) -> str | None:
    """What a rated claim says ("It is false that coffee dehydrates you."): ``passage`` is a claim
    line with a rating line after it, as the splitter keeps them; None for any other passage.

    Examples:
        >>> rated_statement('2. "Coffee dehydrates you"\\nVerdict: False')
        'It is false that Coffee dehydrates you.'
        >>> rated_statement("Claim: 5G masts spread the virus.\\nRating: Mostly true")
        'It is mostly true that 5G masts spread the virus.'
        >>> rated_statement("Coffee dehydrates you.") is None
        True
    """
    rated = _rated(passage)
    return f"{_SAYS[rated[1]]} {rated[0]}." if rated else None


def _rated(passage: str) -> tuple[str, str] | None:
    """The claim a passage sets out and the rating (lower case) on the line under it, or None."""
    claim, _, last = passage.strip().rpartition("\n")
    rating = _RATING_LINE.match(last.strip())
    said = CLAIM_LABEL.sub("", LIST_MARK.sub("", claim.strip())).strip().strip(_QUOTES).strip().rstrip(".")
    return (said, rating["rating"].lower()) if rating and said else None
