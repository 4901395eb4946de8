"""Accounts: a profit in the claim against a loss in the passage, or the other way round.

A company's results come as a profit or a loss, and the stance model reads the words around them
as agreement: "Halden reported a pre-tax loss of £14 million last year" supported "Halden Foods
reported a pre-tax profit of £14 million last year" at 0.75 (bench/tenth). The checker finds a
profit word in one and a loss word in the other, each as a result (after an accounts word,
"pre-tax", "net", "operating", "annual", "quarterly", or before "of" and a sum), with the same
accounts word when both give one, in a passage that repeats one of the claim's other
content words and does not give the claim's result too ("a profit of £2 million after a loss of
£5 million" is left to the model), unless the claim says when its result was and the passage's
results of that time are all the other side: "Crumbwell made a loss of £8.2m last year, after a
profit of £1.5m the year before" entailed "Crumbwell made a profit last year" at 0.87
(bench/fortieth). A result made, reported or posted is one too ("made a profit last year"). "Loss
of life", "job losses" and "weight loss" are not results.
"""

from __future__ import annotations

import re

from service.pipeline.negation import content_stems

_QUALIFIER = (
    r"(?:pre-?tax|post-?tax|net|operating|underlying|gross|annual|full-year|half-year|interim|quarterly"
    r"|first-half|second-half|trading)"
)
_SUM = (
    r"of\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?"
    r"(?:(?:(?-i:[A-Z]{3})\s?|[$€£¥]\s?)\d|\d[\d,.]*\s*(?:million|billion|bn|mn|m|thousand)\b)"
)
_MADE = r"(?:made|makes|make|reported|reports|posted|posts|recorded|records|returned\s+to|swung\s+(?:in)?to)"
_RESULT = re.compile(
    rf"\b(?:(?P<qualifier>{_QUALIFIER})\s+(?P<word>profits?|loss(?:es)?)\b|(?P<bare>profits?|loss(?:es)?)\s+(?={_SUM})"
    rf"|{_MADE}\s+(?:an?\s+)?(?P<made>profits?|loss(?:es)?)(?![-\w]))",
    re.I,
)
# When a result was, in the words after it to its clause's end: "last year", "the year before", "in 2025".
_CLAUSE_END = re.compile(r",|;|\.(?!\d)|\b(?:after|against|compared|versus|up|down|from)\b", re.I)
_WHEN = re.compile(
    r"\b(?:(?:last|this|next|the\s+previous|the\s+prior)\s+(?:year|quarter|half|month)|the\s+(?:year|quarter|half)"
    r"\s+before|(?:a|one)\s+year\s+(?:earlier|before)|(?:19|20)\d\d|(?:first|second|third|fourth)\s+(?:quarter|half))\b",
    re.I,
)
_SIDES = {"profit": "profit", "profits": "profit", "loss": "loss", "losses": "loss"}
_RESULT_WORDS = frozenset(content_stems("profit profits loss losses pre-tax net operating"))
_SHARED_WORDS = 1


def opposite_result(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's result word and the passage's opposite one, or None (see the module docstring).

    Examples:
        >>> opposite_result("Halden made a pre-tax profit of £14 million last year.",
        ...                 "Halden reported a pre-tax loss of £14 million last year.")
        ('profit', 'loss')
        >>> opposite_result("Halden made a profit last year.", "Halden reported job losses last year.") is None
        True
    """
    claimed = _results(claim)
    found = _results(passage)
    if not claimed or not found or len({(s, q) for s, q, _ in claimed}) != 1:
        return None
    side, qualifier, when = claimed[0]
    if when and any(w == when for _, _, w in found):  # the passage's results of the claim's time
        found = [result for result in found if result[2] == when]
    if any(s == side for s, _, _ in found):
        return None
    opposite = [(s, q) for s, q, _ in found if not (qualifier and q and q != qualifier)]
    shared = (content_stems(claim) - _RESULT_WORDS) & content_stems(passage)
    if not opposite or len(shared) < _SHARED_WORDS:
        return None
    return side, opposite[0][0]


def _results(text: str) -> list[tuple[str, str, str]]:
    """Each result the text gives: its side (profit or loss), its accounts word and when it was
    (each "" if none)."""
    out = []
    for match in _RESULT.finditer(text):
        word = (match["word"] or match["bare"] or match["made"]).lower()
        qualifier = (match["qualifier"] or "").lower().replace("-", "")
        out.append((_SIDES[word], qualifier, _when(text, match.end())))
    return out


def _when(text: str, end: int) -> str:
    """The time phrase in the rest of a result's clause ("of £8.2m last year"), lower-cased."""
    rest = text[end:]
    rest = rest[: found.start()] if (found := _CLAUSE_END.search(rest)) else rest
    return " ".join(when.group(0).lower().split()) if (when := _WHEN.search(rest)) else ""
