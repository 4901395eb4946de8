"""Verify claims: retrieve passages, judge stance in one batch, aggregate, build the report.

The report is a plain dict in the pinned JSON shape (see README "JSON shape of a verification"),
shared by ``claimscope verify --json`` and ``POST /v1/verify``.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import numpy as np

from service.pipeline.aggregate import (
    NAMES_ONLY_HEADING_REASON,
    NEUTRAL,
    NEUTRAL_ROW,
    NO_AGE_REASON,
    NO_SPAN_REASON,
    OTHER_EVENT_REASON,
    SourceStance,
    Thresholds,
    Verdict,
    about_another_of_series,
    off_subject_reason,
    passage_stance,
    relevant,
    source_stance,
    too_far,
    verdict,
)
from service.pipeline.answers import answers_another_question
from service.pipeline.asked import answers_the_claim, gives_none_of_the_number, says_only_an_age
from service.pipeline.assertions import ANOTHER_QUESTION, is_heading, unasserted
from service.pipeline.conditions import CONDITION_ONLY, supposes_only
from service.pipeline.consistency import (
    CONCRETE_MISMATCHES,
    CORRECTED,
    DATE_MISMATCH,
    NAME_REASONS,
    NEGATION,
    NUMBER_MISMATCH,
    adjust,
    adjusted_kinds,
    has_reason,
    named_in_premise,
    reasons,
)
from service.pipeline.dates import is_dated_item, publication_date
from service.pipeline.embed import Embedder
from service.pipeline.figures import Figures, claim_figures, gives_figures
from service.pipeline.names import proper_words
from service.pipeline.negation import content_stems
from service.pipeline.overlap import (
    only_names_shared,
    only_topic_shared,
    shared_words,
    shares_event,
    topic_words,
)
from service.pipeline.pending import PENDING_ONLY, says_only_not_yet
from service.pipeline.premise import claim_premises, needs_context
from service.pipeline.questions import Reading, read_claim
from service.pipeline.retrieve import Candidate, retrieve
from service.pipeline.series import other_of_series
from service.pipeline.stance import NO_MODEL, StanceModel
from service.records import Article, SourceFilter
from service.settings import AdjustMode, ContextMode
from service.storage import Store

# Scores and similarities are rounded to what a report shows before they decide anything, so a
# passage shown at entailment 0.5 is judged at 0.5 against a 0.5 threshold, never at 0.49997.
REPORTED_DIGITS = 4


@dataclass(frozen=True)
class VerifyOptions:
    top_k: int
    candidates: int
    rrf_k: int
    lexical_match_budget: int
    min_similarity: float
    duplicate_similarity: float
    passages_per_source: int
    stance_context: ContextMode
    thresholds: Thresholds
    consistency_adjust: AdjustMode = "none"


def verify_claims(
    claims: Sequence[str],
    *,
    store: Store,
    embedder: Embedder,
    stance_model: StanceModel,
    options: VerifyOptions,
    sources: SourceFilter | None = None,
    claimed: date | None = None,
) -> list[dict[str, Any]]:
    """One report per claim, in order; stance for all claims runs as one batch. ``claimed``, the
    day the claims were made, dates their "last year" and "on Monday" for the consistency checks."""
    started = time.perf_counter()
    readings = [read_claim(claim) for claim in claims]
    statements = [reading.statement for reading in readings]  # a question is judged as its statement
    vectors = embedder.encode(statements)
    embedded = time.perf_counter()
    found = [
        retrieve(
            store,
            vectors[i],
            claim,
            top_k=options.top_k,
            candidates=options.candidates,
            rrf_k=options.rrf_k,
            lexical_match_budget=options.lexical_match_budget,
            min_similarity=options.min_similarity,
            duplicate_similarity=options.duplicate_similarity,
            sources=sources,
        )
        for i, claim in enumerate(statements)
    ]
    searched = time.perf_counter()
    articles = {sid: store.get_article(sid) for sid in {c.passage.source_id for cands in found for c in cands}}
    published = {sid: publication_date(a.published_at if a else None) for sid, a in articles.items()}
    headlines = {sid: a.title if a else None for sid, a in articles.items()}
    # is "Okafor" in "Okafor voted" a name? The claim's own capitals inside it count: "Ashbury Building
    # Society's chief economist" names Ashbury where no passage found does ("Ashbury's chief economist")
    propers = [
        proper_words([claim, *(c.passage.text for c in cands)]) for claim, cands in zip(statements, found, strict=True)
    ]
    premises = [
        claim_premises(store, claim, cands, options.stance_context, proper, published, headlines)
        for claim, cands, proper in zip(statements, found, propers, strict=True)
    ]
    pairs = [(text, claim) for claim, texts in zip(statements, premises, strict=True) for text in texts]
    scores = stance_model.predict(pairs)
    read = [
        (claim, c.passage, text, proper)
        for claim, cands, proper, texts in zip(statements, found, propers, premises, strict=True)
        for c, text in zip(cands, texts, strict=True)
    ]
    explanations = [
        reasons(claim, passage.text, published[passage.source_id], claimed, proper, text)
        for claim, passage, text, proper in read
    ]
    checks = [
        checked(claim, passage.text, text, why, proper)
        for (claim, passage, text, proper), why in zip(read, explanations, strict=True)
    ]
    kinds = adjusted_kinds(options.consistency_adjust)
    if kinds and len(scores) and stance_model.name != NO_MODEL:
        scores = np.stack([adjust(row, why, kinds) for row, why in zip(scores, explanations, strict=True)])
    scores = np.round(np.asarray(scores, dtype=np.float64), REPORTED_DIGITS)
    judged = time.perf_counter()
    timings = {
        "embed": _ms(embedded - started),
        "search": _ms(searched - embedded),
        "stance": _ms(judged - searched),
    }
    reports: list[dict[str, Any]] = []
    offset = 0
    for reading, cands, texts in zip(readings, found, premises, strict=True):
        report = _report(
            reading,
            cands,
            texts,
            scores[offset : offset + len(cands)],
            checks[offset : offset + len(cands)],
            articles,
            stance_model.name,
            options,
        )
        offset += len(cands)
        report["timings_ms"] = {**timings, "total": _ms(time.perf_counter() - started)}
        reports.append(report)
    return reports


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def about_another_event(claim: str, passage: str, found: list[str]) -> bool:
    """A timeline's item of another year than the claim's that repeats none of its words but its
    names ("2026 - Brightwater files for administration" for "Brightwater cut 1,100 jobs in 2023"):
    another event on the list, whose year the stance model reads as a contradiction (0.84,
    bench/twelfth)."""
    return is_dated_item(passage) and has_reason(found, DATE_MISMATCH) and not shares_event(claim, passage)


def about_another_subject(passage: str, found: list[str], named: bool = False) -> bool:
    """Whether a passage lacks a name the claim relies on (``found``: its consistency reasons) while
    naming a subject of its own: one that leans on the sentence before ("He was convicted") may
    still be about the claim's subject, and one read after a sentence that gives the names it lacks
    (``named``: a headline, "Skylark Air narrows loss ...", before "Revenue rose 18% to £1.06
    billion", bench/fortyninth) is."""
    return has_reason(found, NAME_REASONS) and not needs_context(passage) and not named


def takes_no_side(claim: str, passage: str, found: list[str], premise: str | None = None) -> str | None:
    """Why a passage takes no side on ``claim`` at any thresholds, whatever the model reads in it
    (``found``: its consistency reasons; ``premise``: what the model read it as, the passage with
    its context), or None."""
    # an error the page corrects takes a side only on a claim that repeats it; an answer, on the
    # claim its question asks; a condition, on none that only its condition says; what has not
    # happened yet, on none of what will; a heading, on none of which it repeats only the names;
    # a passage about another of a numbered series ("Z2"), on none about the claim's ("Z3")
    return (
        (None if has_reason(found, CORRECTED) else unasserted(passage))
        or (ANOTHER_QUESTION if answers_another_question(claim, passage) else None)
        or (CONDITION_ONLY if supposes_only(claim, passage) else None)
        or (PENDING_ONLY if says_only_not_yet(claim, passage) else None)
        or (OTHER_EVENT_REASON if about_another_event(claim, passage, found) else None)
        or (NAMES_ONLY_HEADING_REASON if is_heading(passage) and only_names_shared(claim, passage) else None)
        or (_no_number_reason(claim) if gives_none_of_the_number(claim, passage) else None)
        or about_another_model(claim, passage, premise)
    )


def about_another_model(claim: str, passage: str, premise: str | None) -> str | None:
    """Why a passage that names another of a numbered series of the claim's and not the claim's
    own takes no side (``series``), or None. Read with the sentences before it (``premise``), a
    passage whose context names the claim's is about it: "The phone weighs 205g, a little heavier
    than last year's X4" after "Nimbus says the X5's battery lasts two days"."""
    other = other_of_series(claim, passage)
    if other is None or (premise is not None and other_of_series(claim, premise) is None):
        return None
    return about_another_of_series(*other)


class Checked(NamedTuple):
    """What the consistency checker found in a passage: its reasons, whether it or the sentences
    the stance model reads it after give every name the claim gives (``named``), and whether it
    answers the claim of the claim's subject (``answers``)."""

    reasons: list[str]
    named: bool
    answers: bool


def checked(claim: str, passage: str, premise: str, found: list[str], proper: Collection[str]) -> Checked:
    """A passage's reasons (``found``), read with its ``premise`` and the words the passages found for
    the claim write as names (``proper``). A passage whose context does not name what the claim
    names answers it only with a concrete mismatch ("More than 2,300 people objected to the plans"),
    not with a figure or move of something else ("Fares in Scotland ... will be frozen" for "Rail
    fares in England will be frozen", bench/twentysecond)."""
    named = named_in_premise(claim, passage, premise, proper)
    answers = (named or has_reason(found, CONCRETE_MISMATCHES)) and answers_the_claim(claim, passage)
    return Checked(found, named, answers)


def _no_number_reason(claim: str) -> str:
    return NO_AGE_REASON if says_only_an_age(claim) else NO_SPAN_REASON


def _why_no_side(
    claim: str,
    passage: str,
    premise: str,
    similarity: float,
    check: Checked,
    t: Thresholds,
    topic: frozenset[str],
) -> str | None:
    """Why a passage may take no side whatever the model reads in it, or None when it may take one."""
    found = check.reasons
    return takes_no_side(claim, passage, found, premise) or off_subject_reason(
        similarity,
        about_another_subject(passage, found, check.named),
        shared_words(claim, passage),
        t,
        shares_only_topic(claim, passage, found, topic),
    )


def gives_claims_figures(claimed: Figures | None, passage: str, found: list[str]) -> bool:
    """Whether a passage gives the claim's figures (``claimed``: None for a claim with none) and
    does not deny what it says of them (``found``: its consistency reasons)."""
    return claimed is not None and not has_reason(found, (NEGATION,)) and gives_figures(claimed, passage)


def shares_only_topic(claim: str, passage: str, found: list[str], topic: frozenset[str]) -> bool:
    """Whether a passage repeats none of the claim's words but its topic's (``found``: its
    consistency reasons), unless the claim says one word more of its topic at most, besides a number
    or a date, and the passage gives one of what it counts or dates: "Ellison, 34, beat five other
    writers" is about the age "Mara Ellison is 43" claims, though it does not repeat "Mara". A claim
    that says more ("will spend £24 million on road repairs") is not answered by another sum of its
    topic's."""
    if not only_topic_shared(claim, passage, topic):
        return False
    said = content_stems(claim) - topic
    return len(said) > 1 or not has_reason(found, (NUMBER_MISMATCH, DATE_MISMATCH))


class Judged(NamedTuple):
    """A retrieved passage with its calibrated (and adjusted) scores and reasons."""

    candidate: Candidate
    similarity: float  # the candidate's, to the digits a report shows and the thresholds read
    scores: np.ndarray
    reasons: list[str]
    decides: bool  # near enough to the claim to take a side (aggregate.relevant)
    answers: bool  # answers the claim of its subject (``Checked``)
    premise: str  # what the stance model read (``premise.claim_premises``)

    @property
    def counted(self) -> np.ndarray:
        """The scores the aggregation counts: neutral for a passage that may not take a side."""
        return self.scores if self.decides else NEUTRAL_ROW


def _report(
    reading: Reading,
    candidates: Sequence[Candidate],
    premises: Sequence[str],
    scores: np.ndarray,
    checks: Sequence[Checked],
    articles: dict[str, Article | None],
    model_name: str,
    options: VerifyOptions,
) -> dict[str, Any]:
    by_source: dict[str, list[Judged]] = {}
    t = options.thresholds
    similarities = [round(c.similarity, REPORTED_DIGITS) for c in candidates]
    topic = topic_words(reading.statement, [c.passage.text for c in candidates])
    off_subject_why = [
        _why_no_side(reading.statement, c.passage.text, premise, sim, check, t, topic)
        for c, premise, sim, check in zip(candidates, premises, similarities, checks, strict=True)
    ]
    deciding = relevant(list(scores), similarities, t, [off is not None for off in off_subject_why])
    for candidate, premise, sim, row, check, decides, off in zip(
        candidates, premises, similarities, scores, checks, deciding, off_subject_why, strict=True
    ):
        why = check.reasons if decides else [*check.reasons, off or too_far(sim, t.margin)]
        judged = Judged(candidate, sim, row, why, decides, check.answers, premise)
        by_source.setdefault(candidate.passage.source_id, []).append(judged)
    claimed = claim_figures(reading.statement)
    stances = {
        sid: source_stance(
            [item.counted for item in items],
            t,
            [item.similarity for item in items],
            [has_reason(item.reasons, CONCRETE_MISMATCHES) for item in items],
            [gives_claims_figures(claimed, item.candidate.passage.text, item.reasons) for item in items],
            [item.answers for item in items],
        )
        for sid, items in by_source.items()
    }
    overall = verdict(list(stances.values()), t)
    if model_name == NO_MODEL:  # nothing was judged: no confidence to report
        overall = Verdict(overall.verdict, 0.0)
        stances = {sid: SourceStance(s.stance, 0.0) for sid, s in stances.items()}
    sources = [
        _source_entry(sid, items, stances[sid], articles[sid], options)
        for sid, items in sorted(by_source.items(), key=lambda kv: _source_order(kv[1], stances[kv[0]]))
    ]
    return {
        "claim": reading.claim,
        "verdict": overall.verdict,
        "confidence": overall.confidence,
        "stance_model": model_name,
        "sources": sources,
        "notes": reading.notes,
    }


def _source_order(items: list[Judged], stance: SourceStance) -> tuple[float, ...]:
    decided = stance.stance != NEUTRAL
    closest = max(item.candidate.similarity for item in items)
    return (-float(decided), -(stance.confidence if decided else 0.0), -closest)


def _source_entry(
    source_id: str,
    items: list[Judged],
    stance: SourceStance,
    article: Article | None,
    options: VerifyOptions,
) -> dict[str, Any]:
    ranked = sorted(items, key=lambda it: _citation_rank(it, stance.stance, options.thresholds))
    cited = ranked[: options.passages_per_source]
    return {
        "source_id": source_id,
        "title": article.title if article else None,
        "url": article.url if article else None,
        "outlet": article.outlet if article else None,
        "published_at": article.published_at if article else None,
        "stance": stance.stance,
        "confidence": stance.confidence,
        "passages": [_passage_entry(item, options.thresholds) for item in cited],
    }


def _citation_rank(item: Judged, stance: str, thresholds: Thresholds) -> tuple[int, float, float]:
    """Passages on the source's side first, then those on the other side, then the neutral ones:
    an article that says "fell to 3.2% in October" and "down from 3.8% in September" shows the
    reader both, where ranking every passage by the winning side's probability cited neutral
    passages that came close to it ahead of the one that took the other side."""
    side = passage_stance(item.counted, thresholds)
    group = 2 if side == NEUTRAL else 0 if side == stance else 1
    return (group, -_strength(item.counted, side if group < 2 else stance), -item.candidate.similarity)


def _strength(row: np.ndarray, stance: str) -> float:
    return float(row[0]) if stance == "supports" else float(row[2]) if stance == "contradicts" else 0.0


def _passage_entry(item: Judged, thresholds: Thresholds) -> dict[str, Any]:
    p, row = item.candidate.passage, item.scores
    return {
        "passage_id": p.id,
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "stance": passage_stance(item.counted, thresholds),
        "scores": {
            "entailment": float(row[0]),
            "neutral": float(row[1]),
            "contradiction": float(row[2]),
        },
        "similarity": item.similarity,
        "reasons": item.reasons,
        "read_as": item.premise,
    }
