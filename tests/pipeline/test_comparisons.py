"""Comparisons: one group's figure claimed for the group a passage sets it against."""

from __future__ import annotations

import pytest

from service.pipeline.comparisons import other_groups_figure, other_members_figure, reversed_comparison
from service.pipeline.consistency import reasons

TRIAL = (
    "In a trial of 1,240 patients, those taking Calvexa had on average 4.2 fewer migraine days a month, "
    "against 1.9 fewer for those given a dummy pill."
)
POLL = "Some 38% of Labour voters backed the plan, compared with 12% of Conservative voters."


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Patients given a dummy pill had 4.2 fewer migraine days a month.",
            TRIAL,
            ("4.2", "1.9 (for those given a dummy pill)"),
        ),
        ("38% of Conservative voters backed the plan.", POLL, ("38", "12 (of Conservative voters)")),
        # each group's own figure
        ("Patients taking Calvexa had 4.2 fewer migraine days a month.", TRIAL, None),
        ("Patients given a dummy pill had 1.9 fewer migraine days a month.", TRIAL, None),
        ("38% of Labour voters backed the plan.", POLL, None),
        # a claim that sets the two groups side by side itself, or gives both figures
        ("Calvexa patients had 4.2 fewer migraine days than those given a dummy pill.", TRIAL, None),
        ("Voters backed the plan 38% to 12%, Conservative voters the fewest.", POLL, None),
        # no group after the second figure
        ("Turnout was 61% among young voters.", "Turnout was 61%, against 55% in 2019.", None),
    ],
)
def test_other_groups_figure(claim: str, passage: str, expected: tuple[str, str] | None) -> None:
    assert other_groups_figure(claim, passage) == expected


def test_the_checker_gives_it_as_a_number_mismatch() -> None:
    found = reasons("Patients given a dummy pill had 4.2 fewer migraine days a month.", TRIAL)
    assert found == ["number mismatch: claim 4.2, passage 1.9 (for those given a dummy pill)"]


FUNDERS = (
    "The work was paid for by the National Lottery Heritage Fund, which gave £14m, the city council, which gave "
    "£7m, and private donors."
)


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        ("Kelford city council gave £14m towards the refurbishment.", ("£14m", "£7m (the city council)")),
        ("The National Lottery Heritage Fund gave £7m.", ("£7m", "£14m (the National Lottery Heritage Fund)")),
        # each member's own figure; a claim that names both; another verb; a figure of no member
        ("The city council gave £7m.", None),
        ("The National Lottery Heritage Fund gave £14m.", None),
        ("The Heritage Fund gave £14m and the city council £7m.", None),
        ("The city council pledged £14m.", None),
        ("The city council gave £9m.", None),
    ],
)
def test_other_members_figure(claim: str, expected: tuple[str, str] | None) -> None:
    assert other_members_figure(claim, FUNDERS) == expected


def test_a_list_of_one_member_compares_nothing() -> None:
    assert other_members_figure("The council gave £14m.", "It was paid for by the fund, which gave £14m.") is None


def test_another_members_figure_is_a_number_mismatch() -> None:
    found = reasons("Kelford city council gave £14m towards the refurbishment.", FUNDERS)
    assert found == ["number mismatch: claim £14m, passage £7m (the city council)"]


PRIZES = "Okafor takes home £210,000 in prize money, while Lindgren receives £112,000."


@pytest.mark.parametrize(
    ("claim", "passage", "reversed_"),
    [
        ("Elin Lindgren receives more prize money than Adaeze Okafor.", PRIZES, True),
        ("Adaeze Okafor receives less prize money than Elin Lindgren.", PRIZES, True),
        ("Adaeze Okafor receives more prize money than Elin Lindgren.", PRIZES, False),
        ("Elin Lindgren receives less prize money than Adaeze Okafor.", PRIZES, False),
        # figures of two kinds, a third name, a sentence that gives one side only
        ("Lindgren scored more points than Okafor.", "Okafor scored 30 points, while Lindgren made 41 errors.", False),
        ("Lindgren earns more than Okafor.", "Navarro takes home £210,000, while Lindgren receives £112,000.", False),
        ("Lindgren earns more than Okafor.", "Lindgren receives £112,000.", False),
        # percentages of one kind
        ("Labour won a higher share than the Greens.", "The Greens won 41%, while Labour won 29%.", True),
        # a tally set against another's
        ("Scotland scored more tries than Wales.", "Wales scored three tries to Scotland's one.", True),
        ("Wales scored more tries than Scotland.", "Wales scored three tries to Scotland's one.", False),
        ("Wales scored fewer tries than Scotland.", "Wales scored three tries to Scotland's one.", True),
    ],
)
def test_a_comparison_the_passages_two_figures_say_the_other_way_round(
    claim: str, passage: str, reversed_: bool
) -> None:
    assert (reversed_comparison(claim, passage) is not None) is reversed_


def test_a_pronoun_stands_for_the_name_the_passage_lacks_when_its_context_gives_it() -> None:
    passage = "She takes home £210,000 in prize money, while Lindgren receives £112,000."
    premise = f"Okafor, 23, saved four break points. {passage}"
    claim = "Elin Lindgren receives more prize money than Adaeze Okafor."
    assert reversed_comparison(claim, passage) is None
    assert reversed_comparison(claim, passage, ["Adaeze Okafor"]) == (
        "more than Adaeze Okafor",
        "£112,000 (Lindgren) against £210,000 (She)",
    )
    assert reasons(claim, passage, premise=premise)[0] == (
        "number mismatch: claim more than Adaeze Okafor, passage £112,000 (Lindgren) against £210,000 (She)"
    )
