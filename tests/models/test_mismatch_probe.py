"""The counterfactual probe changes a number or date the premise gives, or negates the hypothesis, and
counts what adjusting fixes."""

from __future__ import annotations

import numpy as np
import pytest

from models.evaluate_stance import probe_ablation
from models.mismatch_probe import (
    changed_count,
    changed_direction,
    changed_month,
    changed_year,
    negated,
    probe_pairs,
    swapped_clause,
)
from models.stance_data import Pair


@pytest.mark.parametrize(
    ("hypothesis", "premise", "expected"),
    [
        ("Two men are relaxing.", "Two men sit on crates.", "Three men are relaxing."),
        ("two men chase a ball", "A ball is chased by 2 men.", "three men chase a ball"),
        ("She won 3 titles in 2019.", "She won 3 titles that year.", "She won 4 titles in 2019."),
        ("Twenty people came.", "Twenty people came to the party.", "Nineteen people came."),
        ("Three dogs run.", "Two dogs run.", None),
        ("It cost 2.5 million.", "It cost 2.5 million.", None),
        ("COVID-19 spreads in air.", "The virus behind COVID-19 is airborne.", None),
        ("It opened in 2019.", "It opened in 2019.", None),
        ("He was born on May 27.", "He was born May 27, 1949.", None),
        ("More than 30 people came.", "More than 30 people came to see it.", None),
        ("About $40 was paid.", "They paid about $40.", None),
        ("He was born on 27 May.", "He was born 27 May 1949.", None),
    ],
)
def test_changed_count(hypothesis: str, premise: str, expected: str | None) -> None:
    assert changed_count(hypothesis, premise) == expected


def test_changed_year_moves_a_shared_year_on_by_one() -> None:
    assert changed_year("Annie was released in 2014.", "Annie is a 2014 film.") == "Annie was released in 2015."
    assert changed_year("Annie was released in 2014.", "Annie is a film.") is None


@pytest.mark.parametrize(
    ("hypothesis", "premise", "expected"),
    [
        ("He was born on May 27.", "Born May 27, 1949, in Ohio.", "He was born on June 27."),
        ("It opened in December 2019.", "It opened in December 2019.", "It opened in January 2019."),
        ("She was born on 3 March.", "She was born on 3 March 1970.", "She was born on 3 April."),
        ("It ended on the 4th of July.", "It ended on 4th of July.", "It ended on the 4th of August."),
        ("He may go in May.", "He went in May 2019.", "He may go in June."),
        ("He joined in mid-January.", "He joined on 5 January 2020.", "He joined in mid-February."),
        ("He may go to the March.", "He went in March 2019.", None),
        ("It opened on May 5.", "It opened on June 5.", None),
    ],
)
def test_changed_month(hypothesis: str, premise: str, expected: str | None) -> None:
    assert changed_month(hypothesis, premise) == expected


@pytest.mark.parametrize(
    ("hypothesis", "premise", "expected"),
    [
        ("Inflation rose in May.", "In May inflation rose to 4%.", "Inflation fell in May."),
        ("He was convicted.", "A jury convicted him.", "He was acquitted."),
        ("The highest peak", "It is the highest peak.", "The lowest peak"),
        ("Inflation rose in May.", "Inflation was 4% in May.", None),
    ],
)
def test_changed_direction_turns_a_shared_direction_word_around(
    hypothesis: str, premise: str, expected: str | None
) -> None:
    assert changed_direction(hypothesis, premise) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A man is playing a guitar.", "A man is not playing a guitar."),
        ("The band has released three albums.", "The band has not released three albums."),
        ("Lily Collins studied journalism.", None),
        ("The dog isn't sleeping.", None),
        ("He will never win.", None),
    ],
)
def test_negated_puts_not_after_the_first_auxiliary(sentence: str, expected: str | None) -> None:
    assert negated(sentence) == expected


def test_probe_pairs_come_from_entailment_pairs_only_and_are_contradictions() -> None:
    """The roles probe aside, which reads the premise of every pair of a strict set once."""
    dev = {
        "toy": [
            Pair("Two men sit on crates.", "Two men are relaxing.", 0, "toy"),
            Pair("Two men sit on crates.", "Two men are running.", 2, "toy"),
            Pair("The film came out in 2014.", "It was released in 2014.", 0, "toy"),
            Pair("She was born on May 3, 1970.", "Her birthday is May 3.", 0, "toy"),
            Pair("Sales rose sharply.", "Sales rose.", 0, "toy"),
            Pair("In 2016 Conway endorsed Ted Cruz.", "Conway backed Cruz.", 1, "toy"),
            Pair("In 2016 Conway endorsed Ted Cruz.", "Conway backed Trump.", 2, "toy"),
        ],
        "perspectrum": [
            Pair("The Senate rejected Ted Cruz.", "Cruz lost.", 0, "perspectrum"),
            Pair("Taxes fund schools.", "Taxes are good.", 0, "perspectrum"),
            Pair("Prices rose.", "Wages should rise.", 0, "perspectrum"),
        ],
    }
    probe = probe_pairs(dev)
    # the negation probe swaps roles: the negated hypothesis is the passage, the premise the claim
    assert probe["negation"] == [
        Pair("Two men are not relaxing.", "Two men sit on crates.", 2, "toy"),
        Pair("It was not released in 2014.", "The film came out in 2014.", 2, "toy"),
        Pair("Her birthday is not May 3.", "She was born on May 3, 1970.", 2, "toy"),
    ]
    # a stance set's entailment is not truth, so its opposite is no contradiction: no direction pair
    assert probe["direction"] == [Pair("Sales rose sharply.", "Sales fell.", 2, "toy")]
    assert probe["numbers"] == [Pair("Two men sit on crates.", "Three men are relaxing.", 2, "toy")]
    assert probe["years"] == [Pair("The film came out in 2014.", "It was released in 2015.", 2, "toy")]
    assert probe["months"] == [Pair("She was born on May 3, 1970.", "Her birthday is June 3.", 2, "toy")]
    # a neutral pair's premise is a true passage too; each premise is used once
    assert probe["roles"] == [Pair("In 2016 Conway endorsed Ted Cruz.", "Ted Cruz endorsed Conway.", 2, "toy")]


@pytest.mark.parametrize(
    ("premise", "expected"),
    [
        ("Apple was founded by Steve Jobs in 1976.", "Steve Jobs was founded by Apple."),
        ("Sean Connery won the Academy Award.", "The Academy Award won Sean Connery."),
        ("Northfield Rovers beat Southport City 2-1.", "Southport City beat Northfield Rovers."),
        # the names' two sides do the same, or a capitalised word names no one, or the name goes on
        ("Ann Lee married Tom Park.", None),
        ("On Monday announced Justice Reform.", None),
        ("Lee defeated Park Ji's team.", None),
        ("The coach praised the players.", None),
    ],
)
def test_swapped_clause_trades_the_names_of_a_clause(premise: str, expected: str | None) -> None:
    assert swapped_clause(premise) == expected


def test_probe_ablation_counts_what_acting_on_each_kind_fixes() -> None:
    pairs = {
        "numbers": [
            Pair("He met her 39 times.", "He met her 40 times.", 2, "toy"),
            Pair("Two men sit.", "Three men sit.", 2, "toy"),
        ],
        "years": [Pair("It opened in 2019.", "It opened in 2020.", 2, "toy")],
        "months": [
            Pair("It opened on May 5, 2019.", "It opened on June 5.", 2, "toy"),
            Pair("It opened in the spring.", "It opened in June.", 2, "toy"),  # a season is no date
        ],
        "direction": [
            Pair("Annual inflation rose to 4%.", "Inflation fell.", 2, "toy"),
            Pair("Derrick Rose is a player.", "Derrick fell is a player.", 2, "toy"),
        ],
        "roles": [
            Pair("Northfield Rovers beat Southport City 2-1.", "Southport City beat Northfield Rovers.", 2, "toy"),
            Pair("Apple was founded by Steve Jobs.", "Steve Jobs founded Apple.", 2, "toy"),
        ],
        "negation": [
            Pair("The mayor did not sign the budget.", "The mayor signed the city budget.", 2, "toy"),
            Pair("The mayor is not smiling.", "The mayor smiles at the crowd.", 2, "toy"),
        ],
    }
    entails = np.array([0.9, 0.05, 0.05], dtype=np.float32)
    unsure = np.array([0.55, 0.0, 0.45], dtype=np.float32)
    probs = {
        "numbers": np.stack([entails, entails]),
        "years": np.stack([entails]),
        "months": np.stack([entails] * 2),
        "direction": np.stack([unsure, unsure]),
        "roles": np.stack([entails, entails]),
        "negation": np.stack([unsure, unsure]),
    }
    assert probe_ablation(probs, pairs) == {
        "numbers": {"pairs": 2, "flagged": 2, "plain": 0, "adjusted": 2, "read_as_entailment": 2},
        "years": {"pairs": 1, "flagged": 1, "plain": 0, "adjusted": 1, "read_as_entailment": 1},
        "months": {"pairs": 2, "flagged": 1, "plain": 0, "adjusted": 1, "read_as_entailment": 2},
        # "Rose" is a name in the passage, not a direction the claim's "fell" opposes
        "direction": {"pairs": 2, "flagged": 1, "plain": 0, "adjusted": 1, "read_as_entailment": 2},
        # the second is a gold contradiction made wrongly: the passage says the claim, in the passive
        "roles": {"pairs": 2, "flagged": 1, "plain": 0, "adjusted": 1, "read_as_entailment": 2},
        # the second shares one content word ("mayor"; "smiling" is not "smiles"): not flagged
        "negation": {"pairs": 2, "flagged": 1, "plain": 0, "adjusted": 1, "read_as_entailment": 2},
    }
