"""bench/unseen/: the labelled claims name articles that exist, and `eval claims` scores all of them."""

from __future__ import annotations

import re
from pathlib import Path

from service.pipeline import Pipeline
from service.pipeline.documents import read_articles
from service.pipeline.evaluate import eval_claims, read_jsonl

UNSEEN = Path(__file__).resolve().parents[2] / "bench" / "unseen"
SIDES = {"supported": ("supports",), "refuted": ("contradicts",), "not_enough_info": ()}


def test_each_claim_names_the_articles_that_settle_it() -> None:
    articles = {a.source_id for a in read_articles([UNSEEN / "articles"])}
    assert len(articles) == 7
    claims = list(read_jsonl(UNSEEN / "claims.jsonl"))
    assert len({c["id"] for c in claims}) == len(claims) == 84
    for claim in claims:
        named = {side for side in ("supports", "contradicts") if claim[side]}
        assert named == set(SIDES[claim["verdict"]]), claim
        assert set(claim["supports"] + claim["contradicts"]) <= articles, claim


def test_eval_claims_scores_every_unseen_claim(pipeline: Pipeline) -> None:
    score = eval_claims(pipeline, UNSEEN / "claims.jsonl", UNSEEN / "articles")
    line = score.summary()
    assert re.fullmatch(r"verdict_acc=\d+/84 stance_recall=\d+/68 wrong_stance=\d+ citations=0/0", line), line
    assert len(score.rows) == 84
