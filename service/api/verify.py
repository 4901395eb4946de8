"""/v1/verify and /v1/search: judge claims against the stored sources."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from service.api import get_pipeline
from service.api.metrics import observe_verification
from service.api.parsing import Blueprint
from service.api.schemas import (
    SearchQuerySchema,
    SearchResultSchema,
    VerificationBatchSchema,
    VerificationSchema,
    VerifyBatchInSchema,
    VerifyInSchema,
)
from service.errors import InvalidInputError

blp = Blueprint("verify", __name__, url_prefix="/v1", description="Verify claims and search passages")


def _options(data: dict[str, Any]) -> dict[str, Any]:
    keys = ("top_k", "source_ids", "min_similarity", "published_from", "published_to", "claimed_on")
    return {k: data.get(k) for k in keys}


@blp.route("/verify")
class Verify(MethodView):
    @blp.arguments(VerifyInSchema)
    @blp.response(200, VerificationSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Which sources support or contradict a claim, with cited passages"""
        report = get_pipeline().verify(data["claim"], **_options(data))
        observe_verification([report])
        return report


@blp.route("/verify/batch")
class VerifyBatch(MethodView):
    @blp.arguments(VerifyBatchInSchema)
    @blp.response(200, VerificationBatchSchema)
    def post(self, data: dict[str, Any]) -> dict[str, Any]:
        """Verify many claims at once; each result, in order, is the report POST /v1/verify gives that claim"""
        pipeline = get_pipeline()
        if len(data["claims"]) > pipeline.settings.max_batch_claims:
            raise InvalidInputError(f"at most {pipeline.settings.max_batch_claims} claims per batch")
        reports = pipeline.verify_many(data["claims"], **_options(data))
        observe_verification(reports)
        return {"results": reports}


@blp.route("/search")
class Search(MethodView):
    @blp.arguments(SearchQuerySchema, location="query")
    @blp.response(200, SearchResultSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """Nearest passages to a query by similarity (no stance)"""
        window = {key: query.get(key) for key in ("published_from", "published_to")}
        results = get_pipeline().search(query["q"], query["k"], **window)
        return {"query": query["q"].strip(), "results": results}
