"""Years are compared as points, decades, ranges and bounds; a range agrees with another only
when their ends do."""

from __future__ import annotations

import pytest

from service.pipeline.dates import find_dates
from service.pipeline.numbers import read_numbers
from service.pipeline.years import claimed_edge, years_disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ({"2017"}, {"2019"}, True),
        ({"2010s"}, {"2005", "2013"}, False),
        ({"1990s"}, {"2001"}, True),
        ({"2017"}, set(), False),
        ({"2022"}, {"2021-2022"}, False),
        ({"2020"}, {"2021-2022"}, True),
        ({"2020s"}, {"2019-2020"}, False),
        # a year after "before" or "after" is a bound
        ({"after 1991"}, {"1994"}, False),
        ({"before 1990"}, {"1994"}, True),
        ({"before 2006"}, {"2006"}, True),
        ({"in or before 2006"}, {"2006"}, False),
        ({"2003"}, {"in or after 2005"}, True),
        ({"after 1986"}, {"before 1986"}, True),
        # a year in a range agrees with it; two ranges agree when their ends do
        ({"2012"}, {"2009 to 2015"}, False),
        ({"2016"}, {"2009 to 2015"}, True),
        ({"2000 to 2010"}, {"1996 to 2007"}, True),
        ({"2000 to 2006"}, {"2000 to 2006"}, False),
        ({"2009"}, {"in or after 2011"}, True),
        ({"before 1990s"}, {"1984 to 1989"}, False),
        ({"before 1990s"}, {"1993"}, True),
        ({"after 1980s"}, {"1990"}, False),
    ],
)
def test_years_disagree(claim: set[str], passage: set[str], disagree: bool) -> None:
    assert years_disagree(claim, passage) is disagree


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("It was released after the year 1991.", {"after 1991"}),
        ("It was founded prior to 1990, in 1988.", {"before 1990", "1988"}),
        ("It came out in or before 2009.", {"in or before 2009"}),
        # a range is one span of years, its last year not a year of its own
        ("It aired from 2009 to 2015 on Fox.", {"2009 to 2015"}),
        ("He voiced it (2002 - 2015) and the 1958-59 season.", {"2002 to 2015", "1958 to 1959"}),
        ("Profits quadrupled between 2000 and 2006.", {"2000 to 2006"}),
        ("Cars built between March 2021 and June 2023.", {"2021 to 2023"}),
        ("It ran from May 2009 to March 2015.", {"2009 to 2015"}),
        ("Game of Thrones (2011-present)", {"in or after 2011"}),
        ("In 2019 - 20 people died.", {"2019"}),
        # a decade may be a bound too; "the 2017 Open" is an event of that year, not a bound
        ("It ended before the 1990s, before the 2017 Open.", {"before 1990s", "2017"}),
        # "a 1980's film" is of the decade, "1982's film" of the year
        ("The Big Chill is a 1980's film, 1982's best.", {"1980s", "1982"}),
        # decades of the 1900s in words, after "the" ("in her forties" is an age)
        ("He was born in the nineties, she in the early 'eighties.", {"1990s", "1980s"}),
        ("Born in the nineteen-sixties, she left before the seventies.", {"1960s", "before 1970s"}),
        ("She is in her forties.", set()),
        # ranges of days give their years as a range
        ("Glee aired from May 19, 2009, to March 20, 2015.", {"2009 to 2015"}),
        ("Agatha Christie (15 September 1890 - 12 January 1976) wrote it.", {"1890 to 1976"}),
        # a year that is a possessive names a thing of that year, not a bound
        ("He stopped writing after 1993's River of Dreams.", {"1993"}),
    ],
)
def test_years_are_read_with_their_bounds_and_ranges(text: str, years: set[str]) -> None:
    assert read_numbers(text, [span for _, span in find_dates(text)])[0] == years


@pytest.mark.parametrize(
    ("claim", "edge"),
    [
        ("Agatha Christie was born in 1890.", "start"),
        ("The Sands opened in 1953.", "start"),
        ("Alan Rickman passed away in 2016.", "end"),
        ("Reagan left office in 1989.", "end"),
        ("Glee aired on Fox in 2012.", None),
        ("He was born in 1950 and died in 2010.", None),  # both: neither end alone
    ],
)
def test_a_claim_may_say_when_something_began_or_ended(claim: str, edge: str | None) -> None:
    assert claimed_edge(claim) == edge


@pytest.mark.parametrize(
    ("claim", "passage", "edge", "disagree"),
    [
        ({"1890"}, {"1890 to 1976"}, "start", False),
        ({"1890"}, {"1890 to 1976"}, "end", True),  # "died in 1890" against a life from 1890 to 1976
        ({"1953"}, {"1952 to 1996"}, "start", True),  # "opened in 1953" against "operated from 1952"
        ({"1950s"}, {"1952 to 1996"}, "start", False),
        ({"1960"}, {"1952 to 1996"}, None, False),
        ({"1960"}, {"1952"}, "start", True),  # a year that is no range is compared as before
    ],
)
def test_a_year_of_a_beginning_or_an_end_is_held_to_that_end_of_a_range(
    claim: set[str], passage: set[str], edge: str | None, disagree: bool
) -> None:
    assert years_disagree(claim, passage, edge) is disagree
