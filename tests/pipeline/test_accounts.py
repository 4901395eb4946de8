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


def test_the_checker_reports_it_as_a_direction() -> None:
    assert reasons("Orbix made a net profit in 2024.", "Orbix made a net loss in 2024.") == [
        "direction mismatch: claim profit, passage loss"
    ]
