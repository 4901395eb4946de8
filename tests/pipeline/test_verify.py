"""End to end over the seeds with the real embedder, SQLite and FAISS."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from service.errors import EmptyTextError, InvalidInputError, NotFoundError, UnknownSourceError
from service.pipeline import Pipeline
from service.pipeline.consistency import ADJUST_SHARES, NEGATION
from service.pipeline.embed import Embedder
from service.pipeline.stance import NoStanceModel, default_stance_dir
from service.records import ArticleInput
from service.settings import Settings
from tests.conftest import SEEDS, make_pipeline

PASSAGE_KEYS = {"passage_id", "text", "start", "end", "stance", "scores", "similarity", "reasons", "read_as"}
SOURCE_KEYS = {"source_id", "title", "url", "outlet", "published_at", "stance", "confidence", "passages"}
REPORT_KEYS = {"claim", "verdict", "confidence", "stance_model", "sources", "notes", "timings_ms"}


def check_report_shape(report: dict) -> None:
    assert set(report) == REPORT_KEYS
    assert set(report["timings_ms"]) == {"embed", "search", "stance", "total"}
    assert 0.0 <= report["confidence"] <= 1.0
    for source in report["sources"]:
        assert set(source) == SOURCE_KEYS
        assert source["stance"] in {"supports", "contradicts", "neutral"}
        for passage in source["passages"]:
            assert set(passage) == PASSAGE_KEYS
            assert set(passage["scores"]) == {"entailment", "neutral", "contradiction"}
    json.dumps(report)


def test_seeded_store_holds_every_seed(seeded: Pipeline) -> None:
    ids = {a.source_id for a in seeded.store.list_articles()}
    assert ids == {p.stem for p in SEEDS.glob("*.txt")}
    assert seeded.store.index.size == seeded.store.counts()[1] > 50


def test_verify_cites_the_right_passage_with_exact_offsets(seeded: Pipeline) -> None:
    report = seeded.verify("Xi last visited Russia in 2017.")
    check_report_shape(report)
    if default_stance_dir() is not None:
        assert report["stance_model"] != "none", "the shipped stance model is the default"
    cited = [(s["source_id"], p) for s in report["sources"] for p in s["passages"]]
    assert cited, "similar passages are found"
    for source_id, passage in cited:
        text = (SEEDS / f"{source_id}.txt").read_text(encoding="utf-8")
        assert text[passage["start"] : passage["end"]] == passage["text"]
    best_source, best = max(cited, key=lambda c: c[1]["similarity"])
    assert best_source == "001_da3d475bf2e434d8"
    assert "last visited Russia in 2019" in best["text"]


def test_without_a_stance_model_the_answer_is_honest(seeded: Pipeline) -> None:
    seeded.stance_model = NoStanceModel()
    report = seeded.verify("China published a 12-point position paper on the war in Ukraine.")
    assert report["verdict"] == "not_enough_info" and report["confidence"] == 0.0
    for source in report["sources"]:
        assert source["stance"] == "neutral"
        for p in source["passages"]:
            assert p["scores"] == {"entailment": 0.0, "neutral": 1.0, "contradiction": 0.0}
    sims = [max(p["similarity"] for p in s["passages"]) for s in report["sources"]]
    assert sims == sorted(sims, reverse=True), "sources are ranked by similarity"


def test_source_filter_and_top_k(seeded: Pipeline) -> None:
    report = seeded.verify("Putin and Xi will have dinner on Monday.", source_ids=["000_4bd38a09334b47d0"], top_k=2)
    assert [s["source_id"] for s in report["sources"]] == ["000_4bd38a09334b47d0"]
    assert sum(len(s["passages"]) for s in report["sources"]) <= 2


def test_an_unknown_source_filter_is_an_error_not_a_verdict(seeded: Pipeline) -> None:
    with pytest.raises(UnknownSourceError, match="source_id 'nope', 'nope-2'$"):
        seeded.verify("Xi will visit Moscow.", source_ids=["000_4bd38a09334b47d0", "nope-2", "nope"])


def test_min_similarity_filters_unrelated_claims(seeded: Pipeline) -> None:
    report = seeded.verify("The recipe needs two cups of flour and an egg.", min_similarity=0.5)
    assert report["sources"] == []
    assert report["verdict"] == "not_enough_info"


def test_lexical_retrieval_finds_exact_numbers(seeded: Pipeline) -> None:
    report = seeded.verify("39", min_similarity=-1.0)
    texts = [p["text"] for s in report["sources"] for p in s["passages"]]
    assert any("39 times" in t for t in texts)


def test_batch_verification_keeps_order(seeded: Pipeline) -> None:
    claims = ["Xi will visit Moscow.", "Qin Gang spoke to Dmytro Kuleba."]
    reports = seeded.verify_many(claims)
    assert [r["claim"] for r in reports] == claims


def test_a_claim_gets_the_same_report_alone_and_in_a_batch(seeded: Pipeline) -> None:
    """Stance for a batch of claims is judged together; no claim's scores may depend on the others."""
    claims = ["Xi will visit Moscow.", "China published a peace plan.", "Putin and Xi will have lunch on Monday."]
    batched = seeded.verify_many(claims)
    for claim, in_batch in zip(claims, batched, strict=True):
        alone = seeded.verify(claim)
        assert {**alone, "timings_ms": None} == {**in_batch, "timings_ms": None}, claim


def test_ingest_is_idempotent_and_replaces_changed_text(pipeline: Pipeline) -> None:
    article = ArticleInput("harbour", "The harbour closed on Tuesday. Repairs will take three weeks.", title="Harbour")
    assert [r.status for r in pipeline.ingest([article])] == ["created"]
    first_ids = pipeline.store.index.ids().tolist()
    assert [r.status for r in pipeline.ingest([article])] == ["unchanged"]
    assert pipeline.store.index.ids().tolist() == first_ids
    renamed = ArticleInput("harbour", article.text, title="Harbour closes")
    assert [r.status for r in pipeline.ingest([renamed])] == ["updated"]
    assert pipeline.store.get_article("harbour").title == "Harbour closes"
    changed = ArticleInput(
        "harbour", "The harbour reopened on Friday. Ferries are running again. Fees rose by a third."
    )
    result = pipeline.ingest([changed])[0]
    assert result.status == "replaced" and result.passage_count == 3
    assert not set(first_ids) & set(pipeline.store.index.ids().tolist())
    report = pipeline.verify("Ferries are running again.")
    assert "Ferries are running again." in [p["text"] for p in report["sources"][0]["passages"]]


def test_relative_dates_are_read_from_the_day_the_article_was_published(pipeline: Pipeline) -> None:
    text = "The harbour reopened last year after a storm wrecked the pier. Ferries run every hour."
    pipeline.ingest([ArticleInput("dated", text, published_at="2024-03-05T09:30:00Z"), ArticleInput("undated", text)])

    def reasons_by_source(claim: str) -> dict[str, list[str]]:
        report = pipeline.verify(claim)
        return {s["source_id"]: [r for p in s["passages"] for r in p["reasons"]] for s in report["sources"]}

    wrong_year = reasons_by_source("The harbour reopened in 2022.")
    assert "date mismatch: claim 2022, passage 2023 (last year)" in wrong_year["dated"]
    assert not any(r.startswith("date mismatch") for r in wrong_year["undated"])
    right_year = reasons_by_source("The harbour reopened in 2023.")
    assert not any(r.startswith("date mismatch") for found in right_year.values() for r in found)


def test_the_stance_model_reads_last_year_as_the_year_it_means(pipeline: Pipeline) -> None:
    """Read as written, "last year" against the claim's 2024 came out a contradiction (0.63)."""
    text = "Veltra sold 1.9 million vehicles last year. Its shares closed lower on Friday."
    pipeline.ingest([ArticleInput("sales", text, published_at="2025-02-14")])
    report = pipeline.verify("Veltra sold 1.9 million vehicles in 2024.")
    assert report["verdict"] == "supported"
    cited = report["sources"][0]["passages"][0]
    assert (cited["text"], cited["stance"]) == ("Veltra sold 1.9 million vehicles last year.", "supports")
    assert text[cited["start"] : cited["end"]] == cited["text"], "the citation keeps the article's words"


def reasons_by_passage(pipeline: Pipeline, claim: str, kind: str, **options: Any) -> dict[str, list[str]]:
    """The reasons of one ``kind`` on each cited passage (by its text) of the one source that answers ``claim``."""
    [source] = pipeline.verify(claim, **options)["sources"]
    return {p["text"]: [r for r in p["reasons"] if r.startswith(kind)] for p in source["passages"]}


def test_a_day_of_the_week_is_dated_from_the_day_the_article_was_published(pipeline: Pipeline) -> None:
    text = "The harbour closed on Tuesday after a storm damaged the pier. Repairs will take three weeks."
    pipeline.ingest([ArticleInput("tuesday", text, published_at="2024-03-05")])  # a Tuesday

    def date_reasons(claim: str) -> list[str]:
        return [r for found in reasons_by_passage(pipeline, claim, "date mismatch").values() for r in found]

    assert date_reasons("The harbour closed on March 20 after a storm.") == [
        "date mismatch: claim March 20, passage March 5 (Tuesday)"
    ]
    assert date_reasons("The harbour closed on March 5 after a storm.") == []


def test_a_claim_that_opens_with_a_surname_is_checked_for_it(pipeline: Pipeline) -> None:
    text = (
        "The council voted 7-2 to approve the budget. Councilman David Okafor voted against it."
        " Police said the vote was calm, and the police chief agreed."
    )
    pipeline.ingest([ArticleInput("council", text)])

    def name_reasons(claim: str) -> dict[str, list[str]]:
        return reasons_by_passage(pipeline, claim, "not in passage", top_k=3)

    # the passages write Okafor inside a sentence, so the claim's first word is a name they may lack
    okafor = name_reasons("Okafor voted for the budget.")
    assert okafor["The council voted 7-2 to approve the budget."] == ["not in passage: Okafor"]
    assert okafor["Councilman David Okafor voted against it."] == []
    # they write police in lower case: a sentence start, not a name
    police = name_reasons("Police approved the budget.")
    assert all(found == [] for found in police.values())


def test_a_claim_is_dated_from_the_day_it_was_made(pipeline: Pipeline) -> None:
    pipeline.ingest([ArticleInput("harbour", "The harbour closed on March 1 after a storm damaged the pier.")])

    def date_reasons(claimed_on: str | None) -> list[str]:
        claim = "The harbour closed last week after a storm."
        found = reasons_by_passage(pipeline, claim, "date mismatch", claimed_on=claimed_on)
        return [r for reasons in found.values() for r in reasons]

    assert date_reasons("2024-03-20") == ["date mismatch: claim March 11-17 (last week), passage March 1"]
    assert date_reasons("2024-03-06T09:00:00+01:00") == []  # the week of February 26
    assert date_reasons(None) == [], "a claim made no known day says nothing of 'last week'"
    with pytest.raises(InvalidInputError, match="claimed_on 'last Monday' is not an ISO 8601 date"):
        pipeline.verify("The harbour closed last week.", claimed_on="last Monday")


def test_an_undated_article_takes_the_day_of_its_published_line(pipeline: Pipeline) -> None:
    stamped = "Published 5 March 2024, 10:42 GMT\nThe harbour reopened last year after a storm wrecked the pier."
    pipeline.ingest([ArticleInput("stamped", stamped), ArticleInput("given", stamped, published_at="2025-01-02")])
    assert pipeline.store.get_article("stamped").published_at == "2024-03-05"
    assert pipeline.store.get_article("given").published_at == "2025-01-02"
    assert [p.text for p in pipeline.store.passages_of("stamped")] == [stamped.splitlines()[1]]
    report = pipeline.verify("The harbour reopened in 2023.")
    reasons = {s["source_id"]: [r for p in s["passages"] for r in p["reasons"]] for s in report["sources"]}
    assert reasons["stamped"] == [] and reasons["given"] == ["date mismatch: claim 2023, passage 2024 (last year)"]


def test_delete(pipeline: Pipeline) -> None:
    pipeline.ingest([ArticleInput("a1", "One sentence about rivers here. Another one about lakes there.")])
    pipeline.delete("a1")
    assert pipeline.store.counts() == (0, 0) and pipeline.store.index.size == 0
    with pytest.raises(NotFoundError):
        pipeline.delete("a1")


def test_bad_articles_store_nothing(pipeline: Pipeline) -> None:
    good = ArticleInput("good", "A perfectly fine sentence is here. And another one follows it.")
    with pytest.raises(EmptyTextError):
        pipeline.ingest([good, ArticleInput("bad", "Hide Ad\n\nAdvertisement")])
    with pytest.raises(InvalidInputError):
        pipeline.ingest([good, ArticleInput("bad id!", "Some text that is fine here.")])
    assert pipeline.store.counts() == (0, 0)


def test_restart_persistence(pipeline: Pipeline, embedder, settings) -> None:
    pipeline.ingest([ArticleInput("p1", "Glaciers in the Alps shrank by a tenth last year.")])
    pipeline.close()
    again = make_pipeline(settings, embedder)
    report = again.verify("Alpine glaciers shrank.")
    assert report["sources"][0]["source_id"] == "p1"
    again.close()


def test_html_is_reduced_to_article_text(pipeline: Pipeline, tmp_path: Path) -> None:
    from service.pipeline.documents import read_file

    page = tmp_path / "page.html"
    body = " ".join(f"<p>Paragraph {i} says the bridge opened in May after years of work.</p>" for i in range(6))
    page.write_text(
        "<html><head><title>Bridge opens</title><script>var x = 1;</script></head>"
        f"<body><nav>Home | News</nav><article><h1>Bridge opens</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    [article] = list(read_file(page))
    assert "var x" not in article.text and "Paragraph 3 says" in article.text
    pipeline.ingest([article])
    stored = pipeline.store.get_article("page")
    for p in pipeline.store.passages_of("page"):
        assert stored.text[p.start : p.end] == p.text


def test_numbers_are_compared_only_with_numbers_of_the_same_thing(pipeline: Pipeline) -> None:
    text = (
        "Orbix said it would cut about 1,200 jobs after its quarterly profit fell 35%."
        " The company's shares fell 12% in Copenhagen trading."
        " The central bank raised its main rate to 4.75% on the same day."
    )
    pipeline.ingest([ArticleInput("orbix", text)])

    def number_reasons(claim: str) -> dict[str, list[str]]:
        return reasons_by_passage(pipeline, claim, "number mismatch", top_k=3)

    # shares against shares, never against profit; a fall against a fall, never against a rate's level
    assert all(found == [] for found in number_reasons("Orbix shares fell 12%.").values())
    jobs = number_reasons("Orbix will cut 2,000 jobs.")  # a count, not the year 2000
    assert jobs[text.split(" The")[0]] == ["number mismatch: claim 2000, passage about 1200"]


def test_a_passage_that_turns_the_claims_direction_around_contradicts_it(pipeline: Pipeline) -> None:
    text = "Annual inflation fell to 3.2% in October, down from 3.8% in September, the statistics office said."
    pipeline.ingest([ArticleInput("inflation", text)])
    found = reasons_by_passage(pipeline, "Inflation rose in October.", "direction mismatch")
    assert list(found.values()) == [["direction mismatch: claim rose, passage fell"]]
    [source] = pipeline.verify("Inflation rose in October.")["sources"]
    assert source["stance"] == "contradicts"


def test_a_passage_that_denies_the_claim_in_its_words_moves_towards_contradiction_by_default(
    pipeline: Pipeline,
) -> None:
    """Acting on negation is the default: a fifth of the entailment of a passage that says the call
    did not happen moves to contradiction. The stance that comes out is not asserted: the shipped
    model's int8 scores for this pair sit near the line and differ by CPU (0.54 entailment against
    0.42 on one machine, 0.64 against 0.31 on an AVX2-only one)."""
    text = (
        "The two leaders, who have met several times at summits, have not held a phone call since the "
        "border clashes began last year."
    )
    pipeline.ingest([ArticleInput("leaders", text)])
    claim = "The two leaders have held a phone call since the border clashes began."
    [source] = pipeline.verify(claim)["sources"]
    [passage] = source["passages"]
    assert passage["reasons"][0].startswith('negated in passage: "not held a phone call')
    [plain] = scores_acting_on(pipeline, "numbers,dates,direction", claim)
    acted = passage["scores"]
    moved = round(plain["entailment"] * ADJUST_SHARES[NEGATION], 4)
    assert acted["entailment"] == pytest.approx(plain["entailment"] - moved, abs=2e-4)
    assert acted["contradiction"] == pytest.approx(plain["contradiction"] + moved, abs=2e-4)
    assert acted["neutral"] == plain["neutral"]


def test_a_passage_that_reverses_who_did_what_contradicts_the_claim_by_default(pipeline: Pipeline) -> None:
    """Without acting on roles, the shipped model supports the reversed claim: the same words with
    the names the other way round are, for it, the same sentence."""
    text = "Ashford Town beat Kelso United 3-1 at home on Saturday, their first win of the season."
    pipeline.ingest([ArticleInput("match", text)])
    claim = "Kelso United beat Ashford Town."
    [source] = pipeline.verify(claim)["sources"]
    assert source["stance"] == "contradicts"
    assert source["passages"][0]["reasons"] == [
        'roles swapped: claim "Kelso United beat Ashford Town", passage "Ashford Town beat Kelso United"'
    ]
    assert [s["stance"] for s in pipeline.verify("Ashford Town beat Kelso United.")["sources"]] == ["supports"]
    assert stances_acting_on(pipeline, "numbers,dates,direction,negation", claim) == ["supports"]


def stances_acting_on(pipeline: Pipeline, mode: str, claim: str) -> list[str]:
    """The sources' stances on ``claim`` from a pipeline over the same store whose
    CLAIMSCOPE_CONSISTENCY_ADJUST is ``mode``."""
    return [source["stance"] for source in _verify_acting_on(pipeline, mode, claim)["sources"]]


def scores_acting_on(pipeline: Pipeline, mode: str, claim: str) -> list[dict[str, float]]:
    """The scores of every cited passage, as ``stances_acting_on`` reads stances."""
    report = _verify_acting_on(pipeline, mode, claim)
    return [passage["scores"] for source in report["sources"] for passage in source["passages"]]


def _verify_acting_on(pipeline: Pipeline, mode: str, claim: str) -> dict[str, Any]:
    lent = make_pipeline(dataclasses.replace(pipeline.settings, consistency_adjust=mode), pipeline.embedder)
    try:
        return lent.verify(claim)
    finally:
        lent.close()


def verdict_and_passages(pipeline: Pipeline, source_id: str, text: str, claim: str) -> tuple[str, dict[str, Any]]:
    """Ingest one article and verify ``claim`` against it: the verdict, and the cited passages by text."""
    pipeline.ingest([ArticleInput(source_id, text)])
    report = pipeline.verify(claim)
    [source] = report["sources"]
    return report["verdict"], {p["text"]: p for p in source["passages"]}


def test_a_closer_support_outweighs_a_mismatch_of_another_quantity(pipeline: Pipeline) -> None:
    """The dividend's 5% is a number mismatch against the claim's 12%, adjusted to a contradiction
    stronger than the model's support for the sentence that gives the 12%; that sentence is the
    closer of the two, and the evidence."""
    text = (
        "Tarrow, the country's fourth-largest grocer, reported a 12% rise in half-year profit on Wednesday."
        " Pre-tax profit rose to 412 million pounds. Tarrow raised its interim dividend by 5% to 4.2 pence a share."
    )
    verdict, cited = verdict_and_passages(pipeline, "grocer", text, "Tarrow's half-year profit rose 12%.")
    assert verdict == "supported"
    dividend = cited["Tarrow raised its interim dividend by 5% to 4.2 pence a share."]
    assert dividend["reasons"][:1] == ["number mismatch: claim 12, passage 5"]


def test_a_passage_that_says_the_named_company_lost_what_the_claim_says_it_won(pipeline: Pipeline) -> None:
    """ "The company" is named by the sentence before, which the stance model reads the passage with."""
    text = (
        "The case was brought by Hartwell Homes, a developer that planned 450 homes north of the town."
        " The company had lost its first challenge in the High Court last year."
    )
    verdict, cited = verdict_and_passages(
        pipeline, "court", text, "Hartwell Homes won its first challenge in the High Court."
    )
    assert verdict == "refuted"
    lost = cited["The company had lost its first challenge in the High Court last year."]
    assert "direction mismatch: claim won, passage lost" in lost["reasons"]
    assert lost["stance"] == "contradicts"


def test_a_passage_that_names_no_day_is_read_with_the_day_of_the_sentence_before(pipeline: Pipeline) -> None:
    """The stance model supports "broke out on a Monday" with "The blaze broke out at about 3 a.m."
    (0.74): the day is in the sentence before, which it reads the passage with, and the checker
    dates the passage by it."""
    text = (
        "Four workers were killed when a fire tore through a chemical plant in Ashby Vale early on Tuesday."
        " The blaze broke out at about 3 a.m. in a storage building at the site."
    )
    verdict, cited = verdict_and_passages(pipeline, "wire", text, "The fire broke out on a Monday.")
    assert verdict == "refuted"
    blaze = cited["The blaze broke out at about 3 a.m. in a storage building at the site."]
    assert blaze["reasons"][:1] == ["date mismatch: claim Monday, passage Tuesday"]


def test_a_question_or_a_quotation_with_no_speaker_takes_no_side(pipeline: Pipeline) -> None:
    """The stance model supports "Sugar makes children hyperactive" with the headline that asks it
    and the heading that quotes it; neither says it, and the articles find it false."""
    finding = (
        "At least 12 trials compared children given sugar with children given a placebo, and none found a "
        "difference in behaviour."
    )
    asked = {"asks": "Does sugar make children hyperactive?", "quotes": '"Sugar makes children hyperactive"'}
    pipeline.ingest([ArticleInput(source_id, f"{line}\n{finding}") for source_id, line in asked.items()])
    report = pipeline.verify("Sugar makes children hyperactive.")
    passages = {p["text"]: p for s in report["sources"] for p in s["passages"]}
    for line in asked.values():
        assert passages[line]["stance"] == "neutral"
        assert passages[line]["reasons"][-1].startswith("asserts nothing: ")
    assert report["verdict"] != "supported"


def test_a_fact_checks_rating_contradicts_the_claim_it_rates(pipeline: Pipeline) -> None:
    """The quoted myth alone asserts nothing; with its rating below it, the passage says the
    checker's verdict, cited with both lines, and the model reads "It is false that ..."."""
    text = (
        "Five health myths, checked\n"
        '1. "Coffee dehydrates you"\n'
        "Verdict: False\n"
        "Caffeine has a mild diuretic effect, but the water in a cup of coffee more than makes up for it.\n"
    )
    pipeline.ingest([ArticleInput("myths", text)])
    report = pipeline.verify("Coffee dehydrates you.")
    [source] = report["sources"]
    rated = next(p for p in source["passages"] if p["text"].endswith("Verdict: False"))
    assert text[rated["start"] : rated["end"]] == '"Coffee dehydrates you"\nVerdict: False'
    assert rated["stance"] == "contradicts"
    assert 'rated in passage: "Verdict: False"' in rated["reasons"]
    assert source["stance"] == "contradicts"


def test_a_question_answered_no_contradicts_the_claim_it_asks(pipeline: Pipeline) -> None:
    """The question alone asserts nothing and the bare "No." is too short to be a passage; together
    they say the page's answer, cited with both, and the model reads "It is false that ..."."""
    text = (
        "Flu vaccine: your questions answered\n"
        "Can the flu vaccine give you flu? No. The injected vaccine contains no live virus. "
        "Some people get a sore arm for a day or two.\n"
    )
    pipeline.ingest([ArticleInput("faq", text)])
    report = pipeline.verify("The flu vaccine can give you flu.")
    [source] = report["sources"]
    answered = next(p for p in source["passages"] if p["text"].startswith("Can the flu vaccine"))
    assert text[answered["start"] : answered["end"]] == "Can the flu vaccine give you flu? No."
    assert answered["stance"] == "contradicts"
    assert 'answered in passage: "No."' in answered["reasons"]
    assert source["stance"] == "contradicts"
    # read as "It is false that ...", it would contradict any claim on the topic: it answers only its own
    other = pipeline.verify("The flu vaccine is 60% effective.")
    cited = {p["text"]: p for s in other["sources"] for p in s["passages"]}
    question = cited["Can the flu vaccine give you flu? No."]
    assert question["stance"] == "neutral"
    assert question["reasons"][-1] == "asserts nothing: an answer to another question"


def test_a_timeline_item_of_another_event_takes_no_side(settings: Settings, embedder: Embedder) -> None:
    """Items of another year that share only the claim's names are other events on the list; the
    item of the claim's event still decides."""
    pipeline = make_pipeline(dataclasses.replace(settings, passages_per_source=5), embedder)
    try:
        _check_timeline(pipeline)
    finally:
        pipeline.close()


def _check_timeline(pipeline: Pipeline) -> None:
    text = (
        "Brightwater Mills: a timeline\n"
        "2020 - Brightwater closes all its shops for three months during the pandemic.\n"
        "2023 - Brightwater cuts 90 shops and 1,100 jobs after two years of losses.\n"
        "2026 - Brightwater files for administration, with 310 shops and 4,200 staff.\n"
    )
    pipeline.ingest([ArticleInput("timeline", text)])
    report = pipeline.verify("Brightwater cut 1,100 jobs in 2023.")
    passages = {p["text"][:4]: p for s in report["sources"] for p in s["passages"]}
    for year in ("2020", "2026"):
        assert passages[year]["stance"] == "neutral"
        assert (
            "about another event: a dated item that repeats none of the claim's words but its names"
            in (passages[year]["reasons"])
        )
    assert passages["2023"]["stance"] == "supports"
    assert report["verdict"] == "supported"
    wrong_year = pipeline.verify("Brightwater cut 1,100 jobs in 2021.")
    assert wrong_year["verdict"] == "refuted", "the item of the claim's event gives its year"
