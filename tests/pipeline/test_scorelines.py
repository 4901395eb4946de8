"""A scoreline heading is read as the sentence it means, by the stance model and the checker."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.scorelines import scoreline_statement


@pytest.mark.parametrize(
    ("heading", "statement"),
    [
        (
            "Kestrel Town 3-1 Harbour United: Mensah double sends Town top",
            "Kestrel Town beat Harbour United 3-1: Mensah double sends Town top",
        ),
        ("Harbour United 0-2 Kestrel Town", "Kestrel Town beat Harbour United 2-0"),
        ("Brighton & Hove Albion 2-2 Manchester United", "Brighton & Hove Albion and Manchester United drew 2-2"),
        ("Paris Saint-Germain 1–3 Bayern Munich (aet)", "Bayern Munich beat Paris Saint-Germain 3-1 (aet)"),
    ],
)
def test_a_scoreline_says_who_beat_whom(heading: str, statement: str) -> None:
    assert scoreline_statement(heading) == statement


@pytest.mark.parametrize(
    "text",
    [
        "Rovers won 3-1 at home.",
        "The vote was 52-48 in favour.",
        "Rovers 2-1 City. Match report follows.",
        "Possession: Kestrel 46% Harbour 54%",
        "Covid-19 cases rose.",
    ],
)
def test_other_text_is_no_scoreline(text: str) -> None:
    assert scoreline_statement(text) is None


def test_the_checker_reads_the_scoreline_as_its_sentence() -> None:
    heading = "Kestrel Town 3-1 Harbour United: Mensah double sends Town top"
    assert reasons("Harbour United beat Kestrel Town.", heading) == [
        'roles swapped: claim "Harbour United beat Kestrel Town", passage "Kestrel Town beat Harbour United"'
    ]
    assert reasons("Kestrel Town beat Harbour United 3-2.", heading) == ["number mismatch: claim 3-2, passage 3-1"]
    assert reasons("Kestrel Town beat Harbour United 3-1.", heading) == []
