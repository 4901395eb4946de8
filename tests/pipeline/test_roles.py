"""The roles check: a passage that says the claim's action with the two names the other way round."""

from __future__ import annotations

import numpy as np
import pytest

from service.pipeline.consistency import ROLES_SWAPPED, adjust, has_reason, reasons
from service.pipeline.roles import actions, other_first, swapped_comparison, swapped_lead, swapped_roles

MATCH_REPORT = "Northfield Rovers beat Southport City 2-1 at Marsh Lane on Saturday, with Ewan Haldane scoring twice."


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Southport City beat Northfield Rovers.",
            MATCH_REPORT,
            ("Southport City beat Northfield Rovers", "Northfield Rovers beat Southport City"),
        ),
        # a name shortened on one side is still the same name
        ("City beat Rovers.", MATCH_REPORT, ("City beat Rovers", "Northfield Rovers beat Southport City")),
        # the passive is the active turned round: who beat whom is what counts
        (
            "Rovers were beaten by City.",
            MATCH_REPORT,
            ("Rovers were beaten by City", "Northfield Rovers beat Southport City"),
        ),
        (
            "Rovers have beaten City.",
            "City have beaten Rovers twice.",
            ("Rovers have beaten City", "City have beaten Rovers"),
        ),
        # a score and a place may stand between the passive verb and its doer
        (
            "Harbourside Rovers beat Castleford City.",
            "A day after Rovers were beaten 5-1 at home by Castleford City, the manager left.",
            ("Harbourside Rovers beat Castleford City", "Rovers were beaten 5-1 at home by Castleford City"),
        ),
        (
            "The Bank of Norland acquired Orbix.",
            "Orbix acquired the Bank of Norland in 2019.",
            ("The Bank of Norland acquired Orbix", "Orbix acquired the Bank of Norland"),
        ),
        (
            "President Vance invited Chancellor Ruiz.",
            "Ruiz invited Vance to Berlin.",
            ("President Vance invited Chancellor Ruiz", "Ruiz invited Vance"),
        ),
        # an action agreed, planned or to come, its verb in the base form; a possessive before the name
        (
            "Copperline has agreed to buy Brenfield Group.",
            "Brenfield Group has agreed to buy its rival Copperline for £2.4bn.",
            ("Copperline has agreed to buy Brenfield Group", "Brenfield Group has agreed to buy its rival Copperline"),
        ),
        (
            "Orbix acquired Cloudnest.",
            "Cloudnest will acquire Orbix.",
            ("Orbix acquired Cloudnest", "Cloudnest will acquire Orbix"),
        ),
        # a win or a defeat named as a noun, said of the sentence's first name
        (
            "Carrow United beat Dunmore Athletic 3-1.",
            "Dunmore Athletic went top of the league with a 3-1 win over Carrow United on Saturday.",
            (
                "Carrow United beat Dunmore Athletic",
                "Dunmore Athletic went top of the league with a 3-1 win over Carrow United",
            ),
        ),
        (
            "Carrow defeated Dunmore.",
            "Dunmore go top with 3-1 win over Carrow",
            ("Carrow defeated Dunmore", "Dunmore go top with 3-1 win over Carrow"),
        ),
        (
            "Rovers beat City.",
            "Rovers' 2-0 defeat by City left them bottom.",
            ("Rovers beat City", "Rovers' 2-0 defeat by City"),
        ),
        # ... or by a participle after the sentence's first name, however far into it
        (
            "Elin Lindgren beat Adaeze Okafor in the final.",
            "Britain's Adaeze Okafor won the Harrowgate Open on Sunday, beating the top seed, Sweden's Elin "
            "Lindgren, 6-4, 3-6, 7-5.",
            (
                "Elin Lindgren beat Adaeze Okafor",
                "Adaeze Okafor won the Harrowgate Open on Sunday, beating the top seed, Sweden's Elin Lindgren",
            ),
        ),
        # a passive's doer is the name after "the", not one after a conjunction or a preposition
        (
            "The Dakota was inhabited by Minnesota.",
            "Until European settlement, Minnesota was inhabited by the Dakota and Ojibwe/Anishinaabe.",
            ("The Dakota was inhabited by Minnesota", "Minnesota was inhabited by the Dakota"),
        ),
        # a passive agreed to, after an aside, with its doer described
        (
            "Pelham Foods has agreed to buy Brightfield.",
            "Pelham Foods, the maker of Oakdale biscuits, has agreed to be bought by the American food group "
            "Brightfield for £1.1bn.",
            (
                "Pelham Foods has agreed to buy Brightfield",
                "Pelham Foods, the maker of Oakdale biscuits, has agreed to be bought by the American food group "
                "Brightfield",
            ),
        ),
    ],
)
def test_a_passage_that_reverses_who_did_what_to_whom_is_flagged(
    claim: str, passage: str, expected: tuple[str, str]
) -> None:
    assert swapped_roles(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim's own order
        ("Northfield Rovers beat Southport City.", MATCH_REPORT),
        ("City were beaten by Rovers.", MATCH_REPORT),
        ("Castleford City beat Rovers.", "Rovers were beaten 5-1 at home by Castleford City."),
        # both orders: the passage also says the claim's, so the model decides
        ("City beat Rovers.", "Rovers beat City in May, and City beat Rovers in the return game."),
        # verbs whose two sides do the same to each other
        ("Xi met Putin.", "Putin met Xi in Moscow."),
        ("Ana Ruiz married Tom Vance.", "Tom Vance married Ana Ruiz in 2019."),
        ("Rovers played City.", "City played Rovers on Saturday."),
        # a negated verb says nothing of who did it
        ("Southport City did not beat Rovers.", MATCH_REPORT),
        # another team of the same town word is another name
        ("Manchester City beat Northfield Rovers.", MATCH_REPORT),
        # a present tense, a noun between names, and the verb to be are not read
        ("Paris is the capital.", "The capital is Paris."),
        ("ABC sitcom Roseanne ended.", "Roseanne sitcom ABC ended."),
        # a possessive makes the name someone's something
        ("Rovers beat City's youth team.", "City beat Rovers' youth team."),
        # one name is not a swap of itself
        ("Rovers beat Northfield Rovers.", "Northfield Rovers beat Rovers."),
        # a planned action the claim's way round, and a planned verb whose two sides do the same
        ("Brenfield bought Copperline.", "Brenfield Group has agreed to buy its rival Copperline."),
        (
            "Brightfield has agreed to buy Pelham Foods.",
            "Pelham Foods has agreed to be bought by the group Brightfield.",
        ),
        # a participle whose clause holds a denial, or whose doer is the one beaten
        ("City beat Rovers.", "Rovers did not lose, beating City on penalties."),
        ("Okafor beat Lindgren.", "Okafor won the title, beating Lindgren in the final."),
        ("Rovers will face City.", "City will face Rovers on Saturday."),
        ("Xi will meet Putin.", "Putin plans to meet Xi in May."),
        # a win as a noun the claim's way round, denied or hoped for
        ("City beat Rovers.", "Rovers' 2-0 defeat by City left them bottom."),
        ("Carrow beat Dunmore.", "Dunmore did not get the win over Carrow they wanted."),
        ("Carrow beat Dunmore.", "Dunmore hope for a win over Carrow."),
    ],
)
def test_no_swap_is_read_where_the_order_does_not_differ(claim: str, passage: str) -> None:
    assert swapped_roles(claim, passage) is None


def test_actions_read_each_clause_once_and_never_a_names_tail() -> None:
    found = actions("Haldane joined Rovers after Southport City sold Haldane, and the Bank of Norland fined Orbix.")
    assert [(sorted(a.doer), a.verb, sorted(a.receiver)) for a in found] == [
        (["haldane"], "joined", ["rovers"]),
        (["city", "southport"], "sold", ["haldane"]),
        (["bank", "norland"], "fined", ["orbix"]),
    ]


def test_the_reason_moves_the_stance_and_names_both_sides() -> None:
    found = reasons("Southport City beat Northfield Rovers.", MATCH_REPORT)
    claim, passage = "Southport City beat Northfield Rovers", "Northfield Rovers beat Southport City"
    assert found == [f'{ROLES_SWAPPED}: claim "{claim}", passage "{passage}"']
    read_as_support = np.array([0.9, 0.05, 0.05])
    assert adjust(read_as_support, found).argmax() == 2
    assert adjust(read_as_support, found, kinds=()).argmax() == 0
    # a passage without one of the claim's names may tell of another game: the name reason says so instead
    other = reasons("Southport City beat Eastbridge in Lisbon.", "Eastbridge beat Southport City.")
    assert other == ["not in passage: Lisbon"]
    assert not has_reason(other, ROLES_SWAPPED)


POLL = "Labour is on 34%, seven points ahead of the Conservatives on 27%, according to a new poll by Carver Research."


@pytest.mark.parametrize(
    ("claim", "passage", "swapped"),
    [
        ("The Conservatives lead Labour in the poll.", POLL, True),
        ("The Conservatives are ahead of Labour.", POLL, True),
        ("Labour trails the Conservatives.", POLL, True),
        ("Rovers are two points behind City.", "Rovers lead City by two points.", True),
        # the claim's order, other sides, a leader the sentence does not name first and nearest
        ("Labour leads the Conservatives.", POLL, False),
        ("The Conservatives trail Labour.", POLL, False),
        ("Reform UK leads the Greens.", POLL, False),
        ("The Tories lead Labour.", "According to Carver Research, Labour is ahead of the Tories.", False),
        # an order denied or hoped for is not said
        ("The Conservatives lead Labour.", "Labour is not ahead of the Conservatives.", False),
        ("The Conservatives lead Labour.", "Labour hopes to be ahead of the Conservatives by May.", False),
        # a passage that says both orders is left to the model
        ("The Conservatives lead Labour.", f"{POLL} The Conservatives lead Labour among the over-65s.", False),
    ],
)
def test_a_passage_that_puts_the_claims_leader_behind(claim: str, passage: str, swapped: bool) -> None:
    assert (swapped_lead(claim, passage) is not None) is swapped


@pytest.mark.parametrize(
    ("claim", "behind"),
    [
        ("Ashby is Marlow County's largest town.", True),
        ("Ashby is the largest town in the county.", True),
        # the first itself, another superlative, another name
        ("Kingsbridge is Marlow County's largest town.", False),
        ("Ashby is the oldest town in the county.", False),
        ("Wexley is the largest town in the county.", False),
    ],
)
def test_a_claimed_first_the_passage_puts_behind_another(claim: str, behind: bool) -> None:
    passage = "Kingsbridge remains the county's largest town, with 188,000 residents, ahead of Ashby on 97,500."
    assert (swapped_lead(claim, passage) is not None) is behind


def test_a_swapped_lead_is_given_as_roles_swapped() -> None:
    found = reasons("The Conservatives lead Labour in the Carver Research poll.", POLL)
    assert found == [
        'roles swapped: claim "The Conservatives lead Labour", '
        'passage "Labour is on 34%, seven points ahead of the Conservatives"'
    ]


RESULTS = "Girls outperformed boys at the top grades, with 27.0% of their entries getting an A or A*."


@pytest.mark.parametrize(
    ("claim", "passage", "swapped"),
    [
        ("Boys outperformed girls at the top A-level grades.", RESULTS, True),
        ("Girls were outperformed by boys.", RESULTS, True),
        ("Men outnumber women in the workforce.", "Women now outnumber men in the workforce.", True),
        ("Diesel cars outsold electric cars in October.", "In October, electric cars outsold diesel cars.", True),
        ("Apple overtook Samsung.", "Samsung overtook Apple as the largest phone maker.", True),
        # the claim's order, in the passive or another tense; another verb; a denial
        ("Girls outperformed boys.", RESULTS, False),
        ("Boys were outperformed by girls.", RESULTS, False),
        ("Electric cars outsell diesel cars.", "Electric cars outsold diesel cars in October.", False),
        ("Boys outnumbered girls.", RESULTS, False),
        ("Girls outperformed boys.", "Boys did not outperform girls.", False),
        # a passage that says both orders is left to the model
        ("Boys outperformed girls.", f"{RESULTS} Boys outperformed girls in maths.", False),
    ],
)
def test_groups_that_outdid_each_other_the_other_way_round(claim: str, passage: str, swapped: bool) -> None:
    assert (swapped_comparison(claim, passage) is not None) is swapped


def test_an_outdoing_the_other_way_round_is_given_as_roles_swapped() -> None:
    assert reasons("Boys outperformed girls at the top grades.", RESULTS) == [
        'roles swapped: claim "Boys outperformed girls", passage "Girls outperformed boys"'
    ]


SUBJECTS = "Maths remained the most popular subject, with more than 100,000 entries for the first time."


@pytest.mark.parametrize(
    ("claim", "passage", "other"),
    [
        ("English is the most popular A-level subject.", SUBJECTS, True),
        ("Oslo is the largest city in Norway.", "Bergen is the largest city in Norway.", True),
        # the passage's first is the claim's; another superlative or noun; another place it is
        # first within; a passage that names the claim's name too; a first after another
        ("Maths is the most popular A-level subject.", SUBJECTS, False),
        ("English is the oldest subject.", SUBJECTS, False),
        ("English is the most popular language.", SUBJECTS, False),
        ("Oslo is the largest city in Norway.", "Stockholm is the largest city in Sweden.", False),
        ("English is the most popular subject.", f"{SUBJECTS} English came second.", False),
        ("Oslo is the largest city in Norway.", "Bergen is the largest city in Norway after Oslo.", False),
    ],
)
def test_a_first_of_its_kind_the_passage_gives_to_another(claim: str, passage: str, other: bool) -> None:
    assert (other_first(claim, passage) is not None) is other


def test_another_first_is_given_as_roles_swapped_though_the_claims_name_is_missing() -> None:
    found = reasons("Bergen is the largest city in Norway.", "Oslo is the largest city in Norway.")
    assert found[0] == 'roles swapped: claim "Bergen is the largest city", passage "Oslo is the largest city"'
    assert has_reason(found, ROLES_SWAPPED)
