"""Verification with scripted stance models over the seeds: how thresholds, floors, margins and
consistency adjustments act on the scores a model gives, and how a source cites its passages."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import numpy as np
import pytest

from service.pipeline import Pipeline
from service.pipeline.stance import NoStanceModel


class AlwaysContradicts(NoStanceModel):
    name = "test-contradicts"

    def predict(self, pairs):  # type: ignore[no-untyped-def]
        return np.tile(np.array([[0.05, 0.05, 0.9]], dtype=np.float32), (len(pairs), 1))


def test_stance_runs_through_the_interface(seeded: Pipeline) -> None:
    lent = Pipeline(seeded.settings, embedder=seeded.embedder, stance_model=AlwaysContradicts())
    try:
        report = lent.verify("China has condemned Russia's invasion of Ukraine.")
    finally:
        lent.close()
    assert report["verdict"] == "refuted" and report["stance_model"] == "test-contradicts"
    assert all(s["stance"] == "contradicts" for s in report["sources"])


class EntailsOnCounts(NoStanceModel):
    """Entailment for premises that give a number of times ("39 times"), neutral for the rest."""

    name = "test-entails-on-counts"

    def predict(self, pairs):  # type: ignore[no-untyped-def]
        rows = [[0.9, 0.05, 0.05] if re.search(r"\d times", premise) else [0.05, 0.9, 0.05] for premise, _ in pairs]
        return np.array(rows, dtype=np.float32).reshape(-1, 3)


def verify_adjusted(seeded: Pipeline, mode: str, stance_model: NoStanceModel, claim: str) -> dict[str, Any]:
    """Verify ``claim`` over the seeds with ``stance_model`` and CLAIMSCOPE_CONSISTENCY_ADJUST=``mode``."""
    settings = dataclasses.replace(seeded.settings, consistency_adjust=mode)
    lent = Pipeline(settings, embedder=seeded.embedder, stance_model=stance_model)
    try:
        return lent.verify(claim)
    finally:
        lent.close()


class OnTheSupportThreshold(NoStanceModel):
    """Entailment a hair under the default support threshold of 0.5, which a report shows as 0.5."""

    name = "test-on-the-threshold"

    def predict(self, pairs):  # type: ignore[no-untyped-def]
        return np.tile(np.array([[0.49996, 0.3, 0.20004]], dtype=np.float32), (len(pairs), 1))


def test_the_scores_a_report_shows_are_the_scores_that_decide(seeded: Pipeline) -> None:
    """A reader (or a tool re-aggregating the report) must be able to check each stance against the
    shown scores and thresholds: 0.5 shown is 0.5 judged."""
    report = verify_adjusted(
        seeded, "none", OnTheSupportThreshold(), "China has condemned Russia's invasion of Ukraine."
    )
    assert seeded.settings.support_threshold == 0.5
    shown = [p for s in report["sources"] for p in s["passages"] if "too far" not in " ".join(p["reasons"])]
    assert shown and all(p["scores"]["entailment"] == 0.5 and p["stance"] == "supports" for p in shown)
    assert report["verdict"] == "supported"


@pytest.mark.parametrize(
    ("mode", "stance"), [("numbers", "contradicts"), ("all", "contradicts"), ("dates", "supports")]
)
def test_the_adjust_setting_moves_stance_on_the_mismatches_it_names(seeded: Pipeline, mode: str, stance: str) -> None:
    report = verify_adjusted(seeded, mode, EntailsOnCounts(), "Xi and Putin have met in person 41 times.")
    judged = [s for s in report["sources"] if s["stance"] != "neutral"]
    assert [s["stance"] for s in judged] == [stance]
    assert any(r.startswith("number mismatch: claim 41") for p in judged[0]["passages"] for r in p["reasons"])


class UnsureOnCalls(NoStanceModel):
    """Leans to entailment (0.55 against 0.45) on premises about a phone call, neutral for the rest:
    the borderline case a negation is meant to tip."""

    name = "test-unsure-on-calls"

    def predict(self, pairs):  # type: ignore[no-untyped-def]
        rows = [[0.55, 0.0, 0.45] if "phone call" in premise else [0.05, 0.9, 0.05] for premise, _ in pairs]
        return np.array(rows, dtype=np.float32).reshape(-1, 3)


@pytest.mark.parametrize(("mode", "stance"), [("negation", "contradicts"), ("numbers,dates", "supports")])
def test_a_negated_passage_moves_stance_only_when_negation_is_adjusted(
    seeded: Pipeline, mode: str, stance: str
) -> None:
    report = verify_adjusted(seeded, mode, UnsureOnCalls(), "Xi has had a phone call with Volodymyr Zelensky.")
    denial = 'negated in passage: "not had a single phone call'
    denying = [s for s in report["sources"] if any(r.startswith(denial) for p in s["passages"] for r in p["reasons"])]
    assert [s["stance"] for s in denying] == [stance]


def verify_contradicted(seeded: Pipeline, claim: str, **settings: Any) -> dict[str, Any]:
    """The seeds' report on ``claim`` when every passage contradicts it, every judged passage cited;
    the topic-only floor is off unless given, so each test sees one rule at a time."""
    changed = dataclasses.replace(seeded.settings, passages_per_source=100, **{"topic_only_floor": 0.0, **settings})
    lent = Pipeline(changed, embedder=seeded.embedder, stance_model=AlwaysContradicts())
    try:
        return lent.verify(claim)
    finally:
        lent.close()


@pytest.mark.parametrize("floor", [0.0, 0.35])
def test_passages_about_another_subject_take_no_side_under_the_floor(seeded: Pipeline, floor: float) -> None:
    from service.pipeline.premise import needs_context

    claim = "Angela Merkel has condemned Russia's invasion of Ukraine."
    report = verify_contradicted(seeded, claim, relevance_margin=2.0, missing_name_floor=floor, word_overlap=0.0)
    passages = [p for s in report["sources"] for p in s["passages"]]
    silenced = 0
    for p in passages:
        about_others = any(r.startswith("not in passage: Angela Merkel") for r in p["reasons"])
        off = about_others and not needs_context(p["text"]) and p["similarity"] < floor
        silenced += off
        assert p["stance"] == ("neutral" if off else "contradicts"), p
        note = f"under {floor:g} for a passage about another subject"
        assert any(r.startswith("too far from the claim to take a side") and note in r for r in p["reasons"]) == off
    assert silenced > 0 if floor else silenced == 0
    assert silenced < len(passages), "a passage that names its subject by a pronoun, or a close one, keeps its side"


@pytest.mark.parametrize("share", [0.0, 0.3])
def test_passages_that_repeat_few_of_the_claims_words_take_no_side_under_the_floor(
    seeded: Pipeline, share: float
) -> None:
    from service.pipeline.overlap import shared_words

    claim = "The summit produced a new trade agreement."  # the seeds never say
    report = verify_contradicted(
        seeded, claim, relevance_margin=2.0, missing_name_floor=0.0, word_overlap=share, low_overlap_floor=0.4
    )
    passages = [p for s in report["sources"] for p in s["passages"]]
    silenced = 0
    for p in passages:
        off = shared_words(claim, p["text"]) < share and p["similarity"] < 0.4
        silenced += off
        assert p["stance"] == ("neutral" if off else "contradicts"), p
        note = "under 0.4 for a passage that repeats"
        assert any(r.startswith("too far from the claim to take a side") and note in r for r in p["reasons"]) == off
    assert silenced > 0 if share else silenced == 0
    assert silenced < len(passages)


@pytest.mark.parametrize("floor", [0.0, 0.5])
def test_passages_that_share_only_the_claims_topic_take_no_side_under_the_floor(seeded: Pipeline, floor: float) -> None:
    from service.pipeline.assertions import is_heading
    from service.pipeline.overlap import only_names_shared, only_topic_shared, topic_words

    claim = "Putin promised to build a railway to Beijing."  # the seeds never say
    report = verify_contradicted(
        seeded, claim, relevance_margin=2.0, missing_name_floor=0.0, word_overlap=0.0, topic_only_floor=floor
    )
    passages = [p for s in report["sources"] for p in s["passages"]]
    topic = topic_words(claim, [p["text"] for p in passages])
    assert topic, "most passages found name Putin or Beijing"
    silenced = 0
    for p in passages:
        off = only_topic_shared(claim, p["text"], topic) and p["similarity"] < floor
        silenced += off
        heading = is_heading(p["text"]) and only_names_shared(claim, p["text"])  # at any floor
        assert p["stance"] == ("neutral" if off or heading else "contradicts"), p
        note = f"under {floor:g} for a passage that shares only the claim's topic words"
        said = any(r.startswith("too far from the claim to take a side") and note in r for r in p["reasons"])
        assert said == (off and not heading), "a heading's own reason comes first"
    assert silenced > 0 if floor else silenced == 0
    assert silenced < len(passages)


def test_a_heading_that_repeats_only_the_claims_names_takes_no_side(seeded: Pipeline) -> None:
    from service.pipeline.assertions import is_heading

    claim = "Putin promised to build a railway to Beijing."
    report = verify_contradicted(seeded, claim, relevance_margin=2.0, missing_name_floor=0.0, word_overlap=0.0)
    passages = [p for s in report["sources"] for p in s["passages"]]
    reason = "too far from the claim to take a side: a heading that repeats none of the claim's words but its names"
    headings = [p for p in passages if reason in p["reasons"]]
    assert headings, "a seed's headline names Putin or Beijing and nothing else of the claim"
    for p in headings:
        assert is_heading(p["text"]) and p["stance"] == "neutral", p
    said = verify_contradicted(seeded, "Putin visited Beijing.", relevance_margin=2.0, word_overlap=0.0)
    cited = [p for s in said["sources"] for p in s["passages"] if p["text"] in {h["text"] for h in headings}]
    assert all(reason not in p["reasons"] for p in cited), "a heading that repeats what the claim says may take a side"


@pytest.mark.parametrize("margin", [0.0, 0.1, 2.0])
def test_only_passages_near_the_best_match_take_a_side(seeded: Pipeline, margin: float) -> None:
    claim = "China has condemned Russia's invasion of Ukraine."
    report = verify_contradicted(seeded, claim, relevance_margin=margin, missing_name_floor=0.0, word_overlap=0.0)
    passages = [p for s in report["sources"] for p in s["passages"]]
    best = max(p["similarity"] for p in passages)
    for p in passages:
        assert p["scores"]["contradiction"] >= 0.9 - 1e-3, "scores are reported as judged"
        near = p["similarity"] >= best - margin - 1e-6
        assert p["stance"] == ("contradicts" if near else "neutral")
        assert any(r.startswith("too far from the claim to take a side: similarity") for r in p["reasons"]) != near
    deciding = {s["source_id"] for s in report["sources"] if s["stance"] == "contradicts"}
    assert deciding == {
        s["source_id"] for s in report["sources"] if any(p["stance"] != "neutral" for p in s["passages"])
    }
    assert report["verdict"] == "refuted"
    if margin == 2.0:
        assert len(deciding) == len(report["sources"])
    if margin == 0.0:
        assert len(deciding) == 1


class ScoresTheTwoVisits(NoStanceModel):
    """Gives the passage on Xi's last visit (in 2019), the one on his visit next week and every other
    passage the scores its subclass names."""

    last_visit: list[float]
    next_week: list[float]
    elsewhere: list[float]

    def predict(self, pairs):  # type: ignore[no-untyped-def]
        def row(premise: str) -> list[float]:
            if "last visited Russia in 2019" in premise:
                return self.last_visit
            if "will visit Russia next week" in premise:
                return self.next_week
            return self.elsewhere

        return np.array([row(premise) for premise, _ in pairs], dtype=np.float32).reshape(-1, 3)


class TakesBothSides(ScoresTheTwoVisits):
    """Refutes with the passage on Xi's last visit, supports with the one on his visit next week, and
    leaves the rest neutral while leaning to contradiction (0.45): what a reader must not see cited
    ahead of the passage that takes the other side."""

    name = "test-takes-both-sides"
    last_visit, next_week, elsewhere = [0.05, 0.05, 0.9], [0.7, 0.25, 0.05], [0.1, 0.45, 0.45]


def test_a_source_cites_the_passage_on_the_other_side_before_neutral_ones(seeded: Pipeline) -> None:
    settings = dataclasses.replace(seeded.settings, passages_per_source=2, relevance_margin=2.0)
    lent = Pipeline(settings, embedder=seeded.embedder, stance_model=TakesBothSides())
    try:
        report = lent.verify("Xi last visited Russia in 2017.", source_ids=["001_da3d475bf2e434d8"])
    finally:
        lent.close()
    (source,) = report["sources"]
    assert source["stance"] == "contradicts"
    cited = [(p["stance"], p["text"]) for p in source["passages"]]
    assert [stance for stance, _ in cited] == ["contradicts", "supports"], cited
    assert "last visited Russia in 2019" in cited[0][1] and "will visit Russia next week" in cited[1][1]


class SupportsTheVisitNextWeekMore(ScoresTheTwoVisits):
    """Supports with the passage on Xi's visit next week more strongly (0.95) than it refutes with
    the one on his last visit (0.6); neutral elsewhere."""

    name = "test-supports-more"
    last_visit, next_week, elsewhere = [0.2, 0.2, 0.6], [0.95, 0.03, 0.02], [0.05, 0.9, 0.05]


@pytest.mark.parametrize(
    ("claim", "stance", "confidence"),
    [
        # the closest passage says 2019: a concrete mismatch, so its contradiction wins
        ("Xi last visited Russia in 2017.", "contradicts", 0.6),
        # the same scores with no mismatch to explain the contradiction: the stronger side wins
        ("Xi last visited Russia before the war in Ukraine.", "supports", 0.95),
    ],
)
def test_a_contradiction_the_checker_explains_beats_a_less_similar_support(
    seeded: Pipeline, claim: str, stance: str, confidence: float
) -> None:
    settings = dataclasses.replace(seeded.settings, consistency_adjust="none", relevance_margin=2.0)
    lent = Pipeline(settings, embedder=seeded.embedder, stance_model=SupportsTheVisitNextWeekMore())
    try:
        report = lent.verify(claim, source_ids=["001_da3d475bf2e434d8"])
    finally:
        lent.close()
    (source,) = report["sources"]
    sides = {p["stance"]: p for p in source["passages"] if p["stance"] != "neutral"}
    assert set(sides) == {"supports", "contradicts"}, source["passages"]
    assert sides["contradicts"]["similarity"] >= sides["supports"]["similarity"]
    assert (source["stance"], source["confidence"]) == (stance, confidence)
