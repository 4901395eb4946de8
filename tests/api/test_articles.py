"""/v1/articles: create, idempotency, replace, batch, list, fetch, delete."""

from __future__ import annotations

from flask.testing import FlaskClient

TEXT = "The harbour closed on Tuesday after a storm. Repairs will take three weeks."


def test_create_then_same_content_then_replace(client: FlaskClient) -> None:
    created = client.post("/v1/articles", json={"source_id": "h1", "text": TEXT, "outlet": "Wire"})
    assert created.status_code == 201
    body = created.get_json()
    assert body["status"] == "created" and body["passage_count"] == 2 and body["content_hash"].startswith("sha256:")
    again = client.post("/v1/articles", json={"source_id": "h1", "text": TEXT, "outlet": "Wire"})
    assert again.status_code == 200 and again.get_json()["status"] == "unchanged"
    assert again.get_json()["content_hash"] == body["content_hash"]
    replaced = client.post("/v1/articles", json={"source_id": "h1", "text": "The harbour reopened on Friday morning."})
    assert replaced.status_code == 200 and replaced.get_json()["status"] == "replaced"
    assert replaced.get_json()["passage_count"] == 1


def test_generated_source_id_and_html(client: FlaskClient) -> None:
    response = client.post("/v1/articles", json={"text": TEXT})
    assert response.status_code == 201 and response.get_json()["source_id"].startswith("src-")
    paragraphs = "".join(
        f"<p>Paragraph {i} reports that the dam was finished in May of that year.</p>" for i in range(5)
    )
    page = f"<html><head><title>Dam</title></head><body><article><h1>Dam</h1>{paragraphs}</article></body></html>"
    html = client.post("/v1/articles", json={"source_id": "dam", "html": page})
    assert html.status_code == 201
    stored = client.get("/v1/articles/dam?include=passages").get_json()
    assert "<p>" not in stored["text"]
    for p in stored["passages"]:
        assert stored["text"][p["start"] : p["end"]] == p["text"]


def test_offsets_count_code_points_past_an_emoji(client: FlaskClient) -> None:
    """The documented recipe for UTF-16 clients (Array.from) holds only if offsets are code points."""
    text = "Fans 👍 cheered the team.\r\nThe mayor resigned on Friday. e\u0301tude."
    client.post("/v1/articles", json={"source_id": "emoji", "text": text})
    stored = client.get("/v1/articles/emoji?include=passages").get_json()
    assert stored["text"] == text
    second = stored["passages"][1]
    assert second["start"] == text.index("The mayor") and second["text"].startswith("The mayor")
    utf16_start = len(text[: second["start"]].encode("utf-16-le")) // 2
    assert utf16_start == second["start"] + 1, "a JavaScript index differs by the emoji's second unit"


def test_validation_errors_are_problems(client: FlaskClient) -> None:
    for body in (
        {},
        {"text": TEXT, "html": "<p>x</p>"},
        {"text": TEXT, "source_id": "bad id"},
        {"text": TEXT, "published_at": "last week"},
        {"text": TEXT, "unknown": 1},
        {"text": TEXT, "url": "javascript:alert(1)"},
        {"text": TEXT, "url": "example.com/story"},
    ):
        response = client.post("/v1/articles", json=body)
        assert response.status_code == 422, body
        assert response.content_type == "application/problem+json"
        assert response.get_json()["errors"]
    empty = client.post("/v1/articles", json={"text": "Hide Ad\n\nAdvertisement"})
    assert empty.status_code == 422 and empty.get_json()["type"].endswith("/empty-text")


def test_text_that_is_not_unicode_is_the_fields_error(client: FlaskClient) -> None:
    """JSON can carry half of a UTF-16 pair; it has no UTF-8 form to hash, store or embed."""
    response = client.post("/v1/articles", json={"title": "Storm", "text": "The pier \ud800 closed."})
    assert response.status_code == 422 and response.content_type == "application/problem+json"
    assert response.get_json()["errors"] == {
        "json": {"text": ["not valid Unicode: an unpaired surrogate (U+D800) at character 9"]}
    }
    paired = client.post("/v1/articles", json={"source_id": "pier", "text": "The pier \U0001f30a closed on Monday."})
    assert paired.status_code == 201
    batch = client.post(
        "/v1/articles/batch", json={"articles": [{"html": "<p>The pier \udc00 closed.</p>"}, {"text": TEXT}]}
    ).get_json()
    assert [r["ok"] for r in batch["results"]] == [False, True]
    assert "unpaired surrogate (U+DC00)" in batch["results"][0]["error"]["errors"]["html"][0]


def test_batch_reports_each_item(client: FlaskClient) -> None:
    response = client.post(
        "/v1/articles/batch",
        json={
            "articles": [
                {"source_id": "a", "text": TEXT},
                {"source_id": "b"},
                {"source_id": "c", "text": "Hide Ad"},
                {"source_id": "d", "text": "The dam was finished in May of last year."},
            ]
        },
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["failed"] == 2
    assert [r["ok"] for r in body["results"]] == [True, False, False, True]
    assert body["results"][1]["error"]["errors"] and body["results"][2]["error"]["type"].endswith("/empty-text")
    assert client.get("/v1/articles/d").status_code == 200


def test_a_batch_item_repeating_a_stored_items_source_id_is_its_error(client: FlaskClient) -> None:
    """Stored, it would replace the earlier item of the same batch; an item that failed holds no id."""
    articles = [
        {"source_id": "x", "text": "Hide Ad"},
        {"source_id": "x", "text": TEXT},
        {"source_id": "x", "text": "The dam was finished in May of last year."},
        {"text": TEXT},
        {"text": TEXT},
    ]
    body = client.post("/v1/articles/batch", json={"articles": articles}).get_json()
    assert [r["ok"] for r in body["results"]] == [False, True, False, True, False]
    assert (
        body["results"][2]["error"]["detail"] == "source_id 'x' is also item 1's, and storing both would keep only one"
    )
    assert body["results"][4]["error"]["detail"].endswith("is also item 3's, and storing both would keep only one")
    assert client.get("/v1/articles/x").get_json()["text"] == TEXT


def test_batch_size_is_bounded(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(max_batch_articles=2).test_client()
    response = client.post("/v1/articles/batch", json={"articles": [{"text": TEXT}] * 3})
    assert response.status_code == 422 and "at most 2" in response.get_json()["detail"]


def test_list_with_cursor_and_filters(client: FlaskClient) -> None:
    for i, outlet in enumerate(["A", "B", "A"]):
        client.post(
            "/v1/articles",
            json={
                "source_id": f"s{i}",
                "text": f"Story {i} is about the river level today.",
                "outlet": outlet,
                "published_at": f"2024-0{i + 1}-01",
            },
        )
    first = client.get("/v1/articles?limit=2").get_json()
    assert [a["source_id"] for a in first["articles"]] == ["s0", "s1"] and first["next_cursor"]
    second = client.get(f"/v1/articles?limit=2&cursor={first['next_cursor']}").get_json()
    assert [a["source_id"] for a in second["articles"]] == ["s2"] and second["next_cursor"] is None
    assert [a["source_id"] for a in client.get("/v1/articles?outlet=A").get_json()["articles"]] == ["s0", "s2"]
    dated = client.get("/v1/articles?published_from=2024-02-01").get_json()["articles"]
    assert [a["source_id"] for a in dated] == ["s1", "s2"]
    assert client.get("/v1/articles?cursor=%%%").status_code == 422
    assert client.get("/v1/articles?limit=0").status_code == 422


def test_get_and_delete(client: FlaskClient) -> None:
    client.post("/v1/articles", json={"source_id": "g1", "text": TEXT})
    assert "passages" not in client.get("/v1/articles/g1").get_json()
    assert client.delete("/v1/articles/g1").status_code == 204
    missing = client.get("/v1/articles/g1")
    assert missing.status_code == 404 and missing.content_type == "application/problem+json"
    assert client.delete("/v1/articles/g1").status_code == 404


def test_a_date_in_another_iso_layout_is_stored_in_the_extended_one(client: FlaskClient) -> None:
    first = client.post("/v1/articles", json={"source_id": "h1", "text": TEXT, "published_at": "20240305"})
    assert first.status_code == 201 and first.get_json()["published_at"] == "2024-03-05"
    again = client.post("/v1/articles", json={"source_id": "h1", "text": TEXT, "published_at": "20240305"})
    assert again.get_json()["status"] == "unchanged"
    listed = client.get("/v1/articles?published_from=2024-03-05&published_to=20240305").get_json()
    assert [a["source_id"] for a in listed["articles"]] == ["h1"]
    backwards = client.get("/v1/articles?published_from=2024-03-06&published_to=2024-03-05")
    assert backwards.status_code == 422 and "is after published_to" in backwards.get_json()["detail"]


def test_a_date_window_compares_moments_in_utc(client: FlaskClient) -> None:
    given = "2024-03-05T23:30:00-05:00"
    posted = client.post("/v1/articles", json={"source_id": "ny1", "text": TEXT, "published_at": given})
    assert posted.get_json()["published_at"] == given

    def listed(**window: str) -> list[str]:
        return [a["source_id"] for a in client.get("/v1/articles", query_string=window).get_json()["articles"]]

    assert listed(published_from="2024-03-06") == ["ny1"]
    assert listed(published_to="2024-03-05") == []
    assert listed(published_from="2024-03-06T05:00:00+01:00") == ["ny1"]
    assert listed(published_from="2024-03-06T06:00:00+01:00") == []
    backwards = client.get(
        "/v1/articles",
        query_string={"published_from": "2024-03-06T03:00:00+02:00", "published_to": "2024-03-06T00:30:00Z"},
    )
    assert backwards.status_code == 422 and "is after published_to" in backwards.get_json()["detail"]
