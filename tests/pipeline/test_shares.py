"""Shares in words: fractions and rates read as percentages, and given as such to the stance model."""

from __future__ import annotations

import pytest

from service.pipeline.shares import fraction_shares, rate_share, with_percentages


@pytest.mark.parametrize(
    ("text", "percentages"),
    [
        ("Care takes two-fifths of the total.", [40.0]),
        ("Children's services take a quarter.", [25.0]),
        ("Three-quarters of that will come from sales, it says.", [75.0]),
        ("Half the budget goes on care, and half of all homes are rented.", [50.0, 50.0]),
        ("Spending will rise by a third, to £24 million.", [pytest.approx(33.33, abs=0.01)]),
        ("Nine-tenths of voters and one fifth of staff", [90.0, 20.0]),
    ],
)
def test_a_fraction_of_something_is_a_share(text: str, percentages: list[float]) -> None:
    assert [percent for _, _, percent in fraction_shares(text)] == percentages


@pytest.mark.parametrize(
    "text",
    [
        "She won a third term.",  # a rank
        "It is their fifth consecutive win.",
        "It took a quarter of an hour.",  # a time
        "It cost half a million pounds.",  # a number (number_words.FRACTION)
        "A quarter-final in the second half",
        "Only half an hour later",
        "He scored in the second half of the match.",
    ],
)
def test_ranks_times_and_numbers_are_not_shares(text: str) -> None:
    assert fraction_shares(text) == []


@pytest.mark.parametrize(
    ("rate", "percent"),
    [
        ("one in five", 20.0),
        ("1 in 4", 25.0),
        ("3 in 10", 30.0),
        ("one in a thousand", None),
        ("1 in 10 million", None),
    ],
)
def test_a_rate_is_a_share(rate: str, percent: float | None) -> None:
    assert rate_share(rate) == percent


def test_shares_in_words_get_their_percentage() -> None:
    assert with_percentages("Care takes two-fifths of the total and schools a quarter.") == (
        "Care takes two-fifths (40%) of the total and schools a quarter (25%)."
    )
    assert with_percentages("She won a third term.") == "She won a third term."
