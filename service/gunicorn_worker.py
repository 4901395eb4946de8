"""gunicorn's sync worker, answering the errors gunicorn raises itself with problem+json.

A request gunicorn cannot parse (a malformed request line, headers past its size or count
limits, a broken chunked body) never reaches the app, and gunicorn answers it with an HTML page.
Clients of this API read ``application/problem+json`` for every error, so this worker writes
gunicorn's status and message in that form instead (``gunicorn_conf.worker_class``).

A request that runs past the worker timeout (``CLAIMSCOPE_TIMEOUT``: a large ingest) is stopped
by the master, which aborts the worker; gunicorn would answer it as a crash (500, "Internal Server
Error"). The client is told what happened instead, and that sending it again is safe.
"""

from __future__ import annotations

import json
import socket
from datetime import timedelta
from typing import Any

from gunicorn import util
from gunicorn.http.wsgi import Response, default_environ
from gunicorn.workers.sync import SyncWorker

from service.api.errors import PROBLEM_JSON, problem_document

TIMEOUT_STATUS, TIMEOUT_REASON, TIMEOUT_TITLE = 503, "Service Unavailable", "Request timed out"


def write_problem(
    sock: socket.socket, status: int, reason: str, message: str, slug: str | None = None, title: str | None = None
) -> None:
    """``gunicorn.util.write_error``'s signature and framing, with a problem document for a body."""
    body = json.dumps(problem_document(status, message or None, title=title or reason, slug=slug)).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\n"
        f"Content-Type: {PROBLEM_JSON}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    util.write_nonblock(sock, head.encode("latin-1") + body)


def timeout_detail(timeout_s: int) -> str:
    return (
        f"the request ran past the server's limit of {timeout_s} s (CLAIMSCOPE_TIMEOUT) and was stopped."
        " Articles it had stored are kept, and sending it again is safe: they come back unchanged, so a"
        " batch goes on where it stopped. A large ingest fits in smaller batches, `claimscope ingest`,"
        " or a longer CLAIMSCOPE_TIMEOUT."
    )


class ProblemWorker(SyncWorker):
    timed_out = False

    def handle_abort(self, sig: int, frame: Any) -> None:
        # the master sends SIGABRT to a worker past its timeout; the handler raises SystemExit in
        # the request being served (a quick shutdown's SIGQUIT raises one too, and is no timeout)
        self.timed_out = True
        super().handle_abort(sig, frame)

    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: BaseException) -> None:
        # once the response has started, gunicorn closes the connection itself and never calls this
        if isinstance(exc, SystemExit) and self.timed_out:
            self._answer_timeout(req, client, addr)
            return
        # the base class writes its answer through ``util.write_error``; a sync worker handles one
        # request at a time, so swapping it for the length of this call touches nothing else
        html_writer = util.write_error
        util.write_error = write_problem
        try:
            super().handle_error(req, client, addr, exc)
        finally:
            util.write_error = html_writer

    def _answer_timeout(self, req: Any, client: socket.socket, addr: Any) -> None:
        where = f"{req.method} {req.uri}" if req is not None else "a request"
        self.log.warning("%s ran past the %s s timeout; answered 503", where, self.cfg.timeout)
        if req is not None:  # the access log line gunicorn writes for its other error answers
            host, port = addr or ("", -1)  # no address on a unix socket
            environ = default_environ(req, client, self.cfg)
            environ["REMOTE_ADDR"], environ["REMOTE_PORT"], environ["PATH_INFO"] = host, str(port), req.path
            resp = Response(req, client, self.cfg)
            resp.status = f"{TIMEOUT_STATUS} {TIMEOUT_REASON}"
            self.log.access(resp, req, environ, timedelta(seconds=self.cfg.timeout))
        try:
            detail = timeout_detail(self.cfg.timeout)
            write_problem(client, TIMEOUT_STATUS, TIMEOUT_REASON, detail, slug="timeout", title=TIMEOUT_TITLE)
        except OSError:
            self.log.debug("the client left before the timeout was answered")
