"""Liveness, readiness and metrics (exempt from auth and rate limits)."""

from __future__ import annotations

from typing import Any

from flask import Response

from service.api import get_pipeline
from service.api.metrics import render
from service.api.parsing import Blueprint
from service.api.schemas import HealthSchema, ReadySchema

blp = Blueprint("health", __name__, description="Health and metrics")


@blp.route("/healthz")
@blp.response(200, HealthSchema)
def healthz() -> dict[str, Any]:
    """The process is up"""
    return {"status": "ok"}


@blp.route("/readyz")
@blp.response(200, ReadySchema)
def readyz() -> dict[str, Any]:
    """Models are loaded and the index is current; counts and model names"""
    pipeline = get_pipeline()
    pipeline.load_models()
    store = pipeline.store
    store.refresh()
    articles, passages = store.counts()
    return {
        "status": "ready",
        "articles": articles,
        "passages": passages,
        "index_size": store.index.size,
        "index_generation": store.index.generation,
        "embedder": pipeline.embedder.name,
        "stance_model": pipeline.stance_model.name,
    }


@blp.route("/metrics")
@blp.doc(
    responses={
        200: {"description": "Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}}
    }
)
def metrics() -> Response:
    """Prometheus metrics"""
    return render()
