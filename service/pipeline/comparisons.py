"""Comparisons: a figure a passage gives for one group, claimed for the group it is set against.

Trials, polls and surveys give two figures in one sentence, the second for another group: "those
taking Calvexa had on average 4.2 fewer migraine days a month, against 1.9 fewer for those given a
dummy pill". The number checker finds the claim's 4.2 in it and the stance model entailed
"Patients given a dummy pill had 4.2 fewer migraine days a month" at 0.87 (bench/thirtysixth):
both miss whose figure it is. The checker reads the second figure's group, the words after "for",
"among" or "of" to the end of its clause, and flags a claim that gives the first figure and names
that group (at least ``GROUP_WORDS`` of its content words, all of them when it has fewer), and not
the second figure, nor the words that open the first figure's clause.
"""

from __future__ import annotations

import re

from service.pipeline.negation import content_stems

_NUMBER = r"[$€£]?\d[\d,]*(?:\.\d+)?"
_COMPARED = re.compile(
    rf"(?<![\w.,])(?P<first>{_NUMBER})(?![\d])[^.;!?\d]*?,\s*(?:against|compared\s+(?:with|to)|versus|vs\.?)\s+"
    rf"(?P<second>{_NUMBER})(?P<between>[^.;!?,]*?)\b(?P<to>for|among|of)\s+(?P<group>[^.;!?,]+)"
)
_CLAIM_NUMBER = re.compile(rf"(?<![\w.,]){_NUMBER}")
GROUP_WORDS = 2


def other_groups_figure(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's figure and the passage's for the group the claim names, when the claim gives
    that group the figure the passage gives the group it is set against; else None.

    Examples:
        >>> trial = "Those taking Calvexa had 4.2 fewer migraine days, against 1.9 fewer for those given a dummy pill."
        >>> other_groups_figure("Patients given a dummy pill had 4.2 fewer migraine days a month.", trial)
        ('4.2', '1.9 (for those given a dummy pill)')
        >>> print(other_groups_figure("Patients taking Calvexa had 4.2 fewer migraine days.", trial))
        None
    """
    claimed = {_value(number) for number in _CLAIM_NUMBER.findall(claim)}
    words = content_stems(claim)
    for match in _COMPARED.finditer(passage):
        first, second = _value(match.group("first")), _value(match.group("second"))
        group = content_stems(match.group("group"))
        if first == second or first not in claimed or second in claimed or not group:
            continue
        if len(group & words) >= min(GROUP_WORDS, len(group)) and not (_first_group(passage, match, group) & words):
            return match.group("first"), f"{match.group('second')} ({match.group('to')} {match.group('group').strip()})"
    return None


def _first_group(passage: str, match: re.Match[str], second: set[str]) -> set[str]:
    """The words that open the first figure's clause ("those taking Calvexa had on average"), less
    the second group's (``second``): a claim that names them sets the two groups side by side itself."""
    opening = passage[: match.start()]
    opening = opening[max(opening.rfind(mark) for mark in (", ", ". ", "; ")) + 1 :]
    return content_stems(opening) - second


def _value(number: str) -> str:
    return number.lstrip("$€£").replace(",", "")
