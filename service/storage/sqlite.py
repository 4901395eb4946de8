"""SQLite: the source of truth for articles, passages and their vectors.

Vectors are stored beside their passage as little-endian float32 BLOBs, so the FAISS index can
be rebuilt without re-embedding. The schema evolves through numbered migrations applied on open.
Passage ids come from AUTOINCREMENT and are never reused, which keeps FAISS ids unambiguous.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from service.records import Article, ArticleInput, Passage, PassageDraft, SourceFilter
from service.storage.migrations import MIGRATIONS
from service.storage.published import comparable_iso, published_key, window_clauses

log = logging.getLogger(__name__)

CHANGE_LOG_GENERATIONS = 10_000
BUSY_TIMEOUT_S = 30  # how long a writer waits for another's transaction
MIGRATION_WAIT_S = 600  # how long an opener waits for another process's migration
SQL_CHUNK = 4096  # ids bound per query (below SQLite's limit on bound parameters)

_ARTICLE_COLUMNS = "source_id, title, url, outlet, published_at, ingested_at, content_hash, text"


class SQLiteStore:
    """Articles and passages in one SQLite file (WAL mode, one connection per instance)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self._migrate()
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_vocab USING fts5vocab(main, passages_fts, row)"
        )

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        """Bring the schema up to date. Several processes may open an old store at once (gunicorn
        workers, a CLI run): the version is read again under the write lock, so the first one
        migrates and the others find nothing left to do. They wait for it longer than for a
        writer, since a migration of a large store can take longer than a write."""
        if self._schema_version() >= len(MIGRATIONS):
            return
        self.db.execute(f"PRAGMA busy_timeout = {MIGRATION_WAIT_S * 1000}")
        try:
            with self.transaction():
                version = self._schema_version()  # again: another process may have migrated it meanwhile
                if 0 < version < len(MIGRATIONS):  # 0: a new store, created rather than upgraded
                    log.warning(
                        "upgrading %s from schema %d to %d (a large store takes a while)",
                        self.path,
                        version,
                        len(MIGRATIONS),
                    )
                for number in range(version, len(MIGRATIONS)):
                    MIGRATIONS[number](self.db)
                    self.db.execute(f"PRAGMA user_version = {number + 1}")
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")

    def _schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- meta -------------------------------------------------------------------------------
    def generation(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0])

    def _bump_generation(self, removed: Sequence[int], added: Sequence[int]) -> int:
        """Start a new generation and log its passage changes (call inside a transaction)."""
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
        generation = self.generation()
        self.db.executemany(
            "INSERT INTO changes (generation, passage_id, added) VALUES (?, ?, ?)",
            [(generation, pid, 0) for pid in removed] + [(generation, pid, 1) for pid in added],
        )
        self.db.execute("DELETE FROM changes WHERE generation <= ?", (generation - CHANGE_LOG_GENERATIONS,))
        return generation

    def changes_since(self, generation: int) -> tuple[int, list[tuple[int, bool]]] | None:
        """(current generation, [(passage id, added?)] in order) after ``generation``, or None
        when the log no longer reaches back that far."""
        self.db.execute("BEGIN")
        try:
            current = self.generation()
            oldest = self.db.execute("SELECT MIN(generation) FROM changes").fetchone()[0]
            if current > generation and (oldest is None or oldest > generation + 1):
                return None
            rows = self.db.execute(
                "SELECT passage_id, added FROM changes WHERE generation > ? ORDER BY generation, added, rowid",
                (generation,),
            ).fetchall()
        finally:
            self.db.execute("COMMIT")
        return current, [(int(pid), bool(added)) for pid, added in rows]

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # -- articles ---------------------------------------------------------------------------
    def get_article(self, source_id: str) -> Article | None:
        row = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM passages p WHERE p.article_id = a.id) "
            "FROM articles a WHERE source_id = ?",
            (source_id,),
        ).fetchone()
        return None if row is None else Article(*row)

    def list_articles(
        self,
        limit: int = 100,
        after: str | None = None,
        outlet: str | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
    ) -> list[Article]:
        """Articles ordered by source_id; ``after`` is the cursor (the last source_id seen)."""
        clauses, params = _article_clauses(SourceFilter(published_from=published_from, published_to=published_to))
        for clause, value in (("source_id > ?", after), ("outlet = ?", outlet)):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM passages p WHERE p.article_id = a.id) "
            f"FROM articles a WHERE {' AND '.join(clauses)} ORDER BY source_id LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [Article(*row) for row in rows]

    def counts(self) -> tuple[int, int]:
        articles = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        passages = self.db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        return int(articles), int(passages)

    def passage_ids_of(self, source_id: str) -> list[int]:
        rows = self.db.execute(
            "SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.source_id = ?",
            (source_id,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def replace_article(
        self,
        article: ArticleInput,
        ingested_at: str,
        content_hash: str,
        drafts: Sequence[PassageDraft],
        vectors: np.ndarray,
        fts_bodies: Sequence[str],
    ) -> tuple[list[int], list[int]]:
        """Insert or replace an article and all its passages; returns (removed ids, new ids)."""
        with self.transaction() as db:
            removed = self.passage_ids_of(article.source_id)
            self._delete_passages(removed)
            db.execute(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}, published_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(source_id) DO UPDATE SET title = excluded.title, url = excluded.url, "
                "outlet = excluded.outlet, published_at = excluded.published_at, "
                "ingested_at = excluded.ingested_at, content_hash = excluded.content_hash, text = excluded.text, "
                "published_key = excluded.published_key",
                (
                    article.source_id,
                    article.title,
                    article.url,
                    article.outlet,
                    _published(article),
                    ingested_at,
                    content_hash,
                    article.text,
                    published_key(article.published_at),
                ),
            )
            article_id = db.execute("SELECT id FROM articles WHERE source_id = ?", (article.source_id,)).fetchone()[0]
            added: list[int] = []
            blobs = np.ascontiguousarray(vectors, dtype="<f4")
            for draft, vector, body in zip(drafts, blobs, fts_bodies, strict=True):
                cursor = db.execute(
                    'INSERT INTO passages (article_id, ordinal, text, start, "end", embedding) '
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, draft.ordinal, draft.text, draft.start, draft.end, vector.tobytes()),
                )
                passage_id = int(cursor.lastrowid or 0)
                db.execute("INSERT INTO passages_fts (rowid, body) VALUES (?, ?)", (passage_id, body))
                added.append(passage_id)
            contiguous = bool(added) and added[-1] - added[0] + 1 == len(added)
            db.execute(
                "UPDATE articles SET first_passage_id = ?, last_passage_id = ? WHERE id = ?",
                (added[0] if contiguous else None, added[-1] if contiguous else None, article_id),
            )
            self._bump_generation(removed, added)
        return removed, added

    def update_metadata(self, article: ArticleInput) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE articles SET title = ?, url = ?, outlet = ?, published_at = ?, published_key = ? "
                "WHERE source_id = ?",
                (
                    article.title,
                    article.url,
                    article.outlet,
                    _published(article),
                    published_key(article.published_at),
                    article.source_id,
                ),
            )

    def delete_article(self, source_id: str) -> list[int]:
        """Delete an article and its passages; returns the removed passage ids."""
        with self.transaction() as db:
            removed = self.passage_ids_of(source_id)
            self._delete_passages(removed)
            db.execute("DELETE FROM articles WHERE source_id = ?", (source_id,))
            self._bump_generation(removed, [])
        return removed

    def _delete_passages(self, ids: Sequence[int]) -> None:
        for passage_id in ids:
            self.db.execute("DELETE FROM passages_fts WHERE rowid = ?", (passage_id,))
            self.db.execute("DELETE FROM passages WHERE id = ?", (passage_id,))

    # -- passages ---------------------------------------------------------------------------
    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f'SELECT p.id, a.source_id, p.ordinal, p.text, p.start, p."end" FROM passages p '
            f"JOIN articles a ON a.id = p.article_id WHERE p.id IN ({marks})",
            tuple(ids),
        ).fetchall()
        return {int(r[0]): Passage(*r) for r in rows}

    def passages_of(self, source_id: str) -> list[Passage]:
        rows = self.db.execute(
            'SELECT p.id, a.source_id, p.ordinal, p.text, p.start, p."end" FROM passages p '
            "JOIN articles a ON a.id = p.article_id WHERE a.source_id = ? ORDER BY p.ordinal",
            (source_id,),
        ).fetchall()
        return [Passage(*r) for r in rows]

    def sentences_before(self, passage: Passage, count: int) -> list[str]:
        """Texts of up to ``count`` sentences before ``passage`` in its article, nearest first."""
        rows = self.db.execute(
            "SELECT p.text FROM passages p JOIN articles a ON a.id = p.article_id "
            "WHERE a.source_id = ? AND p.ordinal < ? AND p.ordinal >= ? ORDER BY p.ordinal DESC",
            (passage.source_id, passage.ordinal, passage.ordinal - count),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def neighbours(self, passage: Passage) -> tuple[str | None, str | None]:
        """Texts of the sentences just before and after ``passage`` in its article."""
        rows = self.db.execute(
            "SELECT p.ordinal, p.text FROM passages p JOIN articles a ON a.id = p.article_id "
            "WHERE a.source_id = ? AND p.ordinal IN (?, ?)",
            (passage.source_id, passage.ordinal - 1, passage.ordinal + 1),
        ).fetchall()
        found = {int(o): str(t) for o, t in rows}
        return found.get(passage.ordinal - 1), found.get(passage.ordinal + 1)

    def vectors(self, ids: Sequence[int] | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(ids, float32 vectors) for the given passages, or for all of them."""
        if ids is None:
            rows = self.db.execute("SELECT id, embedding FROM passages ORDER BY id").fetchall()
        elif not ids:
            rows = []
        else:
            marks = ",".join("?" * len(ids))
            rows = self.db.execute(f"SELECT id, embedding FROM passages WHERE id IN ({marks})", tuple(ids)).fetchall()
        id_array = np.array([r[0] for r in rows], dtype=np.int64)
        if not rows:
            return id_array, np.zeros((0, 0), dtype=np.float32)
        return id_array, np.stack([np.frombuffer(r[1], dtype="<f4") for r in rows]).astype(np.float32)

    def all_passage_ids(self) -> np.ndarray:
        return np.array([r[0] for r in self.db.execute("SELECT id FROM passages")], dtype=np.int64)

    def stored_sources(self, source_ids: Sequence[str]) -> set[str]:
        marks = ",".join("?" * len(source_ids))
        rows = self.db.execute(f"SELECT source_id FROM articles WHERE source_id IN ({marks})", tuple(source_ids))
        return {str(r[0]) for r in rows}

    def passage_ids_for(self, sources: SourceFilter) -> np.ndarray:
        """The passages of the articles ``sources`` lets a search cite: from each article's span
        of ids, or, for one whose ids are not contiguous, from its passages."""
        clauses, params = _article_clauses(sources)
        rows = self.db.execute(
            f"SELECT a.id, a.first_passage_id, a.last_passage_id FROM articles a WHERE {' AND '.join(clauses)}",
            params,
        ).fetchall()
        spans = np.array([(first, last) for _, first, last in rows if first is not None], dtype=np.int64)
        scattered = [article_id for article_id, first, _ in rows if first is None]
        listed: list[int] = []
        for start in range(0, len(scattered), SQL_CHUNK):
            chunk = scattered[start : start + SQL_CHUNK]
            marks = ",".join("?" * len(chunk))
            listed.extend(
                int(pid) for (pid,) in self.db.execute(f"SELECT id FROM passages WHERE article_id IN ({marks})", chunk)
            )
        return np.concatenate([_expand(spans), np.asarray(listed, dtype=np.int64)])

    def passages_with_terms(self, terms: Sequence[str]) -> dict[str, int]:
        """Document frequencies from the FTS5 vocabulary (one indexed lookup per term)."""
        found: dict[str, int] = {}
        for term in terms:
            row = self.db.execute("SELECT doc FROM temp.passages_vocab WHERE term = ?", (term,)).fetchone()
            if row is not None:
                found[term] = int(row[0])
        return found

    def lexical_search(self, fts_query: str, k: int, sources: SourceFilter | None = None) -> list[int]:
        """Passage ids by BM25 (FTS5 ``rank``), best first, among the articles ``sources`` allows."""
        if not fts_query:
            return []
        sql = "SELECT f.rowid FROM passages_fts f"
        params: list[object] = [fts_query]
        where = "passages_fts MATCH ?"
        if sources:
            sql += " JOIN passages p ON p.id = f.rowid JOIN articles a ON a.id = p.article_id"
            clauses, filter_params = _article_clauses(sources)
            where += " AND " + " AND ".join(clauses)
            params.extend(filter_params)
        rows = self.db.execute(f"{sql} WHERE {where} ORDER BY f.rank LIMIT ?", (*params, k)).fetchall()
        return [int(r[0]) for r in rows]


def _article_clauses(sources: SourceFilter) -> tuple[list[str], list[object]]:
    """SQL conditions on ``articles a`` for ``sources`` (always at least one, so they can be
    joined with AND)."""
    clauses: list[str] = ["1 = 1"]
    params: list[object] = []
    if sources.source_ids:
        clauses.append(f"a.source_id IN ({','.join('?' * len(sources.source_ids))})")
        params.extend(sources.source_ids)
    window, bounds = window_clauses("a.published_key", sources.published_from, sources.published_to)
    return clauses + window, params + bounds


def _published(article: ArticleInput) -> str | None:
    return comparable_iso(article.published_at) if article.published_at else None


def _expand(spans: np.ndarray) -> np.ndarray:
    """Every id of each (first, last) span, in one vectorised step."""
    if len(spans) == 0:
        return np.zeros(0, dtype=np.int64)
    lengths = spans[:, 1] - spans[:, 0] + 1
    offsets = np.repeat(spans[:, 0] - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    expanded: np.ndarray = np.arange(int(lengths.sum()), dtype=np.int64) + offsets
    return expanded
