"""A passage about another of a numbered series ("Z2") takes no side on a claim about the claim's
own ("Z3")."""

from __future__ import annotations

import pytest

from service.pipeline import Pipeline
from service.pipeline.series import other_of_series
from service.pipeline.verify import about_another_model
from service.records import ArticleInput
from tests.conftest import cited_passages


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("The Kora K7 went on sale in May.", "The K6 went on sale in March 2024.", ("K7", "K6")),
        ("An A350 made the flight.", "The flight was made by an A320neo.", None),  # another tail: another name
        ("An A350 made the flight.", "The flight was made by an A320.", ("A350", "A320")),
        ("The F-35 order was cut.", "The F-16 order was cut.", ("F-35", "F-16")),
        # the claim's own is named, or none of its series
        ("The Kora K7 went on sale in May.", "The K7, unlike the K6, went on sale in May.", None),
        ("The Kora K7 went on sale in May.", "The phone went on sale in March.", None),
        ("Covid-19 cases rose.", "COVID-19 cases fell.", None),
        # a name with its number apart from it is left to the other checks
        ("Route 66 was closed.", "Route 12 was closed.", None),
        ("Sales fell in October 2024.", "Sales rose in October 2023.", None),
    ],
)
def test_another_of_a_numbered_series(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert other_of_series(claim, passage) == expected


def test_context_that_names_the_claims_own_keeps_the_passage_about_it() -> None:
    claim = "The Kora K7 weighs 190g."
    passage = "The phone weighs 190g, lighter than last year's K6."
    assert about_another_model(claim, passage, None) is not None
    assert about_another_model(claim, passage, passage) is not None
    assert about_another_model(claim, passage, f"Kora says the K7 will last two days. {passage}") is None


def test_a_passage_about_another_model_takes_no_side_in_a_report(pipeline: Pipeline) -> None:
    text = (
        "Kora is recalling 40,000 of its K6 phones because their batteries can swell. "
        "The recall covers K6 phones sold between January and April 2025. "
        "Its newer K7, launched in August, uses a different battery."
    )
    pipeline.ingest([ArticleInput("kora", text)])
    report = pipeline.verify("Kora's K7 phone was launched in August.")
    cited = cited_passages(report)
    other = cited["The recall covers K6 phones sold between January and April 2025."]
    assert other["stance"] == "neutral"
    assert other["reasons"][-1] == "too far from the claim to take a side: a passage about K6, not K7"
