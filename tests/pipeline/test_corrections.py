"""A correction's withdrawn statement: found, read as false, and a side only on a claim that repeats it."""

from __future__ import annotations

import pytest

from service.pipeline import Pipeline
from service.pipeline.consistency import reasons, repeats
from service.pipeline.corrections import withdrawn, withdrawn_statement
from service.records import ArticleInput


@pytest.mark.parametrize(
    ("passage", "error"),
    [
        (
            "Correction, 27 November 2026: An earlier version of this article said the plant employed 1,200 people.",
            "the plant employed 1,200 people",
        ),
        ("A previous version of this story incorrectly stated that Smith was 45, rather than 54.", "Smith was 45"),
        (
            "The article also wrongly said production would move to Wales; it moves to Leeds.",
            "production would move to Wales",
        ),
        ("We mistakenly reported that the minister had resigned. She has not.", "the minister had resigned"),
        ("A correction: we reported earlier that the Calder bridge had collapsed.", "the Calder bridge had collapsed"),
        ("Clarification: we said that the mayor had resigned. She has stepped aside.", "the mayor had resigned"),
        ("The senator falsely claimed that the election had been stolen.", "the election had been stolen"),
        ("The report wrongly said crime had risen, opposition MPs said.", "crime had risen"),
    ],
)
def test_the_error_a_correction_withdraws(passage: str, error: str) -> None:
    assert withdrawn(passage) == error


@pytest.mark.parametrize(
    "passage",
    [
        "As we reported earlier, the bridge is closed.",  # standing by a report
        "We reported on Monday that the council had approved the plan.",
        "An earlier version of this story misstated the year the plant opened.",  # no statement given
        "She was wrongly reported to have died.",
        "He said he had been wrongly accused of fraud.",
        "This article has been corrected to show that the plant opened in 1987.",
        "An earlier version of this article said so.",
    ],
)
def test_no_error_withdrawn(passage: str) -> None:
    assert withdrawn(passage) is None


def test_the_model_reads_the_error_as_false() -> None:
    passage = "An earlier version of this story stated that the mayor resigned in 2019."
    assert withdrawn_statement(passage) == "It is false that the mayor resigned in 2019."
    assert withdrawn_statement("The mayor resigned in 2019.") is None


FOOTER = "Correction: An earlier version of this article said the plant employed 1,200 people and opened in 1978."


@pytest.mark.parametrize(
    ("claim", "found"),
    [
        (
            "The plant employs 1,200 people.",
            ['corrected in passage: "the plant employed 1,200 people and opened in 1978"'],
        ),
        ("The plant opened in 1978.", ['corrected in passage: "the plant employed 1,200 people and opened in 1978"']),
        ("The plant opened in 1987.", []),  # the correction, not the error: a date differs
        ("The plant employs 900 people.", []),  # nor are the error's numbers the page's
        ("The company's chief executive resigned.", []),  # another subject
    ],
)
def test_a_withdrawn_statement_answers_only_a_claim_that_repeats_it(claim: str, found: list[str]) -> None:
    assert reasons(claim, FOOTER) == found


def test_repeating_needs_half_the_claims_words() -> None:
    assert repeats("The plant opened in 1978.", "the plant opened in 1978 and closed in 2001")
    assert not repeats("Halden's Ashby plant opened to great fanfare in 1978.", "the plant opened in 1978")


CORRECTED_STORY = (
    "Halden Foods will close its Ashby plant, putting 900 jobs at risk.\n"
    "The Ashby plant, which opened in 1987, will shut in stages next year.\n"
    "Correction: An earlier version of this article said the Ashby plant employed 1,200 people and opened "
    "in 1978. It employs 900 people and opened in 1987.\n"
)


def test_a_correction_contradicts_the_error_and_no_other_claim(pipeline: Pipeline) -> None:
    pipeline.ingest([ArticleInput("story", CORRECTED_STORY)])
    footer = (
        "Correction: An earlier version of this article said the Ashby plant employed 1,200 people and opened in 1978."
    )

    erring = pipeline.verify("The Ashby plant opened in 1978.")
    [source] = erring["sources"]
    passages = {p["text"]: p for p in source["passages"]}
    assert passages[footer]["stance"] == "contradicts"
    assert passages[footer]["reasons"] == [
        'corrected in passage: "the Ashby plant employed 1,200 people and opened in 1978"'
    ]
    assert erring["verdict"] == "refuted"

    right = pipeline.verify("The Ashby plant opened in 1987.")
    passages = {p["text"]: p for s in right["sources"] for p in s["passages"]}
    assert passages[footer]["stance"] == "neutral"
    assert passages[footer]["reasons"] == ["asserts nothing: an error the page corrects"]
    assert right["verdict"] == "supported"
