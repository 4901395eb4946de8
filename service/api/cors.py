"""Cross-origin access, for a newsroom tool that calls the API from a web page of its own origin.

Off unless ``CLAIMSCOPE_CORS_ORIGINS`` lists origins (``https://desk.example.org``) or is ``*``:
a browser then lets those pages read answers, errors included (a 401 or 429 they cannot read is
a failure they cannot explain), and send writes and ``Authorization`` headers after its preflight.
CORS decides which pages may ask, not who may: API keys still guard writes. The preflight is
answered before the key and rate-limit guards, since a browser sends it without the key.
"""

from __future__ import annotations

from flask import Flask, Response, request

from service.api.errors import problem
from service.settings import Settings, parse_origins

ALLOWED_METHODS = "GET, POST, DELETE"
ALLOWED_HEADERS = "Authorization, Content-Type"
# Headers a page may read besides the CORS-safelisted ones: rate-limit state, why to wait, the request id.
EXPOSED_HEADERS = (
    "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, WWW-Authenticate, X-Request-ID"
)
PREFLIGHT_MAX_AGE_S = 600


def _allowed(origin: str | None, origins: frozenset[str]) -> bool:
    return origin is not None and ("*" in origins or origin.lower() in origins)


def init_app(app: Flask, settings: Settings) -> None:
    """Install before the guards, so that a preflight is answered before they ask for a key."""
    origins = parse_origins(settings.cors_origins)
    if not origins:
        return

    @app.before_request
    def _preflight() -> Response | None:
        if request.method != "OPTIONS" or "Access-Control-Request-Method" not in request.headers:
            return None
        if request.routing_exception is not None:
            return None  # the 404 or 405, read by the browser as a failed preflight
        origin = request.headers.get("Origin")
        if not _allowed(origin, origins):
            return problem(403, f"origin {origin!r} is not one of CLAIMSCOPE_CORS_ORIGINS")
        response = Response(status=204)
        response.headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE_S)
        return response

    @app.after_request
    def _allow_origin(response: Response) -> Response:
        response.vary.add("Origin")  # a cache must not hand one origin's answer to another
        origin = request.headers.get("Origin")
        if _allowed(origin, origins):
            response.headers["Access-Control-Allow-Origin"] = origin or ""
            if request.method != "OPTIONS":
                response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
