"""The negation check: a passage that denies the claim in the claim's own words."""

from __future__ import annotations

import pytest

from service.pipeline.negation import content_stems, contrasted_phrase, negated_clause


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The minister signed the trade agreement.",
            "The minister did not sign the trade agreement, officials said.",
            "not sign the trade agreement",
        ),
        (  # one stem for "voted" and "vote"
            "The senator voted for the bill.",
            "The senator did not vote for the bill, records show.",
            "not vote for the bill",
        ),
        (
            "The senator voted for the budget bill.",
            "The senator never voted for the budget bill.",
            "never voted for the budget bill",
        ),
        (
            "The senator supported the budget bill.",
            "The senator never supported the budget bill.",
            "never supported the budget bill",
        ),
        (
            "The company commented on the layoffs.",
            "The company declined to comment on the planned layoffs.",
            "declined to comment on the planned layoffs",
        ),
        (
            "Officials closed the power plant.",
            "Officials denied that the power plant had closed.",
            "denied that the power plant had closed",
        ),
        ("The team reached the cup final.", "The team failed to reach the cup final.", "failed to reach the cup final"),
        (
            "Beijing condemned the invasion.",
            "Beijing has refrained from condemning the invasion.",
            "refrained from condemning the invasion",
        ),
        ("He paid the parking fines.", "He forgot to pay the parking fines.", "forgot to pay the parking fines"),
        (
            "The minister signed the trade treaty.",
            "The minister did not sign the trade treaty when he visited Paris.",
            "not sign the trade treaty when he visited Paris",
        ),
        ("Rivera scored twice.", "Rivera hasn't scored twice this season.", "hasn't scored twice this season"),
        # an irregular past meets its base form
        ("The lake froze over the winter.", "The lake did not freeze over the winter.", "not freeze over the winter"),
        ("The firm sold the plant.", "The firm has not sold the plant.", "not sold the plant"),
        (
            "The storm damaged the old bridge.",
            "The storm did not damage the old bridge, though it flooded the valley and closed six roads.",
            "not damage the old bridge",
        ),
    ],
)
def test_a_denial_in_the_claims_words_is_quoted(claim: str, passage: str, expected: str) -> None:
    assert negated_clause(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim is negated itself: a negated passage may agree with it
        ("The minister did not sign the trade agreement.", "The minister refused to sign the trade agreement."),
        ("Workers are refusing the vaccine.", "Many workers will not take the vaccine."),
        # the cue denies something else: fewer than two of the claim's content words follow it
        ("The minister signed the trade agreement.", "The minister signed it; he did not comment further."),
        ("Exports rose in March.", "Exports rose in March, not April as forecast."),
        # the claim's words come too long after the cue: it denies something else
        (
            "The contracts were worth 3.2 million euros.",
            "A jury found him not guilty of accepting bribes from a construction company in exchange for"
            " city contracts worth 3.2 million euros.",
        ),
        # the cue ends at the clause boundary
        ("The minister signed the trade agreement.", "It was not easy, but the minister signed the trade agreement."),
        # "not only", "no doubt" do not deny what follows them
        ("The plan cuts taxes and spending.", "The plan not only cuts taxes but also spending."),
        ("The reform cuts taxes sharply.", "There is no doubt the reform cuts taxes sharply."),
        # a bound is not a denial: the claim's day or figure may be the one the passage allows
        ("The next launch attempt is on Tuesday.", "The next launch attempt will be made no earlier than Tuesday."),
        ("The bridge will reopen in March.", "The bridge will not reopen until March."),
        ("The fine is 500 pounds.", "The fine is no more than 500 pounds."),
        # a question left open is not a denial
        ("Xi held a call with Zelensky.", "Beijing did not confirm whether Xi held a call with Zelensky."),
        ("Xi held a call with Zelensky.", "It is not clear if Xi held a call with Zelensky."),
        # no cue at all
        ("The minister signed the trade agreement.", "The minister signed the trade agreement on Monday."),
    ],
)
def test_no_denial(claim: str, passage: str) -> None:
    assert negated_clause(claim, passage) is None


def test_a_long_clause_is_cut_in_the_quote() -> None:
    passage = "He has not met the president of the republic in person in any of the years since the war began."
    found = negated_clause("He met the president of the republic.", passage)
    assert found == "not met the president of the republic in person in any …"


def test_content_stems_drop_function_words_and_one_inflection() -> None:
    assert content_stems("They have condemned the calls, which were signed") == {"condemn", "call", "sign"}
    assert content_stems("Mississippi missiles and a missile") == {"mississippi", "missil"}
    assert content_stems("closed, closes, close") == {"clos"}


def test_a_stricter_overlap_needs_more_shared_words() -> None:
    claim, passage = "The minister signed the trade agreement.", "The minister did not sign the agreement."
    assert negated_clause(claim, passage) == "not sign the agreement"
    assert negated_clause(claim, passage, min_shared=3) is None


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Children get the vaccine as an injection.",
            "For children the vaccine is a nasal spray rather than an injection.",
            "rather than an injection",
        ),
        ("The council chose buses.", "The council chose trams instead of buses.", "instead of buses"),
        ("The council chose trams.", "The council chose trams instead of buses.", None),  # what it chose
        ("Buses are cheaper.", "The council chose trams instead of buses.", None),  # nothing else shared
        ("The council chose buses rather than trams.", "It chose trams instead of buses.", None),  # the claim's own
    ],
)
def test_what_a_passage_sets_aside_is_denied(claim: str, passage: str, expected: str | None) -> None:
    assert contrasted_phrase(claim, passage) == expected
