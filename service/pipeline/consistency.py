"""Consistency checks NLI models are weak at: numbers, dates, directions, negation and named entities.

``reasons(claim, passage)`` explains, in words, where a passage disagrees with the claim on a
number or a date (a year, a decade, a range or bound of years: ``years``; a month and day:
``dates``; "last year" and "on Tuesday" too when the article's publication day is known:
``relative_dates``; a day of the week or a time of day, "on Monday" against "early on Tuesday",
"in the afternoon" against "at about 3 a.m.": ``day_times``), leaving out those of an aside the
claim is not about ("The plant, which opened in 1978, has had a fire before": ``asides``), says
the claim's subject moved or was
judged the other way ("fell" against "rose", "acquitted" against "convicted": ``direction``; a
loss against a profit: ``accounts``),
says the claim's action with its two names the other way round ("Rovers beat City" against "City
beat Rovers", "Labour is ahead of the Conservatives" against "The Conservatives lead Labour":
``roles``), says fewer than half did what the claim says most did (``majorities``), denies it in
its own words (``negation``), lacks a name the claim relies on, or gives the claim's office to
someone else (``names`` decides when a name counts as present).
Numbers are compared only when they count the same thing: "40 times" against "39 times", never "5
days" against "39 times", and "more than 30 times" allows 39, while "not two years" denies two
(``numbers``). A correction's withdrawn error ("An earlier version of this article said ...")
gives one reason, that the page corrects the claim, when the claim repeats it, and none otherwise
(``corrections``). ``adjust`` moves
probability from entailment to contradiction when a number, date, direction or the roles disagree
or the passage negates the claim; which kinds it acts on is a setting whose default comes from the
dev-set ablation in models/README.md. Missing names never move a stance (that ablation shows why); the aggregator only
lets a passage about another subject that is not close to the claim take no side
(``aggregate.off_subject``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from datetime import date

import numpy as np

from service.pipeline.accounts import opposite_result
from service.pipeline.answers import answers_the_claim, refuting_answer
from service.pipeline.asides import asides
from service.pipeline.comparisons import other_groups_figure, other_members_figure, reversed_comparison
from service.pipeline.contests import beaten_winner, other_doer, other_elected, other_finalist
from service.pipeline.corrections import withdrawn
from service.pipeline.dates import Date, dateline_end, dates_disagree, day_edge, find_dates
from service.pipeline.day_times import times_disagree, times_of_day, weekdays, weekdays_disagree
from service.pipeline.direction import opposed
from service.pipeline.majorities import all_but_mismatch, majority_mismatch
from service.pipeline.names import PassageWords, claim_names, role_holder
from service.pipeline.negation import content_stems, contrasted_phrase, negated_clause, negation_cue
from service.pipeline.numbers import previous_figures, read_numbers
from service.pipeline.order import opposite_order
from service.pipeline.overlap import shared_words
from service.pipeline.places import claimed_places, other_place
from service.pipeline.quantities import ANOTHER_TIME, Quantity, number_mismatches
from service.pipeline.ratings import refuting_rating
from service.pipeline.relative_dates import find_relative_dates, find_relative_days
from service.pipeline.roles import other_first, swapped_comparison, swapped_lead, swapped_roles
from service.pipeline.scorelines import scoreline_statement
from service.pipeline.votes import vote_mismatch
from service.pipeline.years import claimed_edge, years_disagree

_WORDS = re.compile(r"[^\W\d_]+")
_EARLIER_EVENT_WORDS = 2  # content words a claim shares with an earlier figure's clause to be about it
_OPENING_PRONOUN = re.compile(r"\s*(?:It|They|He|She)(?=\s+(?:will|would|was|were|is|are|has|have|had)\b)")
# Each reason opens with its kind; API clients may match on these.
NUMBER_MISMATCH = "number mismatch"
DATE_MISMATCH = "date mismatch"
MISSING_NAME = "not in passage"
OTHER_PERSON = "different person in the same role"
# A claim name the passage lacks, whether or not it names someone else in the same role.
NAME_REASONS = (MISSING_NAME, OTHER_PERSON)
NEGATION = "negated in passage"
DIRECTION_MISMATCH = "direction mismatch"
ROLES_SWAPPED = "roles swapped"
PLACE_MISMATCH = "place mismatch"  # an event of one place put somewhere else (``places``)
RATED = "rated in passage"  # a fact-check rates the claim false or misleading (``ratings``)
CORRECTED = "corrected in passage"  # the page withdraws what the claim says (``corrections``)
ANSWERED = "answered in passage"  # the page answers "No." to the question the claim states (``answers``)
REASON_KINDS = (
    NUMBER_MISMATCH,
    DATE_MISMATCH,
    DIRECTION_MISMATCH,
    ROLES_SWAPPED,
    PLACE_MISMATCH,
    NEGATION,
    RATED,
    CORRECTED,
    ANSWERED,
    MISSING_NAME,
    OTHER_PERSON,
)
# A rated claim counts as the rating's, and a withdrawn statement as the claim's, when it repeats at
# least this share of the claim's words (an answered question: ``answers.ANSWER_SHARE``).
_RATED_SHARE = 0.5
# Reasons that name what differs, not a cue: a contradiction they explain is the source's
# evidence over a less similar support (aggregate.source_stance).
CONCRETE_MISMATCHES = (
    NUMBER_MISMATCH,
    DATE_MISMATCH,
    DIRECTION_MISMATCH,
    ROLES_SWAPPED,
    PLACE_MISMATCH,
    RATED,
    CORRECTED,
    ANSWERED,
)
# The reason each word of a CLAIMSCOPE_CONSISTENCY_ADJUST mode ("numbers,negation") acts on.
ADJUSTED_REASONS: dict[str, str] = {
    "numbers": NUMBER_MISMATCH,
    "dates": DATE_MISMATCH,
    "direction": DIRECTION_MISMATCH,
    "roles": ROLES_SWAPPED,
    "places": PLACE_MISMATCH,
    "negation": NEGATION,
}
# Share of the entailment probability moved to contradiction per reason. A mismatched number or date
# is near proof; a negation cue, or a direction word that may be said of something else, is weaker
# evidence, so it only tips a pair the model is unsure of (each of those two shares is the best of
# the dev sweep in models/README.md, where a test keeps them equal). A passage that gives the claim's
# own verb with its two names the other way round is as near proof as a changed number (the dev sets
# hold too few such pairs to sweep a share on), and so is a passage that puts an event of one place
# somewhere else ("founded in 1962 in Bradford" for "founded in Leeds").
ADJUST_SHARES: dict[str, float] = {
    NUMBER_MISMATCH: 0.8,
    DATE_MISMATCH: 0.8,
    DIRECTION_MISMATCH: 0.6,
    ROLES_SWAPPED: 0.8,
    PLACE_MISMATCH: 0.8,
    NEGATION: 0.2,
}


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def reasons(
    claim: str,
    passage: str,
    published: date | None = None,
    claimed: date | None = None,
    proper: Collection[str] = (),
    premise: str | None = None,
) -> list[str]:
    """Human-readable disagreements between claim and passage (empty when none are found).
    ``published``, the day the passage's article came out, dates its "last year", "next month",
    "on Tuesday" and "last week"; ``claimed``, the day the claim was made, dates the claim's;
    ``proper``, the words the passages found for the claim write as names, says whether the
    claim's first word is one (``names.proper_words``); ``premise``, what the stance model reads
    for the passage (``premise.claim_premises``), may name what the passage calls "the company".

    Examples:
        >>> reasons("Xi has met Putin 40 times", "Xi has met Putin in person 39 times")
        ['number mismatch: claim 40, passage 39']
        >>> reasons("Xi last visited Russia in 2017.", "Xi last visited Russia in 2019.")
        ['date mismatch: claim 2017, passage 2019']
        >>> reasons("The film came out on May 28.", "It was released on July 28, 2017.")
        ['date mismatch: claim May 28, passage July 28']
        >>> reasons("The minister signed the treaty.", "The minister refused to sign the treaty.")
        ['negated in passage: "refused to sign the treaty"']
        >>> reasons("Putin was in Beijing in 2021.", "Putin was in Beijing last year.", date(2023, 3, 17))
        ['date mismatch: claim 2021, passage 2022 (last year)']
        >>> reasons("Inflation rose in October.", "Annual inflation fell to 3.2% in October.")
        ['direction mismatch: claim rose, passage fell']
        >>> reasons("City beat Rovers.", "Rovers beat City 2-1 on Saturday.")
        ['roles swapped: claim "City beat Rovers", passage "Rovers beat City"']
    """
    claim, passage = _text(claim), _text(passage)
    premise = _text(premise) if premise is not None else None
    passage = scoreline_statement(passage) or passage  # "Rovers 3-1 City" says "Rovers beat City 3-1"
    if (error := withdrawn(passage)) is not None:  # an error the page corrects says only that it was wrong
        return [f'{CORRECTED}: "{error}"'] if repeats(claim, error, published, claimed) else []
    out = []
    aside = asides(claim, passage)  # "The plant, which opened in 1978, ...": numbers of another event
    if dateline := dateline_end(passage):  # "HALDEN, Nov. 18, 2026 — ": when the story was filed
        aside = [(0, dateline), *aside]
    claim_dates = find_dates(claim)
    claim_years, claim_numbers = read_numbers(claim, [span for _, span in claim_dates], whole=True)
    passage_dates = [(day, span) for day, span in find_dates(passage) if not any(a <= span[0] < b for a, b in aside)]
    passage_years, passage_numbers = read_numbers(passage, [span for _, span in passage_dates] + aside)
    # the dates of a figure something moved from ("down from £272,540 in October") are its own,
    # unless the claim gives that figure
    previous = previous_figures(passage)
    if previous and not _gives_earlier_figure(claim_numbers, passage_numbers) and not _about(claim, passage, previous):
        passage_dates = [(day, span) for day, span in passage_dates if not any(a <= span[0] < b for a, b in previous)]
        passage_years = read_numbers(passage, [span for _, span in passage_dates] + aside + previous)[0]
    names = claim_names(claim, proper)
    missing = _missing(names, passage)
    # a passage without the claim's names says its direction of someone or something else, unless
    # the sentence before it, which the stance model reads it with, names them ("Hartwell Homes
    # brought the case. The company had lost its first challenge.")
    named = _named_in(missing, premise)
    name_words = frozenset(word.lower() for name in names for word in _WORDS.findall(name))
    claimed_numbers, found = number_mismatches(claim_numbers, passage_numbers, name_words)
    if claimed_numbers:
        out.append(f"{NUMBER_MISMATCH}: claim {', '.join(sorted(claimed_numbers))}, passage {', '.join(sorted(found))}")
    # "unanimously", "most", another group's figure, two figures the other way round ("She takes home
    # £210,000, while Lindgren receives £112,000")
    elif figure := _figure_in_words(claim, passage) or reversed_comparison(claim, passage, missing if named else ()):
        out.append(f"{NUMBER_MISMATCH}: claim {figure[0]}, passage {figure[1]}")
    claim_year_names, claim_day_names, claim_edges = _dated(claim, claim_dates, claim_years, claimed)
    year_names, day_names, edges = _dated(passage, passage_dates, passage_years, published)
    day_names = _at_the_claims_edge(day_names, edges, set(claim_edges.values()))
    if years_disagree(set(claim_year_names), set(year_names), claimed_edge(claim)):
        out.append(f"{DATE_MISMATCH}: claim {_named(claim_year_names)}, passage {_named(year_names)}")
    if dates_disagree(set(claim_day_names), set(day_names)):
        out.append(f"{DATE_MISMATCH}: claim {_listed(claim_day_names)}, passage {_listed(day_names)}")
    out.extend(_day_and_time(claim, passage, premise if not (passage_dates or passage_years) else None))
    if named and (
        moved := opposed(claim, _pronoun_named(passage, missing))
        or opposite_result(claim, passage)
        or opposite_order(claim, passage)
    ):
        out.append(f"{DIRECTION_MISMATCH}: claim {moved[0]}, passage {moved[1]}")
    if (
        named
        and (
            swapped := (
                swapped_roles(claim, passage)
                or beaten_winner(claim, passage)
                or swapped_lead(claim, passage)
                or swapped_comparison(claim, passage)
            )
        )
        # one first ("Maths remained the most popular subject"), one winning goal, two finalists:
        # the passage's other name is the evidence, whether or not it names the claim's
        or (
            swapped := other_first(claim, passage)
            or other_doer(claim, passage)
            or other_finalist(claim, passage)
            or other_elected(claim, passage)
        )
    ):
        out.append(f'{ROLES_SWAPPED}: claim "{swapped[0]}", passage "{swapped[1]}"')
    # the place of an event of one place is compared, not relied on: the passage may name another
    places = claimed_places(claim)
    unplaced = [name for name in missing if name not in places]
    if _named_in(unplaced, premise) and (place := other_place(claim, passage)):
        out.append(f"{PLACE_MISMATCH}: claim {place[0]}, passage {place[1]}")
    others = {name: role_holder(role, passage) for name, role in missing.items() if role}
    for name, other in sorted(others.items()):
        if other:
            out.append(f"{OTHER_PERSON}: claim {name}, passage {other} ({missing[name]})")
    if absent := sorted(name for name in missing if not others.get(name)):
        out.append(f"{MISSING_NAME}: {', '.join(absent)}")
    if denial := negated_clause(claim, passage) or contrasted_phrase(claim, passage):
        out.append(f'{NEGATION}: "{denial}"')
    if (rating := refuting_rating(passage)) and shared_words(claim, passage) >= _RATED_SHARE:
        out.append(f'{RATED}: "{rating}"')
    # "Can the vaccine give you flu? No." against "The vaccine can give you flu", not "... cannot ..."
    if (answer := refuting_answer(passage)) and answers_the_claim(claim, passage) and not negation_cue(claim):
        out.append(f'{ANSWERED}: "{answer}"')
    return out


def named_in_premise(claim: str, passage: str, premise: str, proper: Collection[str] = ()) -> bool:
    """Whether the passage gives every name the claim gives, or the sentences the stance model reads
    it after (``premise``) give those it lacks: whether it is about the claim's subject."""
    return _named_in(_missing(claim_names(claim, proper), passage), premise)


def _missing(names: dict[str, str], passage: str) -> dict[str, str]:
    """The claim's names (each with its role) that the passage does not mention."""
    words = PassageWords.of(passage)
    return {name: role for name, role in names.items() if not words.mention(name)}


def _named_in(missing: Collection[str], premise: str | None) -> bool:
    """Whether the passage names each of the claim's names, or the sentences it is read after
    (``premise``) name those it lacks (``missing``)."""
    return not missing or (premise is not None and all(map(PassageWords.of(premise).mention, missing)))


def _pronoun_named(passage: str, missing: Collection[str]) -> str:
    """A passage that opens with "It", "They", "He" or "She" with the one name the claim gives and it
    lacks in their place, where the sentences it is read after name it (see ``reasons``): "It will
    be closed on Mondays" after "Kelford Museum reopens after £26m revamp" says the museum will be
    (bench/fortyfirst), and the direction checker reads a pronoun as no subject."""
    if len(missing) != 1 or not (opening := _OPENING_PRONOUN.match(passage)):
        return passage
    return f"{next(iter(missing))}{passage[opening.end() :]}"


def _figure_in_words(claim: str, passage: str) -> tuple[str, str] | None:
    """A figure the number checker does not compare: "unanimously" against a split tally
    (``votes``), "most" against a percentage and "all" against "all but" some (``majorities``), or
    one group's figure claimed for the group it is set against, or one list member's figure claimed
    for another (``comparisons``)."""
    return (
        vote_mismatch(claim, passage)
        or majority_mismatch(claim, passage)
        or all_but_mismatch(claim, passage)
        or other_groups_figure(claim, passage)
        or other_members_figure(claim, passage)
    )


def _about(claim: str, passage: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the claim is about what one of the passage's ``spans`` says ("Work on the bridge
    began in 2023" of "up from the £245m budgeted when work began in 2023"): it shares two of its
    content words, its years aside, and not an earlier one of its kind the claim does not name ("at
    the last mayoral election in 2022" for "Turnout in the 2026 mayoral election was 31.2%")."""
    words = content_stems(claim)
    said = {word.lower() for word in _WORDS.findall(claim)}
    return any(
        len(words & content_stems(passage[start:end])) >= _EARLIER_EVENT_WORDS
        and not {word.lower() for word in _WORDS.findall(passage[start:end])} & ANOTHER_TIME - said
        for start, end in spans
    )


def _gives_earlier_figure(claim: dict[str, set[Quantity]], passage: dict[str, set[Quantity]]) -> bool:
    """Whether a number of the claim is one of the passage's figures something moved from."""
    claimed = [c for found in claim.values() for c in found]
    earlier = [p for found in passage.values() for p in found if p.then is not None]
    return any(c.same_number(p) for c in claimed for p in earlier)


def repeats(claim: str, error: str, published: date | None = None, claimed: date | None = None) -> bool:
    """Whether ``claim`` says what a page withdraws (``corrections``): it shares half the claim's
    words, and no number or date of the claim differs from it ("The plant opened in 1987" is the
    correction of "the plant opened in 1978", not the error).

    Examples:
        >>> repeats("The plant opened in 1978.", "the plant employed 1,200 people and opened in 1978")
        True
        >>> repeats("The plant opened in 1987.", "the plant employed 1,200 people and opened in 1978")
        False
    """
    if shared_words(claim, error) < _RATED_SHARE:
        return False
    return not has_reason(reasons(claim, error, published, claimed), (NUMBER_MISMATCH, DATE_MISMATCH))


def _dated(
    text: str, dates: list[tuple[Date, tuple[int, int]]], years: set[str], day: date | None
) -> tuple[dict[str, str], dict[Date, str], dict[Date, str | None]]:
    """The years and dates of ``text``, each with what a reason calls it ("2022 (last year)"):
    those it gives, and, when the ``day`` it was written is known, those it gives from that day;
    and whether each date begins or ends something (``dates.day_edge``)."""
    year_names = {year: year for year in years}
    day_names = {found: str(found) for found, _ in dates}
    edges = {found: day_edge(text, span[0]) for found, span in dates}
    if day:
        for relative in find_relative_dates(text, day):
            year_names.setdefault(relative.years, f"{relative.years} ({relative.phrase})")
            if relative.month:
                day_names.setdefault(relative.month, f"{relative.month} ({relative.phrase})")
        # a day of the week dates a day, not a year: "said on Monday" would wrongly date a
        # background fact's year far more often than it dates the claim's
        for relative_day in find_relative_days(text, day):
            for span in relative_day.dates():
                day_names.setdefault(span, str(relative_day))
                edges.setdefault(span, day_edge(text, relative_day.start))
    return year_names, day_names, edges


def _at_the_claims_edge(
    day_names: dict[Date, str], edges: dict[Date, str | None], claimed: set[str | None]
) -> dict[Date, str]:
    """The passage's dates a claim's may disagree with: when every claim date ends something
    ("until 7 December"), not one that begins something ("from Sunday"), and the other way round."""
    if len(claimed) != 1 or None in claimed:
        return day_names
    return {day: name for day, name in day_names.items() if edges.get(day) in (None, *claimed)}


def _day_and_time(claim: str, passage: str, premise: str | None) -> list[str]:
    """A day of the week or a time of day the passage gives against the claim's. A passage that
    names no day is read with the sentence before it when the stance model reads it so ("The blaze
    broke out at about 3 a.m." after "... early on Tuesday"): a story's day carries over, unless
    the passage gives a date of its own ("The record low was set in January 1987"), which the caller
    leaves ``premise`` out for. Its time of day does not ("Staffing levels at night have not
    changed" before "The plant has had a fire before")."""
    out = []
    claim_days = weekdays(claim)
    days = weekdays(passage) or (weekdays(premise) if premise is not None else {})
    if weekdays_disagree(claim_days, days):
        out.append(f"{DATE_MISMATCH}: claim {', '.join(claim_days)}, passage {', '.join(dict.fromkeys(days.values()))}")
    claim_times = times_of_day(claim)
    times = times_of_day(passage)
    if times_disagree(claim_times, times):
        shown = ", ".join(dict.fromkeys(t.shown for t in times))
        out.append(f"{DATE_MISMATCH}: claim {', '.join(t.shown for t in claim_times)}, passage {shown}")
    return out


def _listed(dates: dict[Date, str]) -> str:
    """The dates by name, in calendar order, each name once ("on Tuesday" may span two months)."""
    return ", ".join(dict.fromkeys(dates[d] for d in sorted(dates, key=Date.sort_key)))


def _named(years: dict[str, str]) -> str:
    return ", ".join(years[year] for year in sorted(years))


def has_reason(found: list[str], kinds: str | tuple[str, ...]) -> bool:
    """Whether ``found`` holds a reason of one of ``kinds`` (each reason opens with its kind)."""
    return any(reason.startswith(kinds) for reason in found)


def adjusted_kinds(mode: str) -> tuple[str, ...]:
    """The reasons a CLAIMSCOPE_CONSISTENCY_ADJUST mode acts on: none, all, or a comma list of words."""
    if mode == "none":
        return ()
    if mode == "all":
        return tuple(ADJUSTED_REASONS.values())
    return tuple(ADJUSTED_REASONS[word] for word in mode.split(","))


def adjust(scores: np.ndarray, found: list[str], kinds: tuple[str, ...] | None = None) -> np.ndarray:
    """Move entailment probability to contradiction when ``found`` holds a reason of one of ``kinds``
    (all that adjust unless told): the largest share of ``ADJUST_SHARES`` among them; and all of it
    to neutral when the passage gives the claim's role to another person."""
    acting = [kind for kind in (adjusted_kinds("all") if kinds is None else kinds) if has_reason(found, kind)]
    if acting:
        scores = shift_entailment(scores, max(ADJUST_SHARES[kind] for kind in acting), to=2)
    # a passage that gives the claim's office to someone else says nothing for the claim's holder,
    # however many words it shares with it ("Hartwell Homes' chief executive, Simon Reyes, ..."
    # entailed "Margaret Doyle is the chief executive of Hartwell Homes" at 0.86, bench/fourth)
    return shift_entailment(scores, 1.0, to=1) if has_reason(found, OTHER_PERSON) else scores


def shift_entailment(scores: np.ndarray, share: float, to: int) -> np.ndarray:
    """Move ``share`` of the entailment probability (column 0) to column ``to``, in one row of
    scores or in each row of many."""
    out = scores.astype(np.float32).copy()
    moved = out[..., 0] * share
    out[..., 0] -= moved
    out[..., to] += moved
    return out
