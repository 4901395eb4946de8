"""Relative dates are resolved against the day an article was published: years and months
("last year", "two years ago") exactly, days of the week and weeks loosely (either side of
publication, a day wider), and a day that dates a statement or names a holiday not at all."""

from __future__ import annotations

from datetime import date

import pytest

from service.pipeline.dates import Date
from service.pipeline.relative_dates import find_relative_dates, find_relative_days

THURSDAY = date(2024, 3, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin was in Beijing last year.", [("last year", "2022", None)]),
        (
            "Earlier this year, talks stalled; they resume next year.",
            [("Earlier this year", "2023", None), ("next year", "2024", None)],
        ),
        ("They met in February last year.", [("February last year", "2022", "February")]),
        ("Wang Yi was in Moscow last month.", [("last month", "2023", "February")]),
        ("Later this month the vote is held.", [("Later this month", "2023", "March")]),
        ("The war began a year ago.", [("a year ago", "2021-2022", None)]),
        ("It closed 3 years ago.", [("3 years ago", "2019-2020", None)]),
        ("It closed two years ago.", [("two years ago", "2020-2021", None)]),
        # the twelve months before, any year before, and the verb "last" are not dates
        ("Prices rose over the last year.", []),
        ("The war began more than a year ago.", []),
        ("Ships may last year after year.", []),
        ("The drought could last year-round.", []),
    ],
)
def test_find_relative_dates(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    found = find_relative_dates(text, date(2023, 3, 17))
    assert [(r.phrase, r.years, str(r.month) if r.month else None) for r in found] == expected
    assert [text[slice(*r.span)] for r in found] == [phrase for phrase, _, _ in expected]


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("Putin was in Beijing last year.", "2022"),
        ("They met in February last year.", "February 2022"),
        ("Wang Yi was in Moscow last month.", "February 2023"),
        ("The war began a year ago.", "2021 or 2022"),
    ],
)
def test_a_relative_date_says_what_it_means_in_words(text: str, meaning: str) -> None:
    [found] = find_relative_dates(text, date(2023, 3, 17))
    assert found.meaning == meaning


def test_last_month_in_january_is_december_of_the_year_before() -> None:
    [last] = find_relative_dates("The deal was signed last month.", date(2024, 1, 9))
    assert (last.years, last.month) == ("2023", Date(11))


def test_years_ago_lean_towards_the_nearer_year_of_the_publication() -> None:
    """A year before November 2023 is late 2022 or early 2023, never 2021."""
    [ago] = find_relative_dates("The war began a year ago.", date(2023, 11, 20))
    assert ago.years == "2022-2023"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # either the Tuesday before publication or the one after
        ("The harbour closed on Tuesday after a storm.", ["March 5 or March 12 (Tuesday)"]),
        ("Monday's vote was close.", ["March 4 or March 11 (Monday)"]),
        ("It reopens Thursday.", ["March 7 (Thursday)"]),
        ("He met Putin last Thursday.", ["February 22 or February 29 (last Thursday)"]),
        ("It opens next Thursday.", ["March 14 or March 21 (next Thursday)"]),
        ("The vote was held yesterday and counting ends tomorrow.", ["March 6 (yesterday)", "March 8 (tomorrow)"]),
        ("Talks ended last week.", ["February 26-March 3 (last week)"]),
        ("Earlier this week, rain fell.", ["March 4-7 (Earlier this week)"]),
        (
            "Xi will visit from Monday to Wednesday next week.",
            ["March 4 or March 11 (Monday)", "March 6 or March 13 (Wednesday)", "March 11-17 (next week)"],
        ),
        # a statement's day, named days, other Tuesdays, and days a date already gives
        ("The ministry said Friday that Xi will visit.", []),
        ("The ministry said in a statement on Friday that talks resumed.", []),
        ("Qin Gang told reporters on Thursday that peace mattered.", []),
        ("Talks resumed, the ministry said in a statement released late on Friday.", []),
        ("Qin Gang told a news conference on Thursday that peace mattered.", []),
        # a day after a whole clause of what was said is the day of the event
        ("The ministry said Xi would arrive on Monday.", ["March 4 or March 11 (Monday)"]),
        ("The ministry on Friday said talks failed.", []),
        ("Super Tuesday decides it, and Good Friday is a holiday.", []),
        ("Every Monday the market opens; Mondays are slow.", []),
        ("It was the last Friday of March, the Thursday before the vote.", []),
        ("On Tuesday, March 5, the port shut.", []),
        ("Prices rose over the last week, and the leaders of tomorrow met.", []),
    ],
)
def test_find_relative_days(text: str, expected: list[str]) -> None:
    assert [str(day) for day in find_relative_days(text, THURSDAY)] == expected


def test_a_relative_day_compares_a_day_wider_and_split_at_the_end_of_a_month() -> None:
    [week] = find_relative_days("Talks ended last week.", THURSDAY)
    assert week.dates() == [Date(1, 25, 29), Date(2, 1, 4)]
    [tuesday] = find_relative_days("The harbour closed on Tuesday.", THURSDAY)
    assert tuesday.dates() == [Date(2, 4, 6), Date(2, 11, 13)]


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 30), date(9999, 12, 31), date(9999, 12, 20)])
def test_a_placeholder_day_at_the_ends_of_the_calendar_resolves_nothing(published: date) -> None:
    """ "On Monday" from 9999-12-31 lies past what a date can hold: it raised, and one article
    dated so made every verification citing it a 500."""
    text = "On Monday, last year, a year ago and next month, as said yesterday, in the week after next."
    assert find_relative_days(text, published) == []
    assert find_relative_dates(text, published) == []
    assert find_relative_days(text, date(2024, 3, 5)) and find_relative_dates(text, date(2024, 3, 5))
