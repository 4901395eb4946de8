"""``claimscope reprocess`` through click's runner, over a real store and the real embedder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from service.cli import cli
from service.pipeline import Pipeline
from service.pipeline.embed import Embedder
from service.records import ArticleInput
from service.settings import Settings
from tests.conftest import line_drafts, make_pipeline, store_as_an_older_release
from tests.pipeline.test_reprocess import PIER


def test_reprocess_reports_each_article_and_exits_1_for_one_it_had_to_keep(tmp_path: Path, embedder: Embedder) -> None:
    pipeline = make_pipeline(Settings(data_dir=tmp_path / "data", stance_model="none"), embedder)
    credit = ArticleInput("credit", "With files from The Associated Press")
    for article in (PIER, credit):
        store_as_an_older_release(pipeline, article, line_drafts(article.text))

    def reprocess(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, ["reprocess", *args], obj={"pipeline": pipeline}, catch_exceptions=False)

    first = reprocess()
    assert first.exit_code == 1
    assert "kept as it was: credit: no sentences left after cleaning" in first.stderr
    assert first.stdout == "checked 2 article(s): 1 reprocessed, 1 unchanged; 3 passages\n"
    again = reprocess("--json")
    assert [json.loads(line) for line in again.stdout.splitlines()] == [
        {"source_id": "credit", "status": "unchanged", "passage_count": 1},
        {"source_id": "pier", "status": "unchanged", "passage_count": 2},
    ]
    assert "checked 2 article(s): 2 unchanged; 3 passages" in again.stderr and again.exit_code == 1
    pipeline.delete("credit")
    everything = reprocess("--all")
    assert (everything.exit_code, everything.stdout) == (0, "checked 1 article(s): 1 reprocessed; 2 passages\n")


def test_reprocess_is_documented_in_the_help() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "reprocess" in result.output and "Clean, split and embed the stored articles again" in result.output


def test_export_writes_a_feed_that_ingest_reads_back_to_the_same_store(tmp_path: Path, embedder: Embedder) -> None:
    source = make_pipeline(Settings(data_dir=tmp_path / "old", stance_model="none"), embedder)
    articles = [
        ArticleInput(
            "dam",
            "The dam was finished in May.\nIt holds two lakes of water.",
            title="Dam done",
            url="https://example.org/dam",
            outlet="Wire",
            published_at="2024-03-05T23:30:00-05:00",
        ),
        ArticleInput("cafe", "Le café a fermé ses portes mardi après une tempête.", outlet="Journal"),
    ]
    source.ingest(articles)
    runner = CliRunner()
    printed = runner.invoke(cli, ["articles", "export"], obj={"pipeline": source}, catch_exceptions=False)
    assert printed.exit_code == 0
    records = [json.loads(line) for line in printed.stdout.splitlines()]
    assert [r["source_id"] for r in records] == ["cafe", "dam"]
    assert records[0]["text"] == articles[1].text and "café" in printed.stdout, "UTF-8, not \\u escapes"
    assert records[-1] == {
        "source_id": "dam",
        "title": "Dam done",
        "url": "https://example.org/dam",
        "outlet": "Wire",
        "published_at": "2024-03-05T23:30:00-05:00",
        "text": articles[0].text,
    }
    feed = tmp_path / "articles.jsonl.gz"
    args = ["articles", "export", "--output", str(feed), "--outlet", "Wire"]
    assert runner.invoke(cli, args, obj={"pipeline": source}).exit_code == 0
    assert not feed.with_name(feed.name + ".partial").exists()
    nowhere = runner.invoke(
        cli, ["articles", "export", "--output", str(tmp_path / "no" / "f.jsonl")], obj={"pipeline": source}
    )
    assert nowhere.exit_code == 1 and "cannot write" in nowhere.stderr and "No such file or directory" in nowhere.stderr

    target = make_pipeline(Settings(data_dir=tmp_path / "new", stance_model="none"), embedder)
    ingested = runner.invoke(cli, ["ingest", str(feed)], obj={"pipeline": target}, catch_exceptions=False)
    assert ingested.exit_code == 0, ingested.output

    def stored(p: Pipeline) -> list[tuple[object, ...]]:
        found = p.store.list_articles(outlet="Wire")
        return [(a.source_id, a.title, a.url, a.published_at, a.content_hash, a.passage_count) for a in found]

    assert stored(target) == stored(source) and len(stored(target)) == 1
    spans = [(x.start, x.end, x.text) for x in target.store.passages_of("dam")]
    assert spans == [(x.start, x.end, x.text) for x in source.store.passages_of("dam")]
