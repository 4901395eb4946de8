"""What a number counts: the word after it, the noun a linking word ties it to, the whole a part
is of, an age, and whether it is a change."""

from __future__ import annotations

import pytest

from service.pipeline.counts import amount_units, counted_units, singular


def units_at(text: str, number: str) -> list[str]:
    start = text.index(number)
    return counted_units(text, start, start + len(number))


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("He has visited 40 times.", "40", ["time"]),
        ("Two young boys play.", "Two", ["young", "boy"]),
        ("It won 26 of the 150 seats.", "26", ["seat"]),
        ("Four of the borough's 16 libraries will close.", "Four", ["librarie"]),
        ("The attendance was 31,412 on Sunday.", "31,412", ["attendance #"]),
        ("Lind, 61, was tried.", "61", ["year"]),
        ("The krone rose 0.8% on Friday.", "0.8", ["% (change)"]),
        ("Rates were raised to 4.75% on Friday.", "4.75", ["%"]),
        ("It posted a 5% increase in sales.", "5", ["% (change)", "increase (change)"]),
        ("Iron Man 3 is a sequel.", "3", []),
        # a sentence that opens on a whole counts its part after the comma as the whole does
        ("Of the 126 riders who started the race, 98 finished.", "98", ["rider"]),
        ("Of its 40 branches, 12 will close.", "12", ["branche"]),
        ("Of the 40 patients in the trial, about 12 died.", "12", ["patient"]),
        ("Of the money raised, 98 went to charity.", "98", ["went"]),
        # a verb after a number leaves its noun out: what it counts is said elsewhere
        ("He said 98 finished.", "98", []),
        ("Six voted for the cut, while three wanted to wait.", "three", []),
        # a noun of a scale before a number says what it measures, whatever follows
        ("A magnitude 6.4 quake hit.", "6.4", ["magnitude #", "quake", "hit"]),
        ("It was upgraded to a category 4 storm.", "4", ["category #", "storm"]),
    ],
)
def test_a_number_counts_what_its_words_say(text: str, number: str, expected: list[str]) -> None:
    assert units_at(text, number) == expected


def test_a_sum_with_no_noun_after_it_counts_its_currency_alone() -> None:
    assert amount_units(["company #"]) == [""]
    assert amount_units(["company # (change)"]) == [" (change)"]
    assert amount_units(["billion"]) == ["billion"]


def test_plurals_are_counted_as_their_singular() -> None:
    assert [singular(w) for w in ("boys", "per cent", "children", "bus")] == ["boy", "%", "children", "bus"]
