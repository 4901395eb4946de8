"""HTTP layer: blueprints validate, call the pipeline, serialise. Nothing else lives here."""

from __future__ import annotations

from flask import current_app

from service.pipeline import Pipeline


def get_pipeline() -> Pipeline:
    pipeline: Pipeline = current_app.extensions["claimscope"]
    return pipeline
