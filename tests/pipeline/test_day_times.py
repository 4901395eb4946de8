"""Days of the week and times of day are compared as such, never when they date only a statement."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.day_times import times_disagree, times_of_day, weekdays, weekdays_disagree


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fire broke out early on Tuesday, emergency services said.", {"Tuesday"}),
        ("The fire broke out on a Monday.", {"Monday"}),
        ("Relatives gathered after Tuesday's fire.", {"Tuesday"}),
        ("The office is open Monday to Wednesday.", {"Monday", "Tuesday", "Wednesday"}),
        ("Friday to Monday", {"Friday", "Saturday", "Sunday", "Monday"}),
        # a day that dates only what someone said
        ("Five people have died, police said on Tuesday evening.", set()),
        ("The ministry said Friday that talks would resume.", set()),
        # named days and habits
        ("Super Tuesday results are in.", set()),
        ("The market opens on Mondays.", set()),
        ("A Monday-to-Friday timetable.", set()),
    ],
)
def test_weekdays(text: str, expected: set[str]) -> None:
    assert set(weekdays(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The blaze broke out at about 3 a.m. in a storage building.", [("3 a.m.", 2.0, 4.0)]),
        ("Fire crews were called to the site at 2.40am.", [("2.40am", 1 + 40 / 60, 3 + 40 / 60)]),
        ("The polls close at 10pm.", [("10pm", 21.0, 23.0)]),
        # a 24-hour clock, with two digits for the hour; not a finishing time
        ("They called for help at about 18:30.", [("18:30", 17.5, 19.5)]),
        ("The problems began at about 07:15.", [("07:15", 6.25, 8.25)]),
        ("Okoth won in 2:06:41.", []),
        ("It happened at midnight.", [("midnight", 23.0, 1.0)]),
        ("The fire started in the afternoon.", [("in the afternoon", 12.0, 18.0)]),
        ("in the early hours of the morning", [("in the early hours", 0.0, 6.0)]),
        ("Residents returned on Tuesday evening.", [("Tuesday evening", 17.0, 24.0)]),
        ("The strike began overnight.", [("overnight", 18.0, 9.0)]),
        ("It happened on Tuesday late night.", []),  # no part of the day this reads
        ("It happened late at night.", [("late at night", 21.0, 4.0)]),
        # times that bound rather than date, or date only a statement
        ("The fire was under control by mid-morning.", []),
        ("Roads stay closed until midnight.", []),
        ("Five people have died, police said on Tuesday evening.", []),
        # words of a part of the day that date nothing
        ("Night shifts were cut from 12 to seven.", []),
        ("Staff on the morning shift were sent home.", []),
        ("She reads the evening news.", []),
    ],
)
def test_times_of_day(text: str, expected: list[tuple[str, float, float]]) -> None:
    found = [(t.shown, round(t.first, 2), round(t.last, 2)) for t in times_of_day(text)]
    assert found == [(shown, round(first, 2), round(last, 2)) for shown, first, last in expected]


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("in the afternoon", "at about 3 a.m.", True),
        ("in the early hours", "at 2.40am", False),
        ("at about 3 a.m.", "at 2.40am", False),
        ("at 3 a.m.", "at 5.30am", True),
        ("at night", "at 2.40am", False),
        ("late at night", "at 11pm", False),
        ("in the morning", "on Tuesday evening", True),
        ("in the afternoon", "on Tuesday evening", False),  # evening may start at five
        ("at midnight", "at 12.30am", False),
        ("in the afternoon", "The fire spread quickly.", False),  # the passage gives no time
    ],
)
def test_times_disagree_only_when_no_hours_meet(claim: str, passage: str, disagree: bool) -> None:
    assert times_disagree(times_of_day(claim), times_of_day(passage)) is disagree


def test_weekdays_disagree_only_when_the_passage_names_none_of_the_claims() -> None:
    assert weekdays_disagree(weekdays("It opened on Monday."), weekdays("It opened early on Tuesday."))
    assert not weekdays_disagree(weekdays("It opened on Tuesday."), weekdays("Open Monday to Wednesday."))
    assert not weekdays_disagree(weekdays("It opened on Monday."), weekdays("It opened last week."))


_WORDS = ["on", "Monday", "Tuesday", "to", "said", "at", "3", "2.40am", "10pm", "a.m.", "in", "the", "early"]
_WORDS += ["late", "night", "morning", "evening", "hours", "overnight", "by", "mid-morning", "Good", "'s", ",", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.lists(st.sampled_from(_WORDS), max_size=12))
def test_any_words_read_without_error(claim: list[str], passage: list[str]) -> None:
    """Every part of the day the pattern finds has its hours, whatever the words around it."""
    claim_text, passage_text = " ".join(claim), " ".join(passage)
    times_disagree(times_of_day(claim_text), times_of_day(passage_text))
    weekdays_disagree(weekdays(claim_text), weekdays(passage_text))
