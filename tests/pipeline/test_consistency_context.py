"""Consistency reasons that lean on more than the passage's own sentence: the clause of an earlier
figure, and the sentence a passage is read after."""

from __future__ import annotations

from service.pipeline.consistency import reasons


def test_the_dates_of_an_earlier_figures_clause_are_a_claims_about_it() -> None:
    passage = "The bridge will cost £318m, up from the £245m budgeted when work began in 2023, and open in 2028."
    assert reasons("Work on the bridge began in 2023.", passage) == []
    assert reasons("Work on the bridge began in 2022.", passage) == ["date mismatch: claim 2022, passage 2023, 2028"]
    # a claim about something else is not dated by the earlier figure's clause
    assert reasons("The bridge will open in 2023.", passage) == ["date mismatch: claim 2023, passage 2028"]


def test_an_opening_pronoun_is_the_name_the_sentence_before_gives() -> None:
    claim = "Kelford Museum will be open on Mondays."
    passage = "It will be closed on Mondays."
    premise = "Kelford Museum reopens after £26m revamp. " + passage
    assert reasons(claim, passage) == ["not in passage: Kelford Museum"]
    assert reasons(claim, passage, premise=premise) == [
        "direction mismatch: claim open, passage closed",
        "not in passage: Kelford Museum",
    ]
    # the claim's own direction; a pronoun that is not the sentence's subject
    assert reasons("Kelford Museum will be closed on Mondays.", passage, premise=premise) == [
        "not in passage: Kelford Museum"
    ]
    other = "Kelford Museum reopens. Visitors said it will be closed on Mondays."
    assert reasons(claim, "Visitors said it will be closed on Mondays.", premise=other) == [
        "not in passage: Kelford Museum"
    ]
