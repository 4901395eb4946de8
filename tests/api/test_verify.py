"""/v1/verify, /v1/verify/batch, /v1/search, health and readiness."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.conftest import SEEDS
from tests.pipeline.test_verify import check_report_shape


def test_verify_returns_the_pinned_shape_with_exact_offsets(seeded_client: FlaskClient) -> None:
    response = seeded_client.post("/v1/verify", json={"claim": "Xi has met Putin in person 39 times."})
    assert response.status_code == 200
    report = response.get_json()
    check_report_shape(report)
    top = report["sources"][0]
    assert top["source_id"] == "004_6fc21848e5ec9465"
    text = (SEEDS / f"{top['source_id']}.txt").read_text(encoding="utf-8")
    for p in top["passages"]:
        assert text[p["start"] : p["end"]] == p["text"]


def test_a_question_is_answered_with_a_note_on_how_it_was_read(seeded_client: FlaskClient) -> None:
    batch = {"claims": ["Xi has met Putin in person 39 times.", "Has Xi met Putin in person 39 times?"]}
    statement, question = seeded_client.post("/v1/verify/batch", json=batch).get_json()["results"]
    check_report_shape(question)
    assert question["claim"] == "Has Xi met Putin in person 39 times?"
    assert statement["notes"] == [] and question["notes"][0].startswith("read as a yes/no question")
    assert question["verdict"] == statement["verdict"]


def test_verify_options(seeded_client: FlaskClient) -> None:
    body = {"claim": "Xi will visit Moscow.", "top_k": 2, "source_ids": ["000_4bd38a09334b47d0"], "min_similarity": 0.1}
    report = seeded_client.post("/v1/verify", json=body).get_json()
    assert {s["source_id"] for s in report["sources"]} <= {"000_4bd38a09334b47d0"}
    assert sum(len(s["passages"]) for s in report["sources"]) <= 2
    unknown = seeded_client.post("/v1/verify", json={**body, "source_ids": ["000_4bd38a09334b47d0", "typo"]})
    assert unknown.status_code == 422 and unknown.content_type == "application/problem+json"
    problem = unknown.get_json()
    assert problem["type"].endswith("/unknown-source") and "'typo'" in problem["detail"]


def test_a_date_window_cites_only_what_was_published_in_it(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app().test_client()
    for source_id, day in (("early", "2024-03-01"), ("late", "2024-06-01T08:00:00Z")):
        text = "The harbour closed after a storm damaged the pier. Repairs will take three weeks."
        body = {"source_id": source_id, "published_at": day, "text": text}
        assert client.post("/v1/articles", json=body).status_code == 201
    claim = "A storm damaged the harbour pier."

    def cited(**window: str) -> list[str]:
        response = client.post("/v1/verify/batch", json={"claims": [claim], **window})
        assert response.status_code == 200, response.get_json()
        return sorted(s["source_id"] for s in response.get_json()["results"][0]["sources"])

    assert cited() == ["early", "late"]
    found = client.get("/v1/search?q=storm%20damaged%20pier&k=5&published_from=2024-06-01").get_json()
    assert {hit["source_id"] for hit in found["results"]} == {"late"}
    assert cited(published_to="2024-05-31") == ["early"]
    assert cited(published_from="2024-06-01", published_to="2024-06-01") == ["late"]
    backwards = client.post(
        "/v1/verify", json={"claim": claim, "published_from": "2024-06-02", "published_to": "2024-06-01"}
    )
    assert backwards.status_code == 422 and "is after published_to" in backwards.get_json()["detail"]
    assert client.post("/v1/verify", json={"claim": claim, "published_to": "June"}).status_code == 422


def test_a_claim_is_dated_from_the_day_it_was_made(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app().test_client()
    body = {"source_id": "harbour", "text": "The harbour closed on March 1 after a storm damaged the pier."}
    assert client.post("/v1/articles", json=body).status_code == 201
    claim = "The harbour closed last week after a storm."
    one = client.post("/v1/verify", json={"claim": claim, "claimed_on": "2024-03-20"}).get_json()
    batch = client.post("/v1/verify/batch", json={"claims": [claim], "claimed_on": "2024-03-20"}).get_json()
    for report in (one, batch["results"][0]):
        found = [r for s in report["sources"] for p in s["passages"] for r in p["reasons"]]
        assert "date mismatch: claim March 11-17 (last week), passage March 1" in found
    bad = client.post("/v1/verify", json={"claim": claim, "claimed_on": "March 20"})
    assert bad.status_code == 422 and "claimed_on" in bad.get_json()["errors"]["json"]


def test_a_placeholder_date_at_the_end_of_the_calendar_is_not_a_500(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app().test_client()
    body = {"source_id": "pier", "text": "The pier reopened on Monday after a storm.", "published_at": "9999-12-31"}
    assert client.post("/v1/articles", json=body).status_code == 201
    for extra in ({}, {"claimed_on": "0001-01-01"}):
        answer = client.post("/v1/verify", json={"claim": "The pier reopened on Monday.", **extra})
        assert answer.status_code == 200 and answer.get_json()["sources"][0]["source_id"] == "pier"


def test_claim_limits(make_app) -> None:  # type: ignore[no-untyped-def]
    client = make_app(max_claim_chars=20).test_client()
    too_long = client.post("/v1/verify", json={"claim": "x" * 21})
    assert too_long.status_code == 422 and "limit is 20" in too_long.get_json()["detail"]
    assert client.post("/v1/verify", json={"claim": "   "}).status_code == 422
    assert client.post("/v1/verify", json={"claim": "ok", "top_k": 0}).status_code == 422
    wordless = client.post("/v1/verify", json={"claim": "\u0000 🙂 ?!"})
    assert wordless.status_code == 422 and wordless.get_json()["detail"] == "the claim has no letters or digits"
    batch = client.post("/v1/verify/batch", json={"claims": ["Xi flew.", "…"]})
    assert batch.status_code == 422 and batch.get_json()["detail"] == "claim 2 has no letters or digits"
    half_pair = client.post("/v1/verify/batch", json={"claims": ["Xi flew.", "Xi \ud83c flew."]})
    assert half_pair.status_code == 422
    assert half_pair.get_json()["errors"]["json"]["claims"] == {
        "1": ["not valid Unicode: an unpaired surrogate (U+D83C) at character 3"]
    }
    search = client.get("/v1/search?q=%E2%80%A6")
    assert search.status_code == 422 and search.get_json()["type"].endswith("/invalid-input")


def test_batch_verification_keeps_order_and_is_bounded(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(max_batch_claims=2)
    app.extensions["claimscope"].seed()
    client = app.test_client()
    claims = ["China published a position paper.", "Qin Gang spoke to Kuleba."]
    body = client.post("/v1/verify/batch", json={"claims": claims}).get_json()
    assert [r["claim"] for r in body["results"]] == claims
    assert client.post("/v1/verify/batch", json={"claims": claims * 2}).status_code == 422


def test_search(seeded_client: FlaskClient) -> None:
    body = seeded_client.get("/v1/search?q=informal%20dinner&k=3").get_json()
    assert len(body["results"]) == 3 and "informal dinner" in body["results"][0]["text"]
    assert set(body["results"][0]) == {"passage_id", "source_id", "text", "start", "end", "similarity"}
    assert seeded_client.get("/v1/search").status_code == 422


def test_health_ready_metrics(seeded_client: FlaskClient) -> None:
    assert seeded_client.get("/healthz").get_json() == {"status": "ok"}
    ready = seeded_client.get("/readyz").get_json()
    assert ready["articles"] == 5 and ready["passages"] == ready["index_size"] > 0
    assert ready["stance_model"] == seeded_client.application.extensions["claimscope"].stance_model.name
    assert "MiniLM" in ready["embedder"]
    seeded_client.post("/v1/verify", json={"claim": "Xi visits Moscow."})
    response = seeded_client.get("/metrics")
    assert response.content_type == "text/plain; version=1.0.0; charset=utf-8", "the exposition format's own type"
    metrics = response.get_data(as_text=True)
    assert 'claimscope_http_requests_total{method="POST",route="/v1/verify",status="200"}' in metrics
    assert "claimscope_index_passages" in metrics and "claimscope_model_inference_seconds" in metrics
