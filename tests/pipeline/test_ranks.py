"""Ranks: what an ordinal ranks, and a rank by an adjective against the first of its kind."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.ranks import read_ranks


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Lumo is the world's fourth-largest phone maker.", ["largest (rank)"]),
        ("It is the second-biggest lake.", ["biggest (rank)"]),
        ("Lumo unveils its first foldable phone", ["foldable (rank)", "phone (rank)"]),
    ],
)
def test_an_ordinal_glued_to_a_superlative_ranks_by_it_alone(text: str, units: list[str]) -> None:
    assert sorted(read_ranks(text, [])) == units


def test_a_rank_by_size_is_not_a_rank_in_order() -> None:
    assert reasons("Lumo is the world's fourth-largest phone maker.", "Lumo unveils its first foldable phone") == []
    passage = "Lumo sold 41 million phones last year, making it the world's fourth-largest phone maker."
    assert reasons("Lumo is the world's largest phone maker.", passage) == ["number mismatch: claim 1st, passage 4th"]
