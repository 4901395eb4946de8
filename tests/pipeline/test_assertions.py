"""A yes/no question and a quotation standing alone with no speaker assert nothing."""

from __future__ import annotations

import pytest

from service.pipeline.assertions import unasserted


@pytest.mark.parametrize(
    ("passage", "why"),
    [
        ("Does cracking your knuckles cause arthritis?", "a yes/no question"),
        ("Is coffee bad for you?", "a yes/no question"),
        ('"Can the pier be saved?"', "a yes/no question"),
        ('"Coffee dehydrates you"', "a quotation with no speaker"),
        ("1. “Sugar makes children hyperactive”", "a quotation with no speaker"),
        ("'We only use 10% of our brains'", "a quotation with no speaker"),
        ("Claim: 5G masts spread the virus.", "a claim set out to be checked"),
        ("The claim: vitamin C cures colds", "a claim set out to be checked"),
    ],
)
def test_questions_and_bare_quotations_assert_nothing(passage: str, why: str) -> None:
    assert unasserted(passage) == f"asserts nothing: {why}"


@pytest.mark.parametrize(
    "passage",
    [
        "Coffee dehydrates you.",
        "Isn't it time the pier was fixed?",  # a negated question may mean yes
        "Why should anyone bother to vote?",  # an open question, often rhetorical
        '"But we did not see fewer deaths, and a longer trial will be needed."',  # the rest of a quote
        '"This is the first time," said Dr. Osei.',
        '"Coffee dehydrates you" is a myth, researchers say.',
        '"One of the longest headings that anyone has ever put in quotation marks above a story about the pier"',
        "Critics asked whether the pier could be saved.",
        '"Coffee dehydrates you"\nVerdict: False',  # rated: says the checker's verdict (``ratings``)
        "Claim: 5G masts spread the virus.\nRating: False",
        "The claims were rejected by the court.",
    ],
)
def test_statements_and_attributed_quotations_may_take_a_side(passage: str) -> None:
    assert unasserted(passage) is None
