"""Contests: a win, or a deed done once in a match, that a passage gives to someone else."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import ROLES_SWAPPED, has_reason, reasons
from service.pipeline.contests import beaten_winner, other_doer, other_elected, other_finalist


@pytest.mark.parametrize(
    ("claim", "passage", "beaten"),
    [
        ("Ingrid Holm won the Ostberg Open.", "Navarro beats Holm in three sets to win Ostberg Open", True),
        (
            "Holm won the Ostberg Open.",
            "Navarro won, beating the top seed Ingrid Holm 6-4 7-5 in the final of the Ostberg Open.",
            True,
        ),
        # the winner, another contest, a match of a league, and the one who beat the claim's
        ("Navarro won the Ostberg Open.", "Navarro beats Holm in three sets to win Ostberg Open", False),
        ("Holm won the Paris Open.", "Navarro beats Holm in three sets to win Ostberg Open", False),
        ("City won the Northern League.", "Rovers beat City 2-1 in the Northern League on Saturday.", False),
        ("Navarro won the Ostberg Open.", "Navarro was beaten by Holm in the final of the Ostberg Open.", False),
        # the one who won pulled away from or finished ahead of the claim's
        (
            "Abebe Deressa won the Lakeport Marathon.",
            "Okoth won the Lakeport Marathon, pulling away from the defending champion Abebe Deressa.",
            True,
        ),
        (
            "Daniel Okoth won the Lakeport Marathon.",
            "Okoth won the Lakeport Marathon, pulling away from Deressa.",
            False,
        ),
    ],
)
def test_a_winner_the_passage_says_was_beaten_in_the_final(claim: str, passage: str, beaten: bool) -> None:
    assert (beaten_winner(claim, passage) is not None) is beaten


def test_a_winners_majority_over_another_beats_them() -> None:
    passage = "Olivia Hart has won the Ferndale by-election, a majority of 2,315 over Labour's Sanjay Mehta."
    assert beaten_winner("Sanjay Mehta won the Ferndale by-election.", passage) == (
        "Sanjay Mehta won the Ferndale",
        "majority of 2,315 over Labour's Sanjay Mehta",
    )
    assert beaten_winner("Olivia Hart won the Ferndale by-election.", passage) is None


ELECTED = (
    "Labour's Rachel Amadi has been elected the first woman Mayor of Westbury, defeating the Conservative "
    "Daniel Frost by 14,212 votes."
)


@pytest.mark.parametrize(
    ("claim", "beaten"),
    [
        ("Daniel Frost has been elected Mayor of Westbury.", True),
        ("Daniel Frost was elected as Mayor of Westbury.", True),
        ("Rachel Amadi has been elected Mayor of Westbury.", False),
        ("Daniel Frost was elected Mayor of Eastfield.", False),
    ],
)
def test_an_office_won_at_an_election_is_a_contest(claim: str, beaten: bool) -> None:
    assert (beaten_winner(claim, ELECTED) is not None) is beaten


MATCH = (
    "Holloway equalised in the 81st minute when Kofi Mensah headed in a corner, and substitute Liam Roper "
    "scored the winner four minutes into the second half of extra time."
)


@pytest.mark.parametrize(
    ("claim", "other"),
    [
        ("Kofi Mensah scored Holloway's winner in extra time.", True),
        ("Kofi Mensah scored the winning goal.", True),
        # the passage's doer, another deed, a deed not done once
        ("Liam Roper scored the winner.", False),
        ("Liam Roper scored the winning goal for Holloway.", False),
        ("Kofi Mensah scored the opener.", False),
        ("Kofi Mensah scored a header.", False),
    ],
)
def test_a_deed_done_once_given_to_another(claim: str, other: bool) -> None:
    assert (other_doer(claim, MATCH) is not None) is other


def test_a_passage_that_also_gives_the_deed_to_the_claims_name_is_left_to_the_model() -> None:
    passage = f"{MATCH} Some reports said Kofi Mensah scored the winner."
    assert other_doer("Kofi Mensah scored the winner.", passage) is None


FINAL = "Holloway will face Castlegate United in the final at Riverside Park on 9 May."


@pytest.mark.parametrize(
    ("claim", "other"),
    [
        ("Dunmere Athletic will play Castlegate United in the County Cup final.", True),
        ("Castlegate United will meet Dunmere Athletic in the final.", True),
        ("Holloway Town will play Castlegate United in the County Cup final.", False),
        ("Castlegate United will face Holloway in the final.", False),
        # not a final: a league match may be played by anyone
        ("Dunmere Athletic will play Castlegate United on Saturday.", False),
    ],
)
def test_a_final_against_another_side(claim: str, other: bool) -> None:
    assert (other_finalist(claim, FINAL) is not None) is other


def test_another_doer_and_another_finalist_are_given_as_roles_swapped() -> None:
    found = reasons("Kofi Mensah scored Holloway's winner in extra time.", MATCH)
    assert found == [
        'roles swapped: claim "Kofi Mensah scored Holloway\'s winner", passage "Liam Roper scored the winner"'
    ]
    assert has_reason(reasons("Dunmere Athletic will play Castlegate United in the final.", FINAL), ROLES_SWAPPED)


@pytest.mark.parametrize(
    ("claim", "passage", "other"),
    [
        ("Daniel Frost has been elected Mayor of Westbury.", "Rachel Amadi elected Mayor of Westbury", True),
        ("Daniel Frost was elected Mayor of Westbury.", ELECTED, True),
        ("Rachel Amadi has been elected Mayor of Westbury.", "Rachel Amadi elected Mayor of Westbury", False),
        # another office, and one that many hold
        ("Daniel Frost was elected Mayor of Eastfield.", "Rachel Amadi elected Mayor of Westbury", False),
        (
            "Daniel Frost was elected Councillor for Hill Ward.",
            "Rachel Amadi was elected Councillor for Hill Ward.",
            False,
        ),
    ],
)
def test_an_office_one_person_holds_given_to_another(claim: str, passage: str, other: bool) -> None:
    assert (other_elected(claim, passage) is not None) is other
