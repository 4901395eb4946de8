"""gunicorn picks this file up when started from the repository root; see service/gunicorn_conf.py."""

from service.gunicorn_conf import *  # noqa: F403
