"""Numbers in words read as digits: counts, scales, fractions and ranks."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.number_words import FRACTION, ORDINAL, WORD_NUMBER, fraction_number, ordinal, rank, spoken_number
from service.pipeline.numbers import read_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twenty-three", ("23", 23, 1.0)),
        ("eighty one", ("81", 81, 1.0)),
        ("two hundred and fifty", ("250", 250, 1.0)),
        ("one million", ("1 million", 1e6, 1e6)),
        ("a billion", ("1 billion", 1e9, 1e9)),
        ("Forty Thousand", ("40 thousand", 4e4, 1e3)),
    ],
)
def test_a_number_in_words_is_read_as_its_digits(text: str, expected: tuple[str, float, float]) -> None:
    match = WORD_NUMBER.search(text)
    assert match is not None and spoken_number(match) == expected


def test_a_hundred_alone_and_a_word_glued_by_a_hyphen_are_not_read() -> None:
    match = WORD_NUMBER.search("a hundred")
    assert match is None or spoken_number(match) is None
    assert WORD_NUMBER.search("number-one songs") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("half a million", ("0.5 million", 5e5, 1e5)),
        ("a quarter of a billion", ("0.25 billion", 2.5e8, 1e8)),
        ("three-quarters of a million", ("0.75 million", 7.5e5, 1e5)),
    ],
)
def test_a_fraction_of_a_scale_rounds_to_a_tenth_of_it(text: str, expected: tuple[str, float, float]) -> None:
    match = FRACTION.search(text)
    assert match is not None and fraction_number(match) == expected


@pytest.mark.parametrize(
    ("text", "place", "shown"), [("third term", 3, "3rd"), ("the 21st century", 21, "21st"), ("11th hour", 11, "11th")]
)
def test_ranks_in_words_and_digits(text: str, place: int, shown: str) -> None:
    match = ORDINAL.search(text)
    assert match is not None and rank(match) == place and ordinal(place) == shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twin red panda cubs were born.", {"red": {"twin"}, "panda": {"twin"}}),
        ("Triplet girls were born on Monday.", {"girl": {"triplet"}}),
        ("The twin towers fell.", {"tower": {"twin"}}),
        # one of a pair, and a word glued by a hyphen, count nothing
        ("His twin brother was there.", {}),
        ("A twin-engine plane landed.", {}),
    ],
)
def test_a_multiple_birth_counts_what_it_names(text: str, expected: dict[str, set[str]]) -> None:
    counted = read_numbers(text, [])[1]
    assert {unit: {q.shown for q in found} for unit, found in counted.items()} == expected


def test_twins_and_triplets_disagree() -> None:
    claim = "Triplet red panda cubs have been born at the zoo."
    assert reasons(claim, "Twin red panda cubs have been born at the zoo.") == [
        "number mismatch: claim triplet, passage twin"
    ]
    assert reasons("Twin red panda cubs have been born at the zoo.", "Twin red panda cubs were born there.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal with no word after it is a place after a placing word or "to"
        ("Ashford is 23rd in the guide.", {"place (rank)": {"23rd"}}),
        ("Harrowgate rose from fifth to second.", {"place (rank)": {"5th", "2nd"}}),
        ("Kingsmead kept first place.", {"place (rank)": {"1st"}}),
        # ... not an adverb, nor "the first" of something said before
        ("First, the council met.", {}),
        ("It was the first.", {}),
    ],
)
def test_an_ordinal_alone_after_a_placing_word_is_a_place(text: str, expected: dict[str, set[str]]) -> None:
    counted = read_numbers(text, [])[1]
    assert {unit: {q.shown for q in found} for unit, found in counted.items()} == expected
