"""A fact-check's rating, kept with the claim it rates, is read as the sentence it means."""

from __future__ import annotations

import pytest

from service.pipeline.clean import clean
from service.pipeline.ratings import is_rating, rated_statement, refuting_rating
from service.pipeline.split import split_passages


@pytest.mark.parametrize(
    "line",
    [
        "Verdict: False",
        "Rating: Mostly false",
        "Our ruling: Pants on Fire!",
        "Fact check: Misleading",
        "VERDICT - TRUE",
    ],
)
def test_rating_lines(line: str) -> None:
    assert is_rating(line)


@pytest.mark.parametrize(
    "line",
    [
        "Verdict: Half true",
        "Rating: Unproven",
        "The verdict was false, the court said.",
        "False",
        "Verdict: False alarm",
    ],
)
def test_lines_that_rate_nothing_the_reader_can_act_on(line: str) -> None:
    assert not is_rating(line)


@pytest.mark.parametrize(
    ("passage", "statement"),
    [
        ('"Coffee dehydrates you"\nVerdict: False', "It is false that Coffee dehydrates you."),
        (
            "3. “Sugar makes children hyperactive”\nRating: Mostly false",
            "It is mostly false that Sugar makes children hyperactive.",
        ),
        (
            "Claim: 5G masts spread the virus.\nOur ruling: Pants on Fire!",
            "It is false that 5G masts spread the virus.",
        ),
        (
            "The claim: Vitamin C cures colds\nVerdict: Misleading",
            "It is misleading to say that Vitamin C cures colds.",
        ),
        ('"Handwashing cuts infections"\nVerdict: True', "It is true that Handwashing cuts infections."),
    ],
)
def test_a_rated_claim_says_what_its_rating_means(passage: str, statement: str) -> None:
    assert rated_statement(passage) == statement


def test_only_false_and_misleading_ratings_refute() -> None:
    assert refuting_rating('"Coffee dehydrates you"\nVerdict: False') == "Verdict: False"
    assert refuting_rating('"Coffee dehydrates you"\nVerdict: Misleading') == "Verdict: Misleading"
    assert refuting_rating('"Handwashing cuts infections"\nVerdict: True') is None
    assert refuting_rating("Coffee dehydrates you.") is None


def passages(text: str) -> list[str]:
    return [draft.text for draft in split_passages(text, clean(text), 600)]


def test_the_cleaner_and_splitter_keep_a_rating_with_the_claim_above_it() -> None:
    text = (
        "Six health myths, checked\n"
        '1. "Coffee dehydrates you"\n'
        "Verdict: False\n"
        "Caffeine has a mild diuretic effect, but the water in a cup of coffee makes up for it.\n"
        "Claim: Sugar makes children hyperactive.\n"
        "Verdict: False\n"
        "Twelve trials found no difference in behaviour.\n"
    )
    found = passages(text)
    assert '"Coffee dehydrates you"\nVerdict: False' in found
    assert "Claim: Sugar makes children hyperactive.\nVerdict: False" in found
    assert not [p for p in found if p.startswith("Verdict")]


def test_a_rating_under_prose_rates_nothing() -> None:
    """A rating after a paragraph of reasoning is the checker's conclusion on a claim stated
    elsewhere; reading it as the last sentence's would rate the wrong words."""
    text = "The mayor said crime fell by half. Police figures show it fell 12%.\nVerdict: False\n"
    assert all(rated_statement(p) is None for p in passages(text))
