"""Majorities: "most" or "a minority" in words against the percentage a passage gives."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.majorities import all_but_mismatch, majority_mismatch

GOOD_JOB = "said the government was doing a good job"


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (f"Most people {GOOD_JOB}.", f"Only 29% of those asked {GOOD_JOB}.", ("most (over half)", "29%")),
        (f"A majority of voters {GOOD_JOB}.", f"Exactly 50% of voters {GOOD_JOB}.", ("a majority (over half)", "50%")),
        (
            f"Fewer than half of voters {GOOD_JOB}.",
            f"In all, 61 per cent {GOOD_JOB}.",
            ("fewer than half (under half)", "61%"),
        ),
        (f"A minority of adults {GOOD_JOB}.", f"Some 58% of adults {GOOD_JOB}.", ("a minority (under half)", "58%")),
        # a share of a whole something makes up or accounts for
        (
            "Vinyl made up most of the sales of Lanterns.",
            "Vinyl made up about a third of Lanterns' sales, the highest share this year.",
            ("most (over half)", "33.3%"),
        ),
        ("Vinyl accounted for most of the album's sales.", "Vinyl accounted for 61% of the album's sales.", None),
        # the claim's share agrees
        (f"Most people {GOOD_JOB}.", f"In all, 61% {GOOD_JOB}.", None),
        (f"A minority of adults {GOOD_JOB}.", f"Only 29% of those asked {GOOD_JOB}.", None),
        # the percentage is said of something else, or is a change
        (f"Most people {GOOD_JOB}.", "Only 29% of those asked had heard of the minister.", None),
        ("Most people said prices had risen.", "Prices rose by 5% last year, people said.", None),
        # "most" as an adjective's, not a share
        ("The most popular answer was that the government was doing a good job.", f"Only 29% {GOOD_JOB}.", None),
    ],
)
def test_majority_mismatch(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert majority_mismatch(claim, passage) == expected


def test_the_best_matching_percentage_is_the_claims() -> None:
    passage = f"Only 29% {GOOD_JOB}, while 58% said it was doing a bad job."
    assert majority_mismatch(f"Most people {GOOD_JOB}.", passage) == ("most (over half)", "29%")
    assert majority_mismatch("Most people said the government was doing a bad job.", passage) is None


def test_the_checker_gives_it_as_a_number_mismatch() -> None:
    found = reasons(f"Most people {GOOD_JOB}.", f"Only 29% of those asked {GOOD_JOB}, the lowest figure since 2019.")
    assert found == ["number mismatch: claim most (over half), passage 29%"]


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # a share in words is a percentage
        (f"Most people {GOOD_JOB}.", f"About one in three people {GOOD_JOB}.", ("most (over half)", "33.3%")),
        (
            f"A minority of people {GOOD_JOB}.",
            f"Two-thirds of people {GOOD_JOB}.",
            ("a minority (under half)", "66.7%"),
        ),
        (f"Most people {GOOD_JOB}.", f"Three in five people {GOOD_JOB}.", None),
    ],
)
def test_a_share_in_words_is_read_as_its_percentage(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert majority_mismatch(claim, passage) == expected


RESTORED = "By Tuesday evening power had been restored to all but 12,000 homes, the network operator said."


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Power had been restored to all homes by Tuesday evening.", ("all", "all but 12,000")),
        ("Every home had its power back by Tuesday evening.", ("all", "all but 12,000")),
        ("All staff were paid by Friday.", None),  # said of something else
    ],
)
def test_all_against_all_but_some(claim: str, expected: tuple[str, str] | None) -> None:
    assert all_but_mismatch(claim, RESTORED) == expected


CENTRES = "The council will also close two of its 11 recycling centres and cut the hours of six libraries."


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The council will close all of its recycling centres.", ("all", "two of its 11")),
        ("The council will close two of its recycling centres.", None),
        ("The council will keep all of its libraries.", None),
        ("Power had been restored to all but 12,000 homes by Tuesday.", None),
        ("Power had been restored to most homes by Tuesday evening.", None),
    ],
)
def test_all_against_a_part_of_the_whole(claim: str, expected: tuple[str, str] | None) -> None:
    assert all_but_mismatch(claim, CENTRES) == expected
