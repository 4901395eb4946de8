"""An aside's numbers and dates are left out when the claim is about the rest of its sentence."""

from __future__ import annotations

import pytest

from service.pipeline.asides import asides, life_dates, without_life_dates, years_of_other_names
from service.pipeline.consistency import reasons

PLANT = "The plant, which opened in 1978, has had a fire before."


@pytest.mark.parametrize(
    ("claim", "passage", "left_out"),
    [
        # the claim is about the sentence's fire, not the opening
        ("There was a previous fire at the plant in 2011.", PLANT, [", which opened in 1978"]),
        # the claim shares the aside's word: compared as before
        ("The plant opened in 1975.", PLANT, []),
        # nothing but the aside's own head ("plant") is shared: nothing says which the claim is about
        ("The plant was founded in 1975.", PLANT, []),
        # an aside at the end of the sentence, and one about a person
        (
            "Lund won the seat in 2024.",
            "Lund won the seat, which Unity had held since 1998.",
            [", which Unity had held since 1998"],
        ),
        (
            "Berg was re-elected in 2022.",
            "Berg, who joined the party in 2009, was re-elected.",
            [", who joined the party in 2009"],
        ),
        (
            "The plant had a fire in 2011.",
            "The plant, which employs 4,500 people, had a fire on Tuesday.",
            [", which employs 4,500 people"],
        ),
        # another thing the subject did, or a clause of its own
        (
            "Ilse Roe was born in 1949.",
            "Roe was born in Pécs, Hungary, and moved to Gothenburg in 1957, a year after her father's death.",
            [", and moved to Gothenburg in 1957, a year after her father's death"],
        ),
        ("Profit rose in 2020.", "Profit rose 5% in 2019; revenue fell in 2020.", ["; revenue fell in 2020"]),
        # a semicolon in brackets ends no clause
        ("Jean Roe was born in 1925.", "Jean Roe ([roʊ]; 29 November 1825 - 16 August 1893) was a neurologist.", []),
        # compared where the claim is about it
        ("Roe moved to Gothenburg in 1960.", "Roe was born in Pécs, and moved to Gothenburg in 1957.", []),
        # two clauses, each with its own subject: the one the claim shares no word with
        (
            "The first homes will be ready in 2027.",
            "Work will start in 2027, and the first homes could be ready by 2028.",
            ["Work will start in 2027"],
        ),
        (
            "Work will start in 2028.",
            "Work will start in 2027, and the first homes could be ready by 2028.",
            ["the first homes could be ready by 2028"],
        ),
        # the last item of a list is no clause
        ("Hamlet won an award in 1955.", "His films are Hamlet (1948), and a trilogy of Shakespeare films.", []),
        # nothing says which half a claim that shares words with both is about
        ("Work on the homes will start in 2028.", "Work will start in 2027, and the homes will be ready in 2028.", []),
        # a list of places is not another clause
        ("Roe lived in Pécs in 1960.", "Roe lived in Pécs, Hungary, and Vienna in 1957.", []),
        # "when" and "where" clauses often date the sentence's own event
        ("The firm was sold in 2012.", "He left in 2011, when the firm was sold.", []),
        # an encyclopedia's life dates, on a claim about something else
        (
            "Ann Lee was made a Dame in 2019.",
            "Dame Ann Lee (born 14 March 1958) is a British marine biologist.",
            [" (born 14 March 1958)"],
        ),
    ],
)
def test_asides(claim: str, passage: str, left_out: list[str]) -> None:
    assert [passage[start:end] for start, end in asides(claim, passage)] == left_out


LEAD = "Dame Ann Lee (née Hall; born 14 March 1958) is a marine biologist who studies coral."


@pytest.mark.parametrize(
    ("claim", "cut"),
    [
        ("Ann Lee was made a Dame in 2019.", True),
        ("Ann Lee studies coral in March.", True),  # a month of the claim's is not a birth
        # a claim about birth, death or age reads them
        ("Ann Lee was born in 1962.", False),
        ("Ann Lee's date of birth is 14 March 1958.", False),
        ("Ann Lee died in 2020.", False),
        ("Ann Lee is 68 years old.", False),
        # a claim about none of the sentence: nothing says it is not about the brackets
        ("The reef was found in 1990.", False),
    ],
)
def test_life_dates_are_cut_for_a_claim_about_something_else(claim: str, cut: bool) -> None:
    assert bool(life_dates(claim, LEAD)) is cut
    assert without_life_dates(claim, LEAD) == ("Dame Ann Lee is a marine biologist who studies coral." if cut else LEAD)


def test_dates_in_brackets_that_are_not_life_dates_stay() -> None:
    text = "The bridge (opened 1884) was closed in 2026."
    assert life_dates("The bridge was closed in 2026.", text) == []


WORKS = "The stolen works, Winter Ferry (1931) and The Red Boathouse (1934), are valued at £1.2m."


@pytest.mark.parametrize(
    ("claim", "left_out"),
    [
        # each year in brackets is of the name before it: one the claim names keeps only its own
        ("The Red Boathouse was painted in 1931.", [" (1931)"]),
        ("Winter Ferry was painted in 1931.", [" (1934)"]),
        ("She starred in Alien, which came out in 1975.", []),  # not a name of the passage's
        # a claim that names none of them: nothing says which year it is about
        ("Both stolen works were painted in 1931.", []),
    ],
)
def test_a_year_in_brackets_after_a_name_is_of_that_name(claim: str, left_out: list[str]) -> None:
    assert [WORKS[a:b] for a, b in years_of_other_names(claim, WORKS)] == left_out


def test_a_date_mismatch_reads_only_the_named_works_year() -> None:
    assert reasons("The Red Boathouse was painted in 1931.", WORKS) == ["date mismatch: claim 1931, passage 1934"]
    assert reasons("Winter Ferry was painted in 1931.", WORKS) == []
