"""Shared output of the benchmark scripts: print the table, write Markdown and JSON results."""

from __future__ import annotations

import json
import os
import platform
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def write_results(out: Path, name: str, title: str, details: str, table: list[str], rows: Any) -> None:
    """Print ``table`` and write ``<out>/<name>.md`` (with the command and machine) and ``.json``."""
    print("\n".join(table))
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    # the CLAIMSCOPE_* settings of the run are part of its command: the same script measures
    # another index or model with them
    settings = [f"{key}={value}" for key, value in sorted(os.environ.items()) if key.startswith("CLAIMSCOPE_")]
    script = ["python", f"bench/{Path(sys.argv[0]).name}", *sys.argv[1:]]
    command = shlex.join([*settings, *script])
    machine = f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"
    header = f"# {title}\n\n`{command}`, {stamp}, {details}{machine}\n\n"
    (out / f"{name}.md").write_text(header + "\n".join(table) + "\n", encoding="utf-8")
    (out / f"{name}.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
