"""overlap.shared_words: how much of the claim's wording a passage repeats."""

from __future__ import annotations

import pytest

from service.pipeline.asked import gives_none_of_the_number
from service.pipeline.consistency import reasons
from service.pipeline.overlap import only_names_shared, only_topic_shared, shared_words, shares_event
from service.pipeline.verify import about_another_subject, shares_only_topic


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


def test_a_passage_with_the_claims_quantity_is_not_only_on_its_topic() -> None:
    # "Mara" is the one word the passages that write "Ellison" do not repeat
    claim, passage = "Mara Ellison is 43.", "Ellison, 34, beat five other writers."
    topic = frozenset({"ellison"})
    assert only_topic_shared(claim, passage, topic)
    assert not shares_only_topic(claim, passage, reasons(claim, passage), topic)
    assert shares_only_topic(claim, "Ellison said she would write another.", [], topic)
    # a claim that says more of its topic than a number is not answered by another number of it
    claim, passage = "Calderbrook will spend £24 million on road repairs.", "Calderbrook's tram will cost £340 million."
    topic = frozenset({"calderbrook", "mill"})  # "million" is in most of its passages
    assert shares_only_topic(claim, passage, reasons(claim, passage), topic)


@pytest.mark.parametrize(
    ("claim", "passage", "silent"),
    [
        # a claim that says no more of its names than their age: only an age settles it
        ("Daniel Okoth is 27.", "Okoth wins Lakeport Marathon as Deressa fades", True),
        ("Daniel Okoth is 27.", "Okoth, 27, was running only his second marathon.", False),
        ("Dawn Pickering is 57 years old.", "Pickering was banned from working in care for life.", True),
        ("Dawn Pickering is 57 years old.", "Dawn Pickering, 52, admitted fraud.", False),
        # a claim of a span of time: only a passage with a span, or a number of no known count, settles it
        ("Kessler was jailed for seven years.", "Kessler was jailed.", True),
        ("Graham Pellow was jailed for four years.", "Pellow has repaid £35,000.", True),
        ("Kessler was jailed for seven years.", "Kessler was jailed for six years and four months.", False),
        ("The war lasted six years.", "The war ran from 1939 to 1945.", False),
        ("The strike will last a week.", "It would be the first strike since 2019.", True),
        # a span in a title is no span; a passage that gives another of the claim's counts is about it
        ("28 Days was unable to cast Viggo Mortensen.", "The film costars Viggo Mortensen.", False),
        ("Rod Laver won eight Pro Slam titles over 7 years.", "He also won eight Pro Slam titles.", False),
        ("The strike will last a week.", "The strike will last 48 hours.", False),
        ("The search lasted four years.", "The search ended in 2026 after 4.", False),
        # a point or a period of time is no span: a year may give it ("since 2021")
        ("The last full survey was five years ago.", "Numbers have fallen since 2021.", False),
        ("Guillemot numbers fell over the past five years.", "Numbers have fallen since 2021.", False),
        ("Passenger numbers fell in the six months to June.", "Shares in Skylark rose 6%.", False),
        ("Sales rose in the year to March.", "Shares in Skylark rose 6%.", False),
        # a claim whose number counts nothing known, and other counts
        ("Okoth is 27.", "Okoth wins the race", False),
        ("Mirel had about 14,300 inhabitants.", "The town had a population of 14,300.", False),
    ],
)
def test_a_claim_of_a_number_alone_is_settled_only_by_one(claim: str, passage: str, silent: bool) -> None:
    assert gives_none_of_the_number(claim, passage) is silent


def test_a_passage_read_after_a_sentence_that_names_the_claims_subject_is_about_it() -> None:
    found = ["not in passage: Skylark Air"]
    assert about_another_subject("Revenue rose 18% to £1.06 billion.", found)
    assert not about_another_subject("Revenue rose 18% to £1.06 billion.", found, named=True)
    assert not about_another_subject("It said revenue rose 18%.", found)
