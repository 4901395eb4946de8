"""``claimscope reindex`` and ``claimscope reprocess``: rebuild what the store derives from SQLite,
or from the stored text, after a crash, a settings change or an upgrade."""

from __future__ import annotations

import json
from collections import Counter

import click

from service.cli import friendly_errors, get_pipeline, progress_bar


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
