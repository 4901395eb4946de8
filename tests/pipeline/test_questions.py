"""Claims asked as questions are judged as the statements they ask about."""

from __future__ import annotations

import pytest

from service.pipeline import Pipeline
from service.pipeline.questions import NOTE_NEGATED, NOTE_OPEN, NOTE_YES_NO, read_claim
from service.records import ArticleInput


@pytest.mark.parametrize(
    ("question", "statement"),
    [
        ("Is Qin Gang China's foreign minister?", "Qin Gang is China's foreign minister."),
        ("Did Xi Jinping visit Moscow in 2019?", "Xi Jinping did visit Moscow in 2019."),
        ("Has the council approved the budget?", "The council has approved the budget."),
        ("Did the president of France visit China?", "The president of France did visit China."),
        ("Will the Bank of England raise rates?", "The Bank of England will raise rates."),
        ("Should the world go vegan?", "The world should go vegan."),
        ("Is a man playing a guitar?", "A man is playing a guitar."),
        ("Is the defending player scoring?", "The defending player is scoring."),
        ("Are the people old?", "The people are old."),
        ("Was the bridge closed after the storm?", "The bridge was closed after the storm."),
        ("Were they arrested on Monday?", "They were arrested on Monday."),
        ("Is it true that the bridge reopened in May?", "The bridge reopened in May."),
        ("is it the case the mayor resigned ?", "The mayor resigned."),
        ("The bridge reopened in May?", "The bridge reopened in May."),
        ("“Has Orbix cut 1,200 jobs?”", "Orbix has cut 1,200 jobs."),
    ],
)
def test_a_yes_no_question_is_read_as_its_statement(question: str, statement: str) -> None:
    reading = read_claim(question)
    assert (reading.claim, reading.statement, reading.notes) == (question, statement, [NOTE_YES_NO])


@pytest.mark.parametrize(
    ("claim", "note"),
    [
        ("The bridge reopened in May.", None),
        ("Why did the bridge close?", NOTE_OPEN),
        ("When did Xi last visit Russia?", NOTE_OPEN),
        ("Isn't the bridge closed?", NOTE_NEGATED),
        ("Did not the mayor resign?", NOTE_NEGATED),
        ("Can vaccines cause autism?", NOTE_YES_NO),  # no telling where the subject ends: judged as asked
    ],
)
def test_other_claims_are_judged_as_written(claim: str, note: str | None) -> None:
    reading = read_claim(claim)
    assert reading.statement == claim
    assert reading.notes == ([note] if note else [])


def test_a_question_gets_the_statements_verdict_and_says_how_it_was_read(pipeline: Pipeline) -> None:
    """As asked, the shipped model reads "Is Anna Lind ...?" as neutral about the passage that says
    so (0.89 neutral); as its statement, it supports it."""
    text = "On Thursday, Norland's new foreign minister Anna Lind spoke to her Danish counterpart by phone."
    pipeline.ingest([ArticleInput("ministers", text)])
    claim = "Is Anna Lind Norland's foreign minister?"
    statement = pipeline.verify("Anna Lind is Norland's foreign minister.")
    question = pipeline.verify(claim)
    assert statement["verdict"] == question["verdict"] == "supported"
    assert question["claim"] == claim
    assert question["notes"] == [NOTE_YES_NO] and statement["notes"] == []
    assert question["sources"][0]["passages"][0]["scores"] == statement["sources"][0]["passages"][0]["scores"]
    [asked] = pipeline.stance_model.predict([(text, claim)])
    assert asked.argmax() == 1, "the model alone reads the question as neutral"
