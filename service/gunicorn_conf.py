"""gunicorn configuration (``claimscope serve`` and the top-level gunicorn.conf.py use this).

* preload: the master imports the app and loads the embedder's weights once (no inference, so no
  thread pools exist at fork time); forked workers share that memory copy-on-write. Each worker
  creates its own ONNX Runtime session for the stance model after the fork.
* each worker gets cores // workers torch threads, opens its own SQLite connection and FAISS
  copy, and saves the index when it exits.
* the seed articles are ingested before the workers start when the store is empty, in a child
  process so the master never runs a model.
* access log: one JSON object per line and request, its strings escaped (service/gunicorn_logging.py),
  with the request id; no Authorization header, so keys never reach logs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from typing import Any

from service.settings import Settings

_settings = Settings.from_env()

if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="claimscope-metrics-")

bind = _settings.bind
workers = _settings.workers
timeout = _settings.timeout
graceful_timeout = 30
preload_app = True
control_socket_disable = True  # no shared ~/.gunicorn socket between instances
# gunicorn answers an overlong request line with an HTML page; the app's CLAIMSCOPE_MAX_URL_CHARS
# answers it with a problem instead (service/api/guards.py).
limit_request_line = 0
# every other error gunicorn answers itself (headers too large, a malformed request) is problem+json
worker_class = "service.gunicorn_worker.ProblemWorker"
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
logger_class = "service.gunicorn_logging.JsonAccessLogger"  # every line one JSON object, whatever the request
errorlog = "-"
access_log_format = (
    '{"remote": "%(h)s", "time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s, "agent": "%(a)s", "request_id": "%({x-request-id}o)s"}'
)


def on_starting(server: Any) -> None:
    if not _settings.seed_on_start:
        return
    result = subprocess.run([sys.executable, "-m", "service", "seed", "--if-empty"], capture_output=True, text=True)
    server.log.info("seed: %s", (result.stdout or result.stderr).strip())


def when_ready(server: Any) -> None:
    server.app.wsgi().extensions["claimscope"].load_models(stance=False)


def post_worker_init(worker: Any) -> None:
    worker.wsgi.extensions["claimscope"].load_models()  # the stance session, in this process


def post_fork(server: Any, worker: Any) -> None:
    import torch

    torch.set_num_threads(max(1, (os.cpu_count() or 1) // max(1, _settings.workers)))


def worker_exit(server: Any, worker: Any) -> None:
    pipeline = worker.wsgi.extensions["claimscope"] if getattr(worker, "wsgi", None) else None
    if pipeline is not None and "store" in pipeline.__dict__:
        pipeline.store.save_index()


def child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
