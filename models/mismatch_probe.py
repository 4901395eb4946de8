"""Counterfactual dev pairs that show what acting on a number or date mismatch, a direction, swapped
roles or a negation fixes.

The NLI and fact-verification dev sets rarely pair a claim with a passage that gives another count
of the same thing, so the plain dev ablation measures what acting on mismatches costs (passages the
checker flags wrongly) but hardly what it fixes. The probe supplies the missing case, the one NLI
models are weakest at: every dev entailment pair whose hypothesis repeats a number (or year) of its
premise yields one pair with that number changed by one in the hypothesis, gold contradiction
("Two men are sitting on crates" / "Three men are relaxing"), unless it is a bound or a rough
value ("more than 30"), which one more or less does not contradict; one that repeats the month of a date
("born on May 27", "in March 2019") yields one with the next month instead. The numbers and dates
are found here with their own patterns, not the checker's, so the probe also measures how many of
them the checker notices.

The direction probe swaps a word of direction that the hypothesis shares with its premise for its
opposite ("rose" to "fell", "highest" to "lowest", "convicted" to "acquitted"), gold contradiction:
the case of news that says a figure moved, or a verdict went, the other way (sets whose entailment
is stance or likelihood are left out, as below). Its word pairs are its own, not the checker's, so
some swaps say nothing of a direction ("Derrick Rose", "grew up"): a checker that flags those is
reading too much.

The roles probe trades the two names of a clause in which one names another's action ("Conway
endorsed Ted Cruz", "Apple was founded by Steve Jobs"): the passage is the premise, the claim that
clause with the names the other way round ("Ted Cruz endorsed Conway."), gold contradiction: the case
of news that gets wrong who beat, sued or bought whom. Since the dev sets hold few such clauses,
the premise of every dev pair of a set whose entailment means truth is used once, whatever the
pair's label (the premise is a true passage either way). Its clause pattern is its own, not the
checker's, so the probe also measures how many of them the checker reads.

The negation probe turns an entailment pair (P, H) around: the passage is H negated after its first
auxiliary ("A man is not playing a guitar"), the claim is P. If P entails H, a passage saying H is
false contradicts P, so the pair is a gold contradiction in which the passage denies the claim in
the claim's own words, as news does ("has not had a single call"). Only premises up to
``_MAX_CLAIM_WORDS`` words become claims: longer ones are paragraphs, not claims. Sets whose
"entailment" is stance or likelihood rather than truth (``_LOOSE_ENTAILMENT``, per
../shared/datasets/README.md) are left out: a perspective that argues for a claim does not make it
true, so negating one does not contradict the claim.
"""

from __future__ import annotations

import re

from models.stance_data import LABEL_IDS, Pair
from service.pipeline.dates import MONTHS, WEEKDAYS

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
# Small whole numbers, as digits or words; digits inside a decimal, a thousands group or a word, or
# hyphenated to one ("COVID-19", "SARS-CoV-2": names, not counts), are not one.
_COUNT = re.compile(r"(?<![\w.,-])(\d{1,3})(?![\w]|[.,]\d)|\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_YEAR = re.compile(r"(?<![\w.,-])(1[89]\d\d|20\d\d)(?![\w]|[.,]\d)")
_MONTH_NAME = "(" + "|".join(MONTHS) + r")\b"
# A month beside a day or a year: "May 27", "May 2019", "27 May", "27th of May"; or after a word that
# makes it one: "in May", "during May", "in mid-May".
_AFTER_MONTH_WORD = (
    "|".join(rf"(?<=\b{word} )" for lower in ("in", "during", "early", "late") for word in (lower, lower.capitalize()))
    + r"|(?<=\bmid-)"
)
_DATE_MONTH = re.compile(
    rf"\b{_MONTH_NAME}(?=,?\s+\d)|(?<=\d )(?<!\d\d\d\d ){_MONTH_NAME}|(?<=\d[a-z][a-z] )(?:of\s+)?{_MONTH_NAME}"
    rf"|(?:{_AFTER_MONTH_WORD}){_MONTH_NAME}(?!['’]s)"
)
_BESIDE_MONTH = re.compile(rf"{_MONTH_NAME}\s+$|^(?:\w\w)?\s+(?:of\s+)?{_MONTH_NAME}")
# A bound or a rough number ("more than 30", "about 40") still holds one more or less: no probe.
_ROUGH = re.compile(
    r"\b(?:more|less|fewer) than\s*$|\b(?:over|under|at least|up to|about|around|nearly|almost|roughly|"
    r"approximately|some|exceeding|maybe)\s*[$€£]?\s*$",
    re.I,
)
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|must|may|might|does|do|did)\b", re.I
)
_NEGATED = re.compile(r"\b(?:not|never|no)\b|n't\b", re.I)
_MAX_CLAIM_WORDS = 40
_LOOSE_ENTAILMENT = ("perspectrum", "fnc1", "joci", "liarplus")
_OPPOSITES = (
    "rose:fell rise:fall rises:falls risen:fallen rising:falling increased:decreased increase:decrease "
    "increases:decreases increasing:decreasing grew:shrank higher:lower highest:lowest raised:lowered "
    "improved:worsened improves:worsens strengthened:weakened convicted:acquitted"
)
_OPPOSITE = {a: b for pair in _OPPOSITES.split() for a, b in (pair.split(":"), pair.split(":")[::-1])}
_DIRECTION = re.compile(r"\b(" + "|".join(_OPPOSITE) + r")\b", re.I)
# A clause of the roles probe: a name of one to four capitalised words, a past tense (regular, or
# one of a few irregular ones) or a passive one ("was founded by"), and another name (after "the", perhaps),
# not followed by more of a name or a possessive. Capitalised words that name no one ("The", "He",
# "Monday") are filtered after the match; verbs whose two sides do the same ("married") never change
# meaning when the names trade places.
_PROBE_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}"
_PROBE_VERB = (
    r"(?:was|were) (?:[a-z]{3,}ed|beaten|led|told|sold|bought|taken) by"
    r"|[a-z]{3,}ed|beat|led|left|told|sold|bought|took|won"
)
_CLAUSE = re.compile(rf"(?<![\w'’-])({_PROBE_NAME}) ({_PROBE_VERB}) (the )?({_PROBE_NAME})(?![\w'’-]| [A-Z])")
_NO_ONE = frozenset(
    "The A An He She It They We I You This That These Those His Her Its Their In On At After".split()
    + MONTHS
    + WEEKDAYS
)
_SAME_BOTH_WAYS = frozenset("married dated played faced tied partnered merged bordered shared matched debated".split())
# Each kind of probe pair, and the CLAIMSCOPE_CONSISTENCY_ADJUST mode whose reason it tests.
PROBE_MODES = {
    "numbers": "numbers",
    "years": "dates",
    "months": "dates",
    "direction": "direction",
    "roles": "roles",
    "negation": "negation",
}
PROBE_KINDS = tuple(PROBE_MODES)


def _values(text: str, pattern: re.Pattern[str]) -> set[int]:
    return {_value(m) for m in pattern.finditer(text)}


def _value(match: re.Match[str]) -> int:
    digits = match.group(1)
    return int(digits) if digits else _NUMBER_WORDS.index(match.group(2).lower())


def _written_like(value: int, match: re.Match[str]) -> str:
    if match.group(1):
        return str(value)
    word = _NUMBER_WORDS[value]
    return word.capitalize() if match.group(2)[0].isupper() else word


def changed_count(hypothesis: str, premise: str) -> str | None:
    """The hypothesis with its first number that the premise also gives changed by one (written the
    same way: digits or a word), or None when it repeats no number of the premise."""
    shared = _values(premise, _COUNT)
    for match in _COUNT.finditer(hypothesis):
        value = _value(match)
        if value in shared and not _is_day(hypothesis, match) and not _ROUGH.search(hypothesis[: match.start()]):
            new = value - 1 if value == len(_NUMBER_WORDS) - 1 and not match.group(1) else value + 1
            return hypothesis[: match.start()] + _written_like(new, match) + hypothesis[match.end() :]
    return None


def changed_year(hypothesis: str, premise: str) -> str | None:
    """The hypothesis with its first year that the premise also gives moved on by one, or None."""
    shared = _values(premise, _YEAR)
    for match in _YEAR.finditer(hypothesis):
        if int(match.group(1)) in shared:
            return hypothesis[: match.start()] + str(int(match.group(1)) + 1) + hypothesis[match.end() :]
    return None


def changed_month(hypothesis: str, premise: str) -> str | None:
    """The hypothesis with its first date's month that the premise also dates by moved on by one
    ("May 27" to "June 27"), or None."""
    shared = {_month(m) for m in _DATE_MONTH.finditer(premise)}
    for match in _DATE_MONTH.finditer(hypothesis):
        if (month := _month(match)) in shared:
            new = MONTHS[(MONTHS.index(month) + 1) % 12]
            start, end = match.span(match.lastindex or 0)
            return hypothesis[:start] + new + hypothesis[end:]
    return None


def changed_direction(hypothesis: str, premise: str) -> str | None:
    """The hypothesis with its first word of direction that the premise also uses turned to its
    opposite ("rose" to "fell"), or None."""
    shared = {m.group(1).lower() for m in _DIRECTION.finditer(premise)}
    for match in _DIRECTION.finditer(hypothesis):
        if (word := match.group(1).lower()) in shared:
            return hypothesis[: match.start()] + _OPPOSITE[word] + hypothesis[match.end() :]
    return None


def swapped_clause(premise: str) -> str | None:
    """The premise's first clause of a name doing something to another name, with the two names
    traded ("Conway endorsed Ted Cruz" to "Ted Cruz endorsed Conway."; "Apple was founded by Steve
    Jobs" to "Steve Jobs was founded by Apple."; "Connery won the Academy Award" to "The Academy
    Award won Connery."), or None."""
    for match in _CLAUSE.finditer(premise):
        first, verb, the, second = match.groups()
        names = (*first.split(), *second.split())
        if _SAME_BOTH_WAYS.isdisjoint(verb.split()) and _NO_ONE.isdisjoint(names) and first != second:
            return f"{'The ' if the else ''}{second} {verb} {first}."
    return None


def _month(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def _is_day(text: str, match: re.Match[str]) -> bool:
    """A number beside a month name is a day of it, which the months probe covers."""
    return bool(_BESIDE_MONTH.search(text[: match.start()]) or _BESIDE_MONTH.match(text[match.end() :]))


def negated(sentence: str) -> str | None:
    """The sentence with "not" after its first auxiliary verb ("is playing" to "is not playing"), or
    None when it has no auxiliary or is negated already."""
    if _NEGATED.search(sentence) or not (aux := _AUXILIARY.search(sentence)):
        return None
    return sentence[: aux.end()] + " not" + sentence[aux.end() :]


def _strict(pair: Pair) -> bool:
    """Whether the pair's set means truth by entailment, so that the opposite claim is false."""
    return not pair.source.startswith(_LOOSE_ENTAILMENT)


def _may_negate(pair: Pair) -> bool:
    return len(pair.premise.split()) <= _MAX_CLAIM_WORDS and _strict(pair)


def probe_pairs(dev: dict[str, list[Pair]]) -> dict[str, list[Pair]]:
    """Counterfactual contradiction pairs from the dev entailment pairs (the roles probe: from the
    premises of all strict dev pairs), by kind."""
    change = {"numbers": changed_count, "years": changed_year, "months": changed_month}
    contradiction = LABEL_IDS["contradiction"]
    out: dict[str, list[Pair]] = {kind: [] for kind in PROBE_KINDS}
    swapped: set[str] = set()  # premises the roles probe has used
    for name in sorted(dev):
        for pair in dev[name]:
            if _strict(pair) and pair.premise not in swapped and (claim := swapped_clause(pair.premise)):
                swapped.add(pair.premise)
                out["roles"].append(Pair(pair.premise, claim, contradiction, pair.source))
            if pair.label != LABEL_IDS["entailment"]:
                continue
            for kind, changed_in in change.items():
                if (changed := changed_in(pair.hypothesis, pair.premise)) is not None:
                    out[kind].append(Pair(pair.premise, changed, contradiction, pair.source))
            if _strict(pair) and (turned := changed_direction(pair.hypothesis, pair.premise)) is not None:
                out["direction"].append(Pair(pair.premise, turned, contradiction, pair.source))
            if _may_negate(pair) and (denial := negated(pair.hypothesis)):
                out["negation"].append(Pair(denial, pair.premise, contradiction, pair.source))
    return out
