"""Yes/no questions a page answers in a word: kept with their answer, and read as what they mean."""

from __future__ import annotations

import pytest

from service.pipeline.answers import answered, answered_statement, answers_the_claim, is_answer, refuting_answer
from service.pipeline.consistency import reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [("No.", True), ("Yes.", True), ("No!", True), ("yes", True), ("No, it cannot.", False), ("Not yet.", False)],
)
def test_a_bare_yes_or_no_is_an_answer(text: str, expected: bool) -> None:
    assert is_answer(text) is expected


@pytest.mark.parametrize(
    ("passage", "expected"),
    [
        ("Can the ferry carry cars? No.", "It is false that the ferry can carry cars."),
        ("Can the ferry carry cars? Yes.", "The ferry can carry cars."),
        ("Is Calderbrook closing its libraries? No.", "It is false that Calderbrook is closing its libraries."),
        ("Can the ferry carry cars?", None),  # not answered
        ("Why did it sink? No.", None),  # not a yes/no question
        ("Can the ferry carry cars? No, but it takes bikes.", None),  # a sentence of its own, read as one
    ],
)
def test_an_answered_question_is_read_as_what_it_means(passage: str, expected: str | None) -> None:
    assert answered_statement(passage) == expected


def test_only_no_refutes() -> None:
    assert answered("Is the pier closed? No.") == ("The pier is closed.", False)
    assert refuting_answer("Is the pier closed? No.") == "No."
    assert refuting_answer("Is the pier closed? Yes.") is None


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("The flu vaccine can give you flu.", "Can the flu vaccine give you flu? No.", ['answered in passage: "No."']),
        ("The flu vaccine cannot give you flu.", "Can the flu vaccine give you flu? No.", []),  # the answer's side
        ("The flu vaccine can give you flu.", "Can the flu vaccine give you flu? Yes.", []),
        ("Ferries sail on Sundays.", "Can the flu vaccine give you flu? No.", []),  # another question
    ],
)
def test_a_no_to_the_claim_asked_is_a_reason(claim: str, passage: str, expected: list[str]) -> None:
    assert reasons(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("The flu vaccine can give you flu.", True),
        ("Flu vaccines give people flu.", True),
        ("The flu vaccine is 60% effective.", False),  # the topic, not the question
    ],
)
def test_an_answer_is_about_the_claim_its_question_asks(claim: str, expected: bool) -> None:
    assert answers_the_claim(claim, "Can the flu vaccine give you flu? No.") is expected
