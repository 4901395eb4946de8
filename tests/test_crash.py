"""Kill a real ``claimscope ingest`` process mid-way; the next open must find consistent stores."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from service.storage import DB_FILE, Store

WORDS = "river harbour bridge council budget school railway forest museum market stadium clinic".split()


def write_feed(path: Path, articles: int, sentences: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in range(articles):
            text = " ".join(
                f"The {WORDS[(a + s) % len(WORDS)]} report number {a}-{s} was published on day {s + 1} of the month."
                for s in range(sentences)
            )
            fh.write(json.dumps({"source_id": f"art-{a:04d}", "text": text}) + "\n")


def stored_articles(data_dir: Path) -> int:
    db = data_dir / DB_FILE
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def ingest_until_the_first_article_is_stored(
    tmp_path: Path, **popen: Any
) -> tuple[subprocess.Popen[str], list[str], dict[str, str], Path]:
    """A real ``claimscope ingest`` of 400 articles of 8 sentences, returned once one is stored."""
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, articles=400, sentences=8)
    data_dir = tmp_path / "data"
    env = {**os.environ, "CLAIMSCOPE_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "service", "ingest", str(feed)]
    proc = subprocess.Popen(command, env=env, text=True, **popen)
    deadline = time.monotonic() + 120
    while stored_articles(data_dir) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return proc, command, env, data_dir


@pytest.mark.slow
def test_killed_ingest_leaves_consistent_stores_and_resumes(tmp_path: Path) -> None:
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    proc, command, env, data_dir = ingest_until_the_first_article_is_stored(tmp_path, **quiet)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = stored_articles(data_dir)
    assert 0 < partial < 400, "the kill landed mid-way"

    store = Store(data_dir)
    sql_ids = sorted(store.sql.all_passage_ids().tolist())
    assert sorted(store.index.ids().tolist()) == sql_ids
    for article in store.list_articles(limit=1000):
        assert article.passage_count == 8, "no article is stored half-way"
    assert store.index.generation == store.sql.generation()
    store.close()

    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{partial} unchanged" in done.stderr + done.stdout
    store = Store(data_dir)
    assert store.counts() == (400, 400 * 8)
    assert sorted(store.index.ids().tolist()) == sorted(store.sql.all_passage_ids().tolist())
    store.close()


def _interruptible() -> None:
    """Let the child take Ctrl-C even when this suite ignores it: a shell starts a background job
    (``make test &``) with SIGINT ignored, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
def test_ctrl_c_says_how_far_ingest_got_and_the_same_command_resumes(tmp_path: Path) -> None:
    piped = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "preexec_fn": _interruptible}
    proc, command, env, data_dir = ingest_until_the_first_article_is_stored(tmp_path, **piped)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    partial = stored_articles(data_dir)
    assert proc.returncode == 130 and 0 < partial < 400, err
    assert f"Interrupted: {partial} of 400 article(s) stored;" in err and "Traceback" not in err

    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and f"{partial} unchanged" in done.stderr + done.stdout, done.stderr
