"""/v1/articles: store, list, fetch and delete articles."""

from __future__ import annotations

import base64
from typing import Any

import marshmallow as ma
from flask.views import MethodView
from werkzeug.routing import BaseConverter

from service.api import get_pipeline
from service.api.errors import problem_body
from service.api.parsing import Blueprint
from service.api.schemas import (
    ArticleBatchInSchema,
    ArticleBatchSchema,
    ArticleInSchema,
    ArticleListQuerySchema,
    ArticleListSchema,
    ArticleQuerySchema,
    ArticleSchema,
)
from service.errors import ClaimscopeError, InvalidInputError, NotFoundError
from service.pipeline.documents import html_to_article
from service.pipeline.ingest import generated_source_id
from service.pipeline.runtime import check_window
from service.records import Article, ArticleInput, IngestResult

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Store and manage source articles")


def _to_input(data: dict[str, Any]) -> ArticleInput:
    raw = data.get("text") or data["html"]
    source_id = data.get("source_id") or generated_source_id(raw)
    meta = {k: data.get(k) for k in ("title", "url", "outlet", "published_at")}
    if "html" in data:
        return html_to_article(data["html"], source_id, **meta)
    return ArticleInput(source_id=source_id, text=data["text"], **meta)


def _article_dict(article: Article, status: str | None = None, passages: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = article.to_dict(include_text=True)
    if status:
        out["status"] = status
    if passages:
        out["passages"] = [p.to_dict() for p in get_pipeline().store.passages_of(article.source_id)]
    return out


def _stored(result: IngestResult) -> Article:
    article = get_pipeline().store.get_article(result.source_id)
    if article is None:  # deleted by another request in between
        raise NotFoundError(f"article {result.source_id!r} was deleted while being stored")
    return article


class SourceIdConverter(BaseConverter):
    """A source_id path segment; never ``batch``, so /v1/articles/batch is unambiguous."""

    regex = r"(?!batch$)[A-Za-z0-9._:-]{1,200}"


def source_id_param_schema(_converter: BaseConverter) -> dict[str, str]:
    return {"type": "string", "pattern": f"^{SourceIdConverter.regex}$"}


def encode_cursor(source_id: str) -> str:
    return base64.urlsafe_b64encode(source_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        raise InvalidInputError("cursor is not one this API returned") from None


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleInSchema)
    @blp.response(201, ArticleSchema, description="Created")
    @blp.alt_response(200, schema=ArticleSchema, description="Same content (unchanged/updated) or replaced text")
    def post(self, data: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Store an article (idempotent by content; new text for a source_id replaces it)"""
        pipeline = get_pipeline()
        [result] = pipeline.ingest([_to_input(data)])
        return _article_dict(_stored(result), result.status), 201 if result.status == "created" else 200

    @blp.arguments(ArticleListQuerySchema, location="query")
    @blp.response(200, ArticleListSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List articles by source_id, with cursor pagination and filters"""
        limit = query["limit"]
        check_window(query.get("published_from"), query.get("published_to"))
        after = decode_cursor(query["cursor"]) if query.get("cursor") else None
        found = get_pipeline().store.list_articles(
            limit=limit + 1,
            after=after,
            outlet=query.get("outlet"),
            published_from=query.get("published_from"),
            published_to=query.get("published_to"),
        )
        page = found[:limit]
        more = len(found) > limit
        return {
            "articles": [_article_dict(a) for a in page],
            "next_cursor": encode_cursor(page[-1].source_id) if more else None,
        }


@blp.route("/batch")
class ArticleBatch(MethodView):
    @blp.arguments(ArticleBatchInSchema)
    @blp.response(200, ArticleBatchSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Store many articles; each succeeds or fails on its own"""
        pipeline = get_pipeline()
        items = data["articles"]
        if len(items) > pipeline.settings.max_batch_articles:
            raise InvalidInputError(f"at most {pipeline.settings.max_batch_articles} articles per batch")
        results: list[dict[str, Any]] = []
        stored: dict[str, int] = {}
        for index, item in enumerate(items):
            results.append(_batch_item(index, item, stored))
        return {"results": results, "failed": sum(not r["ok"] for r in results)}


def _batch_item(index: int, item: dict[str, Any], stored: dict[str, int]) -> dict[str, Any]:
    """Store one item; ``stored`` maps the batch's stored source_ids to their items, because a
    second item with one of them would replace the first unnoticed."""
    pipeline = get_pipeline()
    try:
        article = _to_input(ArticleInSchema().load(item))
        if (earlier := stored.get(article.source_id)) is not None:
            raise InvalidInputError(
                f"source_id {article.source_id!r} is also item {earlier}'s, and storing both would keep only one"
            )
        [result] = pipeline.ingest([article])
        stored[article.source_id] = index
        return {"index": index, "ok": True, "status": result.status, "article": _article_dict(_stored(result))}
    except ma.ValidationError as exc:
        error = problem_body(InvalidInputError("the article did not validate; see errors"))
        error["errors"] = exc.messages_dict
        return {"index": index, "ok": False, "error": error}
    except ClaimscopeError as exc:
        return {"index": index, "ok": False, "error": problem_body(exc)}


@blp.route("/<source_id:source_id>")
class ArticleById(MethodView):
    @blp.arguments(ArticleQuerySchema, location="query")
    @blp.response(200, ArticleSchema)
    def get(self, query: dict[str, Any], source_id: str) -> dict[str, Any]:
        """Fetch one article (``?include=passages`` adds its passages with offsets)"""
        article = get_pipeline().store.get_article(source_id)
        if article is None:
            raise NotFoundError(f"no article with source_id {source_id!r}")
        return _article_dict(article, passages=query.get("include") == "passages")

    @blp.response(204)
    def delete(self, source_id: str) -> None:
        """Delete an article with its passages and vectors"""
        get_pipeline().delete(source_id)
