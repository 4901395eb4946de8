"""The labelled samples of bench/ (unseen, fresh, and fourth to forty-seventh): their claims name
articles that exist, and `eval claims` scores all of them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from service.pipeline import Pipeline
from service.pipeline.documents import read_articles
from service.pipeline.evaluate import eval_claims, read_jsonl

BENCH = Path(__file__).resolve().parents[2] / "bench"
SIDES = {
    "supported": ("supports",),
    "refuted": ("contradicts",),
    "conflicting": ("supports", "contradicts"),
    "not_enough_info": (),
}
# Each sample: its folder, articles, claims and expected source stances.
SAMPLES = [
    ("unseen", 7, 84, 68),
    ("fresh", 4, 58, 51),
    ("fourth", 3, 51, 47),
    ("fifth", 3, 45, 42),
    ("sixth", 4, 49, 82),
    ("seventh", 3, 68, 65),
    ("eighth", 3, 69, 66),
    ("ninth", 3, 45, 47),
    ("tenth", 3, 58, 55),
    ("eleventh", 3, 55, 51),
    ("twelfth", 3, 46, 43),
    ("thirteenth", 3, 63, 60),
    ("fourteenth", 3, 60, 57),
    ("fifteenth", 3, 53, 50),
    ("sixteenth", 3, 67, 63),
    ("seventeenth", 3, 60, 57),
    ("eighteenth", 3, 53, 50),
    ("nineteenth", 3, 61, 58),
    ("twentieth", 3, 52, 49),
    ("twentyfirst", 3, 51, 48),
    ("twentysecond", 3, 51, 48),
    ("twentythird", 3, 54, 51),
    ("twentyfourth", 3, 53, 50),
    ("twentyfifth", 3, 53, 50),
    ("twentysixth", 3, 58, 55),
    ("twentyseventh", 3, 56, 53),
    ("twentyeighth", 3, 55, 52),
    ("twentyninth", 3, 53, 50),
    ("thirtieth", 3, 56, 52),
    ("thirtyfirst", 3, 54, 50),
    ("thirtysecond", 3, 53, 50),
    ("thirtythird", 3, 53, 50),
    ("thirtyfourth", 3, 53, 50),
    ("thirtyfifth", 3, 53, 50),
    ("thirtysixth", 3, 54, 51),
    ("thirtyseventh", 3, 54, 51),
    ("thirtyeighth", 3, 54, 51),
    ("thirtyninth", 3, 54, 51),
    ("fortieth", 3, 54, 51),
    ("fortyfirst", 3, 54, 51),
    ("fortysecond", 3, 54, 51),
    ("fortythird", 3, 54, 51),
    ("fortyfourth", 3, 54, 51),
    ("fortyfifth", 3, 54, 51),
    ("fortysixth", 3, 54, 51),
    ("fortyseventh", 3, 54, 51),
    ("fortyeighth", 3, 54, 51),
    ("fortyninth", 3, 54, 51),
    ("fiftieth", 3, 54, 51),
    ("fiftyfirst", 3, 54, 51),
    ("fiftysecond", 3, 54, 51),
]


@pytest.mark.parametrize(("folder", "article_count", "claim_count", "stance_count"), SAMPLES)
def test_each_claim_names_the_articles_that_settle_it(
    folder: str, article_count: int, claim_count: int, stance_count: int
) -> None:
    articles = {a.source_id for a in read_articles([BENCH / folder / "articles"])}
    assert len(articles) == article_count
    claims = list(read_jsonl(BENCH / folder / "claims.jsonl"))
    assert len({c["id"] for c in claims}) == len(claims) == claim_count
    assert sum(len(c["supports"]) + len(c["contradicts"]) for c in claims) == stance_count
    for claim in claims:
        named = {side for side in ("supports", "contradicts") if claim[side]}
        assert named == set(SIDES[claim["verdict"]]), claim
        assert set(claim["supports"] + claim["contradicts"]) <= articles, claim


@pytest.mark.parametrize(("folder", "article_count", "claim_count", "stance_count"), SAMPLES)
def test_eval_claims_scores_every_claim(
    pipeline: Pipeline, folder: str, article_count: int, claim_count: int, stance_count: int
) -> None:
    score = eval_claims(pipeline, BENCH / folder / "claims.jsonl", BENCH / folder / "articles")
    line = score.summary()
    expected = rf"verdict_acc=\d+/{claim_count} stance_recall=\d+/{stance_count} wrong_stance=\d+ citations=0/0"
    assert re.fullmatch(expected, line), line
    assert len(score.rows) == claim_count
