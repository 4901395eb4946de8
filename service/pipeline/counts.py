"""What a number in text counts: the word after it ("40 times", "5%", "2.5 million people"), the
noun a linking word ties it to ("the attendance was 31,412"), the whole a part is of ("26 of the
150 seats", "Of the 126 riders who started, 98 finished"), a person's age ("aged 24", "Haldane,
24,"), and whether it says how much something moved ("rose 0.8%", "a 5% increase": a change, kept
apart from a level). ``numbers`` reads the numbers; this says what each one is a number of.
"""

from __future__ import annotations

import re

from service.pipeline.dates import MONTHS, WEEKDAYS
from service.pipeline.direction_words import MOVING_WORDS
from service.pipeline.number_words import WORDS

# What an age counts: "aged 24", "Haldane, 24,", "24 years old".
AGE = "year"
# Words before a number that make it a bound or a rough value ("more than 1,000", "about 300").
BOUND_BEFORE = re.compile(
    r"\b(?:(?P<above>more than|longer than|over|above|in excess of|exceeding)|(?P<at_least>at least|upwards of)"
    r"|(?P<below>less than|fewer than|shorter than|under|below)|(?P<at_most>up to|at most|no more than|top|within)"
    r"|(?P<about>about|around|approximately|roughly|nearly|almost|some|maybe|an estimated))"
    r"\s*[$€£]?\s*$",
    re.I,
)

# A bound on a span of time after a count or a share in its clause says which of them it counts
# ("58% of patients were seen within four hours", "1,900 patients waited longer than 12 hours"):
# a limit, not a figure of its own (``limits_a_count``).
_SPAN_AFTER = re.compile(r"[\w.,]+\s+(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?)\b", re.I)
_COUNT_IN_CLAUSE = re.compile(
    r"(?<![\w.,])(?!(?:1[89]|20)\d\d\b)\d[\d,.]*(?:\s*(?:%|per\s*cent)|\s+(?:[^\W\d_]+\s+){0,2}?[^\W\d_]+s\b)"
    r"[^,;:()]*$",
    re.I,
)
_LIMIT_LOOK_BACK = 120
# "over" after a count is as often the period it took ("took money from 23 clients over seven years").
_PERIOD_WORD = re.compile(r"over\b", re.I)


def limits_a_count(text: str, bound_start: int, start: int) -> bool:
    """Whether the bound at ``bound_start`` on the span of time at ``start`` says what a count or
    share before it in its clause counts: such a limit ("seen within four hours") says nothing of how
    long one wait was ("a woman spent 31 hours on a trolley") nor of another limit ("waited over
    12 hours").

    Examples:
        >>> text = "Only 58% of patients were seen within four hours."
        >>> limits_a_count(text, text.index("within"), text.index("four"))
        True
        >>> text = "The flight took under four hours."
        >>> limits_a_count(text, text.index("under"), text.index("four"))
        False
        >>> text = "He took money from 23 clients over seven years."
        >>> limits_a_count(text, text.index("over"), text.index("seven"))
        False
    """
    if _PERIOD_WORD.match(text, bound_start) or not _SPAN_AFTER.match(text, start):
        return False
    return _COUNT_IN_CLAUSE.search(text[max(0, bound_start - _LIMIT_LOOK_BACK) : bound_start]) is not None


# A span of time after "over" (not an age), and the words before "over" that make it a bound.
_PERIOD_AFTER = re.compile(r"[\w.,]+\s+(?:days?|weeks?|fortnights?|months?|years?|decades?)\b(?!\s+old\b)", re.I)
_BOUNDED_BEFORE = re.compile(
    r"\b(?:wait\w*|last\w*|took|takes?|taken|taking|spen[dt]\w*|for|aged?|been|is|was|are|were|be|jailed|sentenced"
    r"|served?|serving|lived?|living|of|than)\s+$",
    re.I,
)


def over_a_period(text: str, bound_start: int, start: int) -> bool:
    """Whether "over" before a span of time is the period something took, not a bound: "stealing
    more than £640,000 over six years" and "took place over two years" (bench/fortyeighth), but not
    "waited over 12 hours", "lasted over two hours" or "children over 12 years old"."""
    if not _PERIOD_WORD.match(text, bound_start) or not _PERIOD_AFTER.match(text, start):
        return False
    return _BOUNDED_BEFORE.search(text, max(0, bound_start - LOOK_BACK), bound_start) is None


# The word right after a number says what it counts ("40 times", "12-point", "5%", "2.5 billion"),
# after the rest of a range ("3 to 5 days").
UNIT_AFTER = re.compile(r"[\s-]*(per\s+cent|[^\W\d_]+|%)", re.I)
_RANGE_REST = re.compile(r"\s*(?:-|–|—|to|and|or)\s*\d+(?:[.,]\d+)*", re.I)

# Words that follow a number without saying what it counts ("20 to", "40 in", "22.", "the £200m it
# forecast"): such a number is compared by the word before it ("age 60", "number 24", "UFC 216"),
# or not at all.
_NOT_UNITS = frozenset(
    """to and or of in on at for from by with as than into over since per the a an
    under below above after before during between through across against within without until
    it he she they we you its his her their our your""".split()
)
# How far before a number its qualifier or counted word may start (searching a whole passage per
# number would make the checker quadratic in passage length).
LOOK_BACK = 40
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*#?\s*$")
# "The attendance was 31,412" and "an attendance of 31,412": the noun a linking word ties the
# number to says what it counts.
_LINKED_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:was|is|were|are|of|stood at|totalled|totaled|reached)\s*$", re.I)
# A person's age given before its number with no unit after it, "aged 24", "age 24", or as news
# sets it off by commas after a name, "Haldane, 24,": counted in years, as "a 24-year-old" and
# "24 years old" are.
_AGE_BEFORE = re.compile(r"\b[Aa]ged?\s*$")
_NAME_COMMA_BEFORE = re.compile(r"\b([A-Z][^\W\d_]+),\s*(?:both\s+|each\s+)?$")  # "the Colleys, both 68,"
# ... or says it of a full name, closing the sentence: "Mara Ellison is 43."
_FULL_NAME_IS_BEFORE = re.compile(r"\b[A-Z][^\W\d_]+\s+[A-Z][^\W\d_]+\s+(?:is|was|turns|turned)\s+$")
_SENTENCE_CLOSE = re.compile(r"\s*(?:[.!?]|$)")
_CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)
_OLDEST_AGE = 120
# When the word after a number is not a plural noun, the next word may be the noun it leads to
# ("two young boys", "2.5 million people"); after a plural it is usually a verb ("two girls pose").
_NEXT_WORD = re.compile(r" ([^\W\d_]+)")
# "26 of the 150 seats", "three out of five judges", "four of the borough's 16 libraries": a part
# counts what its whole counts.
_OF_WHOLE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:(?:the|its|his|her|their|our|your)\s+)?(?:[^\W\d_]+['’]s?\s+)?"
    r"(\d[\d,]*(?:\.\d+)?|" + "|".join(WORDS) + r")\b",
    re.I,
)
# "Of the 126 riders who started, 98 finished", "Of its 40 branches, 12 will close": a sentence that
# opens on a whole gives a number after the comma as a part of it, counting what the whole counts.
_PART_OF_OPENER = re.compile(
    r"(?:^|[.!?]\s+)Of\s+(?:(?:the|its|his|her|their|our|your|these|those)\s+)?(?:[^\W\d_]+['’]s?\s+)?"
    r"(?:\d[\d,]*(?:\.\d+)?|" + "|".join(WORDS) + r")\s+([^\W\d_]+)\b[^.!?,]*(?:,[^.!?,]*)?,\s*$",
    re.I,
)
# How far before a number a sentence's opening whole may start.
_OPENER_LOOK_BACK = 160
_AUXILIARIES = frozenset("is are was were be been has have had will would can could".split())
# "including 19 in the league": a part of a count before it, not a count of "including"s
NOT_NOUNS = _NOT_UNITS | _AUXILIARIES | frozenset("who which that while whereas including excluding".split())
# A verb in the past right after a number, before a word that does not start a noun phrase's
# noun ("while three wanted to keep rates unchanged", "two voted against", "six resigned."): the
# count's noun is left out, and the verb does not say what it counts.
_VERB_AFTER = re.compile(
    r"[\s-]*(?!hundred\b)[a-z]{2,}ed\b(?=\s*(?:[,.;:!?]|$|(?:to|by|for|against|in|on|at|from|with|that|and|or)\b))"
)
# Nouns of a scale, which say what a number right after them measures whatever noun follows it.
_MEASURE_NOUNS = frozenset("magnitude category level grade stage size number class tier phase".split())
_IRREGULAR_PLURALS = frozenset("men women children people feet teeth mice geese police".split())
# A number that says how much something moved ("rose 0.8%", "by 3 points", "a rise of 2%", "a 5%
# increase") is a change, kept apart from the levels it moved from or to ("to 4.75%", "at 3.2%"):
# "the krone rose 0.8%" says nothing against "rates were raised to 4.75%".
# The direction check's words, and words that move a figure but have other senses it must not
# read as a direction ("lost his seat", "advanced to the final", "slipped on the ice").
_FIGURE_ONLY_MOVES = frozenset(
    "lose loses lost losing slip slips slipped slipping advance advances advanced advancing".split()
)
MOVE_WORDS = MOVING_WORDS | _FIGURE_ONLY_MOVES
_MOVES = "|".join(sorted(MOVE_WORDS, key=lambda word: (-len(word), word)))
# The nouns of moving: "a rise of 2%", "a 5% increase".
_CHANGE_NOUNS = r"rise|fall|increase|decrease|drop|decline|gain|loss|cut|jump|reduction"
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:" + _MOVES + r")|\b(?:" + _CHANGE_NOUNS + r"|growth|change)s?\s+of|(?P<by>\bby))"
    r"\s*(?:(?:about|around|roughly|nearly|almost|some|more than|over|at least|"
    r"less than|up to|just|only|another|a further|an?)\s+)?[$€£+-]?\s*$",
    re.I,
)
_MEASURE = r"(?:%|per\s*cent|percent|(?:percentage|basis)?[\s-]*points?|thousand|million|billion|trillion|mn|bn)"
_CHANGE_AFTER = re.compile(
    r"(?:\s*" + _MEASURE + r")?[\s-]*(?:" + _CHANGE_NOUNS + r")s?\b",
    re.I,
)

# ... and so does a figure by which something overran or fell short: "£90m over budget", "£90
# million more than the budget set in 2019" is how much the cost moved from what was planned, not
# the cost (bench/fiftieth).
_DIFFERENCE_AFTER = re.compile(
    r"(?:\s*(?:" + _MEASURE + r"|m|k)\b)?\s*(?:over|under|above|below|more\s+than|less\s+than)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:original\s+|initial\s+)?(?:budget|target|forecast|estimate)s?\b",
    re.I,
)
# After "by", only an amount is a change ("by 3%", "by $2 billion"), not a doer ("by two men").
_MEASURE_AFTER = re.compile(r"\s*" + _MEASURE + r"\b|\s*%", re.I)


def amount_units(units: list[str]) -> list[str]:
    """What a sum of money with no noun or scale after it counts: its currency ("" before the
    sign is added), compared only with sums whose clauses share a word (``_BARE_UNITS``).
    "fined the company £120,000" and "was fined £200,000" would otherwise count "company" and
    "fined", the words before them, and never meet."""
    if all(unit.removesuffix(" (change)").endswith(" #") for unit in units):
        changed = any(unit.endswith(" (change)") for unit in units)
        return [" (change)" if changed else ""]
    return units


def counted_units(text: str, start: int, end: int) -> list[str]:
    """What a number counts, marked " (change)" when it says how much something moved."""
    units = units_of(text, start, end)
    return [f"{unit} (change)" for unit in units] if units and _is_change(text, start, end) else units


def _is_change(text: str, start: int, end: int) -> bool:
    if _CHANGE_AFTER.match(text, end) or _DIFFERENCE_AFTER.match(text, end):
        return True
    before = _CHANGE_BEFORE.search(text, max(0, start - LOOK_BACK), start)
    if before is None:
        return False
    return not before["by"] or bool(_MEASURE_AFTER.match(text, end)) or text[before.end() - 1] in "$€£"


def verb_follows(text: str, end: int = 0) -> bool:
    """Whether a verb in the past comes right after a number that ends at ``end`` (``_VERB_AFTER``)."""
    return _VERB_AFTER.match(text, end) is not None


def whole_after(text: str, end: int) -> re.Match[str] | None:
    """The whole a number ending at ``end`` is a part of ("26 of the 150 seats": "150"), as group 1."""
    return _OF_WHOLE.match(text, end)


def units_of(text: str, start: int, end: int) -> list[str]:
    if whole := whole_after(text, end):
        return units_of(text, whole.start(1), whole.end(1))
    after = text[end:]
    if rest := _RANGE_REST.match(after):
        after = after[rest.end() :]
    found = UNIT_AFTER.match(after)
    # the words before a bound or a rough value ("kills at least 41", "a population of about 677,116")
    bound = BOUND_BEFORE.search(text, max(0, start - LOOK_BACK), start)
    lead = bound.start() if bound else start
    if opener := _PART_OF_OPENER.search(text, max(0, lead - _OPENER_LOOK_BACK), lead):
        return [singular(opener.group(1).lower())]
    linked = _LINKED_BEFORE.search(text, max(0, lead - LOOK_BACK), lead)
    # "an attendance of 31,412 was a record": counted by the noun the linking word ties it to too
    tied = [f"{linked.group(1).lower()} #"] if linked and linked.group(1).lower() not in NOT_NOUNS else []
    # "a magnitude 6.4 quake", "a category 4 storm": a measure by the word before, whatever follows
    word = _word_before(text, lead)
    measured = [f"{word} #"] if word in _MEASURE_NOUNS else []
    if verb_follows(after):  # "while three wanted to keep rates unchanged": its noun left out
        return measured + tied
    if found and found.group(1).lower() in _AUXILIARIES:  # "30 were hurt" counts the hurt
        found = _NEXT_WORD.match(after, found.end())
        if not found or found.group(1).lower() in NOT_NOUNS:  # "Iron Man 3 is a sequel": not a count
            return tied
    if found and (unit := found.group(1).lower()) not in _NOT_UNITS:
        if unit not in NOT_NOUNS:
            tied = []  # "a crowd of 31,412 people" counts people
        units = [singular(unit)]
        noun = _NEXT_WORD.match(after, found.end())
        if noun and noun.group(1).lower() not in NOT_NOUNS and not plural(unit):
            units.append(singular(noun.group(1).lower()))
        return measured + tied + units
    if _is_age(text, start, end):  # "aged 18 months" counts months, above
        return [AGE]
    return tied + ([f"{word} #"] if word and word not in NOT_NOUNS else [])


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` ("age 60", "number 24", "magnitude 6.4"), lower-cased, or ""."""
    before = _WORD_BEFORE.search(text, max(0, start - LOOK_BACK), start)
    return before.group(1).lower() if before else ""


# "58-year-old", "58 years old", "9-17 year olds", "58 years of age": an age by the words after it.
_OLD_AFTER = re.compile(r"[\s-]*years?[\s-]*olds?\b|\s+years?\s+of\s+age\b", re.I)


def is_age(text: str, start: int, end: int) -> bool:
    """Whether the number from ``start`` to ``end`` is a person's age ("aged 58", "Lowell, 58,",
    "a 58-year-old"), not a span of years ("jailed for nine years"): both count years, and an age
    says nothing of how long anything took.

    Examples:
        >>> text = "Derek Lowell, 58, was jailed for nine years."
        >>> is_age(text, 14, 16), is_age(text, 36, 40)
        (True, False)
    """
    return _is_age(text, start, end) or _OLD_AFTER.match(text, end) is not None


def _is_age(text: str, start: int, end: int) -> bool:
    if _AGE_BEFORE.search(text, max(0, start - LOOK_BACK), start):
        return True
    digits = text[start:end]
    if not digits.isdigit() or int(digits) > _OLDEST_AGE:
        return False
    if _SENTENCE_CLOSE.match(text, end) and _FULL_NAME_IS_BEFORE.search(text, max(0, start - LOOK_BACK), start):
        return True
    return (
        text.startswith(",", end)
        and (name := _NAME_COMMA_BEFORE.search(text, max(0, start - LOOK_BACK), start)) is not None
        and name.group(1) not in _CALENDAR_WORDS  # "By Friday, 24, had come"
    )


def plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us")) and len(word) > 3)


def singular(unit: str) -> str:
    return "%" if unit in ("percent", "per cent") else unit[:-1] if plural(unit) and unit.endswith("s") else unit


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` lies in one of ``spans`` (the numbers a reader has already read)."""
    return any(start <= position < end for start, end in spans)
