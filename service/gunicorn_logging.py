"""gunicorn's logger, writing access-log lines that stay one JSON object each.

``gunicorn_conf.access_log_format`` writes each request as a JSON object, but gunicorn only puts
a backslash before a double quote in what it fills in: a user agent ending in a backslash broke
the line, and a path with a percent-encoded newline (``/v1/x%0A{...}``) wrote a second, forged
line. Every string is JSON-escaped here instead.
"""

from __future__ import annotations

import json
from typing import Any

from gunicorn.glogging import Logger, SafeAtoms


class JsonAtoms(SafeAtoms):
    def __init__(self, atoms: dict[str, Any]) -> None:
        super().__init__({})
        for key, value in atoms.items():
            self[key] = json.dumps(value)[1:-1] if isinstance(value, str) else value


class JsonAccessLogger(Logger):
    atoms_wrapper_class = JsonAtoms
