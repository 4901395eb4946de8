"""Majorities: a claim that most said or did something against the share a passage gives.

Polls and surveys are reported as percentages ("Only 29% of those asked said the government was
doing a good job") and claimed in words ("Most people said the government was doing a good job").
The stance model entailed that claim at 0.77 (bench/thirtyfifth): it does not read 29% as fewer
than half. The checker reads a share in words, "most", "a majority of" or "more than half" (over
half) and "a minority of", "fewer than half" or "less than half" (under half), and a percentage
("29%", or in words: "one in three", "two-fifths") said of the same thing: the words after it,
to the end of its clause, repeat at least ``SHARED_SHARE`` of the content words after the claim's
(at least ``SHARED_WORDS``). "Most" counts at the start of a clause ("Most people said", "...,
most of them against", "made up most of"), not as an adjective's ("the most popular"). So does "all" against "all
but" some (``all_but_mismatch``).
"""

from __future__ import annotations

import re

from service.pipeline.direction_words import short_content_words
from service.pipeline.negation import content_stems
from service.pipeline.number_words import WORDS
from service.pipeline.shares import fraction_shares, rate_share

_OVER = "over half"
_UNDER = "under half"
_IN_WORDS = re.compile(
    r"(?:^|[,;:]\s+|\b(?:that|and|but|while|said|says|found|with)\s+"
    # ... or a share of a whole something makes up: "Vinyl made up most of Lanterns' sales" (bench/fiftysecond)
    r"|\b(?:made|make|makes|making)\s+up\s+|\b(?:accounted|accounts|account|accounting)\s+for\s+)"
    r"(?:(?P<over>most|(?:a|the)\s+majority|more\s+than\s+half|over\s+half)"
    r"|(?P<under>(?:a|the)\s+minority|(?:fewer|less)\s+than\s+half|under\s+half))\s+(?:of\s+)?",
    re.IGNORECASE,
)
_ALL = re.compile(r"\b(?:all|every)\b", re.IGNORECASE)
_ALL_BUT = re.compile(r"\ball\s+but\s+(?:about\s+|around\s+|some\s+)?(?:[\d,.]+|[a-z]+)", re.IGNORECASE)
# "two of its 11 recycling centres": some of a whole, not all of it
_PART_OF = re.compile(r"\b(\d[\d,]*|[a-z]+)\s+of\s+(?:its|their|the|his|her|our)\s+(\d[\d,]*)\b", re.IGNORECASE)
_NOUN_WORDS = 4
_RATE = re.compile(r"\b(?:\d+|[a-z]+)\s+in\s+(?:\d+|[a-z]+)\b", re.IGNORECASE)  # "one in three"
_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)
# A percentage after these words is a change or a rate, not a share of people ("rose by 5%", "to 4%").
_CHANGE_BEFORE = re.compile(r"\b(?:by|up|down|to|from|at|rose|fell|of\s+just|of\s+only|rate\s+of)\s+$", re.I)
_CLAUSE_END = re.compile(r"[.;:!?()]|,\s")
SHARED_WORDS = 2
SHARED_SHARE = 0.5


def majority_mismatch(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's share in words and the passage's percentage when they disagree, or None.

    Examples:
        >>> majority_mismatch("Most people said the government was doing a good job.",
        ...                   "Only 29% of those asked said the government was doing a good job.")
        ('most (over half)', '29%')
        >>> majority_mismatch("Most people said the government was doing a good job.",
        ...                   "In all, 61% said the government was doing a good job.") is None
        True
    """
    for match in _IN_WORDS.finditer(claim):
        side = _OVER if match.group("over") else _UNDER
        said = _words(_clause(claim, match.end()))
        if len(said) < SHARED_WORDS:
            continue
        percent = _share_of(passage, said)
        if percent is not None and (percent <= 50 if side == _OVER else percent >= 50):
            return f"{(match.group('over') or match.group('under')).lower()} ({side})", f"{round(percent, 1):g}%"
    return None


def _share_of(passage: str, said: set[str]) -> float | None:
    """The percentage of the passage said of most of ``said``: the one whose clause repeats most of
    it and adds least ("58% said it was doing a bad job" is the one for "a bad job", not "29% said
    the government was doing a good job")."""
    best, best_fit = None, float("-inf")
    for start, end, percent in _shares(passage):
        if _CHANGE_BEFORE.search(passage[max(0, start - 20) : start]):
            continue
        words = _words(_clause(passage, end))
        shared = len(said & words)
        if shared >= max(SHARED_WORDS, SHARED_SHARE * len(said)) and shared - len(words - said) > best_fit:
            best, best_fit = percent, shared - len(words - said)
    return best


def all_but_mismatch(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's "all" and the passage's "all but" some, or a part of a whole ("two of its 11"),
    said of the same thing: "By Tuesday
    evening power had been restored to all but 12,000 homes" entailed "Power had been restored to
    all homes by Tuesday evening" at 0.77 (bench/fortyfourth).

    Examples:
        >>> all_but_mismatch("Power was restored to all homes.", "Power was restored to all but 12,000 homes.")
        ('all', 'all but 12,000')
        >>> print(all_but_mismatch("Power was restored to most homes.", "Power was restored to all but 12,000 homes."))
        None
    """
    if not (every := _ALL.search(claim)) or _ALL_BUT.search(claim):
        return None
    said, of_all = _words(claim), _noun_after(claim, every.end())
    parts = [match for match in _PART_OF.finditer(passage) if _fewer(match.group(1), match.group(2))]
    for match in [*_ALL_BUT.finditer(passage), *parts]:
        sentence_start = max(passage.rfind(mark, 0, match.start()) for mark in (". ", "; ", "! ", "? "))
        words = _words(passage[sentence_start + 1 : match.start()] + " " + _clause(passage, match.end()))
        if len(said & words) >= SHARED_WORDS and of_all & _noun_after(passage, match.end()):
            return "all", " ".join(match.group(0).split())
    return None


def _noun_after(text: str, start: int) -> set[str]:
    """The content words of the few words after ``start`` ("of its recycling centres"): what all,
    or a part, is of."""
    return content_stems(" ".join(text[start:].split()[:_NOUN_WORDS]))


def _fewer(part: str, whole: str) -> bool:
    """Whether ``part`` ("two", "4") is a number below ``whole`` ("11")."""
    value = WORDS.get(part.lower()) if not part[0].isdigit() else float(part.replace(",", ""))
    return value is not None and value < float(whole.replace(",", ""))


def _shares(passage: str) -> list[tuple[int, int, float]]:
    """The passage's shares, where each starts and ends and its percentage: "29%", and in words,
    "one in three" (33.3%, bench/fortyfourth) and "two-fifths of" (``shares``)."""
    found = [(match.start(), match.end(), float(match.group(1))) for match in _PERCENT.finditer(passage)]
    for match in _RATE.finditer(passage):
        if (percent := rate_share(match.group(0))) is not None:
            found.append((match.start(), match.end(), percent))
    return found + fraction_shares(passage)


def _words(text: str) -> set[str]:
    """The content words of ``text``, with the short ones that decide a poll's answer ("bad", "yes")."""
    return content_stems(text) | set(short_content_words(re.findall(r"\b[a-z]{3}\b", text.lower())))


def _clause(text: str, start: int) -> str:
    end = _CLAUSE_END.search(text, start)
    return text[start : end.start() if end else len(text)]
