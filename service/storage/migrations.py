"""The schema's numbered migrations, applied in order when a store is opened (``SQLiteStore``).

A migration only ever adds: released data dirs are upgraded in place, so a step is never edited
once released; a change is a new step at the end. ``PRAGMA user_version`` holds how many ran.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from service.storage.published import comparable_iso, published_key


def _m001_initial(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source_id TEXT NOT NULL UNIQUE,
            title TEXT, url TEXT, outlet TEXT, published_at TEXT,
            ingested_at TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX articles_outlet ON articles(outlet);
        CREATE INDEX articles_published ON articles(published_at);
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            embedding BLOB NOT NULL,
            UNIQUE (article_id, ordinal)
        );
        CREATE VIRTUAL TABLE passages_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO meta (key, value) VALUES ('generation', '0');
        """,
    )


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one (``executescript`` would commit our open transaction)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _m002_change_log(db: sqlite3.Connection) -> None:
    """Which passage ids each generation added or removed, so other processes can catch up."""
    _run_script(
        db,
        """
        CREATE TABLE changes (
            generation INTEGER NOT NULL,
            passage_id INTEGER NOT NULL,
            added INTEGER NOT NULL
        );
        CREATE INDEX changes_generation ON changes(generation)
        """,
    )


def _m003_passage_spans(db: sqlite3.Connection) -> None:
    """Each article's first and last passage id, when its passages hold every id in between (one
    write stores them in a row), so a filter over many articles reads one row per article, not
    one per passage; the publication index covers them, so a date window never reads the
    articles' text."""
    _run_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN first_passage_id INTEGER;
        ALTER TABLE articles ADD COLUMN last_passage_id INTEGER;
        UPDATE articles SET (first_passage_id, last_passage_id) =
            (SELECT MIN(p.id), MAX(p.id) FROM passages p WHERE p.article_id = articles.id);
        UPDATE articles SET first_passage_id = NULL, last_passage_id = NULL
            WHERE last_passage_id - first_passage_id + 1 !=
                (SELECT COUNT(*) FROM passages p WHERE p.article_id = articles.id);
        DROP INDEX articles_published;
        CREATE INDEX articles_published ON articles(published_at, first_passage_id, last_passage_id)
        """,
    )


def _m004_comparable_dates(db: sqlite3.Connection) -> None:
    """Dates stored as given before they were written in one layout ("20240305") are rewritten,
    so date windows compare them as the times they are."""
    rows = db.execute("SELECT id, published_at FROM articles WHERE published_at IS NOT NULL").fetchall()
    for row_id, published_at in rows:
        if (rewritten := comparable_iso(published_at)) != published_at:
            db.execute("UPDATE articles SET published_at = ? WHERE id = ?", (rewritten, row_id))


def _m005_published_key(db: sqlite3.Connection) -> None:
    """Windows compare each article's moment in UTC (``published.published_key``), not its date as
    given, whose offset made "23:30-05:00" sort before "01:00+01:00" on the next day."""
    _run_script(
        db,
        """
        ALTER TABLE articles ADD COLUMN published_key TEXT;
        DROP INDEX articles_published;
        CREATE INDEX articles_published ON articles(published_key, first_passage_id, last_passage_id)
        """,
    )
    rows = db.execute("SELECT id, published_at FROM articles WHERE published_at IS NOT NULL").fetchall()
    db.executemany("UPDATE articles SET published_key = ? WHERE id = ?", [(published_key(p), i) for i, p in rows])


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m001_initial,
    _m002_change_log,
    _m003_passage_spans,
    _m004_comparable_dates,
    _m005_published_key,
]
