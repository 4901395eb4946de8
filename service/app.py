"""The Flask application factory."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from flask import Flask

from service.settings import Settings

if TYPE_CHECKING:
    from service.pipeline.embed import Embedder
    from service.pipeline.stance import StanceModel

API_DESCRIPTION = """Which sources support or contradict a claim, with cited passages.

Errors are `application/problem+json` (RFC 9457) with a stable `type` URI. When
`CLAIMSCOPE_API_KEYS` is set, writes need `Authorization: Bearer <key>`.
"""


def create_app(
    settings: Settings | None = None,
    *,
    embedder: Embedder | None = None,
    stance_model: StanceModel | None = None,
) -> Flask:
    """Build the app. Models and the store open on first use (or in gunicorn's preload).

    ``embedder`` and ``stance_model`` lend already loaded models to the app's pipeline (tests
    building many apps load each model once); left out, the settings name them.
    """
    from service.api import articles, cors, docs, errors, guards, health, metrics, request_ids, verify
    from service.pipeline import Pipeline

    settings = settings or Settings.from_env()
    app = Flask("claimscope")
    app.config.update(
        API_TITLE="claimscope",
        API_VERSION="1.0.0",
        OPENAPI_VERSION="3.0.3",
        API_SPEC_OPTIONS={"info": {"description": API_DESCRIPTION}},
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["claimscope"] = Pipeline(
        settings,
        index_save_after_s=settings.index_save_interval,
        embedder=embedder,
        stance_model=stance_model,
    )
    app.url_map.converters["source_id"] = articles.SourceIdConverter
    api = errors.ClaimscopeApi(app)
    api.register_converter(articles.SourceIdConverter, articles.source_id_param_schema)
    app.extensions["claimscope_api"] = api
    errors.init_app(app)
    request_ids.init_app(app)
    cors.init_app(app, settings)
    limiter = guards.init_app(app, settings)
    metrics.init_app(app)
    for blueprint in (health.blp, articles.blp, verify.blp):
        api.register_blueprint(blueprint)
    app.register_blueprint(docs.bp)
    limiter.exempt(health.blp)
    limiter.exempt(docs.bp)
    logging.getLogger("claimscope").setLevel(logging.INFO)
    return app
