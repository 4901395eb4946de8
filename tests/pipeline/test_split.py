"""Sentence segmentation: abbreviations, initials, quotes, decimals, dates, datelines, caps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.clean import clean, normalize
from service.pipeline.split import MIN_WORDS, cap_span, sentence_spans, split_passages
from service.records import Span
from tests.conftest import SEEDS


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr. Lee met Dr. Ortiz in the U.S. capital. They spoke for an hour.",
            ["Mr. Lee met Dr. Ortiz in the U.S. capital.", "They spoke for an hour."],
            id="honorifics-and-acronyms",
        ),
        pytest.param(
            "Inflation rose 1.5% in Q3, up from 0.9 percent. Markets fell.",
            ["Inflation rose 1.5% in Q3, up from 0.9 percent.", "Markets fell."],
            id="decimals",
        ),
        pytest.param(
            "MOSCOW (AP) -- The talks began on Jan. 5, 2023. They ended on Feb. 2.",
            ["MOSCOW (AP) -- The talks began on Jan. 5, 2023.", "They ended on Feb. 2."],
            id="dateline-and-month-abbreviations",
        ),
        pytest.param(
            'He said: "We will not go." Then he left. "Why?" she asked.',
            ['He said: "We will not go."', "Then he left.", '"Why?" she asked.'],
            id="quotes",
        ),
        pytest.param(
            "The novel by J. R. R. Tolkien sold well. It was reprinted.",
            ["The novel by J. R. R. Tolkien sold well.", "It was reprinted."],
            id="initials",
        ),
        pytest.param(
            "The drone was American, the U.S. said. The Pentagon agreed. It flew over the U.S. The end.",
            ["The drone was American, the U.S. said.", "The Pentagon agreed.", "It flew over the U.S.", "The end."],
            id="acronym-at-sentence-end",
        ),
        pytest.param(
            "“We are ready,” the minister said. “Talks start Monday.”",
            ["“We are ready,” the minister said.", "“Talks start Monday.”"],
            id="curly-quotes",
        ),
        pytest.param(
            "It was late… but they stayed. Why not?", ["It was late… but they stayed.", "Why not?"], id="ellipsis"
        ),
        pytest.param(
            "Roe was born in 1950.[2] She sailed.[3][citation needed] It sank.[a] See [4] too.",
            ["Roe was born in 1950.[2]", "She sailed.[3][citation needed]", "It sank.[a]", "See [4] too."],
            id="reference-marks",
        ),
        pytest.param(
            "She lives at No. 10, next to Nos. 4 and 5. Would a bus lane help? No. Buses take 40 minutes.",
            ["She lives at No. 10, next to Nos. 4 and 5.", "Would a bus lane help?", "No.", "Buses take 40 minutes."],
            id="no-is-a-number-sign-only-before-a-number",
        ),
        pytest.param(
            "Medal table (after day two): 1. Netherlands 7 (3 gold) 2. Great Britain 5 (2 gold) 3. Poland 4",
            ["Medal table (after day two):", "1. Netherlands 7 (3 gold)", "2. Great Britain 5 (2 gold)", "3. Poland 4"],
            id="an-inline-list-number-opens-its-item",
        ),
        pytest.param(
            "Results: 1. Smith won. 2. Jones came second. The vote was 12 to 2. Then it rained.",
            ["Results:", "1. Smith won.", "2. Jones came second.", "The vote was 12 to 2.", "Then it rained."],
            id="a-number-ending-a-sentence-ends-it",
        ),
        pytest.param(
            'We checked.\n1. "Coffee dehydrates you"',
            ["We checked.", "1.", '"Coffee dehydrates you"'],
            id="a-number-that-opens-a-line-is-a-fragment-of-its-own",
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_overlong_sentences_are_cut_at_clause_breaks() -> None:
    text = "; ".join(f"clause number {i} goes on for a while" for i in range(40)) + "."
    pieces = cap_span(text, Span(0, len(text)), 200)
    assert len(pieces) > 1
    assert all(p.end - p.start <= 200 for p in pieces)
    assert all(text[p.start : p.end].rstrip().endswith((";", ".")) for p in pieces)
    assert text[pieces[0].start : pieces[-1].end] == text


def test_passages_are_deduplicated_and_short_fragments_dropped() -> None:
    text = "Rain fell on the city today. CNN. Rain fell on the city today. Roads were closed."
    drafts = split_passages(text, [Span(0, len(text))], 600)
    assert [d.text for d in drafts] == ["Rain fell on the city today.", "Roads were closed."]
    assert [d.ordinal for d in drafts] == [0, 1]


def test_a_bare_answer_joins_the_question_it_answers() -> None:
    text = "Would a bus lane help? No. Buses take 40 minutes. Why? No. Is it late?\nYes."
    drafts = split_passages(text, [Span(0, text.index("\n")), Span(text.index("\n") + 1, len(text))], 600)
    # an answer after a question that is not yes/no, or in another block, stays too short to be a passage
    assert [d.text for d in drafts] == ["Would a bus lane help? No.", "Buses take 40 minutes.", "Is it late?"]
    assert text[drafts[0].start : drafts[0].end] == drafts[0].text


def test_an_interviewers_turn_is_one_passage() -> None:
    question = "Q: Your critics say the tram line is two years late. Is it?"
    answer = "A: It is late, I admit. But it is eight months behind, not two years."
    text = f"{question}\n{answer}"
    blocks = [Span(0, len(question)), Span(len(question) + 1, len(text))]
    drafts = split_passages(text, blocks, 600)
    assert [d.text for d in drafts] == [
        question,
        "A: It is late, I admit.",
        "But it is eight months behind, not two years.",
    ]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_seed_passage_is_its_exact_source_span(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    drafts = split_passages(text, clean(text), 600)
    assert len(drafts) >= 5
    for draft in drafts:
        assert text[draft.start : draft.end] == draft.text
        assert len(normalize(draft.text).split()) >= MIN_WORDS
        assert not draft.text.startswith("(")
        assert len(draft.text) <= 600


words = st.text(alphabet="abcXYZ .!?\"'“”’1234567890%$-\n\u00a0", max_size=400)


@settings(max_examples=300, deadline=None)
@given(words, st.integers(min_value=20, max_value=300))
def test_passage_offsets_hold_for_random_text(text: str, max_chars: int) -> None:
    drafts = split_passages(text, clean(text), max_chars)
    previous_end = 0
    for draft in drafts:
        assert text[draft.start : draft.end] == draft.text
        assert draft.start >= previous_end
        assert draft.end - draft.start <= max_chars
        previous_end = draft.end
