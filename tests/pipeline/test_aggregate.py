"""A source's stance when a contradiction answers what the claim says and a support does not."""

from __future__ import annotations

import numpy as np
import pytest

from service.pipeline.aggregate import SourceStance, Thresholds, source_stance
from service.pipeline.asked import answers_the_claim

T = Thresholds(support=0.5, contradict=0.5, conflict=0.6)
SUPPORT, CONTRADICTION = np.array([0.66, 0.07, 0.27]), np.array([0.03, 0.05, 0.92])


def test_an_explained_contradiction_that_answers_the_claim_leaves_out_supports_that_do_not() -> None:
    # "Fewer than 1,000 people objected": "More than 2,300 people objected" (a number mismatch, a
    # little less close) against "The energy secretary has approved the wind farm"
    rows, closer = [SUPPORT, CONTRADICTION], [0.58, 0.57]
    assert source_stance(rows, T, closer, [False, True]) == SourceStance("supports", 0.66)
    assert source_stance(rows, T, closer, [False, True], None, [False, True]) == SourceStance("contradicts", 0.92)
    # a support that answers it too, or a contradiction the checker does not explain, competes as before
    assert source_stance(rows, T, closer, [False, True], None, [True, True]) == SourceStance("supports", 0.66)
    assert source_stance(rows, T, closer, [False, False], None, [False, True]) == SourceStance("contradicts", 0.92)
    assert source_stance(rows, T, [0.58, 0.57], [False, False], None, [False, False]) == SourceStance(
        "contradicts", 0.92
    )


@pytest.mark.parametrize(
    ("claim", "passage", "answers"),
    [
        # a figure of what the claim's numbers count
        ("Fewer than 1,000 people objected.", "More than 2,300 people objected to the plans.", True),
        ("Fewer than 1,000 people objected.", "The minister approved a 14-turbine wind farm.", False),
        # a move of the kind the claim says
        ("The scheme was delayed after the cost of materials fell.", "The cost of materials rose sharply.", True),
        ("The scheme was delayed after the cost of materials fell.", "Residents said it was long overdue.", False),
        # ... of the same thing
        ("Skylark Air's revenue fell in the half.", "Revenue rose 18% to £1.06 billion.", True),
        ("Skylark Air's revenue fell in the half.", "It reported a loss of £41m, down from a loss of £96m.", False),
        # a claim of neither
        ("Claire Bowen is the area manager.", "Claire Bowen said the walls were designed for a bigger flood.", False),
    ],
)
def test_what_answers_a_claim(claim: str, passage: str, answers: bool) -> None:
    assert answers_the_claim(claim, passage) is answers
