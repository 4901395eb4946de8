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

And a claim that one name has more of something than another ("Elin Lindgren receives more prize
money than Adaeze Okafor") is flagged against a sentence that gives each of the two its figure in a
clause of its own, the other way round ("She takes home £210,000 in prize money, while Lindgren
receives £112,000", after a sentence naming Okafor: entailed at 0.86, bench/fortyseventh). A
clause's side is the first name it gives, or, where it opens with a pronoun, the one of the claim's
two names that the passage lacks and the sentences it is read after give (``stand_ins``); the
figures must be of one kind (both sums of one currency, both percentages, or both counts of the
same word).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from service.pipeline.negation import content_stems
from service.pipeline.number_words import plain_value
from service.pipeline.roles import name_words, same_name

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
_NAME = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
_MORE = "more|higher|greater|larger|bigger"
_LESS = "less|fewer|lower|smaller"
# "Lindgren receives more prize money than Okafor": a name, up to four words, the comparative, to "than" and a name.
_CLAIMED_MORE = re.compile(
    rf"(?<![\w'’])(?P<a>{_NAME})\s+(?:[\w'’-]+\s+){{0,4}}?(?P<word>(?P<more>{_MORE})|{_LESS})\b[^.;!?]*?\bthan\s+"
    rf"(?:the\s+)?(?P<b>{_NAME})"
)
# A sentence's two clauses set side by side: "..., while ...", "... but ...", "...; ...".
_SIDE_BY_SIDE = re.compile(r",?\s+(?:while|whereas|but|against|compared\s+with)\s+|;\s+")
_OPENING = re.compile(rf"\W*(?:(?P<pronoun>(?i:he|she|it|they))\b|(?P<name>{_NAME}))")
_FIGURE = re.compile(
    r"(?P<currency>[$€£])?(?P<number>\d[\d,]*(?:\.\d+)?)(?:\s*(?P<scale>bn|billion|m|million|k|thousand)\b)?"
    r"(?P<percent>%|\s+per\s*cent)?(?:\s+(?P<noun>[a-z]+))?"
)
_TALLY = re.compile(
    rf"(?P<a>{_NAME})\s+(?:[a-z]+\s+){{1,2}}?(?P<n>\d+|[a-z]+)\s+[a-z]+\s+to\s+(?:the\s+)?(?P<b>{_NAME})['’]s?\s+"
    r"(?P<m>\d+|[a-z]+)\b"
)
_SCALE = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}


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


def reversed_comparison(claim: str, passage: str, stand_ins: Collection[str] = ()) -> tuple[str, str] | None:
    """The claim's comparison and the passage's two figures when the claim says one name has more
    (or less) of something than another and the passage gives them figures the other way round;
    ``stand_ins``: the claim's names the passage lacks and its context gives, which a pronoun may
    stand for (see the module docstring).

    Examples:
        >>> reversed_comparison("Lindgren receives more prize money than Okafor.",
        ...                     "Okafor takes home £210,000, while Lindgren receives £112,000.")
        ('more than Okafor', '£112,000 (Lindgren) against £210,000 (Okafor)')
        >>> print(reversed_comparison("Okafor receives more prize money than Lindgren.",
        ...                           "Okafor takes home £210,000, while Lindgren receives £112,000."))
        None
    """
    for compared in _CLAIMED_MORE.finditer(claim):
        sides = (name_words(compared.group("a")), name_words(compared.group("b")))
        if not all(sides) or sides[0] & sides[1]:
            continue
        given = _sides_given(passage, sides, [name_words(name) for name in stand_ins])
        if given is None:
            continue
        (first, first_said), (second, second_said) = given
        if first != second and (first > second) != bool(compared.group("more")):
            claimed = f"{compared.group('word')} than {compared.group('b')}"
            return claimed, f"{first_said} against {second_said}"
    return None


def _sides_given(
    passage: str, sides: tuple[frozenset[str], frozenset[str]], stand_ins: list[frozenset[str]]
) -> tuple[tuple[float, str], tuple[float, str]] | None:
    """The figure the passage gives each of the claim's two ``sides`` in a clause of its own, each
    with how it is shown, or None unless it gives both, of one kind."""
    if tally := _tally(passage, sides):
        return tally
    clauses = _SIDE_BY_SIDE.split(passage)
    if len(clauses) != 2:
        return None
    given: dict[int, tuple[float, str, tuple[str | None, ...]]] = {}
    for clause in clauses:
        opening, figure = _OPENING.match(clause), _FIGURE.search(clause)
        if opening is None or figure is None:
            return None
        side = _side(opening, sides, stand_ins)
        if side is None or side in given:
            return None
        value = float(figure.group("number").replace(",", "")) * _SCALE.get(figure.group("scale") or "", 1.0)
        shown = clause[figure.start() : max(figure.end(g) for g in ("number", "scale", "percent"))]
        given[side] = (value, f"{shown.strip()} ({opening.group().strip()})", _kind(figure))
    if given[0][2] != given[1][2]:
        return None
    return (given[0][0], given[0][1]), (given[1][0], given[1][1])


def _tally(
    passage: str, sides: tuple[frozenset[str], frozenset[str]]
) -> tuple[tuple[float, str], tuple[float, str]] | None:
    """The two figures of a tally set against each other: "Wales scored three tries to Scotland's
    one" (bench/fiftyfirst)."""
    for match in _TALLY.finditer(passage):
        first, second = plain_value(match.group("n")), plain_value(match.group("m"))
        names = (name_words(match.group("a")), name_words(match.group("b")))
        if first is None or second is None:
            continue
        shown = (f"{match.group('n')} ({match.group('a')})", f"{match.group('m')} ({match.group('b')})")
        if _met(names[0], sides[0]) and _met(names[1], sides[1]):
            return (first, shown[0]), (second, shown[1])
        if _met(names[0], sides[1]) and _met(names[1], sides[0]):
            return (second, shown[1]), (first, shown[0])
    return None


def _kind(figure: re.Match[str]) -> tuple[str | None, ...]:
    """What a figure counts: its currency, a percentage, or else the word after it."""
    if figure.group("currency") or figure.group("percent"):
        return figure.group("currency"), figure.group("percent") and "%"
    return None, figure.group("noun")


def _side(opening: re.Match[str], sides: tuple[frozenset[str], ...], stand_ins: list[frozenset[str]]) -> int | None:
    """Which of the claim's sides a clause's opening names: a name meeting one, or a pronoun for the one stand-in."""
    if opening.group("pronoun"):
        standing = [i for i, side in enumerate(sides) if any(side == name for name in stand_ins)]
        return standing[0] if len(standing) == 1 else None
    words = name_words(opening.group("name"))
    meets = [i for i, side in enumerate(sides) if _met(words, side)]
    return meets[0] if len(meets) == 1 else None


def _met(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two names both given and one (``roles.same_name``)."""
    return bool(a) and bool(b) and same_name(a, b)
