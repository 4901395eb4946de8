"""Asides: a clause set off by commas that says something of a name in passing ("The plant,
which opened in 1978, has had a fire before"), or one that adds another thing its subject did
("She was born in Pécs, and moved to Gothenburg in 1957").

Its numbers and dates are of its own event, not of the sentence's, so the consistency checker
leaves them out when the claim is about the rest of the sentence: "There was a previous fire at
the plant in 2011" is not contradicted by 1978, the year the plant opened. An aside the claim
shares a word with ("The plant opened in 1975") is compared as before, and so is one when the
claim shares no word with the rest of the sentence either, since then nothing says which of the
two the claim is about. "Ilse Roe was born in 1949" is not contradicted by the year she moved.
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


def asides(claim: str, passage: str) -> list[tuple[int, int]]:
    """The spans of ``passage``'s asides that the claim is not about (see the module docstring)."""
    wanted = content_stems(claim)
    out = []
    for match in [*_ASIDE.finditer(passage), *_ANOTHER_CLAUSE.finditer(passage)]:
        if _in_brackets(passage, match.start()):  # "(born Diane Hall; January 5, 1946)": no clause
            continue
        start, end = match.end("head"), match.end()
        rest = passage[: match.start("head")] + " " + passage[end:]
        if not wanted & content_stems(passage[start:end]) and wanted & content_stems(rest):
            out.append((start, end))
    return out


def _in_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")
