"""Human-readable rendering of a verification report for the terminal."""

from __future__ import annotations

import re
import textwrap
from typing import Any

import click

from service.storage import Store

_STANCE_COLOURS = {"supports": "green", "contradicts": "red", "neutral": "yellow"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_VERDICT_COLOURS = {"supported": "green", "refuted": "red", "conflicting": "magenta", "not_enough_info": "yellow"}


def flat(text: str) -> str:
    """``text`` as one line for a terminal: whitespace runs become a space, and any other control
    character is shown escaped (``\\x1b``), since a stored article's escape sequences would
    otherwise drive the reader's terminal."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode(), re.sub(r"\s+", " ", text).strip())


def in_context(store: Store, passage_id: int, fallback: str) -> str:
    """The cited sentence between »« marks (bold on a terminal) with its neighbouring sentences."""
    passage = store.passages([passage_id]).get(passage_id)
    if passage is None:
        return flat(fallback)
    before, after = store.neighbours(passage)
    cited = click.style("»" + flat(passage.text) + "«", bold=True)
    return " ".join(part for part in (flat(before or ""), cited, flat(after or "")) if part)


def _why_nothing_was_found(store: Store, narrowed: bool) -> str:
    if not store.counts()[0]:
        return (
            "The store holds no articles yet: `claimscope seed` loads the five bundled ones,"
            " `claimscope ingest FILE` your own."
        )
    if narrowed:
        return "No passage of the chosen sources and dates is similar enough to this claim."
    return "No passage in the store is similar enough to this claim."


def render_report(report: dict[str, Any], store: Store, narrowed: bool = False) -> str:
    """``narrowed``: the request kept to some sources or a date window, which is then the likelier
    reason nothing was found, and the reader should hear so."""
    lines = [
        f"Claim: {report['claim']}",
        "Verdict: "
        + click.style(report["verdict"], fg=_VERDICT_COLOURS.get(report["verdict"]), bold=True)
        + f"  (confidence {report['confidence']:.2f}, stance model: {report['stance_model']})",
    ]
    lines.extend(f"Note: {note}" for note in report.get("notes") or ())
    if report["stance_model"] == "none":
        lines.append("No stance model is configured (CLAIMSCOPE_STANCE_MODEL): sources are ranked by similarity only.")
    if not report["sources"]:
        lines.append(_why_nothing_was_found(store, narrowed))
    for source in report["sources"]:
        title = f" — {flat(source['title'])}" if source.get("title") else ""
        stance = click.style(source["stance"], fg=_STANCE_COLOURS[source["stance"]])
        lines.append("")
        lines.append(f"{source['source_id']}{title}: {stance} ({source['confidence']:.2f})")
        for p in source["passages"]:
            s = p["scores"]
            lines.append(
                f"  [{p['start']}:{p['end']}] {p['stance']}  sim {p['similarity']:.2f}  "
                f"E {s['entailment']:.2f} N {s['neutral']:.2f} C {s['contradiction']:.2f}"
            )
            lines.extend(f"    ({reason})" for reason in p.get("reasons") or ())
            body = in_context(store, p["passage_id"], p["text"])
            lines.extend(textwrap.wrap(body, 100, initial_indent="    ", subsequent_indent="    "))
    t = report["timings_ms"]
    lines.append("")
    lines.append(f"({t['total']:.0f} ms: embed {t['embed']:.0f}, search {t['search']:.0f}, stance {t['stance']:.0f})")
    return "\n".join(lines)
