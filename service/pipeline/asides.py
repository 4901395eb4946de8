"""Asides: a clause set off by commas that says something of a name in passing ("The plant,
which opened in 1978, has had a fire before"), or one that adds another thing its subject did
("She was born in Pécs, and moved to Gothenburg in 1957").

Its numbers and dates are of its own event, not of the sentence's, so the consistency checker
leaves them out when the claim is about the rest of the sentence: "There was a previous fire at
the plant in 2011" is not contradicted by 1978, the year the plant opened. An aside the claim
shares a word with ("The plant opened in 1975") is compared as before, and so is one when the
claim shares no word with the rest of the sentence either, since then nothing says which of the
two the claim is about. "Ilse Roe was born in 1949" is not contradicted by the year she moved.

So are an encyclopedia's life dates after a name ("Dame Margaret Ellison (born 14 March 1958) is
a British marine biologist"), for a claim that says nothing of birth, death or age: the stance
model read 1958 against "Margaret Ellison was made a Dame in 2019" as a contradiction (0.82, and
0.12 without the brackets, bench/sixteenth), so ``without_life_dates`` cuts them from what it
reads too.
"""

from __future__ import annotations

import re

from service.pipeline.negation import IRREGULAR_BASE, content_stems

# ", which opened in 1978,", ", who was elected in 2019," up to the next comma or the end of the
# sentence; not "when" or "where" clauses, which often date the sentence's own event ("in 2011,
# when the company was sold").
_ASIDE = re.compile(r"(?P<head>[^\W\d_]+),\s+(?:which|who|whose)\b(?:\d,\d|[^,;:()\[\]])*?(?=,|[.;:!?](?:\s|$)|$)")


# ", and moved to Gothenburg in 1957", "; it was sold in 2012": another verb of the sentence's
# subject, or a clause of its own, up to the next semicolon or the end of the sentence.
_PAST = "|".join(sorted(IRREGULAR_BASE))
_ANOTHER_CLAUSE = re.compile(
    rf"(?P<head>)(?:,\s+and\s+(?:(?:then|later|also|subsequently|soon)\s+)?"
    rf"(?:[a-z]+ed|{_PAST}|it|he|she|they|was|were|had|has|have|is|are)\b|;\s)[^;]*?(?=;|[.!?](?:\s|$)|$)"
)


# "(born 14 March 1958)", "(née Hall; born 5 January 1946)", "(died 2 May 2020)".
_LIFE_DATES = re.compile(r"\s*\((?:[^()]*;\s*)?(?:born|b\.|died|d\.)\s[^()]*\)", re.IGNORECASE)
_ABOUT_LIFE = re.compile(
    r"\b(?:born|birth\w*|died|dies|death|dead|killed|murdered|assassinated|age[ds]?|old|older|oldest|young\w*)\b",
    re.IGNORECASE,
)


def asides(claim: str, passage: str) -> list[tuple[int, int]]:
    """The spans of ``passage``'s asides that the claim is not about (see the module docstring)."""
    wanted = content_stems(claim)
    out = life_dates(claim, passage)
    for match in [*_ASIDE.finditer(passage), *_ANOTHER_CLAUSE.finditer(passage)]:
        if _in_brackets(passage, match.start()):  # "(born Diane Hall; January 5, 1946)": no clause
            continue
        start, end = match.end("head"), match.end()
        rest = passage[: match.start("head")] + " " + passage[end:]
        if not wanted & content_stems(passage[start:end]) and wanted & content_stems(rest):
            out.append((start, end))
    return out


def life_dates(claim: str, text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s life dates in brackets after a name, when the claim says nothing of
    birth, death or age and shares a word with the rest of ``text``.

    Examples:
        >>> text = "Dame Ann Lee (born 14 March 1958) is a marine biologist."
        >>> [text[a:b] for a, b in life_dates("Ann Lee was made a Dame in 2019.", text)]
        [' (born 14 March 1958)']
        >>> life_dates("Ann Lee was born in 1962.", text)
        []
    """
    if _ABOUT_LIFE.search(claim):
        return []
    wanted = content_stems(claim)
    spans = [match.span() for match in _LIFE_DATES.finditer(text)]
    rest = _LIFE_DATES.sub(" ", text)
    return spans if spans and wanted & content_stems(rest) else []


def without_life_dates(claim: str, text: str) -> str:
    """``text`` without the life dates a claim that says nothing of birth, death or age is not about."""
    for start, end in reversed(life_dates(claim, text)):
        text = text[:start] + text[end:]
    return text


def _in_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")
