"""Comparisons: a figure a passage gives for one group, claimed for the group it is set against.

Trials, polls and surveys give two figures in one sentence, the second for another group: "those
taking Calvexa had on average 4.2 fewer migraine days a month, against 1.9 fewer for those given a
dummy pill". The number checker finds the claim's 4.2 in it and the stance model entailed
"Patients given a dummy pill had 4.2 fewer migraine days a month" at 0.87 (bench/thirtysixth):
both miss whose figure it is. The checker reads the second figure's group, the words after "for",
"among" or "of" to the end of its clause, and flags a claim that gives the first figure and names
that group (at least ``GROUP_WORDS`` of its content words, all of them when it has fewer), and not
the second figure, nor the words that open the first figure's clause.

So does a list that gives each of its members a figure in a clause of its own ("paid for by the
National Lottery Heritage Fund, which gave £14m, the city council, which gave £7m, and private
donors"): the model entailed "Kelford city council gave £14m" at 0.83 (bench/fortyfirst). A claim
that names one member (``GROUP_WORDS`` of its words, as above), and none of another's, and gives it
the other's figure with the same verb is flagged.
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
# "the city council, which gave £7m": a member (the last few words before the comma, after a
# clause break or "by"), its verb and its figure with a scale word.
_MEMBER = re.compile(
    rf"(?:^|[,;:]\s*|\b(?:by|from|and)\s+)(?P<group>(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+),\s+(?:which|who)\s+"
    rf"(?P<verb>[a-z]+)\s+(?P<figure>{_NUMBER}(?:\s*(?:m|bn|k|million|billion|%)\b)?)"
)
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


def other_members_figure(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's figure and the passage's for the list member the claim names, when the claim
    gives it another member's figure (see the module docstring); else None.

    Examples:
        >>> funders = "Paid for by the Heritage Fund, which gave £14m, the city council, which gave £7m, and donors."
        >>> other_members_figure("Kelford city council gave £14m towards the work.", funders)
        ('£14m', '£7m (the city council)')
        >>> print(other_members_figure("The Heritage Fund gave £14m.", funders))
        None
    """
    members = [(m.group("group"), m.group("verb"), m.group("figure")) for m in _MEMBER.finditer(passage)]
    if len(members) < 2:
        return None
    words = content_stems(claim)
    claimed = {_value(number) for number in _CLAIM_NUMBER.findall(claim)}
    said = set(re.findall(r"[a-z]+", claim.lower()))
    for group, verb, figure in members:
        if verb not in said or not _names(words, content_stems(group)) or _figure_value(figure) in claimed:
            continue
        for other, other_verb, other_figure in members:
            if (
                other_verb == verb
                and _figure_value(other_figure) in claimed
                and not _names(words, content_stems(other))
            ):
                return other_figure, f"{figure} ({group})"
    return None


def _figure_value(figure: str) -> str:
    return _value(_CLAIM_NUMBER.findall(figure)[0])


def _names(words: set[str], group: set[str]) -> bool:
    """Whether a claim's content words name a group: ``GROUP_WORDS`` of its words, all when it has fewer."""
    return bool(group) and len(group & words) >= min(GROUP_WORDS, len(group))


def _first_group(passage: str, match: re.Match[str], second: set[str]) -> set[str]:
    """The words that open the first figure's clause ("those taking Calvexa had on average"), less
    the second group's (``second``): a claim that names them sets the two groups side by side itself."""
    opening = passage[: match.start()]
    opening = opening[max(opening.rfind(mark) for mark in (", ", ". ", "; ")) + 1 :]
    return content_stems(opening) - second


def _value(number: str) -> str:
    return number.lstrip("$€£").replace(",", "")
