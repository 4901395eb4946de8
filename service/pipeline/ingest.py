"""Ingest: clean -> split -> embed -> store, idempotent by content hash.

Preparation (cleaning and splitting) is cheap and runs for every input before anything is
stored, so a bad file in a batch is reported before the store changes. Embedding is batched
across articles; each article is then committed on its own, and the FAISS file is saved once at
the end (a crash in between is repaired from SQLite on the next open).

``reprocess`` runs the same steps again over what is stored, for a store that an earlier release
(another cleaner or splitter, another passage length or embedder) cut into passages.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from service.errors import ClaimscopeError, EmptyTextError, InvalidInputError, located
from service.pipeline.clean import clean
from service.pipeline.dates import published_in
from service.pipeline.documents import unicode_problem, web_url_problem
from service.pipeline.embed import Embedder, model_input
from service.pipeline.split import split_passages
from service.records import Article, ArticleInput, IngestResult, PassageDraft
from service.storage import Store
from service.storage.published import comparable_iso

SOURCE_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:")


@dataclass(frozen=True)
class PreparedArticle:
    article: ArticleInput
    content_hash: str
    drafts: list[PassageDraft]


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def generated_source_id(text: str) -> str:
    return "src-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def check_source_id(source_id: str) -> str:
    if not source_id or len(source_id) > 200 or not set(source_id) <= SOURCE_ID_CHARS or source_id == "batch":
        raise InvalidInputError(
            f"source_id {source_id!r} must be 1-200 characters of letters, digits, '.', '_', '-' or ':' (not 'batch')"
        )
    return source_id


def check_fields(article: ArticleInput) -> None:
    """Text and metadata that can be stored: Unicode throughout, and a link clients can follow."""
    for key in ("text", "title", "url", "outlet"):
        value = getattr(article, key)
        if value and (problem := unicode_problem(value)):
            raise InvalidInputError(f"{article.source_id}: {key} is {problem}")
    if article.url and (problem := web_url_problem(article.url)):
        raise InvalidInputError(f"{article.source_id}: {problem}")


def one_line(label: str | None) -> str | None:
    """A title or outlet as one line of printable text, or None when nothing is left. Scraped
    titles carry line breaks and tabs, and a control character is worse: printed by ``claimscope
    articles``, an escape sequence in a feed's title would drive the reader's terminal."""
    if label is None:
        return None
    printable = "".join(" " if unicodedata.category(char) == "Cc" else char for char in label)
    return " ".join(printable.split()) or None


def prepare(article: ArticleInput, max_passage_chars: int, max_text_chars: int) -> PreparedArticle:
    """Clean and split one article; raises if nothing usable is left. An article that came
    without a publication date takes the one its "Published ..." line gives, which dates its
    "last year" and "on Tuesday" for the consistency checks."""
    check_source_id(article.source_id)
    check_fields(article)
    article = dataclasses.replace(article, title=one_line(article.title), outlet=one_line(article.outlet))
    if len(article.text) > max_text_chars:
        raise InvalidInputError(f"{article.source_id}: text is {len(article.text)} characters (limit {max_text_chars})")
    drafts = split_passages(article.text, clean(article.text), max_passage_chars)
    if not drafts:
        raise EmptyTextError(f"{article.source_id}: no sentences left after cleaning (empty or boilerplate only)")
    if not article.published_at and (stamped := published_in(article.text)):
        article = dataclasses.replace(article, published_at=stamped)
    elif article.published_at:
        article = dataclasses.replace(article, published_at=comparable_iso(article.published_at))
    return PreparedArticle(article, content_hash(article.text), drafts)


def _same_metadata(a: ArticleInput, stored: object) -> bool:
    return all(getattr(a, key) == getattr(stored, key) for key in ("title", "url", "outlet", "published_at"))


def stored_copy(store: Store, item: PreparedArticle) -> Article | None:
    """The stored article when it holds ``item``'s text (its metadata may differ): re-ingesting it
    changes nothing, and after an interrupted ingest it is one that was stored."""
    existing = store.get_article(item.article.source_id)
    return existing if existing is not None and existing.content_hash == item.content_hash else None


def ingest(
    store: Store,
    embedder: Embedder,
    prepared: Sequence[PreparedArticle],
    progress: Callable[[int], None] | None = None,
    save_index_after_s: float = 0.0,
    batch_sentences: int = 2048,
) -> list[IngestResult]:
    """Store prepared articles; ``progress`` is called with the number of articles done."""
    results: list[IngestResult] = []
    pending: list[PreparedArticle] = []
    for item in prepared:
        if (existing := stored_copy(store, item)) is not None:
            status = "unchanged"
            if not _same_metadata(item.article, existing):
                store.update_metadata(item.article)
                status = "updated"
            results.append(IngestResult(item.article.source_id, status, existing.passage_count, item.content_hash))
            if progress:
                progress(1)
            continue
        pending.append(item)
        if sum(len(p.drafts) for p in pending) >= batch_sentences:
            results.extend(_store_batch(store, embedder, pending, progress))
            pending = []
    results.extend(_store_batch(store, embedder, pending, progress))
    store.save_index(save_index_after_s)
    return results


def _store_batch(
    store: Store, embedder: Embedder, batch: list[PreparedArticle], progress: Callable[[int], None] | None
) -> list[IngestResult]:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    results: list[IngestResult] = []
    for item, vectors in _embedded(embedder, batch):
        replaced = store.get_article(item.article.source_id) is not None
        _store(store, item, vectors, now)
        status = "replaced" if replaced else "created"
        results.append(IngestResult(item.article.source_id, status, len(item.drafts), item.content_hash))
        if progress:
            progress(1)
    return results


def _embedded(embedder: Embedder, batch: list[PreparedArticle]) -> Iterator[tuple[PreparedArticle, np.ndarray]]:
    """Each article with its passages' vectors, encoded in one batch for all of them."""
    if not batch:
        return
    vectors = embedder.encode([d.text for item in batch for d in item.drafts])
    offset = 0
    for item in batch:
        yield item, vectors[offset : offset + len(item.drafts)]
        offset += len(item.drafts)


def _store(store: Store, item: PreparedArticle, vectors: np.ndarray, ingested_at: str) -> None:
    bodies = [model_input(d.text) for d in item.drafts]
    store.replace_article(item.article, ingested_at, item.content_hash, item.drafts, vectors, bodies, save_index=False)


@dataclass
class Reprocessed:
    """What ``reprocess`` did: one result per article it read ("reprocessed" or "unchanged"), and
    the articles it had to leave as they were, with why."""

    results: list[IngestResult] = dataclasses.field(default_factory=list)
    problems: list[str] = dataclasses.field(default_factory=list)


def reprocess(
    store: Store,
    embedder: Embedder,
    prepare_again: Callable[[ArticleInput], PreparedArticle],
    everything: bool = False,
    progress: Callable[[int], None] | None = None,
    save_index_after_s: float = 0.0,
    page_size: int = 256,
) -> Reprocessed:
    """Cut every stored article into passages again from its stored text and metadata, and store
    the articles whose passages come out different, re-embedded (all of them with ``everything``,
    as after a switch to another embedder of the same vector size).

    Each article is replaced whole, keeping its ``ingested_at``, so an interrupted run leaves every
    article either as it was or as the current rules cut it, and a second run goes on from there.
    An article whose text changed in between was stored by the current rules and is left alone; one
    the current rules leave nothing of (or reject) keeps its passages and is reported.
    """
    done = Reprocessed()
    for page in store.article_pages(page_size):
        results: dict[str, IngestResult] = {}
        stale: list[PreparedArticle] = []
        for article in page:
            try:
                item = prepare_again(_as_input(article))
            except ClaimscopeError as exc:
                done.problems.append(located(exc, article.source_id))
                item = None
            if item is not None and (everything or not _same_passages(store, item)):
                stale.append(item)
                continue
            results[article.source_id] = IngestResult(
                article.source_id, "unchanged", article.passage_count, article.content_hash
            )
            if progress:
                progress(1)
        ingested_at = {article.source_id: article.ingested_at for article in page}
        for item, vectors in _embedded(embedder, stale):
            if result := _restore(store, item, vectors, ingested_at[item.article.source_id]):
                results[result.source_id] = result
            if progress:
                progress(1)
        done.results.extend(results[a.source_id] for a in page if a.source_id in results)
    store.save_index(save_index_after_s)
    return done


def _as_input(article: Article) -> ArticleInput:
    return ArticleInput(
        article.source_id, article.text, article.title, article.url, article.outlet, article.published_at
    )


def _same_passages(store: Store, item: PreparedArticle) -> bool:
    stored = [(p.start, p.end, p.text) for p in store.passages_of(item.article.source_id)]
    return stored == [(d.start, d.end, d.text) for d in item.drafts]


def _restore(store: Store, item: PreparedArticle, vectors: np.ndarray, ingested_at: str) -> IngestResult | None:
    """Store ``item`` unless its article was deleted (None) or given new text since it was read
    (under the write lock, so no ingest lands between the check and the write)."""
    with store.write_lock():
        current = store.get_article(item.article.source_id)
        if current is None:
            return None
        if current.content_hash != item.content_hash:
            return IngestResult(current.source_id, "unchanged", current.passage_count, current.content_hash)
        _store(store, item, vectors, ingested_at)
    return IngestResult(item.article.source_id, "reprocessed", len(item.drafts), item.content_hash)
