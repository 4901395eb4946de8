"""Figures of one thing's several series, someone's expectation, and clock times: when the number
checker compares two figures."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.direction import opposed
from service.pipeline.figure_series import other_series, series_before, series_of

RELEASE = "Annual inflation fell to 2.9% in October, down from 3.4% in September, official figures show."
CORE = "Core inflation, which strips out energy, food, alcohol and tobacco, fell to 3.3% from 3.6%."


@pytest.mark.parametrize(
    ("text", "figure", "series"),
    [
        (RELEASE, "2.9", ("inflation", {"annual"})),
        (RELEASE, "3.4", None),  # what it moved from has no phrase of its own
        (CORE, "3.3", ("inflation", {"core"})),
        ("Food price inflation also eased, to 4.2% from 4.8%.", "4.2", ("inflation", {"food", "price"})),
        ("Services inflation was unchanged at 4.6%.", "4.6", ("inflation", {"services"})),
        # names and possessives are the name checks' to compare, not a series
        ("The company's shares fell 10% in Copenhagen.", "10", ("shares", set())),
        ("Turnout was 61%.", "61", ("turnout", set())),
        ("Economists had expected inflation to fall to 3.1%.", "3.1", None),
    ],
)
def test_series_of_reads_the_noun_phrase_before_the_figures_verb(
    text: str, figure: str, series: tuple[str, set[str]] | None
) -> None:
    found = series_of(text, text.index(figure))
    assert found == (None if series is None else (series[0], frozenset(series[1])))


def test_series_before_reads_it_before_a_verb() -> None:
    text = "Services inflation was unchanged."
    assert series_before(text, text.index("unchanged")) == ("inflation", frozenset({"services"}))


def test_two_series_need_qualifiers_of_their_own() -> None:
    core, annual, plain = (
        ("inflation", frozenset({"core"})),
        ("inflation", frozenset({"annual"})),
        ("inflation", frozenset()),
    )
    assert other_series(core, annual)
    assert not other_series(core, plain) and not other_series(core, core) and not other_series(core, None)
    assert not other_series(core, ("prices", frozenset({"annual"})))


@pytest.mark.parametrize(
    ("claim", "passage", "found"),
    [
        ("Food price inflation eased to 4.2% in October.", RELEASE, []),
        ("Core inflation fell to 3.3% in October.", RELEASE, []),
        ("Annual inflation fell to 3.3% in October.", RELEASE, ["number mismatch: claim 3.3, passage 2.9"]),
        ("Inflation fell to 3.3% in October.", RELEASE, ["number mismatch: claim 3.3, passage 2.9"]),
        ("Core inflation fell to 3.1% in October.", CORE, ["number mismatch: claim 3.1, passage 3.3, 3.6"]),
        # what economists expected is not what came about, nor the other way round
        ("Economists had expected inflation to fall to 3.1% in October.", RELEASE, []),
        (
            "Economists had expected inflation to fall to 3.5% in October.",
            "Economists had expected inflation to fall to 3.1%.",
            ["number mismatch: claim 3.5, passage 3.1"],
        ),
    ],
)
def test_figures_of_other_series_or_expected_are_not_compared(claim: str, passage: str, found: list[str]) -> None:
    assert reasons(claim, passage) == found


def test_a_direction_of_another_series_is_not_the_claims() -> None:
    assert opposed("Services inflation was unchanged at 4.6%.", RELEASE) is None
    assert opposed("Inflation was unchanged at 4.6%.", RELEASE) == ("unchanged", "fell")


def test_a_clock_time_counts_nothing() -> None:
    passage = "The plane landed safely at 2.40pm, about 90 minutes after the crew declared an emergency."
    found = reasons("The plane landed about three hours after the crew declared an emergency.", passage)
    assert found == ["number mismatch: claim about 3, passage about 90 minutes"]
