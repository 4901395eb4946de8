"""Order: a passage that puts the claim's event on the other side of the same other event.

"Martin Cole resigned after the inspection report was published" is refuted by "The head teacher,
Martin Cole, resigned in October, before the report was published", which the stance model read
as neutral (bench/thirtysecond). The checker finds "before" or "after" in the claim with the
event it follows (the last content word before it: "resigned") and what it is set against (the
content words after it, to the end of its clause: "inspection report published"), and the other
word in the passage, its sentence giving the same event before it and its clause at least
``SHARED_WORDS`` of what the claim's sets it against. "after 2020" or "before Christmas" are left
to the date checks.
"""

from __future__ import annotations

import re

from service.pipeline.negation import content_stem_list, content_stems

_ORDER = re.compile(r"\b(before|after)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?()\[\]]|,\s|\bbut\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")
# What the claim's event is set against must be said of at least this many of its content words.
SHARED_WORDS = 2


def opposite_order(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's order word and the passage's opposite one, when both set the same event against
    the same other event, or None.

    Examples:
        >>> opposite_order("Cole resigned after the report was published.",
        ...                "Cole resigned in October, before the report was published.")
        ('after', 'before')
        >>> print(opposite_order("Cole resigned after the report was published.",
        ...                      "Cole was praised before the report was published."))
        None
    """
    for cue in _ORDER.finditer(claim):
        event = content_stem_list(_sentence_before(claim, cue.start()), bases=True)[-1:]
        against = content_stems(_clause_after(claim, cue.end()), bases=True)
        if not event or len(against) < SHARED_WORDS:
            continue
        for other in _ORDER.finditer(passage):
            if other.group(1).lower() == cue.group(1).lower():
                continue
            said = content_stems(_clause_after(passage, other.end()), bases=True)
            before = content_stems(_sentence_before(passage, other.start()), bases=True)
            if event[0] in before and len(against & said) >= SHARED_WORDS:
                return cue.group(1).lower(), other.group(1).lower()
    return None


def _clause_after(text: str, start: int) -> str:
    end = _CLAUSE_END.search(text, start)
    return text[start : end.start() if end else len(text)]


def _sentence_before(text: str, end: int) -> str:
    starts = [match.end() for match in _SENTENCE_END.finditer(text, 0, end)]
    return text[starts[-1] if starts else 0 : end]
