"""``claimscope eval``: measure the stance model (NLI pairs) and the whole pipeline (labelled claims)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from service.cli import friendly_errors, get_pipeline


@click.group("eval")
def eval_group() -> None:
    """Evaluate the stance model and end-to-end verification."""


@eval_group.command("nli")
@click.option(
    "--data",
    "data",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="JSONL (.gz allowed) of {premise, hypothesis, label}.",
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def eval_nli_command(ctx: click.Context, data: Path, as_json: bool) -> None:
    """Accuracy, macro-F1, per-class precision/recall, confusion matrix and pairs/s.

    The last line is exactly `accuracy=0.xxxx macro_f1=0.xxxx n=N`.
    """
    from service.pipeline.evaluate import eval_nli, format_nli

    report = eval_nli(get_pipeline(ctx).stance_model, data)
    click.echo(json.dumps(report, indent=2) if as_json else format_nli(report))


@eval_group.command("claims")
@click.option(
    "--claims",
    "claims_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="JSONL of {id, claim, verdict, supports, contradicts, evidence}.",
)
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    required=True,
    help="Folder of articles to ingest (file stem = source_id).",
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@friendly_errors
def eval_claims_command(ctx: click.Context, claims_path: Path, corpus: Path, as_json: bool) -> None:
    """Ingest CORPUS into a temporary store, verify each claim and score it.

    \b
    verdict_acc   claims whose verdict matches
    stance_recall expected (source, supports|contradicts) pairs found with that stance
    wrong_stance  expected pairs that came back with the opposite stance
    citations     evidence substrings found in the cited passages of their source
    The last line is exactly `verdict_acc=K/N stance_recall=K/N wrong_stance=K citations=K/N`.
    """
    from service.pipeline.evaluate import eval_claims, format_claim_row

    score = eval_claims(get_pipeline(ctx), claims_path, corpus)
    if as_json:
        click.echo(json.dumps({"summary": score.summary(), "claims": score.rows}, indent=2))
        return
    for row in score.rows:
        click.echo(format_claim_row(row))
    click.echo(score.summary())
