"""Numbers in text, keyed by what they count, for the consistency checker.

"40 times" counts times, "two young boys" boys (and "young"), "$2 billion" billions of dollars, "age
60", "60-year-old", "Lind, 60," and "in his 60s" years of age, "third term" the rank of a term and
"finished fifth" a place (``ranks``), "26 of the 150 seats" seats, "the attendance was 31,412"
attendance, "beat City 2-1" and "voted 6-3" a result (``match_results``), and "$2.1bn" and "£4.5m"
are read as "$2.1 billion" and "£4.5 million"; a number whose count cannot be told is filed as
``quantities.UNCOUNTED``, never compared with a claim's but able to be its number with the unit left
out. A change ("rose 0.8%") is kept apart from a level ("to 4.75%"), and a share is compared only
with a share of the same thing. A number allows what rounds to it ("4 billion" allows 4.3 billion),
"more than 1,000 people" is a bound ("more than" leaves out the number, "at least" does not), "about
300" a rough value and "10-15 people" a range, so none of them disagrees with a number it allows.
Numbers in words ("one million", "twenty-three", "two hundred and fifty") are read as their digits
would be (``number_words``), as are shares ("two-fifths of", "one in five": ``shares``), "twice",
"twin cubs" and units glued to a number ("25cm", "5,200mAh"). ``quantities`` compares what this
reads.
Years (and decades, ranges and bounds of years: ``years``) are kept apart, to be compared as dates.
"""

from __future__ import annotations

import re
from dataclasses import replace
from math import inf, nextafter

from service.pipeline.counts import (
    AGE,
    BOUND_BEFORE,
    LOOK_BACK,
    MOVE_WORDS,
    NOT_NOUNS,
    amount_units,
    counted_units,
    inside,
    is_age,
    limits_a_count,
    over_a_period,
    singular,
    verb_follows,
    whole_after,
)
from service.pipeline.day_times import CLOCK
from service.pipeline.figure_series import series_of
from service.pipeline.match_results import SCORE, read_results
from service.pipeline.number_words import (
    FRACTION,
    ORDINAL,
    PEOPLE_EVENTS,
    SCALE_WORDS,
    SCALES,
    SHORT_SCALES,
    WORD_NUMBER,
    WORDS,
    fraction_number,
    ordinal,
    plain_value,
    rank,
    spoken_number,
)
from service.pipeline.quantities import DURATIONS, UNCOUNTED, Quantity, is_previous, kinds_of, said_earlier
from service.pipeline.ranks import STREAK_AFTER, read_ranks
from service.pipeline.shares import ROUNDING, fraction_shares, rate_share
from service.pipeline.years import find_decades, read_year

# A number glued to a word by a hyphen is part of a name ("COVID-19", "SARS-CoV-2"), not a count;
# so is one after a slash that follows a name's number ("BRCA1/2": the genes BRCA1 and BRCA2).
# A scale glued to it ("$2.1bn", "£4.5m") ends a number too.
# Thousands are grouped by commas or, as many health agencies and European papers write them, by
# spaces ("420 000"; a space group is three digits that no digit follows, so "20 7946" is two numbers).
_GROUP_SPACES = "\u00a0\u202f\u2009 "
_NUMERAL = r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[" + _GROUP_SPACES + r"]\d{3})+(?!\d|[.,]\d)|\d+(?:\.\d+)?)"
# A unit of measure may be glued to it too ("25cm", "50mph", "-12C", "3.5GB"), and then counts it.
_GLUED_UNITS = (
    r"(?i:mm|cm|km|kmh|kph|mph|kg|mg|lbs?|oz|ft|ml|w|kw|mw|gw|kwh|mwh|gwh|mah|hz|khz|mhz|ghz|gb|mb|tb|mp|ha)|C|F|g|in"
)
# "6.7in" counts inches, as "6.7 inches" does ("in" after a space is a preposition: ``counts``).
_INCHES = re.compile(r"in\b")
# A time of a race or a record in hours, minutes and seconds ("2:21:07").
_RACE_TIME = re.compile(r"(?<![\w.:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")
_NUMBER = re.compile(
    r"(?<![\w.])(?<![^\W\d_]-)(?<![^\W\d_]\d/)"
    + _NUMERAL
    + r"(?:(?![\w])|(?=(?:bn|mn|tn|m|k|"
    + SCALE_WORDS
    + r"|"
    + _GLUED_UNITS
    + r")\b))"
)
# Of the short scales (``number_words.SHORT_SCALES``), "m" and "k" count only glued to an amount of
# money ("£4.5m"; "a 5m wall" is five metres).
_MONEY_ONLY_SCALES = frozenset({"m", "k"})
_SCALE_AFTER = re.compile(r"(?:\s*(" + SCALE_WORDS + r"|mn|bn)|(tn|m|k))\b", re.I)
_SCALE_UNIT = re.compile(r"^(mn|bn|tn|m|k)\b")
# "One in four adults", "1 in 5 smokers", "one in a thousand": a rate, not a count of four adults;
# neither number is counted (a year after "in" is a date, "5 in 2019"; "3 in 10 days" counts days).
_RATE_TERM = r"(?:\d{1,3}(?:,\d{3})*(?!\d|[,.]\d)|" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")"
_PERIODS = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|games?|matches|seasons?|races?|starts?)"
_RATE = re.compile(
    rf"\b{_RATE_TERM}\s+in\s+(?:an?\s+)?(?:{_RATE_TERM}(?:\s+(?:{SCALE_WORDS}))?|{SCALE_WORDS})\b(?!\s+{_PERIODS}\b)",
    re.I,
)
# "Twice" is two times, as "three times" is three ("twice as likely", "has met twice").
_TWICE = re.compile(r"\btwice\b", re.I)
# ... and a hat-trick three goals ("scored a hat-trick" against "scored twice"), not "two hat-tricks".
_HAT_TRICK = re.compile(r"\b(?:a|his|her|their|its|[a-z]+(?:st|nd|rd|th))\s+hat[-\s]?trick\b", re.I)
# "Twin cubs" are two cubs and "triplet girls" three: the count of a multiple birth, read only
# before a plural within three words ("twin red panda cubs"), not "his twin brother" or "twin-engine".
_MULTIPLES = {"twin": 2.0, "triplet": 3.0, "quadruplet": 4.0, "quintuplet": 5.0}
_MULTIPLE = re.compile(r"\b(" + "|".join(_MULTIPLES) + r")(?![-\w])(?=(?:\s+[^\W\d_]+){0,2}?\s+[^\W\d_]{3,}s\b)", re.I)
_REFERENCE_LIST = re.compile(r"\[[\d,\s–-]*$")  # a number in a list of references: "[2,3,4,5]"
# A rough value (``counts.BOUND_BEFORE``: "about", "nearly") allows a quarter either way ("about 40"
# allows 30 to 50, not 80).
_ROUGHLY = 0.25
# "a year" or "an hour" is one of them, but only a bound makes it a figure ("within an hour",
# "more than a year"): "a year ago", "£40,000 a year" and "an hour's drive" are not counts.
_ONE_SPAN = re.compile(r"\b(an?)\s+(second|minute|hour|day|week|fortnight|month|year|decade|century)\b(?![-'’])", re.I)
# ... and so does a verb of lasting or "for", for the spans that ``quantities`` converts ("will
# last a week", "took an hour", "closed for a month").
_LASTING_BEFORE = re.compile(r"\b(?:last(?:s|ed|ing)?|t(?:ake|akes|ook|aking)|for)\s+$", re.I)
# "half an hour" is half of one ("more than half an hour" against "11 minutes"), "an hour and a
# half" one and a half.
_HALF_BEFORE = re.compile(r"\bhalf\s+$", re.I)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.I)
# "in his 70s", "in her early 40s": an age somewhere in a decade, counted in years as "aged 74" is
# (against "was in his 40s", bench/twentysecond); "early", "mid" and "late" narrow it.
_AGE_DECADE = re.compile(r"\bin\s+(?:his|her|their)\s+(?:(early|mid|late)[-\s]+)?([1-9]0)s\b", re.I)
_DECADE_PARTS = {"early": (0.0, 4.4), "mid": (3.0, 7.4), "late": (6.0, 9.4), "": (0.0, 9.4)}
# A range ("10-15 people", "3 to 5 days", "between 10 and 15") is one number that allows what lies
# in it; "from 2 to 5%" is a move, and "aged 10 and 15" two numbers.
_DIGITS = _NUMERAL + r"(?:(?![\w]|[.,]\d)|(?=(?:bn|mn|tn|m|k|" + SCALE_WORDS + r")\b))"
_RANGE_TO = re.compile(r"\s*(?:-|–|—|to)\s*[$€£]?\s*" + _DIGITS, re.I)
_RANGE_AND = re.compile(r"\s*and\s*[$€£]?\s*" + _DIGITS, re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s*[$€£]?\s*$", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s*[$€£]?\s*$", re.I)
# Units that say how a number is written, not what it counts: "12%" of shares and "35%" of profit.
# Two such numbers are compared only when the words of their clauses share one (``about``), or when
# either clause has none to go on. (Money says what it counts by its currency: "$2.1 billion" is
# kept apart from "5.2 billion crowns"; a sum with no noun or scale after it, "fined £120,000",
# counts its currency alone, "", and is compared like a share: ``counts.amount_units``; one with a
# scale, "cost €410m", is an amount of its currency, ``SIZED``, compared with every other.)
_BARE_UNITS = frozenset(["%", "point", "percentage", ""])
# What a sum with a scale counts ("€1bn", "€410m"): an amount of its currency.
SIZED = "amount"
_CURRENCY_BEFORE = re.compile(r"([$€£])\s*$")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\b(?:and|but|or|while|whereas|after|before|as)\b", re.I)
_ABOUT_BEFORE = 48
# A share in words is a change after "by" or a word of moving ("rose by a third", "cut a quarter of").
_BY_BEFORE = re.compile(r"\b(?:by|" + "|".join(sorted(MOVE_WORDS)) + r")\s+(?:about\s+|nearly\s+|almost\s+)?$", re.I)
_WORDS_OF = re.compile(r"[^\W\d_]+")
_YEAR_WRITTEN = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d(?![\d,])")
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")
_ABOUT_AFTER = re.compile(r"[\s%-]*[^\W\d_]+(?:\s+(?:[^\W\d_]+|[\d.,%$€£]+)){0,3}")
_FUNCTION_WORDS = NOT_NOUNS | frozenset(
    """its his her their our your my this that these those some any all each per cent percent point points
    percentage hundred thousand million billion trillion said says say reported reports according about
    around nearly almost roughly just only also more less than over under compared year years
    take took taken make made goe go went account accounted represent represented spend spent""".split()
)  # the verbs of a share ("takes 40%", "accounts for a fifth", "spends half") say nothing of what it is of


def read_numbers(
    text: str, skip: list[tuple[int, int]], whole: bool = False
) -> tuple[set[str], dict[str, set[Quantity]]]:
    """The years and decades of ``text``, and its other numbers by what they count, leaving out
    numbers that start inside a ``skip`` span (the days of dates). ``whole``: every word of the
    text says what its shares are of (a claim is about one thing; a passage's clauses are not)."""
    decades = find_decades(text)
    years = {decade for decade, _ in decades}
    # nor a decade's digits, nor a clock time's ("landed at 2.40pm" counts nothing)
    skip = skip + [span for _, span in decades] + [clock.span() for clock in CLOCK.finditer(text)]
    counted: dict[str, set[Quantity]] = {}
    for race in _RACE_TIME.finditer(text):  # "won in 2:21:07": a span in seconds, not three numbers
        seconds = float(race.group(1)) * 3600 + float(race.group(2)) * 60 + float(race.group(3))
        counted.setdefault("second", set()).add(Quantity(race.group(0), seconds - 0.5, seconds + 0.5, seconds))
        skip = [*skip, race.span()]
    rates = list(_RATE.finditer(text))
    shares = [(rate.start(), rate.end(), rate_share(rate.group())) for rate in rates]
    shares += [share for share in fraction_shares(text) if not inside(share[0], skip)]
    for start, end, percent in shares:  # "two-fifths of the total", "one in five roads": 40%, 20%
        if percent is not None:
            share = _quantity(text, start, text[start:end].lower(), percent, ROUNDING)
            words = _words_of_number(text, start, end, whole)
            unit = "% (change)" if _BY_BEFORE.search(text, max(0, start - LOOK_BACK), start) else "%"
            counted.setdefault(unit, set()).add(replace(share, about=_content_words(words)))
    skip = skip + [(start, end) for start, end, _ in shares]
    if results := read_results(text, skip):
        counted[SCORE] = {result for result, _ in results}
        skip = skip + [span for _, span in results]  # a result's two numbers are read as one
    moved_to: list[str] = []  # what the last figure counts, which one it moved from counts too
    for match in _NUMBER.finditer(text):
        if inside(match.start(), skip):
            continue
        raw = _digits(match.group(1))
        shown = _shown(raw)
        if len(shown) == 4 and raw == match.group(1) and 1800 <= int(float(shown)) <= 2100:  # not "2,000 jobs"
            year, last = read_year(text, match)
            years.add(year)
            skip = [*skip, last] if last else skip  # a range's last year is not a year of its own
            continue
        upper = _range_end(text, match.start(), match.end())
        if upper is None and (first_scale := _SCALE_AFTER.match(text, match.end())):  # "£180m to £190m"
            upper = _range_end(text, match.start(), first_scale.end())
        if upper:
            skip = [*skip, upper.span(1)]  # the range's other end is not a number of its own
            upper_raw = _digits(upper.group(1))
            shown = f"{shown}-{_shown(upper_raw)}"
        value, step = float(raw), 10.0 ** -len(raw.partition(".")[2])
        currency = _CURRENCY_BEFORE.search(text, max(0, match.start() - 2), match.start())
        if scale := _SCALE_AFTER.match(text, upper.end() if upper else match.end()):
            short = (scale.group(2) or "").lower()
            if short in _MONEY_ONLY_SCALES and not currency:
                continue
            word = (scale.group(1) or short).lower()
            word = SHORT_SCALES.get(word, word)
            shown, value, step = f"{shown} {word}", value * SCALES[word], step * SCALES[word]
        plain = replace(_quantity(text, match.start(), shown, value, step, whole), part_of=_whole(text, match.end()))
        if upper:  # from one end to the other, at the range's scale ("10-15 million")
            high = float(upper_raw) * (SCALES[word] if scale else 1.0)
            plain = Quantity(shown, min(value, high), max(value, high), span=True)
        # the scale is read as what a number counts ("2.5 million people"), by its word ("$2.1bn": billion)
        units = ["inch"] if _INCHES.match(text, match.end()) else counted_units(text, match.start(), match.end())
        if scale:
            units = [_SCALE_UNIT.sub(_scale_word, unit) for unit in units]
        if currency:
            units = _sum_units(units)
        words = _words_of_number(text, match.start(), match.end(), whole)
        end = scale.end() if scale else upper.end() if upper else match.end()
        then: frozenset[str] | None
        if is_previous(text, match.start()):
            then = _then_words(text, match.start(), end)
        else:  # "A year earlier, 66% ...", "since 1998, when a magnitude 7.1 quake ..."
            then = said_earlier(text, match.start(), " ".join(_clause_words(text, match.start(), end)))
        if then is not None:  # "35 million passengers, up from 19 million now": passengers too
            units += [unit for unit in moved_to if unit not in units]
        elif levels := [unit for unit in units if not unit.endswith(" (change)")]:
            moved_to = levels
        clause = _content_words(words) | (_years_written(text) if whole else frozenset())
        plain = replace(plain, events=_events(words), then=then, clause=clause)
        plain = _besides_one(plain, text, end)
        if not units and not _REFERENCE_LIST.search(text, max(0, match.start() - LOOK_BACK), match.start()):
            counted.setdefault(UNCOUNTED, set()).add(plain)  # "will cover in 14", not "[2,3,4,5]"
        for unit in units:
            quantity = replace(plain, age=unit == AGE and is_age(text, match.start(), end))
            if unit.removesuffix(" (change)") in _BARE_UNITS:
                quantity = replace(quantity, about=_content_words(words))
            unit = f"{currency.group(1)}{unit}" if currency else unit
            counted.setdefault(unit, set()).add(quantity)
    fractions = list(FRACTION.finditer(text))
    for fraction in fractions:  # counting what its scale word and the word after it count
        share = _fraction_quantity(text, fraction)
        for unit in counted_units(text, fraction.start(), fraction.start(2)):
            counted.setdefault(unit, set()).add(share)
    fraction_spans = [fraction.span() for fraction in fractions] + [(start, end) for start, end, _ in shares]
    for match in WORD_NUMBER.finditer(text):
        if inside(match.start(), fraction_spans):
            continue
        if spoken := _word_quantity(text, match, whole):
            # the scale is what it counts, as after digits ("one million people": million, people)
            count_end = max(match.end(group) for group in (1, 2, 3, 4))
            words = _words_of_number(text, match.start(), count_end, whole)
            spoken = replace(spoken, events=_events(words), part_of=_whole(text, count_end))
            spoken = _besides_one(spoken, text, count_end)
            units = counted_units(text, match.start(), count_end)
            if not units and verb_follows(text, count_end):  # "three wanted to wait": of no known count
                counted.setdefault(UNCOUNTED, set()).add(spoken)
            for unit in units:
                counted.setdefault(unit, set()).add(
                    replace(spoken, age=unit == AGE and is_age(text, match.start(), count_end))
                )
    for match in _ONE_SPAN.finditer(text):  # "within an hour", "less than a year": one, bounded
        start, shown, value = _one_span(text, match)
        quantity = _quantity(text, start, shown, value, 1.0 if value == 1.0 else 0.5)
        span = match.group(2).lower()
        lasting = span in DURATIONS and _LASTING_BEFORE.search(text, max(0, start - LOOK_BACK), start)
        if quantity.value is None or lasting:  # a bound, a rough value or a duration; "a year" alone counts nothing
            counted.setdefault(span, set()).add(quantity)
    for match in _AGE_DECADE.finditer(text):
        part, decade = (match.group(1) or "").lower(), float(match.group(2))
        low, high = _DECADE_PARTS[part]
        shown = " ".join(match.group(0).split()[2:]).lower()
        counted.setdefault(AGE, set()).add(Quantity(shown, decade + low, decade + high, age=True))
    for match in _TWICE.finditer(text):  # "twice as likely", "met twice": two times
        counted.setdefault("time", set()).add(_quantity(text, match.start(), "twice", 2.0))
    for match in _HAT_TRICK.finditer(text):
        counted.setdefault("time", set()).add(_quantity(text, match.start(), match.group(0).lower(), 3.0))
    for match in _MULTIPLE.finditer(text):
        multiple = _quantity(text, match.start(), match.group(1).lower(), _MULTIPLES[match.group(1).lower()])
        for unit in counted_units(text, match.start(), match.end()):
            counted.setdefault(unit, set()).add(multiple)
    for match in ORDINAL.finditer(text):  # "the 18th month in a row": 18 months in a row (``ranks``)
        if STREAK_AFTER.match(text, match.end()) and not inside(match.start(), skip):
            count = rank(match)
            # what the streak is of is said after it: "the 18th month in a row that the trust missed the target"
            words = _words_of_number(text, match.start(), match.end(), True)
            streak = replace(_quantity(text, match.start(), ordinal(count), float(count)), events=_events(words))
            for unit in counted_units(text, match.start(), match.end()):
                counted.setdefault(unit, set()).add(streak)
    for unit, ranks in read_ranks(text, skip, whole).items():  # "third term", "is 23rd", "the largest lake"
        counted.setdefault(unit, set()).update(ranks)
    return years, _with_the_one(counted)


def _one_span(text: str, match: re.Match[str]) -> tuple[int, str, float]:
    """Where "an hour" (``_ONE_SPAN``) starts, as the text gives it, and how many it is: "half an
    hour" is a half, "an hour and a half" one and a half."""
    shown = " ".join(match.group(0).lower().split())
    if half := _HALF_BEFORE.search(text, max(0, match.start() - LOOK_BACK), match.start()):
        return half.start(), f"half {shown}", 0.5
    if _AND_A_HALF.match(text, match.end()):
        return match.start(), f"{shown} and a half", 1.5
    return match.start(), shown, 1.0


# "beat five other writers", "with 12 others": a count of the others, one short of all of them
_OTHERS_AFTER = re.compile(r"\s+others?\b", re.I)


def _besides_one(quantity: Quantity, text: str, end: int) -> Quantity:
    """A count of "others" allows itself and one more: "Ellison beat five other writers on the
    shortlist" says six were on it (``_with_the_one``)."""
    if quantity.value is None or not _OTHERS_AFTER.match(text, end):
        return quantity
    return replace(quantity, others=True)


def _with_the_one(counted: dict[str, set[Quantity]]) -> dict[str, set[Quantity]]:
    """Each count of others as its number or one more, where nothing else in the text counts the
    same thing: in "Two women leap while two other women watch" the others are besides two."""
    for unit, found in counted.items():
        others = {q for q in found if q.others and q.value is not None}
        if others and others == found:
            counted[unit] = {
                replace(q, shown=f"{q.shown} other", low=q.value - 0.4, high=q.value + 1.4, value=None)
                for q in others
                if q.value is not None
            }
    return counted


def _sum_units(units: list[str]) -> list[str]:
    """What a sum of money counts (``counts.amount_units``); its scale says how big it is, not what
    it counts, so "cost €1bn" meets "cost €410m" as an amount in euros (``SIZED``), compared with
    every amount in its currency, as before its scale was read as what it counts."""
    sized = [unit for unit in units if unit.removesuffix(" (change)") in SCALES]
    kept = [unit for unit in units if unit not in sized]
    if not sized:
        return amount_units(kept)
    return [*kept, SIZED + (" (change)" if any(unit.endswith(" (change)") for unit in sized) else "")]


def _word_quantity(text: str, match: re.Match[str], claimed: bool) -> Quantity | None:
    """A number in words, with what its bound allows ("more than two million")."""
    spoken = spoken_number(match)
    return _quantity(text, match.start(), *spoken, claimed=claimed) if spoken else None


def _whole(text: str, end: int) -> float | None:
    """The value of the whole that the number ending at ``end`` is a part of, or None."""
    return plain_value(whole.group(1)) if (whole := whole_after(text, end)) else None


def _fraction_quantity(text: str, match: re.Match[str]) -> Quantity:
    return _quantity(text, match.start(), *fraction_number(match))


def _range_end(text: str, start: int, end: int) -> re.Match[str] | None:
    """The other end of a range that starts with the number at ``start``, if it starts one."""
    window = max(0, start - LOOK_BACK)
    if _BETWEEN_BEFORE.search(text, window, start):
        return _RANGE_AND.match(text, end) or _RANGE_TO.match(text, end)
    return None if _FROM_BEFORE.search(text, window, start) else _RANGE_TO.match(text, end)


def _digits(numeral: str) -> str:
    """A numeral without its thousands separators ("420 000" and "420,000" are 420000)."""
    return re.sub(f"[,{_GROUP_SPACES}]", "", numeral)


def _shown(raw: str) -> str:
    """A number as a reason shows it: "4.50" as 4.5, "007" as 7."""
    return raw.rstrip("0").rstrip(".") if "." in raw else str(int(raw))


def _scale_word(short: re.Match[str]) -> str:
    return SHORT_SCALES[short.group(1)]


def _clause_words(text: str, start: int, end: int) -> list[str]:
    """The words of a number's clause before it and the few after it ("8% of its workforce")."""
    before = text[max(0, start - _ABOUT_BEFORE) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    before = before[breaks[-1].end() :] if breaks else before
    after = text[end:]
    after = after[: found.start()] if (found := _CLAUSE_BREAK.search(after)) else after
    window = _ABOUT_AFTER.match(after)
    return _WORDS_OF.findall(before + " " + (window.group(0) if window else ""))


def previous_figures(text: str) -> list[tuple[int, int]]:
    """The span of each figure something moved from, to the end of its clause: in "The average
    price was £271,450, down from £272,540 in October" October is when the earlier figure was, not
    the new one (``consistency`` leaves its dates and years out of the date checks)."""
    spans = []
    for match in _NUMBER.finditer(text):
        if is_previous(text, match.start()) and not _YEAR_WRITTEN.fullmatch(match.group(0)):  # "compared with 2010"
            spans.append((match.start(), match.end() + len(_clause_rest(text, match.end()))))
    return spans


def _clause_rest(text: str, end: int) -> str:
    """The text after ``end`` to the end of its clause."""
    after = text[end:]
    found = _CLAUSE_BREAK.search(after) or _SENTENCE_BREAK.search(after)
    return after[: found.start()] if found else after


def _then_words(text: str, start: int, end: int) -> frozenset[str]:
    """The words after a figure something moved from, to the end of its clause, that may say when
    it was ("compared with £1.20bn a year earlier": year, earlier), less those the text said before
    it: in "rose to 4.6% in the three months to September, up from 4.4% in the previous three
    months" only "previous" tells the earlier figure's time from the new one's."""
    after = _clause_rest(text, end)
    return (_content_words(_WORDS_OF.findall(after)) | _years_written(after)) - _content_words(
        _WORDS_OF.findall(text[:start])
    )


def _years_written(text: str) -> frozenset[str]:
    """The years a text writes: a claim's "at the 2016 census" says when its figure was, as a
    passage's "up 6.2% from 388,200 at the previous census in 2016" says when the earlier one was."""
    return frozenset(_YEAR_WRITTEN.findall(text))


def _content_words(words: list[str]) -> frozenset[str]:
    """Words that may say what a share is of: not function words, nor words of moving ("fell")."""
    folded = {singular(w.lower()) for w in words if len(w) > 2}
    return frozenset(w for w in folded if w not in _FUNCTION_WORDS and w not in MOVE_WORDS)


# A number the text says something is not: "eight months behind, not two years", "not one person".
_DENIED = re.compile(r"(?<![\w'’])not\s+[$€£]?\s*$", re.I)


def _quantity(text: str, start: int, shown: str, value: float, step: float = 1.0, claimed: bool = False) -> Quantity:
    """What a number allows (``_values``), and what it is a figure of (``figure_series``)."""
    return replace(_values(text, start, shown, value, step, claimed), series=series_of(text, start))


def _values(text: str, start: int, shown: str, value: float, step: float = 1.0, claimed: bool = False) -> Quantity:
    """What a number allows: the values that round to it at the last digit it gives (``step``),
    so "4 billion" allows 4.3 billion and 40 allows 39.6 but not 39; or what its bound allows. A
    ``claimed`` span "over two years" is the period something took (``counts.over_a_period``);
    a passage's is still read as a bound, which allows another span of something else it says
    ("worked at the council for 20 years" against "stole £640,000 over six years")."""
    bound = BOUND_BEFORE.search(text, max(0, start - LOOK_BACK), start)
    if bound is not None and claimed and over_a_period(text, bound.start(), start):
        bound = None
    if bound is None:
        half = step / 2 if value else 0.0  # nothing rounds to zero: "0%" is none, 0.001% is some
        if _DENIED.search(text, max(0, start - LOOK_BACK), start):
            return Quantity(f"not {shown}", value - half, value + half, value, denied=True)
        return Quantity(shown, value - half, value + half, value)
    shown = f"{bound.group(bound.lastgroup or 0).lower()} {shown}"  # "more than 100"
    # "more than 20" and "less than 20" leave out 20 itself, so they disagree; "at least 20" does not
    limit = limits_a_count(text, bound.start(), start)  # "seen within four hours"
    if bound["above"] or bound["at_least"]:
        return Quantity(shown, nextafter(value, inf) if bound["above"] else value, inf, limit=limit)
    if bound["below"] or bound["at_most"]:
        return Quantity(shown, 0.0, nextafter(value, 0.0) if bound["below"] else value, limit=limit)
    return Quantity(shown, (1 - _ROUGHLY) * value, (1 + _ROUGHLY) * value)


def _words_of_number(text: str, start: int, end: int, whole: bool) -> list[str]:
    """The words that say what a number is of: its clause's, or all of a claim's (``whole``)."""
    return _WORDS_OF.findall(text) if whole else _clause_words(text, start, end)


def _events(words: list[str]) -> frozenset[str]:
    """The kinds of what happened (``PEOPLE_EVENTS``) among a number's words, and whether it is an
    all-time extreme, a target or someone's expectation (``quantities.kinds_of``)."""
    folded = [word.lower() for word in words]
    return frozenset(kind for word in folded if (kind := PEOPLE_EVENTS.get(word))) | kinds_of(folded)
