"""API keys (constant-time, never echoed) and rate limits with Retry-After."""

from __future__ import annotations

import logging

import pytest

KEY = "s3cret-key-for-tests"


@pytest.fixture
def locked(make_app):  # type: ignore[no-untyped-def]
    return make_app(api_keys=f"other-key, {KEY}").test_client()


def test_writes_need_a_key(locked, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    body = {"source_id": "k1", "text": "A sentence about the harbour storm today."}
    denied = locked.post("/v1/articles", json=body)
    assert denied.status_code == 401 and denied.content_type == "application/problem+json"
    assert denied.headers["WWW-Authenticate"].startswith("Bearer")
    wrong = locked.post("/v1/articles", json=body, headers={"Authorization": f"Bearer {KEY}x"})
    assert wrong.status_code == 401 and KEY not in wrong.get_data(as_text=True)
    ok = locked.post("/v1/articles", json=body, headers={"Authorization": f"Bearer {KEY}"})
    assert ok.status_code == 201
    assert locked.delete("/v1/articles/k1").status_code == 401
    assert KEY not in caplog.text


def test_reads_are_open_unless_configured(locked, make_app) -> None:  # type: ignore[no-untyped-def]
    assert locked.get("/v1/articles").status_code == 200
    assert locked.post("/v1/verify", json={"claim": "x"}).status_code == 401  # POST is a write method
    strict = make_app(api_keys=KEY, auth_reads=True).test_client()
    assert strict.get("/v1/articles").status_code == 401
    assert strict.get("/v1/articles", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert strict.get("/healthz").status_code == 200 and strict.get("/openapi.json").status_code == 200


def test_rate_limit_answers_429_with_retry_after(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(rate_limit="3/minute").test_client()
    statuses = [client.get("/v1/articles").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/v1/articles")
    assert limited.content_type == "application/problem+json" and int(limited.headers["Retry-After"]) > 0
    assert client.get("/healthz").status_code == 200, "health is exempt"


def test_rate_limit_is_per_key(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(rate_limit="2/minute", api_keys="k-one,k-two").test_client()
    one = {"Authorization": "Bearer k-one"}
    two = {"Authorization": "Bearer k-two"}
    assert [client.get("/v1/articles", headers=one).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/v1/articles", headers=two).status_code == 200
