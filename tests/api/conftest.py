from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.app import create_app
from service.pipeline.embed import Embedder
from service.settings import Settings
from tests.conftest import shipped_stance_model


@pytest.fixture
def make_app(tmp_path: Path, embedder: Embedder) -> Iterator[Callable[..., Flask]]:
    """Build an app over a fresh data dir with the session's embedder; overrides go to Settings."""
    apps: list[Flask] = []

    def build(**overrides: Any) -> Flask:
        settings = Settings(data_dir=tmp_path / f"api-{len(apps)}", **overrides)
        stance_model = shipped_stance_model() if settings.stance_model == "" else None
        app = create_app(settings, embedder=embedder, stance_model=stance_model)
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.extensions["claimscope"].close()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def seeded_client(app: Flask, client: FlaskClient) -> FlaskClient:
    app.extensions["claimscope"].seed()
    return client
