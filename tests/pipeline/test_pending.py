"""What has not happened yet takes no side on a claim of what will."""

from __future__ import annotations

import pytest

from service.pipeline import Pipeline
from service.pipeline.pending import PENDING_ONLY, says_only_not_yet
from service.records import ArticleInput
from tests.conftest import cited_passages


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("A public vote will choose the cubs' names.", "The cubs have not yet been named."),
        ("The council is to approve the budget in March.", "The budget has yet to be approved."),
        ("The ferry is due to return to service in May.", "The ferry hasn't been repaired yet."),
        ("The company plans to appeal.", "The company has not decided yet whether to appeal."),
        ("The bridge will reopen next week.", "Repairs are still to be finished."),
    ],
)
def test_not_yet_says_nothing_of_what_will_happen(claim: str, passage: str) -> None:
    assert says_only_not_yet(claim, passage)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # a claim of what has happened is what "not yet" denies
        ("The cubs have been named.", "The cubs have not yet been named."),
        # a passage that goes on to say what will happen says it
        ("The cubs will be named by a public vote.", "They have not been named yet, but a vote will pick names."),
        # a plain denial is not "not yet"
        ("The company will appeal against the fine.", "The company said it would not appeal against the fine."),
    ],
)
def test_a_passage_that_may_still_take_a_side(claim: str, passage: str) -> None:
    assert not says_only_not_yet(claim, passage)


def test_a_passage_of_what_has_not_happened_yet_takes_no_side_in_a_report(pipeline: Pipeline) -> None:
    text = (
        "Twin otter cubs were born at Harlow Wildlife Park in October. The cubs have not yet been named. "
        "A public vote to choose their names will open on 5 December."
    )
    pipeline.ingest([ArticleInput("otters", text)])
    report = pipeline.verify("A public vote will choose the otter cubs' names.")
    cited = cited_passages(report)
    pending = cited["The cubs have not yet been named."]
    assert pending["stance"] == "neutral"
    assert pending["reasons"][-1] == PENDING_ONLY
