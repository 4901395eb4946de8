"""Store upkeep: ``claimscope reindex`` and ``claimscope reprocess`` rebuild what the store derives
from SQLite, or from the stored text, after a crash, a settings change or an upgrade; ``claimscope
articles export`` writes the stored articles out as a feed that ``ingest`` reads back."""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click

from service.cli import article_filters, cannot_write, friendly_errors, get_pipeline, progress_bar
from service.records import Article


@click.command()
@click.pass_context
@friendly_errors
def reindex(ctx: click.Context) -> None:
    """Rebuild the FAISS index from the vectors stored in SQLite."""
    pipeline = get_pipeline(ctx)
    size = pipeline.reindex()
    click.echo(f"reindexed {size} passages")
    waiting = pipeline.store.vectors_until_trained()
    if waiting:
        click.echo(
            f"the {pipeline.settings.faiss_factory} index trains once {waiting} more passages are stored; "
            "until then searches run exactly over SQLite"
        )


@click.command()
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Re-embed every article, not only those cut differently (after switching CLAIMSCOPE_EMBED_MODEL "
    "to another model with the same vector size).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON result per article.")
@click.pass_context
@friendly_errors
def reprocess(ctx: click.Context, everything: bool, as_json: bool) -> None:
    """Clean, split and embed the stored articles again by this release's rules.

    Ingesting the same text again changes nothing, so a store keeps the passages the release
    that ingested it cut. This reads each stored article's text and metadata, cuts it again
    (cleaner, splitter, CLAIMSCOPE_MAX_PASSAGE_CHARS) and replaces, re-embedded, the articles
    whose passages come out different; their ingested_at stays, their passage ids change.
    An article the current rules leave nothing of keeps its passages and is reported (exit 1).
    Interrupted (Ctrl-C), each article is as it was or done; the same command again goes on
    from there (with --all it starts over). A running server picks the changes up as it does
    an ingest's.

    \b
    Example, after upgrading claimscope:
        claimscope reprocess
    """
    pipeline = get_pipeline(ctx)
    total = pipeline.store.counts()[0]
    try:
        with progress_bar(total, "reprocess") as bar:
            done = pipeline.reprocess(everything, progress=bar.update)
    except KeyboardInterrupt:
        click.echo(
            "Interrupted: each article is as it was or reprocessed; the same command again goes on from there.",
            err=True,
        )
        ctx.exit(130)
    for problem in done.problems:
        click.echo(f"kept as it was: {problem}", err=True)
    if as_json:
        for r in done.results:
            click.echo(json.dumps({"source_id": r.source_id, "status": r.status, "passage_count": r.passage_count}))
    counts = Counter(r.status for r in done.results)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing"
    passages = sum(r.passage_count for r in done.results)
    click.echo(f"checked {len(done.results)} article(s): {summary}; {passages} passages", err=as_json)
    if done.problems:
        ctx.exit(1)


@click.command("export")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write here instead of standard output (gzipped when it ends in .gz); replaced only once complete.",
)
@article_filters
@click.pass_context
@friendly_errors
def export(
    ctx: click.Context, output: Path | None, outlet: str | None, published_from: str | None, published_to: str | None
) -> None:
    """Write the stored articles as a JSONL feed that `claimscope ingest` reads back.

    One record per article, ordered by source_id: source_id, title, url, outlet, published_at and
    text (the stored text, which passage offsets point into, so ingesting it again gives the same
    passages and content_hash). For a backup, or to move to a data dir whose embedder makes
    vectors of another size.

    \b
    Example:
        claimscope articles export --output articles.jsonl.gz
        CLAIMSCOPE_DATA_DIR=new-dir claimscope ingest articles.jsonl.gz
    """
    from service.pipeline.runtime import check_window

    check_window(published_from, published_to)
    store = get_pipeline(ctx).store
    filters = {"outlet": outlet, "published_from": published_from, "published_to": published_to}
    with _feed(output) as out:
        for page in store.article_pages(**filters):
            for article in page:
                out.write(json.dumps(_record(article), ensure_ascii=False) + "\n")


def _record(article: Article) -> dict[str, str | None]:
    keys = ("source_id", "title", "url", "outlet", "published_at", "text")
    return {key: getattr(article, key) for key in keys}


@contextmanager
def _feed(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or ``output`` written under a temporary name and renamed once complete,
    so an interrupted export never leaves a feed that reads as whole."""
    if output is None:
        yield sys.stdout
        return
    partial = output.with_name(output.name + ".partial")
    try:
        with _open_text(partial, gzipped=output.name.endswith(".gz")) as fh:
            yield fh
        os.replace(partial, output)
    except OSError as exc:
        raise cannot_write(output, exc) from exc
    finally:
        partial.unlink(missing_ok=True)


def _open_text(path: Path, gzipped: bool) -> TextIO:
    if gzipped:
        return gzip.open(path, "wt", encoding="utf-8")
    return open(path, "w", encoding="utf-8")
