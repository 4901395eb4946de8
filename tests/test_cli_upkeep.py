"""``claimscope reprocess`` through click's runner, over a real store and the real embedder."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from service.cli import cli
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
