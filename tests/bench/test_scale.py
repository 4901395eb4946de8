"""bench/scale.py: the synthetic archive is a real store, grows by resuming, and is measured."""

from __future__ import annotations

import numpy as np
import pytest

from bench import scale
from bench.scale import copy_vectors, grow, measure, rebuild_seconds, window_rows
from service.pipeline import Pipeline
from service.settings import Settings

SENTENCES = [
    "The harbour closed on Tuesday after a storm damaged the pier.",
    "Repairs will take three weeks, the port authority said.",
    "The dam was finished in May after six years of work.",
    "It supplies water to two million people.",
    "The mayor opened the new library on Friday.",
    "The library holds forty thousand books.",
    "Ferries will run from the north quay instead.",
]


def test_copies_are_near_duplicates_of_the_pool(pipeline: Pipeline) -> None:
    vectors = pipeline.embedder.encode(SENTENCES)
    assert copy_vectors(vectors, 0) is vectors
    copied = copy_vectors(vectors, 1)
    cosines = np.sum(copied * vectors, axis=1)
    assert np.allclose(np.linalg.norm(copied, axis=1), 1.0, atol=1e-5)
    assert np.all(cosines > 0.9) and np.all(cosines < 0.99)
    assert not np.allclose(copy_vectors(vectors, 2), copied), "each copy has its own noise"


def test_grow_stores_articles_as_ingest_does_and_resumes(pipeline: Pipeline) -> None:
    vectors = pipeline.embedder.encode(SENTENCES)
    grow(pipeline, SENTENCES, vectors, 10)
    store = pipeline.store
    assert store.counts()[1] == 10 and store.index.size == 10
    grow(pipeline, SENTENCES, vectors, 24)  # resumes: four pool copies, the last one partial
    assert store.counts()[1] == 24 and store.index.size == 24
    for article in store.list_articles(limit=100):
        stored = store.get_article(article.source_id)
        assert stored is not None
        for passage in store.passages_of(article.source_id):
            assert stored.text[passage.start : passage.end] == passage.text
            assert passage.text in SENTENCES
    harbour = pipeline.search("storm damaged the pier", k=3)
    assert harbour[0]["text"] == SENTENCES[0] and harbour[0]["similarity"] > 0.5


def test_measure_reports_every_stage(settings: Settings, pipeline: Pipeline) -> None:
    vectors = pipeline.embedder.encode(SENTENCES)
    grow(pipeline, SENTENCES, vectors, 14)
    pipeline.close()
    none = Settings(data_dir=settings.data_dir, stance_model="none")
    evidence = {"The dam took six years to build.": {SENTENCES[2]}, "The harbour is closed.": {"Not stored."}}
    row = measure(none, evidence, Pipeline(none, embedder=pipeline.embedder))
    assert row["passages"] == 14 and row["articles"] == 2 and row["evidence_cited"] == "1/2"
    assert row["sqlite_mb"] > 0 and row["faiss_mb"] > 0
    for key in ("dense_ms", "lexical_ms", "embed_ms", "search_ms", "stance_ms", "total_ms"):
        assert 0 <= row[key]["p50"] <= row[key]["p90"], key
    seconds, peak_mb = rebuild_seconds(settings.data_dir)
    assert seconds >= 0 and peak_mb > 0


def test_articles_are_dated_in_turn_and_windows_hold_their_share(
    settings: Settings, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scale, "WINDOW_DAYS", 4)
    monkeypatch.setattr(scale, "WINDOW_SHARES", (0.25, 0.5, 1.0))
    vectors = pipeline.embedder.encode(SENTENCES)
    grow(pipeline, SENTENCES, vectors, 100)  # articles of up to 7 passages (the pool), dated by 20s
    articles = pipeline.store.list_articles(limit=100)
    days = {a.published_at: a.passage_count for a in articles if a.source_id == "scale-00000000"}
    assert days == {"2021-01-01": 7}
    per_day: dict[str, int] = {}
    for article in articles:
        assert article.published_at == scale._published(int(article.source_id.removeprefix("scale-")))
        per_day[article.published_at] = per_day.get(article.published_at, 0) + article.passage_count
    assert sorted(per_day) == ["2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04"]
    pipeline.close()
    none = Settings(data_dir=settings.data_dir, stance_model="none")
    rows = window_rows(none, ["The dam took six years to build."], Pipeline(none, embedder=pipeline.embedder))
    first_days = [sum(n for day, n in sorted(per_day.items())[:last]) for last in (1, 2, 4)]
    assert [(r["share"], r["window_passages"]) for r in rows] == list(zip((0.25, 0.5, 1.0), first_days, strict=True))
    for row in rows:
        for key in ("exact_ms", "faiss_ms", "dense_search_ms"):
            assert 0 <= row[key]["p50"] <= row[key]["p90"], key
        assert row["recall"] == 1.0, "a flat index finds the exact top k of any window"
    assert "| 1.0000 |" in "\n".join(scale.window_table(rows))
