"""Request ids: one per request, sent back in ``X-Request-ID`` and written to the access log, so
an answer a client quotes finds its log lines (a crash's traceback among them).

A caller's own id (from a proxy or the service that called us) is kept when it is a plain token,
so one id follows a request across services; anything else is replaced, since it reaches the logs.
"""

from __future__ import annotations

import re
import uuid

from flask import Flask, Response, g, request

HEADER = "X-Request-ID"
_CALLERS_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")


def current_request_id() -> str | None:
    request_id: str | None = g.get("claimscope_request_id")
    return request_id


def init_app(app: Flask) -> None:
    """Install first, so that a request a later guard answers early still gets its id."""

    @app.before_request
    def _assign() -> None:
        given = request.headers.get(HEADER, "")
        g.claimscope_request_id = given if _CALLERS_ID.fullmatch(given) else uuid.uuid4().hex

    @app.after_request
    def _send(response: Response) -> Response:
        if request_id := current_request_id():
            response.headers[HEADER] = request_id
        return response
