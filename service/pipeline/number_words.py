"""Numbers written in words, read as their digits would be, for ``numbers``.

"twenty-three" and "eighty one" are 23 and 81, "two hundred and fifty" 250, "one million" and "a
billion" one of their scale (rounding to it, as "1 million" does), "half a million" 0.5 million,
and "third" or "21st" a rank. Not "a hundred" alone (too loose a figure to hold a passage to), nor a
word glued to another by a hyphen ("number-one songs").
"""

from __future__ import annotations

import re

SCALE_WORDS = "thousand|million|billion|trillion"
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Short scales, by the word they stand for ("£4.5m", "$2bn").
SHORT_SCALES = {"mn": "million", "bn": "billion", "tn": "trillion", "m": "million", "k": "thousand"}
_UNIT_WORDS = "one two three four five six seven eight nine".split()
_TEEN_WORDS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORDS = (
    {"zero": 0}
    | {word: value for value, word in enumerate(_UNIT_WORDS, 1)}
    | {word: value for value, word in enumerate(_TEEN_WORDS, 10)}
    | {word: 10 * tens for tens, word in enumerate(_TENS_WORDS, 2)}
)
# "twenty-three" and "eighty one" as well as "three" and "twenty"
_COUNT_WORD = rf"(?:(?:{'|'.join(_TENS_WORDS)})[-\s](?:{'|'.join(_UNIT_WORDS)})\b|{'|'.join(WORDS)})"
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
# "third term", "5th-largest", "21st century": compared with ordinals only, by the word after them.
ORDINAL = re.compile(r"\b(?:(" + "|".join(_ORDINAL_WORDS) + r")|(\d{1,3})(?:st|nd|rd|th))\b", re.I)
# "two hundred and fifty", "one million", "a billion" ("a" only before a scale); not glued to a
# word by a hyphen ("number-one songs").
WORD_NUMBER = re.compile(
    r"(?<![^\W\d_]-)\b(?:(" + _COUNT_WORD + r")(?:\s+(hundred)(?:\s+and\s+(" + _COUNT_WORD + r"))?)?"
    r"|(an?)(?=\s+(?:hundred|" + SCALE_WORDS + r")\b))"
    r"(?:\s+(" + SCALE_WORDS + r"))?\b",
    re.I,
)
# "half a million", "a quarter of a million", "three-quarters of a billion"
FRACTION = re.compile(
    r"\b(half|(?:a|one)[-\s]quarter\s+of|three[-\s]quarters\s+of)\s+an?\s+(" + SCALE_WORDS + r")\b", re.I
)


def spoken_number(match: re.Match[str]) -> tuple[str, float, float] | None:
    """A ``WORD_NUMBER`` match as (shown, value, step): "one million" as ("1 million", 1e6, 1e6),
    rounding to the million; "two hundred and fifty" as ("250", 250, 1). None for "a hundred"."""
    word, hundred, rest, article, scale = match.groups()
    if article and not scale:
        return None
    count = 1 if article else _word_value(word) * (100 if hundred else 1) + (_word_value(rest) if rest else 0)
    if not scale:
        return f"{count:g}", count, 1.0
    scale = scale.lower()
    return f"{count:g} {scale}", count * SCALES[scale], SCALES[scale]


def plain_value(written: str) -> float | None:
    """The value of a number written in digits ("1,000", "16") or as one word ("sixteen"), or None:
    the whole a part is of ("of the 16 libraries"), a term of a rate ("one in five").

    Examples:
        >>> plain_value("1,000"), plain_value("Sixteen"), plain_value("a thousand")
        (1000.0, 16.0, None)
    """
    folded = written.lower().replace(",", "")
    if folded.replace(".", "", 1).isdigit():
        return float(folded)
    return float(WORDS[folded]) if folded in WORDS else None


def fraction_number(match: re.Match[str]) -> tuple[str, float, float]:
    """A ``FRACTION`` match as (shown, value, step): "half a million" as 0.5 million, rounding to
    the nearest tenth of a million."""
    words, scale = match.group(1).lower(), match.group(2).lower()
    share = 0.5 if words == "half" else 0.75 if words.startswith("three") else 0.25
    return f"{share:g} {scale}", share * SCALES[scale], SCALES[scale] / 10


def rank(match: re.Match[str]) -> int:
    """An ``ORDINAL`` match's rank: "third" and "3rd" are 3."""
    return _ORDINAL_WORDS.index(match.group(1).lower()) + 1 if match.group(1) else int(match.group(2))


def ordinal(rank: int) -> str:
    """A rank as a reason shows it: 1st, 2nd, 11th, 23rd."""
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


# "the largest lake", "the country's most populous town": the first of its kind, a rank of 1 to
# compare with "second-largest" by the adjective (``superlatives``).
_SUPERLATIVE_WORDS = (
    "largest biggest smallest longest shortest highest lowest tallest deepest oldest youngest newest busiest "
    "richest poorest fastest slowest heaviest hottest coldest warmest wettest driest widest narrowest greatest "
    "strongest weakest best worst steepest costliest deadliest safest"
).split()
_SUPERLATIVE = re.compile(
    r"\b(?:the|its|their|his|her|[^\W\d_]+['’]s)\s+(?:most\s+([a-z]+)|(" + "|".join(_SUPERLATIVE_WORDS) + r"))\b",
    re.I,
)
# "the division's top scorer" is its highest, against "second-highest scorer"; not "the top ten",
# nor "its top executives", many of them, nor "the top of the table".
_TOP = re.compile(r"\b(?:the|its|their|his|her|[^\W\d_]+['’]s)\s+top\s+(?!of\b)(?=([a-z]+)\b)(?![a-z]*[^s]s\b)", re.I)
# Not the first: "one of the largest", "among the biggest", and a first with a place before it
# ("the largest lake in the country after Lake Sendre" is the second).
_AMONG_BEFORE = re.compile(r"\b(?:of|among)\s+$", re.I)
# Nor is a superlative a claim denies ("Hawaii does not have the longest coastline").
_DENIED_BEFORE = re.compile(r"(?:\b(?:not|never|no)|n't)(?:\s+[\w'’-]+){0,2}\s+$", re.I)
_PLACED_AFTER = re.compile(
    r"(?:[\s,]+[\w'’-]+){0,8}?[\s,]+(?:after|behind|except|besides|apart\s+from|other\s+than|outside)\b", re.I
)


def superlatives(text: str) -> list[tuple[str, int]]:
    """The adjective and start of each superlative that ranks its subject first: "the largest lake"
    and "the most populous town" give ("largest", ...) and ("populous", ...)."""
    found = []
    ranked = [(match, match.group(1) or match.group(2)) for match in _SUPERLATIVE.finditer(text)]
    ranked += [(match, "highest") for match in _TOP.finditer(text) if match.group(1).lower() not in WORDS]
    for match, adjective in ranked:
        before = text[max(0, match.start() - 40) : match.start()]
        if _AMONG_BEFORE.search(before) or _DENIED_BEFORE.search(before) or _PLACED_AFTER.match(text, match.end()):
            continue
        found.append((adjective.lower(), match.start()))
    return found


def _word_value(words: str) -> int:
    """ "twenty-three" is 23, "eighty one" 81."""
    return sum(WORDS[part] for part in re.split(r"[-\s]", words.lower()))


# What happened to the people a number counts, by kind: "450 people" employed and "five people"
# killed are not one count, though both count people. A number's clause with words of one kind is
# compared only with a clause of the same kind, or with one that has none (``numbers``).
_PEOPLE_EVENTS = {
    "killed": "kill kills killed killing die dies died dying dead death deaths fatal fatalities",
    "injured": "injure injures injured injuring injury injuries hurt wounded wounding hospitalised hospitalized",
    "evacuated": "evacuate evacuates evacuated evacuation displaced fled flee rehoused",
    "employed": "employ employs employed employing employees employee workforce",
    "arrested": "arrest arrests arrested detain detains detained",
    "rescued": "rescue rescues rescued",
    "missing": "missing",
}
PEOPLE_EVENTS = {word: kind for kind, words in _PEOPLE_EVENTS.items() for word in words.split()}
