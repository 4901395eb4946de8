"""A passage that puts the claim's event on the other side of the same other event."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.order import opposite_order


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Ann Pell stepped down after the audit was published.",
            "The chair, Ann Pell, stepped down in May, before the audit was published.",
            ("after", "before"),
        ),
        (
            "The dam failed before the evacuation order was given.",
            "The dam failed an hour after the evacuation order was given.",
            ("before", "after"),
        ),
        # the same order, another event, or too little of what it is set against
        ("Ann Pell quit after the audit was published.", "Ann Pell quit after the audit was out.", None),
        ("Ann Pell quit after the audit was published.", "Ann Pell was praised before the audit was published.", None),
        ("Ann Pell stepped down after Christmas.", "Ann Pell stepped down before Christmas.", None),
    ],
)
def test_opposite_order(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert opposite_order(claim, passage) == expected


def test_an_opposite_order_is_a_direction_mismatch() -> None:
    found = reasons(
        "Ann Pell stepped down after the audit was published.",
        "The chair, Ann Pell, stepped down in May, before the audit was published.",
    )
    assert found == ["direction mismatch: claim after, passage before"]
