"""Reprocessing a store: articles an earlier release cut into passages are cut again by this one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from service.pipeline import Pipeline
from service.pipeline.embed import Embedder
from service.pipeline.ingest import content_hash
from service.records import ArticleInput
from service.settings import Settings
from tests.conftest import OLD_INGEST, line_drafts, make_pipeline, store_as_an_older_release

PIER = ArticleInput(
    source_id="pier",
    text="The pier closed on Tuesday after a storm.\nRepairs will take three weeks.\n"
    "With files from The Associated Press",
    title="Pier closed",
)
DAM = ArticleInput(source_id="dam", text="The dam was finished in May. It holds two lakes of water.")


@pytest.fixture
def pipeline(tmp_path: Path, embedder: Embedder) -> Pipeline:
    return make_pipeline(Settings(data_dir=tmp_path / "data", stance_model="none"), embedder)


def stored_spans(pipeline: Pipeline, source_id: str) -> list[tuple[int, int, str]]:
    return [(p.start, p.end, p.text) for p in pipeline.store.passages_of(source_id)]


def test_an_article_an_older_cleaner_cut_is_cut_again_and_keeps_its_ingest_time(pipeline: Pipeline) -> None:
    store_as_an_older_release(pipeline, PIER, line_drafts(PIER.text))
    pipeline.ingest([DAM])
    assert "With files from The Associated Press" in [p[2] for p in stored_spans(pipeline, "pier")]

    done = pipeline.reprocess()

    assert [(r.source_id, r.status) for r in done.results] == [("dam", "unchanged"), ("pier", "reprocessed")]
    assert done.problems == []
    fresh = [(d.start, d.end, d.text) for d in pipeline.prepare(PIER).drafts]
    assert stored_spans(pipeline, "pier") == fresh and len(fresh) == 2
    article = pipeline.store.get_article("pier")
    assert article is not None
    assert (article.ingested_at, article.content_hash, article.title) == (
        OLD_INGEST,
        content_hash(PIER.text),
        "Pier closed",
    )
    assert pipeline.store.index.size == pipeline.store.counts()[1] == 2 + 2
    found = pipeline.search("files from The Associated Press", k=10)
    assert all("Associated Press" not in hit["text"] for hit in found)
    assert {r.status for r in pipeline.reprocess().results} == {"unchanged"}, "a second run finds nothing to do"


def test_a_shorter_passage_length_recuts_only_the_articles_it_changes(tmp_path: Path, embedder: Embedder) -> None:
    long_sentence = (
        "The harbour board met on Monday, and after a long debate about the costs of the repairs, "
        "it voted to rebuild the pier with steel piles instead of timber."
    )
    settings = Settings(data_dir=tmp_path / "data", stance_model="none")
    make_pipeline(settings, embedder).ingest([DAM, ArticleInput("board", long_sentence)])
    shorter = make_pipeline(dataclasses.replace(settings, max_passage_chars=80), embedder)

    done = shorter.reprocess()

    assert [(r.source_id, r.status) for r in done.results] == [("board", "reprocessed"), ("dam", "unchanged")]
    pieces = shorter.store.passages_of("board")
    assert len(pieces) > 1 and all(len(p.text) <= 80 for p in pieces)


def test_all_re_embeds_every_article(pipeline: Pipeline) -> None:
    pipeline.ingest([DAM, PIER])
    ids_before = [p.id for p in pipeline.store.passages_of("dam")]

    done = pipeline.reprocess(everything=True)

    assert [r.status for r in done.results] == ["reprocessed", "reprocessed"]
    assert set(ids_before).isdisjoint(p.id for p in pipeline.store.passages_of("dam"))
    assert pipeline.store.index.size == pipeline.store.counts()[1]


def test_an_article_the_current_rules_leave_nothing_of_keeps_its_passages(pipeline: Pipeline) -> None:
    credit = ArticleInput("credit", "With files from The Associated Press")
    store_as_an_older_release(pipeline, credit, line_drafts(credit.text))

    done = pipeline.reprocess()

    assert [(r.source_id, r.status) for r in done.results] == [("credit", "unchanged")]
    assert done.problems == ["credit: no sentences left after cleaning (empty or boilerplate only)"]
    assert stored_spans(pipeline, "credit") == [(0, 36, credit.text)]


def test_an_article_given_new_text_meanwhile_is_left_to_the_newer_ingest(
    pipeline: Pipeline, tmp_path: Path, embedder: Embedder
) -> None:
    """The run reads a page of articles, then stores them one by one; an ingest that lands in
    between (another process's, here another pipeline's) wins: it cut newer text by the same rules."""
    store_as_an_older_release(pipeline, DAM, line_drafts(DAM.text + "\nWith files from Reuters"))
    store_as_an_older_release(pipeline, PIER, line_drafts(PIER.text))
    newer = ArticleInput("pier", "The pier reopened on Friday. Boats may moor there again.")
    other = make_pipeline(pipeline.settings, embedder)
    ingested: list[int] = []

    def ingest_the_pier_once(_: int) -> None:
        if not ingested:
            ingested.append(len(other.ingest([newer])))

    done = pipeline.reprocess(progress=ingest_the_pier_once)

    assert [(r.source_id, r.status) for r in done.results] == [("dam", "reprocessed"), ("pier", "unchanged")]
    assert [p[2] for p in stored_spans(pipeline, "pier")] == [
        "The pier reopened on Friday.",
        "Boats may moor there again.",
    ]
