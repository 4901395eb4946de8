"""The OpenAPI document (YAML and JSON) and Swagger UI served from local assets (no CDN)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, send_from_directory

bp = Blueprint("docs", __name__)

SWAGGER_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>claimscope API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui"});</script>
</body></html>
"""


def spec_dict() -> dict[str, Any]:
    """The OpenAPI document, with error responses declared as ``application/problem+json``."""
    spec: dict[str, Any] = current_app.extensions["claimscope_api"].spec.to_dict()
    for response in spec.get("components", {}).get("responses", {}).values():
        content = response.get("content", {})
        if "application/json" in content:
            content["application/problem+json"] = content.pop("application/json")
    return spec


def spec_yaml(spec: dict[str, Any]) -> str:
    import yaml

    return str(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))


@bp.get("/openapi.yaml")
def openapi_yaml() -> Response:
    return Response(spec_yaml(spec_dict()), mimetype="application/yaml")


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return Response(json.dumps(spec_dict()), mimetype="application/json")


@bp.get("/docs")
def swagger_ui() -> Response:
    return Response(SWAGGER_PAGE, mimetype="text/html")


@bp.get("/docs/assets/<path:name>")
def swagger_asset(name: str) -> Response:
    import swagger_ui_bundle

    return send_from_directory(Path(swagger_ui_bundle.swagger_ui_path), name)
