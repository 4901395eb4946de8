"""The ``claimscope`` command line: ingest articles, verify claims, manage the store.

Every command reads its configuration from ``CLAIMSCOPE_*`` environment variables (see
docs/config.md). User errors exit with status 1 and a one-line message on stderr.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from service.errors import ClaimscopeError, located
from service.settings import Settings, range_of

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Turn domain errors into ``click.ClickException`` (exit 1, no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimscopeError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


class FiniteFloatRange(click.FloatRange):
    """click's FloatRange lets "nan" through: NaN compares false with both ends of the range."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


def get_pipeline(ctx: click.Context) -> Any:
    from service.pipeline import Pipeline

    obj = ctx.ensure_object(dict)
    if "pipeline" not in obj:
        try:
            obj["pipeline"] = Pipeline(obj.get("settings") or Settings.from_env())
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        ctx.call_on_close(obj["pipeline"].close)
    return obj["pipeline"]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "terminal_width": 100})
@click.version_option(package_name="claimscope")
def cli() -> None:
    """claimscope: which sources support or contradict a claim, with cited passages.

    \b
    Quick start:
        claimscope seed
        claimscope verify "Xi last visited Russia in 2017."
    """


def progress_bar(total: int, label: str) -> Any:
    """A progress bar over articles on stderr, shown only for two or more and on a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, desc=label, unit="article", file=sys.stderr, disable=total < 2 or None)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--skip-invalid", is_flag=True, help="Ingest the valid inputs and report the others (exit 1 if any).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON result per article.")
@click.pass_context
@friendly_errors
def ingest(ctx: click.Context, paths: tuple[Path, ...], skip_invalid: bool, as_json: bool) -> None:
    """Ingest .txt, .md, .html and .jsonl (or gzipped .jsonl.gz) files, or directories of them.

    Every input is read and checked before anything is stored: a missing, binary, non-UTF-8 or
    empty input, or a url that is not an absolute http(s) address, stops the run with nothing
    stored (or, with --skip-invalid, is left out). Each bad record of a feed is reported by its
    line and left out alone. Text may also be UTF-16 or UTF-32 with a byte-order mark; an HTML
    page that is not UTF-8 is read in the charset it declares. An article without published_at
    takes the day its "Published ..." line gives.

    A file's source_id is its name without the suffix ("Café prices.txt" is Cafe-prices); two
    inputs of one run that give the same source_id are an error, since one would replace the
    other. Hidden files and folders under a directory are passed over. "-" reads a JSONL feed
    from standard input. Interrupted (Ctrl-C), it says how many articles it stored, each whole,
    and exits 130; the same command again goes on from there.

    \b
    JSONL fields: source_id, title, url, outlet, published_at, text (or html).
    Examples:
        claimscope ingest article.txt feed.jsonl archive.jsonl.gz pages/
        curl -s https://example.org/feed.jsonl | claimscope ingest -
    """
    from service.pipeline.documents import expand_paths, read_paths, take_source_id

    pipeline = get_pipeline(ctx)
    prepared: list[Any] = []
    errors: list[str] = []
    taken: dict[str, str] = {}  # an input that fails holds no source_id
    for where, item in read_paths(expand_paths(list(paths))):
        try:
            if isinstance(item, ClaimscopeError):
                raise item
            ready = pipeline.prepare(item)
            take_source_id(item.source_id, where, taken)
            prepared.append(ready)
        except ClaimscopeError as exc:
            errors.append(located(exc, where))
    for message in errors:
        click.echo(f"error: {message}", err=True)
    if errors and not skip_invalid:
        raise click.ClickException(f"{len(errors)} invalid input(s); nothing was stored")
    try:
        with progress_bar(len(prepared), "ingest") as bar:
            results = pipeline.ingest_prepared(prepared, progress=bar.update)
    except KeyboardInterrupt:
        # each article is stored whole or not at all, and a stored one comes back unchanged
        stored = sum(pipeline.is_stored(item) for item in prepared)
        click.echo(
            f"Interrupted: {stored} of {len(prepared)} article(s) stored; the same command again goes on from there.",
            err=True,
        )
        ctx.exit(130)
    for r in results:
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "source_id": r.source_id,
                        "status": r.status,
                        "passage_count": r.passage_count,
                        "content_hash": r.content_hash,
                    }
                )
            )
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing"
    click.echo(
        f"ingested {len(results)} article(s): {summary}; {sum(r.passage_count for r in results)} passages", err=as_json
    )
    if errors:
        ctx.exit(1)


@cli.command()
@click.option("--if-empty", is_flag=True, help="Only when the store holds no article yet.")
@click.pass_context
@friendly_errors
def seed(ctx: click.Context, if_empty: bool) -> None:
    """Ingest the five bundled seed articles (safe to repeat)."""
    pipeline = get_pipeline(ctx)
    results = pipeline.seed_if_empty() if if_empty else pipeline.seed()
    if if_empty and not results:
        click.echo("store is not empty; not seeding")
        return
    created = sum(r.status != "unchanged" for r in results)
    click.echo(f"seeded {len(results)} article(s) ({created} new or changed)")


@cli.command()
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Worker processes (CLAIMSCOPE_WORKERS).")
@click.option("--bind", default=None, help="Address to listen on (CLAIMSCOPE_BIND), e.g. 127.0.0.1:8000.")
def serve(workers: int | None, bind: str | None) -> None:
    """Serve the HTTP API with gunicorn (seeds are loaded on first start)."""
    import os

    if workers is not None:
        os.environ["CLAIMSCOPE_WORKERS"] = str(workers)
    if bind is not None:
        os.environ["CLAIMSCOPE_BIND"] = bind
    argv = [sys.executable, "-m", "gunicorn", "-c", "python:service.gunicorn_conf", "service.wsgi:app"]
    os.execv(sys.executable, argv)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of stdout.",
)
def openapi(fmt: str, output: Path | None) -> None:
    """Print or write the OpenAPI document generated from the API's schemas."""
    from service.api.docs import spec_dict, spec_yaml
    from service.app import create_app

    app = create_app(Settings.from_env())
    with app.app_context():
        spec = spec_dict()
    text = spec_yaml(spec) if fmt == "yaml" else json.dumps(spec, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise cannot_write(output, exc) from exc


@cli.command()
@click.argument("claim")
@click.option(
    "--top-k", type=click.IntRange(*range_of("top_k")), default=None, help="Passages to judge (default: settings)."
)
@click.option("--source", "sources", multiple=True, help="Only consider this source_id (repeatable).")
@click.option(
    "--min-similarity",
    type=FiniteFloatRange(*range_of("min_similarity")),
    default=None,
    help="Ignore less similar passages.",
)
@click.option(
    "--published-from", metavar="DATE", help="Only articles published on or after DATE (ISO 8601; compared in UTC)."
)
@click.option(
    "--published-to", metavar="DATE", help="Only articles published on or before DATE (a date: that whole day)."
)
@click.option(
    "--claimed-on",
    metavar="DATE",
    help="The day the claim was made: its 'last year' and 'on Monday' are read from it (ISO 8601).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the verification as JSON (the HTTP API's shape).")
@click.pass_context
@friendly_errors
def verify(
    ctx: click.Context,
    claim: str,
    top_k: int | None,
    sources: tuple[str, ...],
    min_similarity: float | None,
    published_from: str | None,
    published_to: str | None,
    claimed_on: str | None,
    as_json: bool,
) -> None:
    """Say which sources support or contradict CLAIM, citing the passages.

    \b
    Examples:
        claimscope verify "Xi last visited Russia in 2017."
        claimscope verify "..." --source 001_da3d475bf2e434d8 --json
        claimscope verify "..." --published-to 2023-03-17
        claimscope verify "Xi will visit Moscow next week." --claimed-on 2023-03-17
    """
    from service.cli_report import render_report

    pipeline = get_pipeline(ctx)
    report = pipeline.verify(
        claim,
        top_k=top_k,
        source_ids=list(sources) or None,
        min_similarity=min_similarity,
        published_from=published_from,
        published_to=published_to,
        claimed_on=claimed_on,
    )
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        narrowed = bool(sources or published_from or published_to)
        click.echo(render_report(report, pipeline.store, narrowed=narrowed))


@cli.group()
def articles() -> None:
    """List, show and delete stored articles."""


def article_filters(command: F) -> F:
    """The --outlet, --published-from and --published-to options of the commands that read
    stored articles (applied last to first, as stacked decorators are)."""
    to = "Only articles published on or before DATE (a date: all of it)."
    command = click.option("--published-to", metavar="DATE", help=to)(command)
    since = "Only articles published on or after DATE (ISO 8601; compared in UTC)."
    command = click.option("--published-from", metavar="DATE", help=since)(command)
    return click.option("--outlet", default=None, help="Only this outlet.")(command)


def cannot_write(path: Path, error: OSError) -> click.ClickException:
    """A file the user named could not be written (no such folder, no permission, disk full)."""
    return click.ClickException(f"cannot write {path}: {error.strerror or error}")


@articles.command("list")
@click.option("--limit", type=click.IntRange(1, 10_000), default=100, show_default=True)
@click.option("--after", default=None, help="Start after this source_id (cursor).")
@article_filters
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def articles_list(
    ctx: click.Context,
    limit: int,
    after: str | None,
    outlet: str | None,
    published_from: str | None,
    published_to: str | None,
    as_json: bool,
) -> None:
    """List articles, ordered by source_id."""
    from service.cli_report import flat
    from service.pipeline.runtime import check_window

    check_window(published_from, published_to)
    found = get_pipeline(ctx).store.list_articles(
        limit=limit, after=after, outlet=outlet, published_from=published_from, published_to=published_to
    )
    for a in found:
        if as_json:
            click.echo(json.dumps(a.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{a.source_id}\t{a.passage_count} passages\t{flat(a.title or '')}")


@articles.command("show")
@click.argument("source_id")
@click.option("--passages", is_flag=True, help="Also list the passages with their offsets.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def articles_show(ctx: click.Context, source_id: str, passages: bool, as_json: bool) -> None:
    """Show one article's metadata (and, with --passages, its passages)."""
    from service.cli_report import flat
    from service.errors import NotFoundError

    store = get_pipeline(ctx).store
    article = store.get_article(source_id)
    if article is None:
        raise NotFoundError(f"no article with source_id {source_id!r}")
    found = store.passages_of(source_id) if passages else []
    if as_json:
        data: dict[str, Any] = article.to_dict(include_text=True)
        if passages:
            data["passages"] = [p.to_dict() for p in found]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for key, value in article.to_dict().items():
        click.echo(f"{key}: {flat(str(value or ''))}")
    for p in found:
        click.echo(f"[{p.ordinal}] {p.start}-{p.end} {flat(p.text)}")


@articles.command("delete")
@click.argument("source_id")
@click.pass_context
@friendly_errors
def articles_delete(ctx: click.Context, source_id: str) -> None:
    """Delete an article, its passages and their vectors."""
    get_pipeline(ctx).delete(source_id)
    click.echo(f"deleted {source_id}")


@cli.command("settings")
@click.option("--markdown", is_flag=True, help="Print the documentation table instead of current values.")
def show_settings(markdown: bool) -> None:
    """Show every CLAIMSCOPE_* setting and its current value."""
    import dataclasses

    from service.settings import PREFIX, settings_table

    if markdown:
        click.echo(settings_table(), nl=False)
        return
    try:
        current = Settings.from_env()
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    for f in dataclasses.fields(current):
        click.echo(f"{PREFIX}{f.name.upper()}={getattr(current, f.name)}")


def main() -> None:  # pragma: no cover - console-script entry point
    cli(prog_name="claimscope")


def _register_subgroups() -> None:
    from service.cli_eval import eval_group
    from service.cli_upkeep import export, reindex, reprocess

    articles.add_command(export)
    cli.add_command(eval_group)
    cli.add_command(reindex)
    cli.add_command(reprocess)


if __name__ == "__main__":  # pragma: no cover - ``python -m service.cli``: run the importable module,
    # whose subcommands register on import; registering them here would import this file twice
    from service.cli import main as _main

    _main()
else:
    _register_subgroups()
