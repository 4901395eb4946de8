"""``Pipeline``: the one object the CLI and the HTTP API call.

It owns the store and the models for one process and creates each on first use, so importing
or constructing it costs nothing and a worker that only lists articles never loads torch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cached_property
from typing import Any

from service.errors import InvalidInputError, NotFoundError, UnknownSourceError
from service.pipeline.aggregate import Thresholds
from service.pipeline.dates import publication_date
from service.pipeline.documents import read_articles, seed_dir, unicode_problem
from service.pipeline.embed import Embedder
from service.pipeline.ingest import PreparedArticle, Reprocessed, ingest, prepare, reprocess, stored_copy
from service.pipeline.retrieve import retrieve
from service.pipeline.stance import StanceModel, load_stance_model
from service.pipeline.verify import VerifyOptions, verify_claims
from service.records import ArticleInput, IngestResult, SourceFilter
from service.settings import Settings
from service.storage import Store
from service.storage.published import empty_window


class Pipeline:
    """Ingest, verify and search over one data dir.

    ``index_save_after_s`` bounds how stale the FAISS file may get after writes: 0 saves after
    every write (CLI runs), the API uses ``settings.index_save_interval`` (SQLite is always
    current; a restart catches the index up from its change log).

    ``embedder`` and ``stance_model`` lend models that are already loaded (another pipeline's,
    a test session's), so a second pipeline over another data dir does not load them again;
    left out, each is built from the settings on first use.
    """

    def __init__(
        self,
        settings: Settings,
        index_save_after_s: float = 0.0,
        *,
        embedder: Embedder | None = None,
        stance_model: StanceModel | None = None,
    ) -> None:
        self.settings = settings
        self.index_save_after_s = index_save_after_s
        self._lock = threading.Lock()
        if embedder is not None:
            self.embedder = embedder
        if stance_model is not None:
            self.stance_model = stance_model

    @cached_property
    def store(self) -> Store:
        return Store(self.settings.data_dir, factory=self.settings.faiss_factory, nprobe=self.settings.faiss_nprobe)

    @cached_property
    def embedder(self) -> Embedder:
        return Embedder(self.settings.embed_model, batch_size=self.settings.embed_batch_size)

    @cached_property
    def stance_model(self) -> StanceModel:
        return load_stance_model(self.settings.stance_model, batch_size=self.settings.stance_batch_size)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
            del self.__dict__["store"]

    def _vector_store(self) -> Store:
        self.store.ensure_dim(self.embedder.dim)
        return self.store

    # -- ingest -----------------------------------------------------------------------------
    def prepare(self, article: ArticleInput) -> PreparedArticle:
        return prepare(article, self.settings.max_passage_chars, self.settings.max_text_chars)

    def ingest(
        self, articles: Iterable[ArticleInput], progress: Callable[[int], None] | None = None
    ) -> list[IngestResult]:
        """Prepare every article first (raising on the first bad one), then store them all."""
        return self.ingest_prepared([self.prepare(a) for a in articles], progress)

    def ingest_prepared(
        self, prepared: Sequence[PreparedArticle], progress: Callable[[int], None] | None = None
    ) -> list[IngestResult]:
        with self._lock:
            return ingest(self._vector_store(), self.embedder, prepared, progress, self.index_save_after_s)

    def is_stored(self, prepared: PreparedArticle) -> bool:
        """Whether the store holds this article with this content (after an interrupted ingest)."""
        return stored_copy(self.store, prepared) is not None

    def seed(self, progress: Callable[[int], None] | None = None) -> list[IngestResult]:
        """Ingest the packaged seed articles (idempotent)."""
        return self.ingest(read_articles([seed_dir()]), progress)

    def seed_if_empty(self) -> list[IngestResult]:
        """Seed a store that holds no article yet (first start of a fresh install)."""
        with self.store.write_lock():
            if self.store.counts()[0]:
                return []
            return self.seed()

    def load_models(self, stance: bool = True) -> None:
        """Load weights without running them (so forked workers share the memory).

        ``stance=False`` skips the stance model: ONNX Runtime starts thread pools when a session
        is created, and those must not exist in a process that forks.
        """
        _ = self.embedder.model
        load = getattr(self.stance_model, "load", None) if stance else None
        if load is not None:
            load()

    def delete(self, source_id: str) -> None:
        if not self.store.delete_article(source_id, save_index=False):
            raise NotFoundError(f"no article with source_id {source_id!r}")
        self.store.save_index(self.index_save_after_s)

    def reindex(self) -> int:
        return self.store.rebuild_index()

    def reprocess(self, everything: bool = False, progress: Callable[[int], None] | None = None) -> Reprocessed:
        """Cut the stored articles into passages again by this release's rules and settings
        (``ingest.reprocess``): re-ingesting unchanged text changes nothing, so this is how a store
        takes up a better cleaner, another passage length or (``everything``) another embedder."""
        with self._lock:
            return reprocess(
                self._vector_store(), self.embedder, self.prepare, everything, progress, self.index_save_after_s
            )

    # -- verify -----------------------------------------------------------------------------
    def verify_many(
        self,
        claims: Sequence[str],
        top_k: int | None = None,
        source_ids: Sequence[str] | None = None,
        min_similarity: float | None = None,
        published_from: str | None = None,
        published_to: str | None = None,
        claimed_on: str | None = None,
    ) -> list[dict[str, Any]]:
        """One report per claim. ``source_ids`` and the ``published_from``/``published_to`` window
        (inclusive ISO 8601; a bare date covers its day) limit which articles may be cited: a
        claim checked as of the day it was made reads only what had been published by then.
        ``claimed_on`` (ISO 8601), the day the claims were made, dates their own "last year",
        "next month", "on Monday" and "last week", as an article's publication day dates its."""
        s = self.settings
        options = VerifyOptions(
            top_k=top_k or s.top_k,
            candidates=max(s.candidates, top_k or 0),
            rrf_k=s.rrf_k,
            lexical_match_budget=s.lexical_match_budget,
            min_similarity=s.min_similarity if min_similarity is None else min_similarity,
            duplicate_similarity=s.duplicate_similarity,
            passages_per_source=s.passages_per_source,
            stance_context=s.stance_context,
            thresholds=Thresholds.of(s),
            consistency_adjust=s.consistency_adjust,
        )
        checked = [self._checked_claim(claim, i if len(claims) > 1 else None) for i, claim in enumerate(claims)]
        check_window(published_from, published_to)
        claimed = _day_given("claimed_on", claimed_on)
        store = self._vector_store()
        _check_sources(store, source_ids or ())
        store.refresh()
        return verify_claims(
            checked,
            store=store,
            embedder=self.embedder,
            stance_model=self.stance_model,
            options=options,
            sources=SourceFilter(tuple(source_ids or ()), published_from, published_to),
            claimed=claimed,
        )

    def verify(self, claim: str, **kwargs: Any) -> dict[str, Any]:
        return self.verify_many([claim], **kwargs)[0]

    def _checked_claim(self, claim: str, index: int | None = None) -> str:
        """The claim without surrounding space; one that is empty, too long, has no letter or
        digit to look up (emoji, punctuation, control characters) or is not Unicode (half of a
        UTF-16 pair) is an error, not a verdict."""
        where = "the claim" if index is None else f"claim {index + 1}"
        limit = self.settings.max_claim_chars
        text = claim.strip()
        if not text:
            raise InvalidInputError(f"{where} is empty")
        if len(claim) > limit:
            raise InvalidInputError(f"{where} is {len(claim)} characters; the limit is {limit}")
        if not any(ch.isalnum() for ch in text):
            raise InvalidInputError(f"{where} has no letters or digits")
        if problem := unicode_problem(text):
            raise InvalidInputError(f"{where} is {problem}")
        return text

    def search(
        self, query: str, k: int = 10, published_from: str | None = None, published_to: str | None = None
    ) -> list[dict[str, Any]]:
        """Nearest passages by hybrid retrieval, without stance, within a publication window
        as ``verify_many`` reads it."""
        query = self._checked_claim(query)
        check_window(published_from, published_to)
        store = self._vector_store()
        store.refresh()
        s = self.settings
        found = retrieve(
            store,
            self.embedder.encode([query])[0],
            query,
            top_k=k,
            candidates=max(s.candidates, k),
            rrf_k=s.rrf_k,
            lexical_match_budget=s.lexical_match_budget,
            min_similarity=-1.0,
            duplicate_similarity=1.01,
            sources=SourceFilter(published_from=published_from, published_to=published_to),
        )
        return [
            {
                "passage_id": c.passage.id,
                "source_id": c.passage.source_id,
                "text": c.passage.text,
                "start": c.passage.start,
                "end": c.passage.end,
                "similarity": round(c.similarity, 4),
            }
            for c in found
        ]


def _day_given(name: str, value: str | None) -> date | None:
    """The day of an ISO 8601 date or date-time a request gave as ``name``; None when not given."""
    day = publication_date(value)
    if value is not None and day is None:
        raise InvalidInputError(f"{name} {value!r} is not an ISO 8601 date or date-time")
    return day


def check_window(published_from: str | None, published_to: str | None) -> None:
    """Window bounds are ISO 8601 dates or date-times, the first not after the second (as moments
    in UTC, which is how the store compares them)."""
    for name, value in (("published_from", published_from), ("published_to", published_to)):
        _day_given(name, value)
    if empty_window(published_from, published_to):
        raise InvalidInputError(f"published_from {published_from} is after published_to {published_to}")


def _check_sources(store: Store, source_ids: Sequence[str]) -> None:
    """A source filter naming no stored article is an error: a typo would read as 'not enough info'."""
    missing = sorted(set(source_ids) - store.stored_sources(source_ids))
    if missing:
        raise UnknownSourceError("no stored article with source_id " + ", ".join(map(repr, missing)))
