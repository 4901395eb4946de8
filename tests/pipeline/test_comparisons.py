"""Comparisons: one group's figure claimed for the group a passage sets it against."""

from __future__ import annotations

import pytest

from service.pipeline.comparisons import other_groups_figure
from service.pipeline.consistency import reasons

TRIAL = (
    "In a trial of 1,240 patients, those taking Calvexa had on average 4.2 fewer migraine days a month, "
    "against 1.9 fewer for those given a dummy pill."
)
POLL = "Some 38% of Labour voters backed the plan, compared with 12% of Conservative voters."


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Patients given a dummy pill had 4.2 fewer migraine days a month.",
            TRIAL,
            ("4.2", "1.9 (for those given a dummy pill)"),
        ),
        ("38% of Conservative voters backed the plan.", POLL, ("38", "12 (of Conservative voters)")),
        # each group's own figure
        ("Patients taking Calvexa had 4.2 fewer migraine days a month.", TRIAL, None),
        ("Patients given a dummy pill had 1.9 fewer migraine days a month.", TRIAL, None),
        ("38% of Labour voters backed the plan.", POLL, None),
        # a claim that sets the two groups side by side itself, or gives both figures
        ("Calvexa patients had 4.2 fewer migraine days than those given a dummy pill.", TRIAL, None),
        ("Voters backed the plan 38% to 12%, Conservative voters the fewest.", POLL, None),
        # no group after the second figure
        ("Turnout was 61% among young voters.", "Turnout was 61%, against 55% in 2019.", None),
    ],
)
def test_other_groups_figure(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert other_groups_figure(claim, passage) == expected


def test_the_checker_gives_it_as_a_number_mismatch() -> None:
    found = reasons("Patients given a dummy pill had 4.2 fewer migraine days a month.", TRIAL)
    assert found == ["number mismatch: claim 4.2, passage 1.9 (for those given a dummy pill)"]
