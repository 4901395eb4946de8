"""X-Request-ID: on every answer, errors included; a caller's plain id kept, anything else replaced."""

from __future__ import annotations

import logging
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient


def test_every_answer_has_a_fresh_id(client: FlaskClient) -> None:
    answers = [client.get("/healthz"), client.get("/v1/nowhere"), client.post("/v1/verify", json={"claim": 5})]
    ids = [a.headers["X-Request-ID"] for a in answers]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids) and len(set(ids)) == 3


def test_an_answer_a_guard_gives_early_has_one_too(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(max_url_chars=50, api_keys="k1").test_client()
    assert client.get("/v1/search?q=" + "a" * 60).headers["X-Request-ID"]
    assert client.post("/v1/articles", json={"text": "The pier closed."}).headers["X-Request-ID"]


@pytest.mark.parametrize(
    ("given", "kept"),
    [("req-2026-11-27.abc:42", True), ("a" * 128, True), ("a" * 129, False), ("two words", False), ("x\ty", False)],
)
def test_a_callers_plain_id_is_kept_and_anything_else_replaced(client: FlaskClient, given: str, kept: bool) -> None:
    """A caller's id follows the request across services; one that would garble a log line does not."""
    sent = client.get("/healthz", headers={"X-Request-ID": given}).headers["X-Request-ID"]
    assert (sent == given) is kept


def test_a_500_names_the_id_its_traceback_is_logged_under(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    @app.get("/boom")
    def _boom():  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internals")

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/boom", headers={"X-Request-ID": "trace-7"})
    assert response.status_code == 500 and response.headers["X-Request-ID"] == "trace-7"
    assert "request id trace-7" in response.get_json()["detail"] and "secret" not in response.get_data(as_text=True)
    assert any("trace-7" in r.getMessage() and r.exc_info for r in caplog.records)
