"""Request guards: bearer-key auth, JSON-only bodies, and per-key / per-IP rate limits.

Keys are compared in constant time and never logged or echoed; the rate-limit key for an
authenticated caller is a hash of its key, so even the limiter's storage holds no secrets.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from service.api.errors import problem
from service.settings import Settings

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OPEN_ENDPOINTS = frozenset(
    {
        "health.healthz",
        "health.readyz",
        "health.metrics",
        "docs.openapi_yaml",
        "docs.openapi_json",
        "docs.swagger_ui",
        "docs.swagger_asset",
        "static",
    }
)


def parse_keys(raw: str) -> list[bytes]:
    return [key.strip().encode() for key in raw.split(",") if key.strip()]


def _bearer() -> bytes | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip().encode() if scheme.lower() == "bearer" and token.strip() else None


def key_is_valid(token: bytes | None, keys: list[bytes]) -> bool:
    if token is None:
        return False
    found = False
    for key in keys:  # compare against every key so timing does not reveal which matched
        found |= hmac.compare_digest(token, key)
    return found


def rate_limit_key() -> str:
    token = _bearer()
    if token is not None and key_is_valid(token, current_app.extensions["claimscope_keys"]):
        return "key:" + hashlib.sha256(token).hexdigest()[:16]
    return "ip:" + (get_remote_address() or "unknown")


def init_app(app: Flask, settings: Settings) -> Limiter:
    """Install the guards; returns the app's limiter (so blueprints can be exempted)."""
    keys = parse_keys(settings.api_keys)
    app.extensions["claimscope_keys"] = keys
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    limiter = Limiter(
        key_func=rate_limit_key,
        app=app,
        default_limits=[settings.rate_limit] if settings.rate_limit else [],
        storage_uri=settings.rate_limit_storage,
        headers_enabled=True,
        enabled=bool(settings.rate_limit),
    )

    @app.before_request
    def _url_length() -> Response | None:
        # gunicorn's own request-line limit answers in HTML, so it is off (gunicorn_conf) and this is the limit.
        length = len(request.full_path if request.query_string else request.path)
        if length > settings.max_url_chars:
            return problem(414, f"the URL is {length} characters; the limit is {settings.max_url_chars}")
        return None

    @app.before_request
    def _require_json() -> Response | None:
        if request.routing_exception is not None:
            return None  # 404 / 405 take precedence
        if request.method in {"POST", "PUT", "PATCH"} and not request.is_json:
            return problem(415, "send the body as JSON with 'Content-Type: application/json'")
        return None

    @app.before_request
    def _authenticate() -> Response | None:
        if not keys or request.routing_exception is not None or request.endpoint in OPEN_ENDPOINTS:
            return None
        if request.method not in WRITE_METHODS and not settings.auth_reads:
            return None
        if key_is_valid(_bearer(), keys):
            return None
        return problem(
            401,
            "send 'Authorization: Bearer <key>' with a valid API key",
            headers={"WWW-Authenticate": 'Bearer realm="claimscope"'},
        )

    return limiter
