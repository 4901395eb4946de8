"""Ranks: what an ordinal ranks, and a rank by an adjective against the first of its kind."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.figures import claim_figures, gives_figures
from service.pipeline.ranks import read_ranks


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Lumo is the world's fourth-largest phone maker.", ["largest (rank)"]),
        ("It is the second-biggest lake.", ["biggest (rank)"]),
        ("Lumo unveils its first foldable phone", ["foldable (rank)", "phone (rank)"]),
    ],
)
def test_an_ordinal_glued_to_a_superlative_ranks_by_it_alone(text: str, units: list[str]) -> None:
    assert sorted(read_ranks(text, [])) == units


def test_a_rank_by_size_is_not_a_rank_in_order() -> None:
    assert reasons("Lumo is the world's fourth-largest phone maker.", "Lumo unveils its first foldable phone") == []
    passage = "Lumo sold 41 million phones last year, making it the world's fourth-largest phone maker."
    assert reasons("Lumo is the world's largest phone maker.", passage) == ["number mismatch: claim 1st, passage 4th"]


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # a claimed win is first place, against a place the passage gives
        (
            "Holly Marsh won the London Marathon in April.",
            "Holly Marsh finished seventh in her debut in London in April.",
            ["number mismatch: claim 1st, passage 7th"],
        ),
        ("Bekele won the Dunmere Marathon.", "Bekele finished second.", ["number mismatch: claim 1st, passage 2nd"]),
        # a table topped is first place too
        (
            "Pip and the Moon topped the UK box office this weekend.",
            "It pushed Pip and the Moon, last week's number one, into second place.",
            ["number mismatch: claim 1st, passage 2nd"],
        ),
        # a passage's win agrees with a claimed win and says nothing against another's place
        ("Kiprono won the Dunmere Marathon.", "Kiprono won the Dunmere Marathon, and Bekele finished second.", []),
        ("Bekele finished second in the Dunmere Marathon.", "Kiprono won the Dunmere Marathon on Sunday.", []),
        # a win of seats or praise, and a win denied, are no place
        ("Labour won 34 seats.", "Labour finished second.", []),
        ("Bekele did not win the Dunmere Marathon.", "Bekele finished second.", []),
    ],
)
def test_a_claimed_win_is_first_place(claim: str, passage: str, expected: list[str]) -> None:
    assert [r for r in reasons(claim, passage) if not r.startswith("not in passage")] == expected


def test_a_passages_win_gives_no_figure_of_a_claimed_win() -> None:
    # "Kiprono won" is not Bekele's first place: it may not leave out a passage that gives his second
    claimed = claim_figures("Bekele won the Dunmere Marathon.")
    assert claimed is not None
    assert not gives_figures(claimed, "Kiprono won the Dunmere Marathon on Sunday.")
    assert gives_figures(claimed, "Bekele finished first in the Dunmere Marathon.")


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The trust has missed the A&E target for 12 months in a row.",
            "It is the 18th month in a row that the trust has missed the target.",
            ["number mismatch: claim 12, passage 18th"],
        ),
        ("The trust has missed the target for 18 months in a row.", "It is the 18th month in a row.", []),
        (
            "Rovers have won three games in a row.",
            "It was the fourth consecutive game Rovers had won.",
            ["number mismatch: claim 3, passage 4th"],
        ),
        ("Rovers have won four games in a row.", "Rovers won for the fourth game running.", []),
    ],
)
def test_an_ordinal_of_a_streak_counts_it(claim: str, passage: str, expected: list[str]) -> None:
    assert reasons(claim, passage) == expected


def test_an_ordinal_of_a_streak_is_no_rank() -> None:
    assert read_ranks("It is the 18th month in a row that prices rose.", []) == {}
