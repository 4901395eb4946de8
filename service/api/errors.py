"""One error format: ``application/problem+json`` (RFC 9457), built by ``problem()`` alone.

HTTP errors (404, 405, 413, 415, 422, 429...), domain errors from the pipeline and any unexpected
exception all end here; an unexpected one is logged with its traceback and answered with a
generic 500 that reveals nothing about the server.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json
from flask_smorest import Api
from gunicorn.http.errors import ParseException
from werkzeug.exceptions import HTTPException

from service.api.request_ids import current_request_id
from service.api.schemas import ProblemSchema
from service.errors import TYPE_BASE, ClaimscopeError, InvalidInputError, NotFoundError

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"
SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    417: "expectation-failed",
    413: "payload-too-large",
    414: "uri-too-long",
    415: "unsupported-media-type",
    422: "invalid-input",
    429: "rate-limited",
    431: "header-fields-too-large",
    500: "internal-error",
    501: "not-implemented",
    503: "unavailable",
}
TITLES = {
    401: "Unauthorized",
    404: NotFoundError.title,
    422: InvalidInputError.title,
    429: "Too many requests",
    500: ClaimscopeError.title,
}


def problem_document(
    status: int, detail: str | None = None, *, slug: str | None = None, title: str | None = None
) -> dict[str, Any]:
    """The problem object for ``status``: the app's responses and gunicorn's own error answers
    (``service.gunicorn_worker``) are built from it."""
    from werkzeug.http import HTTP_STATUS_CODES

    body: dict[str, Any] = {
        "type": TYPE_BASE + (slug or SLUGS.get(status, "http-" + str(status))),
        "title": title or TITLES.get(status) or HTTP_STATUS_CODES.get(status, "Error"),
        "status": status,
    }
    if detail:
        body["detail"] = detail
    return body


def problem(
    status: int,
    detail: str | None = None,
    *,
    slug: str | None = None,
    title: str | None = None,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The only way the app builds an error response."""
    body = problem_document(status, detail, slug=slug, title=title)
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def unexpected_error_detail() -> str:
    """What a 500 tells the client: nothing of the server, but the id its log lines carry."""
    request_id = current_request_id()
    if request_id is None:
        return "an unexpected error occurred"
    return f"an unexpected error occurred; the server's log has it under request id {request_id}"


def problem_body(exc: ClaimscopeError) -> dict[str, Any]:
    """A domain error as a problem object (used inside batch results)."""
    return {"type": exc.type_uri, "title": exc.title, "status": exc.status, "detail": str(exc)}


class ClaimscopeApi(Api):
    """flask-smorest's Api with problem+json errors (documented by ``ProblemSchema``)."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> Response:
        data = getattr(error, "data", None) or {}
        errors = data.get("errors") or data.get("messages")
        detail = data.get("message") or error.description
        if errors:
            detail = "the request did not validate; see errors"
        code = error.code or 500
        headers = dict(data.get("headers") or {})
        allowed = getattr(error, "valid_methods", None)
        if code == 405 and allowed:
            headers["Allow"] = ", ".join(m for m in allowed if m not in {"HEAD", "OPTIONS"})
        if code == 500:
            detail = unexpected_error_detail()
        return problem(code, detail, errors=errors, headers=headers)


def init_app(app: Flask) -> None:
    @app.errorhandler(ClaimscopeError)
    def _domain_error(exc: ClaimscopeError) -> Response:
        return problem(exc.status, str(exc), slug=exc.slug, title=exc.title)

    @app.errorhandler(ParseException)
    def _unreadable_body(exc: ParseException) -> Response:
        # gunicorn raises these while the app reads a body it cannot parse (a chunk size of "zz"):
        # the client's error, answered as one and not logged as a crash
        return problem(400, f"the request body could not be read: {exc}")

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Response:
        if isinstance(exc, HTTPException):
            api: ClaimscopeApi = app.extensions["claimscope_api"]
            return api.handle_http_exception(exc)
        log.exception("unhandled error in request %s", current_request_id())
        return problem(500, unexpected_error_detail())
