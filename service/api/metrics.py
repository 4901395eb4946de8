"""Prometheus metrics: requests and latency per route, index size, model inference time.

Under gunicorn each worker is a process, so ``PROMETHEUS_MULTIPROC_DIR`` (set by
gunicorn.conf.py) makes every worker write its samples to files that /metrics aggregates.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from typing import Any

from flask import Flask, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

_METRICS: dict[str, Any] = {}


def _metrics() -> dict[str, Any]:
    """Metric objects, created once per process (the client refuses duplicates)."""
    if not _METRICS:
        _METRICS.update(
            requests=Counter("claimscope_http_requests_total", "HTTP requests", ["route", "method", "status"]),
            latency=Histogram("claimscope_http_request_duration_seconds", "HTTP request latency", ["route"]),
            inference=Histogram("claimscope_model_inference_seconds", "Model time per request", ["model"]),
            index_size=Gauge("claimscope_index_passages", "Passages in the FAISS index", multiprocess_mode="max"),
            articles=Gauge("claimscope_articles", "Articles stored", multiprocess_mode="max"),
        )
    return _METRICS


def observe_verification(reports: Sequence[dict[str, Any]]) -> None:
    if not reports:
        return
    timings = reports[0]["timings_ms"]
    _metrics()["inference"].labels("embed").observe(timings["embed"] / 1000)
    _metrics()["inference"].labels("stance").observe(timings["stance"] / 1000)


def render() -> Response:
    metrics = _metrics()
    store = current_app.extensions["claimscope"].store
    articles, _ = store.counts()
    metrics["articles"].set(articles)
    metrics["index_size"].set(store.index.size)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    return Response(generate_latest(), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    @app.before_request
    def _start_timer() -> None:
        g.claimscope_started = time.perf_counter()

    @app.after_request
    def _record(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        metrics = _metrics()
        metrics["requests"].labels(route, request.method, str(response.status_code)).inc()
        started = g.get("claimscope_started")
        if started is not None:
            metrics["latency"].labels(route).observe(time.perf_counter() - started)
        return response
