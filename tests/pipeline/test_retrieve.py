"""Lexical query terms: folded as FTS5 folds them, and the rarest kept within a match budget."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from service.pipeline.retrieve import affordable_terms, fts_query, lexical_candidates, query_terms
from service.records import ArticleInput, PassageDraft
from service.storage import Store


def test_query_terms_fold_case_and_diacritics_and_drop_stopwords() -> None:
    assert query_terms("The Zürich museum: was the MUSEUM in Zurich?") == ["zurich", "museum"]
    assert fts_query(["zurich", "museum"]) == '"zurich" OR "museum"'
    assert query_terms('" OR NEAR(') == ["near"], "no FTS5 syntax survives"


def test_affordable_terms_keep_the_rarest_within_the_budget_in_claim_order() -> None:
    frequencies = {"film": 900, "american": 800, "directed": 150, "thing": 40}
    terms = ["american", "directed", "one", "true", "thing", "film"]
    assert affordable_terms(terms, frequencies, 200) == ["directed", "one", "true", "thing"], "absent words are free"
    assert affordable_terms(terms, frequencies, 10_000) == terms
    assert affordable_terms(["film", "american"], frequencies, 10) == ["american"], "the rarest is always kept"
    assert affordable_terms([], frequencies, 10) == []
    assert affordable_terms(terms, frequencies, 0) == terms, "0 = every word"


def store_with(tmp_path: Path, sentences: list[str]) -> Store:
    store = Store(tmp_path / "d")
    store.ensure_dim(4)
    rng = np.random.default_rng(0)
    for n, sentence in enumerate(sentences):
        vector = rng.standard_normal(4).astype(np.float32)
        store.replace_article(
            ArticleInput(f"s{n}", sentence),
            "2026-01-01T00:00:00+00:00",
            f"h{n}",
            [PassageDraft(0, sentence, 0, len(sentence))],
            (vector / np.linalg.norm(vector))[None, :],
            [sentence],
        )
    return store


def test_a_common_word_leaves_the_query_once_it_matches_more_than_the_budget(tmp_path: Path) -> None:
    sentences = [f"The film number {n} opened." for n in range(30)] + ["The Zürich film festival closed."]
    store = store_with(tmp_path, sentences)
    assert store.passages_with_terms(["film", "zurich", "absent"]) == {"film": 31, "zurich": 1}
    festival = store.passages_of("s30")[0].id
    everything = lexical_candidates(store, "a film festival in Zurich", 50, budget=0)
    assert everything[0] == festival and len(everything) == 31
    assert lexical_candidates(store, "a film festival in Zurich", 50, budget=5) == [festival]
