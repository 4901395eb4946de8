"""Places: an event of one place that a passage puts somewhere else."""

from __future__ import annotations

import numpy as np
import pytest

from service.pipeline.consistency import PLACE_MISMATCH, adjust, has_reason, reasons
from service.pipeline.places import other_place

FOUNDED = "Crumbwell, which was founded in 1962 in Bradford, made a loss of £8.2m last year."
DIVERTED = "A Skyline Air flight from London to New York was diverted to Shannon in Ireland on Friday."


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("Crumbwell was founded in Leeds.", FOUNDED, ("Leeds", "Bradford")),
        ("The Skyline Air flight was diverted to Dublin.", DIVERTED, ("Dublin", "Shannon")),
        (
            "Haldane joined Rovers from Southport City.",
            "Haldane joined Rovers from Eastbridge in May.",
            ("Southport City", "Eastbridge"),
        ),
        ("She was born in Gothenburg.", "She was born on 4 May 1950 in Malmo.", ("Gothenburg", "Malmo")),
        # the claim's place, in full or in part; a passage that names it anywhere
        ("Crumbwell was founded in Bradford.", FOUNDED, None),
        ("The flight was diverted to Shannon Airport.", DIVERTED, None),
        ("The flight was diverted to London.", DIVERTED, None),
        # another verb, another preposition, another thing joined, a denied verb
        ("The flight landed in Dublin.", DIVERTED, None),
        ("The company moved from Leeds.", "The company moved to Bradford.", None),
        ("Haldane joined City from Southport.", "Haldane joined Rovers from Eastbridge in May.", None),
        ("He was born in Leeds.", "He was not born in Bradford.", None),
        # a place that may hold the other: a country, a state, a continent against a city
        ("Jefferson Davis was born in the United States.", "Davis was born in Kentucky to a farmer.", None),
        ("She was born in France.", "She was born in Lyon.", None),
        ("Jefferson Davis was born in Texas.", "Davis was born in Kentucky to a farmer.", ("Texas", "Kentucky")),
        # a verb of an event that may happen in many places
        ("Crumbwell opened a shop in Leeds.", "Crumbwell opened a shop in Bradford.", None),
    ],
)
def test_other_place(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert other_place(claim, passage) == expected


def test_a_place_mismatch_is_a_reason_that_moves_entailment_to_contradiction() -> None:
    found = reasons(
        "The bakery Crumbwell was founded in Leeds.", "The bakery Crumbwell was founded in 1962 in Bradford."
    )
    assert found == ["place mismatch: claim Leeds, passage Bradford", "not in passage: Leeds"]
    assert has_reason(found, PLACE_MISMATCH)
    scores = adjust(np.array([0.6, 0.3, 0.1]), found)
    assert scores[2] > scores[0]


def test_a_passage_about_another_subject_puts_nothing_elsewhere() -> None:
    # the claim's other names must be in the passage, or in the sentences it is read after
    found = reasons("The bakery Crumbwell was founded in Leeds.", "The bakery Dunbar was founded in 1962 in Bradford.")
    assert not has_reason(found, PLACE_MISMATCH)
