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

So is the year in brackets after a name the claim does not name, when it names another that has
one: in "Winter Ferry (1931) and The Red Boathouse (1934)" 1931 is Winter Ferry's, and says nothing
for "The Red Boathouse was painted in 1931" (bench/twentieth).
"""

from __future__ import annotations

import re

from service.pipeline.names import PassageWords
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
    out = life_dates(claim, passage) + years_of_other_names(claim, passage) + _other_half(wanted, passage)
    for match in [*_ASIDE.finditer(passage), *_ANOTHER_CLAUSE.finditer(passage)]:
        if _in_brackets(passage, match.start()):  # "(born Diane Hall; January 5, 1946)": no clause
            continue
        start, end = match.end("head"), match.end()
        rest = passage[: match.start("head")] + " " + passage[end:]
        if not wanted & content_stems(passage[start:end]) and wanted & content_stems(rest):
            out.append((start, end))
    return out


# "Winter Ferry (1931) and The Red Boathouse (1934)", "Jaws (1975)": a work and the year it was
# made, or a thing and its year; each year is of its own name, so one the claim names is compared
# only with its own ("The Red Boathouse was painted in 1931" against 1934, not 1931).
_DATED_NAME = re.compile(
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|the|[A-Z][\w'’-]*)){0,6})\s*\((?:c\.\s*)?(?:1[0-9]|20)\d\d\)"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


# ", and the first homes could be ready by late 2028": a second clause with a subject of its own
# and its verb (not the last item of a list, ", and a trilogy of films")
_SECOND_CLAUSE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?=(?:the|a|an|its|his|her|their|this|these|those)\s+(?:[a-z][\w'-]*\s+){0,3}"
    r"(?:is|are|was|were|will|would|could|can|may|might|must|should|has|have|had|did|does|[a-z]+ed)\b)"
)


def _other_half(wanted: set[str], passage: str) -> list[tuple[int, int]]:
    """The half of a sentence of two clauses, each with its own subject, that the claim shares no
    word with, when it shares one with the other: in "Building work is expected to start in 2027,
    and the first homes could be ready by late 2028" 2027 is not when the homes will be ready."""
    out = []
    for split in _SECOND_CLAUSE.finditer(passage):
        start = passage.rfind(". ", 0, split.start()) + 1
        end = found.start() if (found := _SENTENCE_END.search(passage, split.end())) else len(passage)
        halves = [(start, split.start()), (split.end(), end)]
        shared = [bool(wanted & content_stems(passage[a:b])) for a, b in halves]
        if shared.count(True) == 1:
            out.append(halves[shared.index(False)])
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


def years_of_other_names(claim: str, text: str) -> list[tuple[int, int]]:
    """The spans of the years in brackets after names in ``text`` that the claim does not name,
    when it names another that has one.

    Examples:
        >>> text = "The stolen works, Winter Ferry (1931) and The Red Boathouse (1934), are valued at £1.2m."
        >>> [text[a:b] for a, b in years_of_other_names("The Red Boathouse was painted in 1931.", text)]
        [' (1931)']
        >>> years_of_other_names("The stolen works were painted in the 1930s.", text)
        []
    """
    claimed = PassageWords.of(claim)
    dated = [(match, claimed.mention(_LEADING_ARTICLE.sub("", match["name"]))) for match in _DATED_NAME.finditer(text)]
    if not any(named for _, named in dated):
        return []
    return [(match.end("name"), match.end()) for match, named in dated if not named]


def without_life_dates(claim: str, text: str) -> str:
    """``text`` without the life dates a claim that says nothing of birth, death or age is not about."""
    for start, end in reversed(life_dates(claim, text)):
        text = text[:start] + text[end:]
    return text


def _in_brackets(text: str, at: int) -> bool:
    before = text[:at]
    return before.count("(") > before.count(")") or before.count("[") > before.count("]")
