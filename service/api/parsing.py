"""Request parsing: a JSON body Python's decoder gives up on is the client's error, not a 500,
and a query parameter nobody reads is an error too.

webargs turns a body that is not JSON into a 400, but Python's decoder also raises
``RecursionError`` on arrays nested a few thousand deep and ``ValueError`` on an integer of
more than 4,300 digits, and those escaped as unexpected errors. Every blueprint of the API is
this module's ``Blueprint`` so that every JSON body is read by ``RequestParser``.
"""

from __future__ import annotations

import json
from typing import Any

import flask
import flask_smorest
from flask_smorest import abort
from webargs.flaskparser import FlaskParser

from service.pipeline.documents import json_problem


class RequestParser(FlaskParser):
    # A query parameter the endpoint does not take is a 422, as an unknown JSON field is: webargs
    # drops it by default, so ?limit=5 on /v1/search (which takes k) quietly gave ten results.
    DEFAULT_UNKNOWN_BY_LOCATION = {**FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION, "query": None, "querystring": None}

    def _raw_load_json(self, req: flask.Request) -> Any:
        try:
            return super()._raw_load_json(req)
        except json.JSONDecodeError:
            raise  # webargs' own 400
        except (RecursionError, ValueError) as exc:
            abort(400, exc=exc, messages={"json": [f"Invalid JSON body: {json_problem(exc)}."]})


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = RequestParser()
