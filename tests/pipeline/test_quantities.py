"""Quantities as the checker compares them (``numbers`` reads them; its tests read whole sentences)."""

from __future__ import annotations

import pytest

from service.pipeline.numbers import read_numbers
from service.pipeline.quantities import UNCOUNTED, Quantity, number_mismatches
from tests.pipeline.test_numbers import disagree_on_numbers


def plain(shown: str, value: float, events: frozenset[str] = frozenset(), part_of: float | None = None) -> Quantity:
    return Quantity(shown, value - 0.5, value + 0.5, value, events=events, part_of=part_of)


def test_numbers_of_one_unit_disagree_when_none_allows_another() -> None:
    assert number_mismatches({"time": {plain("40", 40)}}, {"time": {plain("39", 39)}}) == ({"40"}, {"39"})
    assert number_mismatches({"time": {plain("40", 40)}}, {"day": {plain("39", 39)}}) == (set(), set())


def test_a_number_of_no_known_count_may_be_the_claims() -> None:
    passage = {"minute": {plain("40", 40)}, UNCOUNTED: {plain("14", 14)}}
    assert number_mismatches({"minute": {plain("14", 14)}}, passage) == (set(), set())
    assert number_mismatches({"minute": {plain("12", 12)}}, passage) == ({"12"}, {"40"})


def test_a_target_and_an_all_time_extreme_agree_only_with_their_own_kind() -> None:
    target = plain("75", 75, events=frozenset({"target"}))
    assert number_mismatches({"%": {plain("75", 75)}}, {"%": {target, plain("68", 68)}}) == ({"75"}, {"68"})
    assert number_mismatches({"%": {target}}, {"%": {target, plain("68", 68)}}) == (set(), set())
    record = plain("19.4", 19.4, events=frozenset({"all-time"}))
    assert number_mismatches({"c": {plain("12", 12)}}, {"c": {record}}) == (set(), set())


def test_parts_of_one_whole_disagree() -> None:
    claim = {"library": {plain("8", 8, part_of=16.0), plain("16", 16)}}
    passage = {"library": {plain("4", 4, part_of=16.0), plain("16", 16)}}
    assert number_mismatches(claim, passage) == ({"8"}, {"4"})


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # spans of time meet in another unit: 48 hours are two days, not a week
        ("The walkout will last two days.", "The walkout will last 48 hours.", False),
        ("The walkout will last three days.", "The walkout will last 48 hours.", True),
        ("The walkout will last a week.", "The walkout will last 48 hours.", True),
        ("The repair took a fortnight.", "The repair took 14 days.", False),
        # ... months and years too, and "for" makes "a month" a span
        ("Schools will stay closed for a month.", "Schools will stay closed for a week.", True),
        ("The ban lasts a year.", "The ban lasts 12 months.", False),
        ("Ann Pell was jailed for a year.", "Ann Pell, 41, was jailed.", False),
        # "a week" alone counts nothing; an age is not a span of time
        ("The walkout was called a week ago.", "The walkout will last 48 hours.", False),
        ("The strike lasted 34 hours.", "Smith, 34, joined the strike.", False),
        # half an hour, an hour and a half
        ("Bidding lasted more than half an hour.", "Bidding lasted 11 minutes.", True),
        ("Bidding lasted half an hour.", "Bidding lasted 30 minutes.", False),
        ("The flight took an hour and a half.", "The flight took 90 minutes.", False),
        ("The flight took an hour and a half.", "The flight took 40 minutes.", True),
    ],
)
def test_spans_of_time_are_compared_across_units(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # "five other writers" and the one who beat them: six in all, or five besides her
        ("Six writers were on the shortlist.", "Ellison beat five other writers on the shortlist.", False),
        ("Five writers were on the shortlist.", "Ellison beat five other writers on the shortlist.", False),
        ("Seven writers were on the shortlist.", "Ellison beat five other writers on the shortlist.", True),
        ("Four writers were on the shortlist.", "Ellison beat 5 other writers on the shortlist.", True),
        ("Six writers were on the shortlist.", "Ellison beat five writers on the shortlist.", True),
        # ... but besides those the text counts: two and two others are four
        ("Three women wore swimsuits.", "Two women in swimsuits leap while two other women watch.", True),
    ],
)
def test_a_count_of_others_leaves_one_out(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # an age in a decade ("in his 70s") is an age in years, as "aged 74" is
        ("The man who died was in his 40s.", "The man, who was in his 70s, was driving.", True),
        ("The man who died was in his 40s.", "The man who died, Tom Hale, 45, was driving.", False),
        ("The woman who was hurt is in her late 70s.", "The woman who was hurt, Ann Lee, 71, was walking.", True),
        ("The driver was in his early 40s.", "The driver was in his mid-40s.", False),
        # a decade of years is a date, not an age
        ("The man who died was in his 40s.", "The pier was built in the 1940s.", False),
    ],
)
def test_an_age_in_a_decade_allows_the_ages_in_it(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # "under" after a sum says where it applies, not what it counts: the sum the bill moved from
        (
            "A household pays £1,742 a year under the current cap.",
            "It will pay £1,690 a year, down from £1,742 under the current cap.",
            False,
        ),
        (
            "A household pays £1,750 a year under the current cap.",
            "It will pay £1,690 a year, down from £1,742 under the current cap.",
            True,
        ),
        ("The fine was £5,000 after the appeal.", "The fine was cut to £3,000 after the appeal.", True),
    ],
)
def test_a_preposition_after_a_number_is_not_what_it_counts(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


RUNWAY = "The runway would let the airport handle 35 million passengers a year, up from 19 million now."


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a figure something moved from counts what the figure it moved to counts, and "now" dates
        # it today
        ("The airport handles 19 million passengers a year.", RUNWAY, False),
        ("The airport handles 25 million passengers a year.", RUNWAY, True),
        ("The airport could handle 35 million passengers a year.", RUNWAY, False),
        # ... while an earlier figure is the claim's only at its time
        ("Sales were £5m in 2024.", "Sales rose to £6m in 2025, up from £5m in 2024.", False),
        ("Sales were £5m in 2025.", "Sales rose to £6m in 2025, up from £5m in 2024.", True),
        # a figure the claim says was earlier is compared only with an earlier one
        ("A year earlier, 66% of calls were answered in time.", "In May 58% of calls were answered in time.", False),
        ("A year earlier, 66% of calls were answered in time.", "A year earlier 61% of calls were answered.", True),
        ("In May 66% of calls were answered in time.", "In May 58% of calls were answered in time.", True),
        # ... and a figure of a "when" clause after a year is that year's
        ("A quake of magnitude 6.1 hit.", "It was the worst since 1998, when a magnitude 7.1 quake hit.", False),
        ("The 1998 quake was magnitude 6.1.", "It was the worst since 1998, when a magnitude 7.1 quake hit.", True),
    ],
)
def test_a_figure_moved_from_counts_what_it_moved_to_counts(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


BRIDGE = "The bridge will cost £318m, up from the £245m budgeted when work began in 2023."
ELECTION = "Turnout was 31.2%, down from 35.6% at the last mayoral election in 2022."
GRADES = "Girls did better, with 27.0% of their entries getting an A or A*, compared with 25.6% for boys."


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a figure set against another group's is that group's figure now, not an earlier one
        ("25.6% of boys' entries got an A or A*.", GRADES, False),
        ("26.1% of boys' entries got an A or A*.", GRADES, True),
        # ... unless what it is for is a time
        ("Sales were £1.20bn.", "Sales rose to £1.24bn, compared with £1.20bn for the same period last year.", True),
        ("Sales were £1.20bn.", "Sales rose to £1.24bn, compared with £1.20bn for 2025.", True),
        # a figure set against an average is the average's, compared only with a claim's average
        (
            "Reservoirs are at 71% of capacity.",
            "Reservoirs are at 48%, against an average of 71% for the time of year.",
            True,
        ),
        (
            "Reservoirs are at 48% of capacity.",
            "Reservoirs are at 48%, against an average of 71% for the time of year.",
            False,
        ),
        (
            "The average for the time of year is 71%.",
            "Reservoirs are at 48%, against an average of 71% for the time of year.",
            False,
        ),
        # goals scored are a count, not a target; "including 19" counts what the count before it does
        ("Brandt scored 19 league goals.", "He scored 27 goals, including 19 in the league.", False),
        ("Brandt scored 21 goals.", "He scored 27 goals, including 19 in the league.", True),
        ("The club met its goal of 19 signings.", "The club made 21 signings.", False),
        # a claim that says an earlier figure's time is compared with the earlier figure alone
        ("The bridge was budgeted at £318m when work began.", BRIDGE, True),
        ("The bridge was budgeted at £245m when work began.", BRIDGE, False),
        ("The bridge will cost £318m.", BRIDGE, False),
        # ... but not the time of an earlier one of its kind it does not name ("the last election")
        ("Turnout in the 2026 mayoral election was 31.2%.", ELECTION, False),
        ("Turnout in the 2026 mayoral election was 29.8%.", ELECTION, True),
        ("Turnout at the last mayoral election was 35.6%.", ELECTION, False),
        ("Turnout at the last mayoral election was 33.1%.", ELECTION, True),
        # a race time in hours, minutes and seconds is one span
        ("Marsh won in 2:24:07.", "Marsh won in 2:21:07, a British best this year.", True),
        ("Marsh won in 2:21:07.", "Marsh won in 2:21:07, a British best this year.", False),
    ],
)
def test_a_figure_compared_for_another_group_is_of_its_time(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a number filed under two words that agrees under one is not compared under the other
        ("Okoro took 23 league wickets this summer.", "Okoro took 23 wickets in 11 league matches.", False),
        ("Okoro took 32 league wickets this summer.", "Okoro took 23 wickets in 11 league matches.", True),
    ],
)
def test_a_number_that_agrees_by_one_word_of_its_count_agrees(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a limit of time on a count or share says which of them it counts, not how long one took
        ("One caller waited 40 minutes to get through.", "Only 61% of calls were answered within ten minutes.", False),
        ("Over 800 callers waited more than an hour.", "Only 61% of calls were answered within ten minutes.", False),
        ("A caller waited 20 minutes to get through.", "More than 800 callers waited longer than 30 minutes.", False),
        # ... a bound of its own still is a figure
        ("The crossing took 40 minutes.", "The crossing took under ten minutes.", True),
        ("The crossing took 40 minutes.", "The crossing took longer than 50 minutes.", True),
        # "over" after a count may be the period it took
        ("The scheme ran for five years.", "He took money from 23 clients over seven years.", True),
        # ... and a claim's "over" a span is the period something took, not a bound, unless a verb
        # of lasting or waiting, or an age, makes it one; a passage's allows a span of something else
        ("The fraud took place over two years.", "He stole more than £640,000 over six years.", True),
        ("The fraud took place over six years.", "He stole more than £640,000 over six years.", False),
        ("He had worked at the council for 20 years.", "He stole more than £640,000 over six years.", False),
        ("The patients waited over 12 hours.", "The patients waited over 14 hours.", False),
        ("The talks lasted over two years.", "The talks lasted three years.", False),
        ("The scheme is for children over 12 years old.", "The scheme is for children over 14 years old.", False),
        # an age after a comma may follow "both": "Derek and Maureen Colley, both 68,"
        ("Derek Colley is 72.", "Derek and Maureen Colley, both 68, matched all six numbers.", True),
        ("Derek and Maureen Colley are both 68.", "Derek and Maureen Colley, both 68, matched all six numbers.", False),
        # "above" and "below" a figure bound it
        ("Temperatures above 35C were recorded on nine days.", "The temperature hit 39.1C.", False),
        ("Inflation stayed below 3%.", "Inflation was 3.4% in May.", True),
        # a sum by which something overran is how much it moved from the plan, not what it cost
        ("The tram line cost £340 million.", "The tram line opens two years late and £90m over budget", False),
        ("The tram line cost £340 million.", "It cost £340m, £90 million more than the budget set in 2019.", False),
        ("The tram line went £60m over budget.", "The tram line opens two years late and £90m over budget", True),
        # ... and the count or share it limits still disagrees with another
        ("Only 71% of calls were answered in ten minutes.", "Only 61% of calls were answered within an hour.", True),
    ],
)
def test_a_limit_of_time_on_a_count_is_not_a_figure(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # an age and a span of years both count years, but only an age is compared with an age
        ("Mara Ellison was jailed for six years.", "Mara Ellison, 44, from Tolby, was jailed.", False),
        ("The firm has traded for 44 years.", "Its founder, Ann Pell, 71, retired.", False),
        ("Mara Ellison is 46.", "Mara Ellison, 44, from Tolby, was jailed.", True),
        ("A 52-year-old man was arrested.", "The man who was arrested is aged 25.", True),
        ("The firm has traded for 44 years.", "The firm has traded for 71 years.", True),
        ("The show is for 9-17 year olds.", "It is aimed at children aged 8 to 17.", True),
        # ... though an age agrees with the span it equals
        ("A 40-year-old wreck was found.", "The ship sank 40 years ago.", False),
    ],
)
def test_an_age_is_compared_only_with_an_age(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


def test_shares_whose_clauses_share_only_a_name_are_of_different_things() -> None:
    claim = read_numbers("Vantor's pay offer was 4.5%.", [], whole=True)[1]
    trains = read_numbers("Vantor said about two-thirds of its trains would be cancelled.", [])[1]
    assert number_mismatches(claim, trains, frozenset({"vantor"})) == (set(), set())
    assert number_mismatches(claim, trains) == ({"4.5"}, {"about two-thirds"})
    offer = read_numbers("Vantor said its pay offer of 3% was fair.", [])[1]
    assert number_mismatches(claim, offer, frozenset({"vantor"})) == ({"4.5"}, {"3"})
