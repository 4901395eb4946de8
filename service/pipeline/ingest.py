"""Ingest: clean -> split -> embed -> store, idempotent by content hash.

Preparation (cleaning and splitting) is cheap and runs for every input before anything is
stored, so a bad file in a batch is reported before the store changes. Embedding is batched
across articles; each article is then committed on its own, and the FAISS file is saved once at
the end (a crash in between is repaired from SQLite on the next open).
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from service.errors import EmptyTextError, InvalidInputError
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
    if not batch:
        return []
    texts = [d.text for item in batch for d in item.drafts]
    vectors = embedder.encode(texts)
    results: list[IngestResult] = []
    offset = 0
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for item in batch:
        n = len(item.drafts)
        replaced = store.get_article(item.article.source_id) is not None
        store.replace_article(
            item.article,
            now,
            item.content_hash,
            item.drafts,
            vectors[offset : offset + n],
            [model_input(d.text) for d in item.drafts],
            save_index=False,
        )
        offset += n
        results.append(
            IngestResult(item.article.source_id, "replaced" if replaced else "created", n, item.content_hash)
        )
        if progress:
            progress(1)
    return results
