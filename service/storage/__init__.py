"""Storage behind one small interface: ``Store`` (SQLite source of truth + FAISS cache).

Write protocol, which keeps the two consistent across crashes: take the data-dir write lock,
commit to SQLite (which bumps a generation number), then update FAISS and save it with that
generation. A reader that finds the FAISS generation behind SQLite's repairs the index by diffing
passage ids (vectors come from SQLite; nothing is re-embedded).
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from service.errors import ConfigurationError
from service.records import Article, ArticleInput, Passage, PassageDraft, SourceFilter
from service.storage.sqlite import SQL_CHUNK, SQLiteStore
from service.storage.vectors import DEFAULT_FACTORY, DEFAULT_NPROBE, VectorIndex

__all__ = ["Store", "SQLiteStore", "VectorIndex"]

DB_FILE = "claimscope.sqlite3"
INDEX_FILE = "passages.faiss"
LOCK_FILE = "write.lock"
DEFAULT_DIM = 384  # an empty store until its first writer fixes the size


def _make_usable(data_dir: Path) -> None:
    """Create ``data_dir`` or say plainly why it cannot be: a path under a file, or no permission,
    is a setting to fix, not a traceback."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigurationError(f"cannot create the data dir {data_dir}: {exc.strerror or exc}") from None
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise ConfigurationError(f"cannot write to the data dir {data_dir} (set CLAIMSCOPE_DATA_DIR to one you can)")


class Store:
    """Articles, passages and their vectors in ``data_dir``; safe for several processes."""

    def __init__(self, data_dir: Path, factory: str = DEFAULT_FACTORY, nprobe: int = DEFAULT_NPROBE) -> None:
        """Open (creating if needed) the store in ``data_dir``; repairs FAISS if it lags SQLite."""
        _make_usable(data_dir)
        self.data_dir = data_dir
        self.factory = factory
        self.nprobe = nprobe
        self._thread_lock = threading.RLock()
        self._lock_depth = 0
        self.sql = SQLiteStore(data_dir / DB_FILE)
        stored = self.sql.get_meta("dim")
        self.dim = int(stored) if stored else DEFAULT_DIM
        self.index = VectorIndex.load(self.index_path, self.dim, factory, nprobe)
        self._saved_generation = self.index.generation
        self._saved_at = time.monotonic()
        self.refresh()
        if self.index.generation != self._saved_generation:
            self.save_index()  # persist what a crashed writer left unsaved

    @property
    def index_path(self) -> Path:
        return self.data_dir / INDEX_FILE

    def close(self) -> None:
        self.sql.close()

    def ensure_dim(self, dim: int) -> None:
        """Fix the vector size on first use; refuse an embedder of another size later."""
        stored = self.sql.get_meta("dim")
        if stored is not None and int(stored) != dim:
            raise ConfigurationError(
                f"the data dir holds {stored}-dimensional vectors but the embedder makes {dim}: "
                "`claimscope articles export --output FILE` writes its articles out (no embedder needed); "
                "point CLAIMSCOPE_DATA_DIR at a new folder and `claimscope ingest FILE` there"
            )
        if stored is None:
            with self.write_lock(), self.sql.transaction():
                self.sql.set_meta("dim", str(dim))
            self.dim = dim
            self.index = VectorIndex(dim, self.factory, self.nprobe)

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Serialise writers across processes (an exclusive flock on the data dir) and threads.

        Re-entrant within this object: a second flock on a new descriptor would deadlock.
        """
        with self._thread_lock:
            if self._lock_depth:
                self._lock_depth += 1
                try:
                    yield
                finally:
                    self._lock_depth -= 1
                return
            with open(self.data_dir / LOCK_FILE, "a+") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX)
                self._lock_depth = 1
                try:
                    yield
                finally:
                    self._lock_depth = 0
                    fcntl.flock(fh, fcntl.LOCK_UN)

    # -- consistency ------------------------------------------------------------------------
    def repair(self) -> dict[str, int]:
        """Bring FAISS in line with SQLite by id difference and save it (under the write lock)."""
        generation = self.sql.generation()
        in_sql = self.sql.all_passage_ids()
        in_index = self.index.ids()
        missing = np.setdiff1d(in_sql, in_index)
        extra = np.setdiff1d(in_index, in_sql)
        self.index.remove(extra)
        if not self._train_when_ready(in_sql):
            self._add_from_sql(missing)
        self._save_locked(generation)
        return {"added": int(len(missing)), "removed": int(len(extra))}

    def _add_from_sql(self, ids: np.ndarray) -> None:
        """Add these passages' vectors a chunk at a time (a million at once would hold them twice)."""
        for found, vectors in self._chunks_from_sql(ids):
            self.index.add(found, vectors)

    def _chunks_from_sql(self, ids: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        for chunk in range(0, len(ids), SQL_CHUNK):
            yield self.sql.vectors(ids[chunk : chunk + SQL_CHUNK].tolist())

    def _train_when_ready(self, ids: np.ndarray | None = None) -> bool:
        """Train an index that needs it once SQLite holds enough vectors, then fill it from SQLite.

        The sample is fixed by the ids, so every process trains the same index from the same data.
        Returns whether it trained.
        """
        needed = self.index.training_size()
        if not needed:
            return False
        ids = self.sql.all_passage_ids() if ids is None else ids
        if len(ids) < needed:
            return False
        sample = np.sort(np.random.default_rng(0).choice(ids, needed, replace=False))
        self.index.train(np.concatenate([vectors for _, vectors in self._chunks_from_sql(sample)]))
        self._add_from_sql(np.setdiff1d(ids, self.index.ids()))
        return True

    def vectors_until_trained(self) -> int:
        """How many more passages an index that needs training waits for (0: none)."""
        needed = self.index.training_size()
        return max(0, needed - self.counts()[1]) if needed else 0

    def rebuild_index(self) -> int:
        """Recreate the FAISS index from the vectors in SQLite; returns its size."""
        with self.write_lock():
            self.index = VectorIndex(self.dim, self.factory, self.nprobe)
            ids = self.sql.all_passage_ids()
            if not self._train_when_ready(ids):
                self._add_from_sql(ids)
            self._save_locked(self.sql.generation())
        return self.index.size

    def refresh(self) -> None:
        """Catch up with other processes' writes by replaying the change log (incremental).

        Falls back to a full id diff (and saves the index) when the log no longer reaches back
        to this index's generation, e.g. after a crash left the saved index far behind.
        """
        with self._thread_lock:
            self._refresh_locked()

    def _refresh_locked(self) -> None:
        if self.index.generation == self.sql.generation():
            return
        delta = self.sql.changes_since(self.index.generation) if self.index.generation >= 0 else None
        if delta is None:
            with self.write_lock():
                self.repair()
            return
        current, changes = delta
        final: dict[int, bool] = {}
        for passage_id, added in changes:
            final[passage_id] = added
        removed = np.array([pid for pid, added in final.items() if not added], dtype=np.int64)
        added_ids = np.array([pid for pid, added in final.items() if added], dtype=np.int64)
        self.index.remove(removed)
        self._add_from_sql(added_ids[~np.isin(added_ids, self.index.ids())])
        self._train_when_ready()
        self.index.generation = current

    def save_index(self, max_age_s: float = 0.0) -> None:
        """Write the FAISS file if it is more than ``max_age_s`` seconds behind memory."""
        if self.index.generation == self._saved_generation:
            return
        if time.monotonic() - self._saved_at < max_age_s:
            return
        with self.write_lock():
            self.refresh()
            self._save_locked(self.index.generation)

    def _save_locked(self, generation: int) -> None:
        self.index.save(self.index_path, generation)
        self._saved_generation = generation
        self._saved_at = time.monotonic()

    # -- writes -----------------------------------------------------------------------------
    def replace_article(
        self,
        article: ArticleInput,
        ingested_at: str,
        content_hash: str,
        drafts: Sequence[PassageDraft],
        vectors: np.ndarray,
        fts_bodies: Sequence[str],
        save_index: bool = True,
    ) -> list[int]:
        with self.write_lock():
            self.refresh()
            removed, added = self.sql.replace_article(article, ingested_at, content_hash, drafts, vectors, fts_bodies)
            self.index.remove(removed)
            self.index.add(np.array(added, dtype=np.int64), vectors)
            self._train_when_ready()
            self.index.generation = self.sql.generation()
        if save_index:
            self.save_index()
        return added

    def update_metadata(self, article: ArticleInput) -> None:
        with self.write_lock():
            self.sql.update_metadata(article)

    def delete_article(self, source_id: str, save_index: bool = True) -> bool:
        with self.write_lock():
            self.refresh()
            if self.sql.get_article(source_id) is None:
                return False
            removed = self.sql.delete_article(source_id)
            self.index.remove(removed)
            self.index.generation = self.sql.generation()
        if save_index:
            self.save_index()
        return True

    # -- reads ------------------------------------------------------------------------------
    def get_article(self, source_id: str) -> Article | None:
        return self.sql.get_article(source_id)

    def stored_sources(self, source_ids: Sequence[str]) -> set[str]:
        """Which of these source_ids name a stored article."""
        return self.sql.stored_sources(source_ids) if source_ids else set()

    def list_articles(self, **filters: object) -> list[Article]:
        return self.sql.list_articles(**filters)  # type: ignore[arg-type]

    def article_pages(self, page_size: int = 500, **filters: object) -> Iterator[list[Article]]:
        """Every article ``list_articles`` would give, a page at a time in source_id order, so a
        whole store is read without holding it."""
        after: str | None = None
        while page := self.list_articles(limit=page_size, after=after, **filters):
            yield page
            after = page[-1].source_id

    def passages(self, ids: Sequence[int]) -> dict[int, Passage]:
        return self.sql.passages(ids)

    def passages_of(self, source_id: str) -> list[Passage]:
        return self.sql.passages_of(source_id)

    def neighbours(self, passage: Passage) -> tuple[str | None, str | None]:
        return self.sql.neighbours(passage)

    def sentences_before(self, passage: Passage, count: int) -> list[str]:
        return self.sql.sentences_before(passage, count)

    def counts(self) -> tuple[int, int]:
        return self.sql.counts()

    def dense_search(self, vector: np.ndarray, k: int, sources: SourceFilter | None = None) -> list[tuple[int, float]]:
        """(passage id, cosine) best first, among the articles ``sources`` allows. A filter has
        FAISS skip the passages outside it, which beats reading even a few of their vectors from
        SQLite (bench/scale.py, date windows); an index still waiting for enough vectors to train
        is searched exactly over SQLite."""
        ids = self.sql.passage_ids_for(sources) if sources else None
        if not self.index.trained:
            return self._exact_search(self.sql.all_passage_ids() if ids is None else ids, vector, k)
        scores, found = self.index.search(vector, k, among=ids)
        return [(int(i), float(s)) for i, s in zip(found, scores, strict=True)]

    def _exact_search(self, candidates: np.ndarray, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        ids, scores = [], []
        for found, vectors in self._chunks_from_sql(candidates):
            if len(found):
                ids.append(found)
                scores.append(vectors @ vector.astype(np.float32))
        if not ids:
            return []
        all_ids, all_scores = np.concatenate(ids), np.concatenate(scores)
        order = np.argsort(-all_scores, kind="stable")[:k]
        return [(int(all_ids[i]), float(all_scores[i])) for i in order]

    def lexical_search(self, fts_query: str, k: int, sources: SourceFilter | None = None) -> list[int]:
        return self.sql.lexical_search(fts_query, k, sources)

    def passages_with_terms(self, terms: Sequence[str]) -> dict[str, int]:
        """How many passages hold each of these (folded) words; absent words are left out."""
        return self.sql.passages_with_terms(terms)

    def vectors(self, ids: Sequence[int]) -> dict[int, np.ndarray]:
        found, vectors = self.sql.vectors(ids)
        return {int(i): vectors[n] for n, i in enumerate(found)}
