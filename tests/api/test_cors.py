"""Cross-origin access: off by default; for listed origins, preflights and readable answers and errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from service.settings import Settings

DESK = "https://desk.example.org"


def preflight(client, path: str, origin: str, method: str = "POST"):  # type: ignore[no-untyped-def]
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "authorization, content-type",
    }
    return client.options(path, headers=headers)


def test_no_origin_is_allowed_by_default(make_app: Callable[..., Flask]) -> None:
    client = make_app().test_client()
    assert "Access-Control-Allow-Origin" not in preflight(client, "/v1/verify", DESK).headers
    answer = client.get("/healthz", headers={"Origin": DESK})
    assert answer.status_code == 200 and "Access-Control-Allow-Origin" not in answer.headers


def test_a_listed_origin_passes_the_preflight_before_the_key_and_rate_limit(make_app: Callable[..., Flask]) -> None:
    """A browser sends the preflight without the key; a 401 there would block every write."""
    app = make_app(cors_origins=f"{DESK},http://localhost:5173", api_keys="k1", auth_reads=True, rate_limit="2/minute")
    client = app.test_client()
    for _ in range(3):
        response = preflight(client, "/v1/articles", DESK)
        assert response.status_code == 204, response.get_data(as_text=True)
    assert response.headers["Access-Control-Allow-Origin"] == DESK
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Authorization" in response.headers["Access-Control-Allow-Headers"]
    assert "Origin" in response.headers["Vary"]
    other = preflight(client, "/v1/articles", "https://evil.example.net")
    assert other.status_code == 403 and "Access-Control-Allow-Origin" not in other.headers
    assert other.content_type == "application/problem+json"


def test_answers_and_errors_are_readable_by_a_listed_origin(make_app: Callable[..., Flask]) -> None:
    client = make_app(cors_origins="*", api_keys="k1", rate_limit="1/minute").test_client()
    text = {"source_id": "c1", "text": "The harbour closed on Tuesday after a storm."}
    refused = client.post("/v1/articles", json=text, headers={"Origin": DESK})
    assert refused.status_code == 401 and refused.headers["Access-Control-Allow-Origin"] == DESK
    limited = client.post("/v1/articles", json=text, headers={"Origin": DESK})
    assert limited.status_code == 429 and limited.headers["Access-Control-Allow-Origin"] == DESK
    assert "Retry-After" in limited.headers["Access-Control-Expose-Headers"]


def test_answers_carry_the_origin_they_were_asked_from(make_app: Callable[..., Flask]) -> None:
    client = make_app(cors_origins=DESK).test_client()
    mine = client.get("/v1/articles", headers={"Origin": DESK.upper()})
    assert mine.status_code == 200 and mine.headers["Access-Control-Allow-Origin"] == DESK.upper()
    theirs = client.get("/v1/articles", headers={"Origin": "https://evil.example.net"})
    assert theirs.status_code == 200 and "Access-Control-Allow-Origin" not in theirs.headers
    assert "Origin" in theirs.headers["Vary"]


@pytest.mark.parametrize("raw", [DESK + "/", DESK + "/tools", "desk.example.org", "ftp://desk.example.org"])
def test_a_value_no_browser_sends_as_its_origin_is_refused(raw: str) -> None:
    """ "https://desk.example.org/" would match no request and fail without a word."""
    with pytest.raises(ValueError, match="CLAIMSCOPE_CORS_ORIGINS: .* is not an origin"):
        Settings(cors_origins=raw)
