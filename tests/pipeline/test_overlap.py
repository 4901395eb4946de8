"""overlap.shared_words: how much of the claim's wording a passage repeats."""

from __future__ import annotations

import pytest

from service.pipeline.overlap import only_names_shared, shared_words, shares_event


def test_the_share_counts_the_claims_content_words_the_passage_repeats() -> None:
    claim = "Mira Holt was a teacher before entering politics."  # mira, holt, teacher, enter, politic
    assert shared_words(claim, "Holt has ruled out any deal with Homeland.") == pytest.approx(1 / 5)
    assert shared_words(claim, "Holt entered politics after years of teaching.") == pytest.approx(3 / 5)
    assert shared_words(claim, claim.upper()) == 1.0


def test_function_words_short_words_and_numbers_do_not_count() -> None:
    assert shared_words("Xi met Putin 40 times in 2019.", "Putin met Xi.") == pytest.approx(1 / 2)
    assert shared_words("It was up to them.", "Nothing in common.") == 1.0, "no content word: nothing to judge by"


def test_an_event_is_what_happened_not_to_whom() -> None:
    assert not shares_event("Brightwater cut 1,100 jobs in 2023.", "2026 - Brightwater files for administration.")
    assert shares_event("Brightwater cut 1,100 jobs in 2023.", "2023 - The company cuts 90 shops and 1,100 jobs.")
    assert shares_event("Brightwater Mills.", "2026 - Brightwater files for administration."), "nothing to go on"


@pytest.mark.parametrize(
    ("claim", "heading", "names_only"),
    [
        ("Castell failed a medical.", "Castell completes record move to Northfield", True),
        ("The Nimbus X5 took 72 minutes to charge fully.", "Nimbus X5 review: a phone with a great battery", True),
        # a word of what the claim says, in another form
        ("Ruben Castellano has died at the age of 87.", "Ruben Castellano, engineer, dies aged 87", False),
        ("Castell joined Northfield for a record fee.", "Castell completes record move to Northfield", False),
        # a claim of nothing but names cannot repeat less
        ("Castell and Northfield.", "Castell completes record move to Northfield", False),
    ],
)
def test_a_passage_may_repeat_only_the_claims_names(claim: str, heading: str, names_only: bool) -> None:
    assert only_names_shared(claim, heading) is names_only
