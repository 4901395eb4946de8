"""A profit against a loss is a direction mismatch; other losses are not results."""

from __future__ import annotations

import pytest

from service.pipeline.accounts import opposite_result
from service.pipeline.consistency import reasons


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Halden Foods reported a pre-tax profit of £14 million last year.",
            "Halden, which makes meals for supermarkets, reported a pre-tax loss of £14 million last year.",
            ("profit", "loss"),
        ),
        (
            "Orbix swung to a net loss in 2024.",
            "Orbix reported a net profit of 410 million crowns in 2024.",
            ("loss", "profit"),
        ),
        ("Orbix made a loss of $3 million.", "Orbix made a profit of $3 million.", ("loss", "profit")),
    ],
)
def test_a_loss_opposes_a_profit(claim: str, passage: str, expected: tuple[str, str]) -> None:
    assert opposite_result(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Orbix made a profit of $2 million last year.",
            "Orbix reported the loss of 200 jobs last year.",
        ),  # not a result
        ("Orbix made a net profit in 2024.", "Orbix's net profit fell 17% in 2024."),  # the same side
        ("Orbix made an operating loss in 2024.", "Orbix made a net profit in 2024 after an operating loss."),
        ("Orbix made a net profit in 2024.", "Orbix made an operating loss in 2024."),  # another line of the accounts
        ("Orbix made a net profit in 2024.", "Tarrow reported a net loss."),  # shares none of the claim's words
    ],
)
def test_other_pairs_are_left_to_the_model(claim: str, passage: str) -> None:
    assert opposite_result(claim, passage) is None


BOTH_YEARS = "Crumbwell made a loss of £8.2m last year, after a profit of £1.5m the year before."


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Crumbwell made a profit last year.", ("profit", "loss")),
        ("Crumbwell made a loss the year before.", ("loss", "profit")),
        # the passage's result of the claim's time is the claim's; a claim of no time, or of a time
        # the passage does not give, is left to the model
        ("Crumbwell made a loss last year.", None),
        ("Crumbwell made a profit the year before.", None),
        ("Crumbwell made a profit.", None),
        ("Crumbwell made a profit in 2024.", None),
    ],
)
def test_a_passage_with_both_results_is_read_by_the_claims_time(claim: str, expected: tuple[str, str] | None) -> None:
    assert opposite_result(claim, BOTH_YEARS) == expected


def test_a_loss_making_business_is_no_result() -> None:
    assert opposite_result("Orbix made a profit last year.", "Orbix made a loss-making bid last year.") is None


def test_the_checker_reports_it_as_a_direction() -> None:
    assert reasons("Orbix made a net profit in 2024.", "Orbix made a net loss in 2024.") == [
        "direction mismatch: claim profit, passage loss"
    ]
