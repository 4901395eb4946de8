"""Direction: a passage that says the claim's subject moved, or was judged, the other way.

A cross-encoder trained on small NLI sets reads shared words as agreement, so "Annual inflation fell
to 3.2% in October" can entail "Inflation rose in October" for it, and "Oskar Lind was acquitted"
can entail "Oskar Lind was convicted". News is full of such pairs: prices, rates, profits, turnout
and verdicts go one way or the other, contests are won or lost, and rulings upheld or overturned.
The checker finds a word of a direction in the claim ("rose", "increased", "highest", "convicted",
"won", "upheld") and a word of the opposite direction in the passage ("fell", "decreased", "lowest",
"acquitted", "lost", "overturned") that say it of the same thing: a content word of the claim among
the few words before both (their subject: "inflation rose", "Lind was acquitted"), or, for verbs
that take an object and adjectives ("cut rates" / "raised rates", "the lowest turnout"), among the
few words after both when one of them has no subject of its own. What was won or lost, approved or
rejected, must be the same in both ("Rovers lost their captain" says nothing of the match). A change
named as a noun is said of what follows it ("a 12% rise in half-year profit"), and a decision in a
relative clause of what comes before "which" ("the closure, which the government approved"). A
figure's change after a comma ("Unemployment stood at 4.1%, unchanged from the previous quarter"; "a
profit of 410 million crowns, down from 630 million") is said of what the clause names before the
figure, and "unchanged" opposes both directions.

It stays out of the way where the words do not oppose: a direction under a negation cue of
``negation`` ("did not fall": it may have stayed; "refused to cut") or a modal ("is expected to
fall", "will rise") states nothing about what happened, though a negated verdict is the other
verdict ("found not guilty"); a plan or forecast said plainly ("will rise", "would be halved") is
set against another such one only ("Spending on repairs will fall" / "Spending on repairs will rise
by a third"), a hedged one ("could fall", "is expected to fall") against none; and a passage that
also says the claim's direction of the same subject ("fell, then rose again") is left to the
model, unless a figure ties one move to the
claim's: "Total recorded crime fell 5%, while recorded violent crime rose 8%" says "fell" of
"Recorded crime rose by 5%", though "recorded ... crime rose" is in it too (bench/twelfth). A move
of the claim's direction to one of the claim's figures, its subject left out, is the claim's:
"Labour's fell by eight points to 29%" after "The Independents' share of the vote rose by 12
percentage points to 41%" says nothing against "Labour's share of the vote fell to 29%"
(bench/fifteenth).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from service.pipeline.direction_words import (
    ACTING_VERBS,
    CHANGE_NOUNS,
    DETERMINERS,
    MONTHS,
    NAMES_WHAT_FOLLOWS,
    NOT_DIRECTION,
    OF_AN_OBJECT,
    PASSIVE_OBJECT,
    SHOWN,
    SIGN,
    STILL,
    TWO_SIDED,
    TWO_WORD,
    YEAR,
    short_content_words,
)
from service.pipeline.figure_series import Series, other_series, series_before
from service.pipeline.negation import content_stem_list, negation_cue, normal_text

# Words that say a direction only before the figure that moved ("up 3%", "down from 630 million"),
# not in "set up", "up to 10" or "stepped down".
_BEFORE_A_FIGURE = frozenset({"up", "down"})
# ... and words that say one only of a reference: "well above the national rate" against "below the
# national rate" (bench/fiftieth), not "above the door" or "below 5%".
_BEFORE_A_REFERENCE = frozenset({"above", "below"})
_REFERENCES = frozenset("average averages rate rates norm target targets mean median expectations".split())
_REFERENCE_WORDS = 3
# A number keeps its inner marks ("1,200", "4.1%") and leaves a closing one to the sentence ("in 2019,").
# A number glued to a word by a hyphen is part of a name ("SARS-CoV-2", "COVID-19"), not a figure.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|(?<![^\W\d_]-)\d(?:[.,]?\d)*%?|[.,;:!?]")
# How many words before a direction word may hold its subject, and after it its object: enough for
# "Annual inflation was falling", "the former mayor, Oskar Lind, was acquitted" and "Turnout was
# 68%, the lowest".
SUBJECT_WORDS = 6
OBJECT_WORDS = 3
# ... and what was won, lost, approved or rejected, which a passage may describe at more length
# ("approved a 14-turbine wind farm on Carrow Moor" for "rejected the Carrow Moor wind farm", which
# shared no word in three, bench/fortyseventh).
DECIDED_OBJECT_WORDS = 6
# Before a direction word, this many words may hold a subject's head and the infinitive after it
# ("the opposition amendment to keep Harlow Vale's libraries open was approved").
INFINITIVE_WORDS = 10
_OBJECT_ENDS = frozenset("to on in at for from with over under into about".split())  # not "by" (a passive's doer), "of"
# Before "which", this many words may name what a relative clause's verb is said of.
ANTECEDENT_WORDS = 8
# After a direction word, this many words may give what it moved by and to ("fell by eight points to 29%").
FIGURE_WORDS = 6
# After a figure, this many words after "of" say what it counts ("31.4% of the vote").
FIGURE_OF_WORDS = 2
_SCALE_WORDS = frozenset("hundred thousand million billion trillion per cent percent points".split())
# What may follow "opened" or "closed" said of its subject: a time, a place, a reason or the clause's
# end; not "for", a span ("was closed for 18 months" is not against "reopens after 18-month repair").
INTRANSITIVE_NEXT = frozenset(
    """on in at to until after again last this yesterday today early from following because due
    indefinitely temporarily down and but while as . , ; :""".split()
)
# After a noun of how many ("a fall in the number of international students"), this many more words
# say of what.
OF_WHAT_WORDS = 3
# "would fight to keep the plant open": an aim, not a state ("will keep its schools open" is one).
_AIMED_AT = frozenset({("to", "keep"), ("to", "stay"), ("to", "remain")})
_AMOUNT_NOUNS = frozenset("number numbers amount share proportion level levels value".split())
# The subject is the last content words before the direction word ("quarterly profit fell").
SUBJECT_STEMS = 2
# Content words two objects must share to be one thing when their subjects differ.
SHARED_OBJECT_STEMS = 2
_PLACE_PREPOSITIONS = frozenset("in at across throughout".split())
_NOT_A_NOUN = frozenset("in at on of for from to by with a an the and or but than as over under since".split())
_AFTER_A_PLACE_NOT = _PLACE_PREPOSITIONS | frozenset("the a an and , . ; :".split())
_MODAL = frozenset("will would could may might should expected likely forecast forecasts predicted plans".split())
# A plan or a forecast said without a hedge ("will rise", "would be halved") is set against another
# such one only: "Spending on repairs will rise by a third" against "Spending on repairs will fall".
_PLAINLY_TO_COME = frozenset("will would".split())
_CLAUSE_END = frozenset(".;:!?")
# Before "to" and a direction word, words that make "to" a preposition or the verb a past intent:
# "from 4% to higher", "had agreed to cut" is still a plan, but "used to rise" is what was.
_TO_AS_PREPOSITION = frozenset("from used".split())
# Words that open another clause: what comes before them is not the direction word's subject
# ("sleep, and an increase in the time ...").
_CLAUSE_OPENERS = frozenset(
    "and or but while whereas as after because which that when since although though who".split()
)

# Before a verb that moves its object, these make it passive ("rates were cut"): its subject moved.
_BE_WORDS = frozenset("is are was were be been being".split())
# Words that open a relative clause, which may stand between a subject and its verb.
_RELATIVE_OPENERS = frozenset("which who".split())
# ... or a participle's aside, whose first word is a past participle ("reported in August").
_PARTICIPLE = re.compile(r"[a-z]{2,}ed")


@dataclass(frozen=True)
class Moved:
    """One direction word of a text and the content stems beside it."""

    word: str
    family: str
    sign: int
    names_what_follows: bool
    before: frozenset[str]
    after: frozenset[str]
    figures: frozenset[str] = frozenset()  # what it moved by or to ("rose by 5% to 20%": 5, 20)
    to_come: bool = False  # said of what will be ("will rise"), not of what was or is
    acts_on: bool = False  # an active verb that moves its object ("the bank cut its rate": ACTING_VERBS)
    series: Series | None = None  # what it is said of ("food price inflation eased": figure_series)


def opposed(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's direction word and the passage's opposite one, when they say it of the same
    thing; None otherwise.

    Examples:
        >>> opposed("Inflation rose in October.", "Annual inflation fell to 3.2% in October.")
        ('rose', 'fell')
        >>> opposed("Inflation rose in October.", "Inflation did not fall in October.")
        >>> opposed("Profit rose.", "Revenue fell, while profit rose.")
        >>> opposed("Fares will fall next year.", "Fares will rise by 4% next year.")
        ('fall', 'rise')
        >>> opposed("Fares fell last year.", "Fares will rise by 4% next year.")
        >>> opposed("Recorded crime rose by 5%.", "Recorded crime fell 5%, while recorded violent crime rose 8%.")
        ('rose', 'fell')
    """
    claimed = _moves(claim)
    if not claimed:
        return None
    found = _moves(passage)
    for said in claimed:
        against = [m for m in found if m.family == said.family and m.to_come == said.to_come and _same_subject(said, m)]
        # of one object, what the claim's doer did: "the energy secretary has approved a wind farm on
        # Carrow Moor, overruling the local council, which rejected the plans" against "the local
        # council approved the Carrow Moor wind farm" (bench/fortyseventh)
        against = [m for m in against if _same_doer(said, m)] or against
        # a figure ties a move to the claim's: "fell 5%, while violent crime rose 8%" against "rose 5%"
        if said.figures and (tied := [m for m in against if m.figures & said.figures]):
            against = tied
        elif said.figures and any(_same_move(said, m) for m in found):
            continue  # "Labour's fell by eight points to 29%": the claim's move, its subject left out
        if any(m.sign == said.sign for m in against):
            continue
        if opposite := next((m for m in against if m.sign != said.sign), None):
            return SHOWN.get(said.word, said.word), SHOWN.get(opposite.word, opposite.word)
    return None


def _same_doer(claimed: Moved, found: Moved) -> bool:
    """Whether a word of the passage is said by the claim's subject, or of it in a relative clause
    ("the local council, which rejected the plans")."""
    return bool(claimed.before & (found.before or found.after))


def moves_alike(claim: str, passage: str) -> bool:
    """Whether the passage says a move of a kind the claim says, of the same thing, either way:
    "Revenue rose 18%" for "Skylark Air's revenue fell", not "a loss of £41m, down from £96m"."""
    claimed = _moves(claim)
    return bool(claimed) and any(m.family == c.family and _same_subject(c, m) for c in claimed for m in _moves(passage))


def _same_subject(a: Moved, b: Moved) -> bool:
    """Whether two direction words are said of the same thing: a shared subject; for verbs with an
    object and adjectives, a shared object ("decreased susceptibility to diet-induced obesity" /
    "increased susceptibility to diet-induced obesity"), or one's object as the other's passive
    subject ("cut interest rates" / "interest rates were raised"). Where both have subjects of their
    own, one shared word of the object is not enough: "the risk of dementia" is not "the risk of
    early death". Words of a family ``OF_AN_OBJECT`` need the object, a subject in common or not.
    Against a verb with no object ("rose"; not a noun of change, "weight gain"), an active verb that
    moves its object (``ACTING_VERBS``: "the bank cut its rate") is said of its object, not of its
    subject."""
    if a.family in OF_AN_OBJECT:
        return _same_object(a, b)
    doer, mover = (a, b) if a.acts_on else (b, a)
    # ("will fall" is a verb, though "fall" may be a noun of change: "weight gain")
    if doer.acts_on and not mover.names_what_follows and (mover.word not in CHANGE_NOUNS or mover.to_come):
        # "The Bank of Varenne has cut its main interest rate" moved the rate, not the bank: it says
        # nothing of "Inflation in Varenne rose", whose subject is what moved
        return bool(doer.after & mover.before)
    if a.before & b.before:
        # ... of one thing, not two series of it: "services inflation" is not "annual inflation"
        return not other_series(a.series, b.series)
    if a.sign == STILL or b.sign == STILL:
        # "raised rates" / "rates were left unchanged": what one moves, the other leaves as it was
        return bool(a.names_what_follows and a.after & b.before or b.names_what_follows and b.after & a.before)
    if not (a.names_what_follows and b.names_what_follows):
        return False
    if shared := a.after & b.after:
        return len(shared) >= SHARED_OBJECT_STEMS or not (a.before and b.before)
    return bool(a.after & b.before or b.after & a.before)


def _same_object(a: Moved, b: Moved) -> bool:
    """Whether two words that are said of what follows them are said of one thing: a word of the
    object in common (two, where the subjects are two different ones), or, for a decision, one's
    object as the other's passive subject, or, both passive, one subject."""
    if shared := a.after & b.after:
        return len(shared) >= SHARED_OBJECT_STEMS or bool(a.before & b.before) or not (a.before and b.before)
    if a.family in PASSIVE_OBJECT and not a.after and not b.after:  # "the amendment was approved" / "was defeated"
        return bool(a.before & b.before)
    return a.family in PASSIVE_OBJECT and bool(a.after & b.before or b.after & a.before)


@lru_cache(maxsize=1024)
def _moves(text: str) -> tuple[Moved, ...]:
    """The direction words of ``text`` that state a direction (not negated, not a forecast); kept per
    text, since ``opposed`` and ``moves_alike`` read the claim and each passage found for it."""
    text = TWO_WORD.sub(lambda verb: "".join(verb.group().split()), NOT_DIRECTION.sub(" ", normal_text(text)))
    found = list(_TOKEN.finditer(text))
    written = [match.group() for match in found]
    tokens = [t.casefold() for t in written]
    out = []
    for i, token in enumerate(tokens):
        if token not in SIGN or _is_name(written, i):
            continue
        if token in _BEFORE_A_FIGURE and not _figure_follows(tokens[i + 1 : i + 6]):
            continue
        if token in _BEFORE_A_REFERENCE and not _REFERENCES & set(tokens[i + 1 : i + 1 + _REFERENCE_WORDS]):
            continue
        if SIGN[token][0] == "opening" and (
            tokens[i + 1 : i + 2]
            and tokens[i + 1] not in INTRANSITIVE_NEXT
            or _AIMED_AT & _pairs(tokens[max(0, i - 5) : i])
        ):
            continue
        before = _figure_subject(tokens[:i]) or _subject_words(tokens[:i])
        family, sign = SIGN[token]
        cue = negation_cue(" ".join(before))
        modals = _MODAL & set(before)
        if modals - _PLAINLY_TO_COME or (cue and (family not in TWO_SIDED or cue != "plain")):
            continue
        sign = -sign if cue else sign
        if changed := _changed_in(tokens, i):
            subject = frozenset(_content(changed))
        else:  # said of the words before an aside, if one stands between them and the verb, or a place
            place = _place_start(written, tokens, i)
            subject_words = _before_aside(tokens[:place]) or (_subject_words(tokens[:place]) if place < i else before)
            subject = frozenset(_content(subject_words)[-SUBJECT_STEMS:] + _content(_before_infinitive(tokens[:i])))
        if family in OF_AN_OBJECT:
            described = _object_words(tokens[i + 1 : i + 1 + DECIDED_OBJECT_WORDS])
            # to its first preposition: "an amendment to the budget" is not the budget
            described = list(itertools.takewhile(lambda word: word not in _OBJECT_ENDS, described))
            object_words = described + _antecedent(tokens, i)
            # what is won, lost or struck down is often a word of three letters ("the law", "the cup")
            after = frozenset(_content(object_words) + short_content_words(object_words))
        else:
            object_words = _object_words(tokens[i + 1 : i + 1 + OBJECT_WORDS])
            after = frozenset(_content(object_words))
        figures = _figures_after(tokens[i + 1 : i + 1 + FIGURE_WORDS])
        # a headline's "Energy price cap to fall" is a plan said plainly, as "will fall" is
        headline_plan = tokens[i - 1 : i] == ["to"] and not _TO_AS_PREPOSITION & set(tokens[max(0, i - 3) : i])
        to_come = bool(modals) or headline_plan
        acts_on = token in ACTING_VERBS and not _BE_WORDS & set(tokens[max(0, i - 2) : i])
        out.append(
            Moved(
                token,
                family,
                sign,
                token in NAMES_WHAT_FOLLOWS,
                subject,
                after,
                figures,
                to_come,
                acts_on,
                series_before(text, found[i].start()),
            )
        )
    return tuple(out)


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:], strict=False))


def _figures_after(words: list[str]) -> frozenset[str]:
    """The figures a direction word is followed by, before its clause ends ("rose by 5% to 20%")."""
    figures = []
    for word in words:
        if _ends_clause(word):
            break
        if word[0].isdigit():
            figures.append(word.rstrip("%").replace(",", ""))
    return frozenset(figures)


def _same_move(claimed: Moved, found: Moved) -> bool:
    """A move of the claim's family and direction to or by one of the claim's figures."""
    return found.family == claimed.family and found.sign == claimed.sign and bool(found.figures & claimed.figures)


def _antecedent(tokens: list[str], i: int) -> list[str]:
    """For a word in a relative clause ("the closure of the unit, which the government approved"),
    the words before "which": what the clause's verb is said of, its object. Empty elsewhere."""
    j = i - 1
    while j >= 0 and not _ends_clause(tokens[j]):
        j -= 1
    if j < 0 or tokens[j] != "which" or i - j > SUBJECT_WORDS:
        return []
    words = tokens[max(0, j - ANTECEDENT_WORDS) : j]
    if words and words[-1] == ",":
        words = words[:-1]
    ends = [k for k, word in enumerate(words) if _ends_clause(word)]
    return words[ends[-1] + 1 :] if ends else words


def _changed_in(tokens: list[str], i: int) -> list[str]:
    """For a direction word used as a noun before "in" or "of" ("a 12% rise in half-year profit",
    "the sharp fall in sales", "the increase of crime"), the words after it: what rose or fell, as
    the subject is of the verb. Empty elsewhere; a determiner or a figure before the word, or before
    its adjective, makes it a noun."""
    if tokens[i] not in CHANGE_NOUNS or tokens[i + 1 : i + 2] not in (["in"], ["of"]):
        return []
    if not any(_opens_noun(t) for t in tokens[max(0, i - 2) : i]):
        return []
    # "a 35% fall in the number of international students": the number of what, too
    of_what = OF_WHAT_WORDS if _AMOUNT_NOUNS & set(tokens[i + 2 : i + 4]) else 0
    changed = _object_words(tokens[i + 2 : i + 2 + OBJECT_WORDS + of_what])
    return [] if changed[:1] and (changed[0][0].isdigit() or changed[0] in MONTHS) else changed  # "a rise of 5%"


def _opens_noun(token: str) -> bool:
    return token in DETERMINERS or token[0].isdigit()


def _place_start(written: list[str], tokens: list[str], i: int) -> int:
    """Where a place named just before the direction word starts, with its preposition ("Average
    household size in Marlow County rose", "Turnout in the Ferndale by-election was higher"): the
    subject is the words before it, not the place's name, which fills the last ``SUBJECT_STEMS``
    otherwise. ``i`` when there is none."""
    end = i
    # "Airports in Tromvik and Nordby were closed", "Parking charges in Harlow Vale town centre will fall"
    while end > 0 and (tokens[end - 1] in _BE_WORDS or tokens[end - 1] in _MODAL):
        end -= 1
    start = end
    # a named place's event or area, in a word or two: "Turnout in the Ferndale by-election was higher"
    lower = end
    while (
        lower > 0
        and end - lower < 2
        and tokens[lower - 1] not in _AFTER_A_PLACE_NOT
        and not _is_name(written, lower - 1)
    ):
        lower -= 1
    if lower < end and lower > 0 and _is_name(written, lower - 1):
        start = lower
    while start > 0 and (_is_name(written, start - 1) or tokens[start - 1] == "and" and start < end):
        start -= 1
    if start < end and start > 1 and tokens[start - 1] == "the":
        start -= 1
    if start < end and start > 1 and tokens[start - 1] in _PLACE_PREPOSITIONS and _content(tokens[: start - 1]):
        return start - 1
    return i


def _is_name(words: list[str], i: int) -> bool:
    """A capital inside a sentence makes a name or a title of the word ("Derrick Rose", "Rising Star")."""
    return words[i][0].isupper() and i > 0 and words[i - 1] not in _CLAUSE_END


def _subject_words(words: list[str]) -> list[str]:
    """The last ``SUBJECT_WORDS`` words before a direction word (``words``: all of them), back to
    the start of its clause. A comma ends the clause only once a content word is found: "Oskar
    Lind, was acquitted" reaches back past it."""
    taken: list[str] = []
    for word in reversed(words[-SUBJECT_WORDS:]):
        if _ends_clause(word) and (word != "," or _content(taken)):
            break
        if word != ",":
            taken.insert(0, word)
    return taken


def _before_aside(words: list[str]) -> list[str]:
    """For a direction word whose verb follows an aside between commas, a relative clause or a
    participle's ("Fares in Scotland, which are set by the Scottish government, will fall"; "Profit
    for the first half, reported in August, was £96m, down 12%"), the words before the aside: what
    the verb is said of, not the aside's own subject. Empty elsewhere."""
    end = next((at for at in range(len(words) - 1, -1, -1) if words[at] == ","), None)
    if end is None or _content(words[end + 1 :]):
        return []
    for at in range(end - 1, max(0, end - ANTECEDENT_WORDS) - 1, -1):
        if words[at] in _RELATIVE_OPENERS or (words[at - 1 : at] == [","] and _PARTICIPLE.fullmatch(words[at])):
            return _subject_words(words[: at - 1]) if at and words[at - 1] == "," else []
        if _ends_clause(words[at]):
            return []
    return []


def _before_infinitive(words: list[str]) -> list[str]:
    """The head of a subject that an infinitive follows ("the opposition amendment to keep the
    libraries open was approved": amendment, bench/fiftysecond), whose last words are the
    infinitive's own; empty where none stands in the subject."""
    window = words[-INFINITIVE_WORDS:]
    ends = [k for k, word in enumerate(window) if _ends_clause(word)]
    window = window[ends[-1] + 1 :] if ends else window
    if "to" not in window[1:-1]:
        return []
    head = window[: window.index("to")]
    return head[-1:] if head and head[-1].isalpha() and head[-1] not in DETERMINERS else []


def _figure_follows(words: list[str]) -> bool:
    """A number next, or "from" and a number ("up 3%", "down from 630 million"), or "from" and the
    figure named ("down from a loss of 96 million", bench/fortyninth)."""
    if words[:1] == ["from"]:
        words = words[1:]
        if words[:1] and words[0] in DETERMINERS and words[2:3] == ["of"]:
            words = words[3:]
    return bool(words) and words[0][0].isdigit()


def _figure_subject(words: list[str]) -> list[str]:
    """For a direction word right after a comma that closes a figure's clause ("Unemployment stood
    at 4.1% in the third quarter, unchanged"; "Orbix reported a profit of 410 million crowns, down
    from 630 million"), the words before the figure: what the figure, and so the change, is of. The
    subject of the clause is further back than the few words read otherwise. The figure is the
    clause's last number that is not a year ("5 million in 2019, up from 4 million"). Empty elsewhere."""
    if not words or words[-1] != ",":
        return []
    body = words[:-1]
    breaks = [k for k, word in enumerate(body) if _ends_clause(word)]
    clause = body[breaks[-1] + 1 :] if breaks else body
    figure = max((k for k, word in enumerate(clause) if word[0].isdigit() and not re.fullmatch(YEAR, word)), default=0)
    if not figure:  # no figure, or nothing before it to say what it counts
        return []
    if not _content(clause[:figure]) and breaks:  # "Profit, reported in August, was £96m, down 12%"
        return _before_aside(body[: breaks[-1] + 1 + figure])
    of_what = clause[figure + 1 :]
    while of_what and of_what[0] in _SCALE_WORDS:
        of_what = of_what[1:]
    # "31.4% of the vote", "340 vacant nursing posts": the figure's own noun says what it is of, as
    # well as the words before it
    if of_what[:1] == ["of"]:
        return clause[:figure] + of_what[1 : 1 + FIGURE_OF_WORDS]
    noun = list(itertools.takewhile(lambda word: word.isalpha() and word not in _NOT_A_NOUN, of_what))
    # read before the clause's own words, whose last words stay the subject's
    return noun[: FIGURE_OF_WORDS + 1][-FIGURE_OF_WORDS:] + clause[:figure]


def _object_words(words: list[str]) -> list[str]:
    """The words after a direction word up to the end of its clause."""
    end = next((i for i, word in enumerate(words) if _ends_clause(word)), len(words))
    return words[:end]


def _ends_clause(word: str) -> bool:
    """A sentence mark, a comma or a word that opens another clause."""
    return word in _CLAUSE_END or word in _CLAUSE_OPENERS or word == ","


def _content(words: list[str]) -> list[str]:
    """The content stems of ``words`` in order, leaving out direction words."""
    return content_stem_list(" ".join(w for w in words if w not in SIGN))
