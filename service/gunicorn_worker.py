"""gunicorn's sync worker, answering the errors gunicorn raises itself with problem+json.

A request gunicorn cannot parse (a malformed request line, headers past its size or count
limits, a broken chunked body) never reaches the app, and gunicorn answers it with an HTML page.
Clients of this API read ``application/problem+json`` for every error, so this worker writes
gunicorn's status and message in that form instead (``gunicorn_conf.worker_class``).
"""

from __future__ import annotations

import json
import socket
from typing import Any

from gunicorn import util
from gunicorn.workers.sync import SyncWorker

from service.api.errors import PROBLEM_JSON, problem_document


def write_problem(sock: socket.socket, status: int, reason: str, message: str) -> None:
    """``gunicorn.util.write_error``'s signature and framing, with a problem document for a body."""
    body = json.dumps(problem_document(status, message or None, title=reason)).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: {PROBLEM_JSON}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


class ProblemWorker(SyncWorker):
    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: BaseException) -> None:
        # the base class writes its answer through ``util.write_error``; a sync worker handles one
        # request at a time, so swapping it for the length of this call touches nothing else
        html_writer = util.write_error
        util.write_error = write_problem
        try:
            super().handle_error(req, client, addr, exc)
        finally:
            util.write_error = html_writer
