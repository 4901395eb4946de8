"""Every error is application/problem+json with a stable type; never HTML, never a traceback."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.exceptions import default_exceptions

PROBLEM_KEYS = {"type", "title", "status"}


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response.content_type == "application/problem+json"
    body = response.get_json()
    assert PROBLEM_KEYS <= set(body) and body["status"] == status
    assert body["type"].startswith("https://claimscope.dev/problems/")
    assert "Traceback" not in response.get_data(as_text=True) and "<html" not in response.get_data(as_text=True)
    return body


@pytest.mark.parametrize("code", sorted(c for c in default_exceptions if c >= 400))
def test_every_http_exception_is_a_problem(app: Flask, code: int) -> None:
    exc = default_exceptions[code]

    @app.get(f"/raise/{code}")
    def _raise():  # type: ignore[no-untyped-def]
        raise exc()

    assert_problem(app.test_client().get(f"/raise/{code}"), code)


def test_unexpected_exception_is_a_generic_500(app: Flask) -> None:
    @app.get("/boom")
    def _boom():  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internals /etc/passwd")

    body = assert_problem(app.test_client().get("/boom"), 500)
    assert "secret" not in str(body) and body["type"].endswith("/internal-error")


def test_routing_and_media_errors(client: FlaskClient) -> None:
    assert_problem(client.get("/v1/nowhere"), 404)
    response = client.get("/v1/verify")
    assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]
    assert_problem(client.post("/v1/verify", data="claim=x", content_type="application/x-www-form-urlencoded"), 415)
    assert_problem(client.post("/v1/verify", data="{not json", content_type="application/json"), 400)
    body = assert_problem(client.post("/v1/verify", json={"claim": 5}), 422)
    assert body["errors"]["json"]["claim"]


@pytest.mark.parametrize(
    ("url", "body", "message"),
    [
        ("/v1/verify", '{"claim": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ("/v1/verify", '{"claim": "Xi visited Moscow.", "top_k": 1' + "0" * 5000 + "}", "too many digits"),
        ("/v1/articles", '{"text": "The mayor resigned.", "title": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested"),
        ("/v1/articles/batch", '{"articles": [{"text": "x", "title": 1' + "0" * 5000 + "}]}", "too many digits"),
    ],
)
def test_json_the_decoder_gives_up_on_is_a_400_not_a_500(
    client: FlaskClient, url: str, body: str, message: str
) -> None:
    """Python's json raises RecursionError and ValueError, not JSONDecodeError, on these."""
    problem = assert_problem(client.post(url, data=body, content_type="application/json"), 400)
    assert message in problem["errors"]["json"][0]


def test_a_count_must_be_a_json_integer(client: FlaskClient) -> None:
    """5.5 passages would be cut to 5 unnoticed, and "5" is a client's bug."""
    for top_k in (5.5, "5", True):
        body = assert_problem(client.post("/v1/verify", json={"claim": "Xi visited Moscow.", "top_k": top_k}), 422)
        assert body["errors"]["json"]["top_k"] == ["Not a valid integer."]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/v1/search?q=Putin&limit=5", "limit"),
        ("/v1/articles?offset=1", "offset"),
        ("/v1/articles/x?passage=1", "passage"),
    ],
)
def test_a_query_parameter_the_endpoint_does_not_take_is_an_error(client: FlaskClient, url: str, field: str) -> None:
    """Dropped, ?limit=5 on /v1/search (which takes k) gave ten results and no hint why."""
    body = assert_problem(client.get(url), 422)
    assert body["errors"]["query"][field] == ["Unknown field."]


def test_body_too_large(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(max_body_bytes=1000).test_client()
    assert_problem(client.post("/v1/articles", json={"text": "word " * 500}), 413)


def test_one_title_per_problem_type(client: FlaskClient) -> None:
    """RFC 9457: a type's title does not change between occurrences, whichever layer raised it."""
    unknown_route = assert_problem(client.get("/v1/nowhere"), 404)
    unknown_article = assert_problem(client.get("/v1/articles/no-such-article"), 404)
    assert unknown_route["type"] == unknown_article["type"] and unknown_route["title"] == unknown_article["title"]
    schema_error = assert_problem(client.post("/v1/verify", json={"claim": 5}), 422)
    bad_cursor = assert_problem(client.get("/v1/articles?cursor=not-one-of-ours"), 422)
    assert schema_error["type"] == bad_cursor["type"] and schema_error["title"] == bad_cursor["title"]


def test_domain_errors_sharing_an_http_type_share_its_title() -> None:
    from service import errors
    from service.api.errors import SLUGS, TITLES

    domain = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.ClaimscopeError)]
    shared = [c for c in domain if SLUGS.get(c.status) == c.slug]
    assert {c.slug for c in shared} >= {"invalid-input", "not-found", "internal-error"}
    for cls in shared:
        assert cls.title == TITLES[cls.status], cls


def test_url_too_long(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(max_url_chars=100).test_client()
    body = assert_problem(client.get("/v1/search?q=" + "a" * 100), 414)
    assert body["type"].endswith("/uri-too-long") and "limit is 100" in body["detail"]
    assert client.get("/v1/search?q=" + "a" * 50).status_code != 414
