"""Votes: "unanimously" against a split tally, either way round."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.votes import split_tally, unanimous, vote_mismatch


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("The committee voted seven to four in favour of the scheme.", "voted seven to four"),
        ("MPs backed the bill by 320 votes to 280.", None),  # no word of voting before it
        ("MPs voted by 320 votes to 280 for the bill.", "voted by 320 votes to 280"),
        ("The court ruled 5-4 that the law stands.", "ruled 5-4"),
        ("It was a 5-4 ruling.", "5-4 ruling"),
        # no minority, a score, a range of rates
        ("The board voted 9-0 to approve it.", None),
        ("Rovers won 2-1 on Saturday.", None),
        ("The board voted to raise the rate from 4 to 5%.", None),
    ],
)
def test_split_tally(text: str, tally: str | None) -> None:
    assert split_tally(text) == tally


def test_unanimous_unless_denied() -> None:
    assert unanimous("The plan was approved unanimously.")
    assert unanimous("It was a unanimous decision.")
    assert not unanimous("The vote was not unanimous.")


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The committee approved the homes unanimously.",
            "The committee voted seven to four in favour.",
            ("unanimously", "voted seven to four"),
        ),
        (
            "The committee voted 7-4 for the homes.",
            "The homes were approved unanimously.",
            ("voted 7-4", "unanimously"),
        ),
        ("The committee approved the homes unanimously.", "The committee voted 11-0 in favour.", None),
        ("The committee voted 7-4 for the homes.", "The committee voted seven to four in favour.", None),
    ],
)
def test_vote_mismatch(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert vote_mismatch(claim, passage) == expected


def test_the_checker_gives_it_as_a_number_mismatch() -> None:
    found = reasons("The committee approved the homes unanimously.", "The committee voted seven to four in favour.")
    assert found == ["number mismatch: claim unanimously, passage voted seven to four"]
