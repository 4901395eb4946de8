"""A yes/no question, a quotation standing alone with no speaker, an interviewer's turn and an
error a correction withdraws assert nothing."""

from __future__ import annotations

import pytest

from service.pipeline import Pipeline
from service.pipeline.assertions import is_heading, unasserted
from service.records import ArticleInput


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
        ("Q: Your critics say the tram line is two years late. Is it?", "an interviewer's question"),
        ("Q. You promised 5,000 homes.", "an interviewer's question"),
        ("Question: And over budget?", "an interviewer's question"),
        ("An earlier version of this article said the plant opened in 1978.", "an error the page corrects"),
        ("Unconfirmed reports on social media say the bridge has collapsed.", "an unconfirmed report"),
        ("There are unverified claims that the mayor has resigned.", "an unconfirmed report"),
        ("Reports of bridge collapse", "an unconfirmed report"),
        ("- Whether the toxins have reached the town's drinking water.", "an open question"),
        ("Whether the ban will be lifted is unclear.", "an open question"),
        ("- How long the ban will last.", "an open question"),
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
        "A: It is eight months late, not two years.",  # the interviewee's answer speaks
        "QE2 sailed from Southampton on Tuesday.",
        "As we reported earlier, the bridge is closed.",
        "Reports of a collapse were denied by police.",  # a sentence says what became of them
        "Whether it rains or not, the match will go ahead.",
        "What surprised the researchers was how fast the algae spread.",  # not a list item
        "Police confirmed reports that the bridge had collapsed.",
    ],
)
def test_statements_and_attributed_quotations_may_take_a_side(passage: str) -> None:
    assert unasserted(passage) is None


def test_an_interviewers_question_takes_no_side(pipeline: Pipeline) -> None:
    """The interviewer's whole turn is one passage that asserts nothing; the answer may speak."""
    question = "Q: Your critics say the Eastside tram line is two years late. Is it?"
    transcript = f"{question}\nA: It is late, but it is eight months behind schedule, not two years.\n"
    pipeline.ingest([ArticleInput("interview", transcript)])
    report = pipeline.verify("The Eastside tram line is two years late.")
    passages = {p["text"]: p for s in report["sources"] for p in s["passages"]}
    assert passages[question]["stance"] == "neutral"
    assert passages[question]["reasons"][-1] == "asserts nothing: an interviewer's question"
    assert report["verdict"] != "supported"


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Harbury Foods cuts profit outlook as sales growth slows", True),
        ("Nimbus X5 review: a phone with a battery that lasts two days, let down by its camera", True),
        ("Harbury Foods has cut its profit forecast.", False),
        ('The mayor said: "We will not raise council tax."', False),  # a sentence that ends inside a quote
        ("- Operating profit fell 11% to NOK 1.1 billion", False),  # a list item
        (" ".join(["word"] * 21), False),  # too long for a heading
    ],
)
def test_a_heading_is_a_short_line_with_no_sentence_end(text: str, heading: bool) -> None:
    assert is_heading(text) is heading
