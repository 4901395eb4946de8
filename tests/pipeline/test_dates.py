"""Dates are found beside a day or a year, with their ranges, and agree when their days overlap;
an article's publication day comes from its published_at or its "Published ..." lines."""

from __future__ import annotations

from datetime import date

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.dates import (
    Date,
    dates_disagree,
    day_edge,
    find_dates,
    is_dated_item,
    publication_date,
    published_in,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was born on March 27, 1949.", ["March 27"]),
        ("Talks run 20-22 March.", ["March 20-22"]),
        ("Talks run from March 20 to 22.", ["March 20-22"]),
        ("It opened in May 2019, then on Sept. 11.", ["May", "September 11"]),
        ("It is held on the 4th of July.", ["July 4"]),
        ("Mayor 5 said we may 5 times", []),
        ("The Marathon 26 is on 32 May or 0 June.", []),
        ("It ran from March 22-20.", []),
        (
            "He joined in January; in mid-June, during May and late March he scored.",
            ["January", "June", "May", "March"],
        ),
        ("In May, the talks failed. During June they resumed.", ["May", "June"]),
        ("We met in Jan's house, in June's heat, at the March on Washington.", []),
        # days listed before one month are those days; two after "between" are a range
        ("Nurses walk out on 3, 4 and 9 June.", ["June 3, 4, 9"]),
        ("Nurses walk out on 3 and 9 June.", ["June 3, 9"]),
        ("Nurses walk out between 3 and 9 June.", ["June 3-9"]),
    ],
)
def test_find_dates(text: str, expected: list[str]) -> None:
    found = find_dates(text)
    assert [str(date) for date, _ in found] == expected
    assert all(text[start:end].strip() for _, (start, end) in found)


def test_the_span_covers_the_day_so_it_is_not_read_as_a_count() -> None:
    [(date, (start, end))] = find_dates("Born on 3 March 1970.")
    assert (date, "Born on 3 March 1970."[start:end]) == (Date(2, 3, 3), "3 March")


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ([Date(4, 28, 28)], [Date(6, 28, 28)], True),
        ([Date(2, 20, 22)], [Date(2, 21, 21)], False),
        ([Date(2, 20, 22)], [Date(2, 23, 23)], True),
        ([Date(4)], [Date(4, 11, 11)], False),
        ([Date(4)], [], False),
        ([Date(2, 3, 3), Date(4, 5, 5)], [Date(4, 5, 5)], False),
        # a list agrees only where one side's days all lie in the other's
        ([Date(5, 3, 9, frozenset({3, 4, 9}))], [Date(5, 3, 8, frozenset({3, 4, 8}))], True),
        ([Date(5, 4, 4)], [Date(5, 3, 9, frozenset({3, 4, 9}))], False),
        ([Date(5, 5, 5)], [Date(5, 3, 9, frozenset({3, 4, 9}))], True),
        ([Date(5, 3, 9, frozenset({3, 9}))], [Date(5, 1, 10)], False),
    ],
)
def test_dates_disagree_only_when_no_date_of_the_claim_agrees(
    claim: list[Date], passage: list[Date], disagree: bool
) -> None:
    assert dates_disagree(claim, passage) is disagree


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-17", date(2023, 3, 17)),
        ("2023-03-17T23:10:00Z", date(2023, 3, 17)),
        ("2023-03-17T08:00:00+08:00", date(2023, 3, 17)),
        (None, None),
        ("", None),
        ("last Friday", None),
    ],
)
def test_publication_date(value: str | None, expected: date | None) -> None:
    assert publication_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm hits\nPublished 5 March 2024, 10:42 GMT | Updated 6 March 2024\nThe storm hit.", "2024-03-05"),
        ("Updated 9:14 PM EDT, Fri March 17, 2023\nUpdated March 16, 2023\nText.", "2023-03-16"),
        ("Posted: 2023-03-17T10:00:00Z\nText.", "2023-03-17"),
        ("Published on Mar. 17, 2023 at 4pm\nText.", "2023-03-17"),
        # the date alone on a line under the headline
        ("Rates rise\n25 November 2026\nRates rose.", "2026-11-25"),
        ("Holm beaten\nSunday 22 November 2026 20:15\nHolm lost.", "2026-11-22"),
        ("Okoth wins\nLakeport, Sunday 22 November 2026\nOkoth won.", "2026-11-22"),
        ("Rates rise\nRates rose on 25 November 2026.\nThey rose.", None),
        ("News release\nHALDEN, Nov. 18, 2026 — A trial found on March 3, 2025 that ...", "2026-11-18"),
        ("NEW YORK, Nov. 18, 2026 /PRNewswire/ -- Acme said ...", "2026-11-18"),
        ("LONDON, March 3 (Reuters) - A weekly injection ...", None),  # a dateline with no year
        # US or European order, a time with no day, prose, and no such day
        ("Published 03/04/2023\nText.", None),
        ("Updated 2 hours ago\nText.", None),
        ("It was published on March 17, 2023, to acclaim.", None),
        ("Published 31 February 2023\nText.", None),
    ],
)
def test_published_in_reads_the_timestamp_lines_of_a_scraped_page(text: str, expected: str | None) -> None:
    assert published_in(text) == expected


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("1991 - Brightwater is bought by Kelland.", True),
        ("2020: Shops close for three months.", True),
        ("2012 – The 500th shop opens.", True),
        ("1991 was a hard year for the chain.", False),
        ("In 1991, Kelland bought it.", False),
        ("2,000 - the number of staff", False),
    ],
)
def test_a_timeline_item_is_headed_by_its_year(text: str, dated: bool) -> None:
    assert is_dated_item(text) is dated


@pytest.mark.parametrize(
    ("text", "day", "edge"),
    [
        ("No trains run from Sunday 29 November until Monday 7 December.", "29", "start"),
        ("No trains run from Sunday 29 November until Monday 7 December.", "7 Dec", "end"),
        ("The road is shut until the 4th of May.", "4th", "end"),
        ("Starting on 3 May, buses run hourly.", "3 May", "start"),
        ("The line reopened on 3 May.", "3 May", None),
    ],
)
def test_a_day_may_begin_or_end_something(text: str, day: str, edge: str | None) -> None:
    assert day_edge(text, text.index(day)) == edge


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # the month of a figure something moved from is that figure's, not the new one's
        (
            "The average price was £271,450 in November.",
            "The average price was £271,450, down from £272,540 in October.",
            [],
        ),
        ("Sales were £5m in 2025.", "Sales were £5m, up from £4m in 2024.", []),
        # ... and a claim of the earlier figure meets its date
        ("The list was 618,500 in August.", "The list fell to 612,000 in September, down from 618,500 in August.", []),
        # ... while the new figure's own date still disagrees
        (
            "The average price was £271,450 in October.",
            "The average price was £271,450 in November, down from £272,540 in October.",
            ["date mismatch: claim October, passage November"],
        ),
        # a year something is compared with is no earlier figure
        (
            "Taxes will fall in 2011.",
            "Bills will rise by $55 compared with 2010.",
            ["date mismatch: claim 2011, passage 2010"],
        ),
    ],
)
def test_the_date_of_an_earlier_figure_is_its_own(claim: str, passage: str, expected: list[str]) -> None:
    assert reasons(claim, passage) == expected
