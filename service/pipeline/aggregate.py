"""From passage probabilities to a stance per source, then to one verdict over sources.

Rules (thresholds are settings, documented in docs/config.md):

* relevance: a passage that would take a side keeps it only when its similarity to the claim is
  within ``margin`` of the most similar passage that takes a side; the rest count as neutral. The
  stance model picks a side on most passages that are on the topic but silent on the claim
  (models/README.md, known failure modes), and those are less similar to the claim than its
  evidence: on the dev claims of bench/verdicts.py they turned verdicts into ``conflicting``
  far more often than real disagreements did.
* other subjects: a passage that lacks a name the claim relies on while naming its own subject
  (it does not lean on the sentence before it) takes no side when its similarity to the claim is
  under ``missing_name_floor``. Such a passage is about someone or something else: the stance
  model supports "Oskar Lind was convicted" with "Finance Minister Jonas Berg criticised the
  decision" at 0.73. A passage that says "he" may still be the claim's evidence, so it keeps its
  side; so does a close paraphrase. Passages silenced this way do not set the margin's reference.
* few shared words: likewise, a passage that repeats under ``word_overlap`` of the claim's content
  words (``overlap.shared_words``) takes no side when its similarity is under ``low_overlap_floor``.
  The stance model refutes "Mira Holt was a teacher before entering politics" with "Holt has
  ruled out any deal with Homeland" at 0.76; evidence nearly always repeats some of the claim's
  words, and a paraphrase that does not is similar enough to keep its side.
* only the topic: likewise, a passage that repeats none of the claim's content words but its
  topic words (those that most passages found for the claim repeat: ``overlap.topic_words``)
  takes no side when its similarity is under ``topic_only_floor``. A page about one thing names
  it in most sentences, and the stance model takes a side on many of them: it refutes "The
  orvesiran trial enrolled more than 8,000 adults" with "Orvesiran is not yet approved by any
  regulator" at 0.84 (bench/eighth), where the name lifts the similarity over the other floors.
* passage: ``supports`` if P(entailment) >= support_threshold and beats P(contradiction);
  ``contradicts`` likewise with contradict_threshold; else ``neutral``.
* source: its strongest supporting and strongest contradicting passage compete; the stronger wins
  (equal strength -> neutral). Confidence is the winning probability; a neutral source's
  confidence is 1 - its strongest entailment or contradiction probability. One exception: a
  contradicting passage in which the consistency checker finds a concrete mismatch (a number, a
  date, a direction, swapped roles, or a fact-check's rating of the claim as false) wins when it
  is at least as close to the claim as every
  supporting passage. An article that says "net profit ... down from 630 million" is the
  evidence on "Orbix's profit rose"; a less similar sentence the model supports ("the job cuts
  come a year after Orbix bought ...") is the related-but-silent kind the margin above exists
  for, and the model's confidence in it says nothing about which is the evidence. The other way
  round, a supporting passage closer to the claim than every such contradiction leaves them out of
  the contest: "reported a 12% rise in half-year profit" is the evidence on "Tarrow's half-year
  profit rose 12%", and "raised its interim dividend by 5%", a number mismatch of another
  quantity, was made a contradiction (0.88) stronger than the support (0.77) by the adjustment,
  not by the model's reading. And such a contradiction that answers the claim (a figure of what
  its numbers count, a move of its kind said of the same thing: ``asked.answers_the_claim``)
  leaves out every support that does not answer it, however close: "More than 2,300 people
  objected" is the evidence on "Fewer than 1,000 people objected to the wind farm", not "The
  energy secretary has approved the wind farm" (0.66, bench/fortyseventh).
* verdict: with credible sources on both sides (each side's best >= conflict_threshold), the
  verdict is ``conflicting`` with confidence min(best support, best contradiction). Otherwise the
  side with the strongest source wins: confidence = noisy-OR of that side's sources, scaled by
  (1 - the other side's best). No support or contradiction at all -> ``not_enough_info``.

Everything is a pure function of its inputs, so verdicts are deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from service.settings import Settings

SUPPORTS, CONTRADICTS, NEUTRAL = "supports", "contradicts", "neutral"
ENT, NEU, CON = 0, 1, 2


@dataclass(frozen=True)
class Thresholds:
    support: float = 0.5
    contradict: float = 0.5
    conflict: float = 0.6
    margin: float = 2.0  # cosine similarities lie in [-1, 1]: 2.0 lets every passage take a side
    missing_name_floor: float = 0.0  # 0 lets every passage without the claim's names take a side
    word_overlap: float = 0.0  # 0 lets a passage that shares no word with the claim take a side
    low_overlap_floor: float = 0.0
    topic_only_floor: float = 0.0  # 0 lets a passage that shares only the claim's topic words take a side

    @classmethod
    def of(cls, settings: Settings) -> Thresholds:
        """The thresholds the settings configure (CLAIMSCOPE_*_THRESHOLD, CLAIMSCOPE_RELEVANCE_MARGIN,
        CLAIMSCOPE_MISSING_NAME_FLOOR, CLAIMSCOPE_WORD_OVERLAP, CLAIMSCOPE_LOW_OVERLAP_FLOOR,
        CLAIMSCOPE_TOPIC_ONLY_FLOOR)."""
        return cls(
            settings.support_threshold,
            settings.contradict_threshold,
            settings.conflict_threshold,
            settings.relevance_margin,
            settings.missing_name_floor,
            settings.word_overlap,
            settings.low_overlap_floor,
            settings.topic_only_floor,
        )


# The scores a passage outside the relevance margin is aggregated with, and the kind of reason
# it is reported with (reasons open with their kind, as consistency.REASON_KINDS do).
NEUTRAL_ROW = np.array([0.0, 1.0, 0.0], dtype=np.float32)
TOO_FAR = "too far from the claim to take a side"


def shown(similarity: float) -> str:
    """A similarity with the four decimals a report gives it, trailing zeros dropped: at two,
    0.3497 read "0.35, under 0.35"."""
    return f"{similarity:.4f}".rstrip("0").rstrip(".")


def too_far(similarity: float, margin: float) -> str:
    return f"{TOO_FAR}: similarity {shown(similarity)}, more than {margin:g} below the closest passage that takes one"


def too_far_without_names(similarity: float, floor: float) -> str:
    return f"{TOO_FAR}: similarity {shown(similarity)}, under {floor:g} for a passage about another subject"


def too_far_with_few_words(similarity: float, floor: float, overlap: float) -> str:
    return (
        f"{TOO_FAR}: similarity {shown(similarity)}, under {floor:g} for a passage that repeats "
        f"{overlap:.0%} of the claim's words"
    )


ANOTHER_EVENT = "about another event"
OTHER_EVENT_REASON = f"{ANOTHER_EVENT}: a dated item that repeats none of the claim's words but its names"
# A headline or other heading that names the claim's subject and says something else of it
# ("Harbury Foods cuts profit outlook as sales growth slows" for "Laura Penhallow is the chief
# executive of Harbury Foods"): the stance model reads a headline's few words as a verdict on any
# claim about the same names (0.66, bench/sixteenth).
NAMES_ONLY_HEADING_REASON = f"{TOO_FAR}: a heading that repeats none of the claim's words but its names"
# A claim that says no more of its names than their age ("Daniel Okoth is 27") against a passage
# that gives no age: the stance model refuted it with the race's headline (0.85,
# bench/twentyfirst), which says nothing of his age.
NO_AGE_REASON = f"{TOO_FAR}: a passage that gives no age, for a claim of one"
# ... nor a span of time ("was jailed for four years") one that gives none ("Pellow has repaid
# £35,000", entailing it at 0.51, bench/fortysecond).
NO_SPAN_REASON = f"{TOO_FAR}: a passage that gives no span of time, for a claim of one"


def about_another_of_series(claimed: str, other: str) -> str:
    """A passage that names another of the claim's numbered series ("Z2" for "Z3": ``series``)."""
    return f"{TOO_FAR}: a passage about {other}, not {claimed}"


def too_far_on_topic_only(similarity: float, floor: float) -> str:
    return (
        f"{TOO_FAR}: similarity {shown(similarity)}, under {floor:g} for a passage that shares only the "
        "claim's topic words"
    )


def off_subject_reason(
    similarity: float, other_subject: bool, overlap: float, t: Thresholds, topic_only: bool = False
) -> str | None:
    """Why a passage takes no side for being about something else (a missing name, few of the
    claim's words, or none but its topic's: see the module docstring), or None when it may take one."""
    if other_subject and similarity < t.missing_name_floor:
        return too_far_without_names(similarity, t.missing_name_floor)
    if overlap < t.word_overlap and similarity < t.low_overlap_floor:
        return too_far_with_few_words(similarity, t.low_overlap_floor, overlap)
    if topic_only and similarity < t.topic_only_floor:
        return too_far_on_topic_only(similarity, t.topic_only_floor)
    return None


def off_subject(
    similarities: Sequence[float],
    other_subject: Sequence[bool],
    t: Thresholds,
    overlaps: Sequence[float] | None = None,
    topic_only: Sequence[bool] | None = None,
) -> list[bool]:
    """Which passages take no side because they are about something else; ``overlaps``, the share
    of the claim's words each repeats, is 1 for all unless given, and ``topic_only`` (whether each
    shares only the claim's topic words) false."""
    overlaps = overlaps or [1.0] * len(similarities)
    topic_only = topic_only or [False] * len(similarities)
    return [
        off_subject_reason(sim, other, overlap, t, topical) is not None
        for sim, other, overlap, topical in zip(similarities, other_subject, overlaps, topic_only, strict=True)
    ]


def relevant(
    scores: Sequence[np.ndarray],
    similarities: Sequence[float],
    t: Thresholds,
    silenced: Sequence[bool] | None = None,
) -> list[bool]:
    """Which passages keep the side they take (see the module docstring); neutral ones are kept as
    they are, so this only ever turns a side into neutral. ``silenced`` passages (``off_subject``)
    take no side and are not the margin's reference."""
    silenced = silenced or [False] * len(scores)
    sides = [passage_stance(row, t) != NEUTRAL for row in scores]
    best = max(
        (sim for sim, side, off in zip(similarities, sides, silenced, strict=True) if side and not off), default=0.0
    )
    floor = best - t.margin - 1e-9  # a passage exactly at the margin keeps its side
    return [
        not side or (not off and sim >= floor) for sim, side, off in zip(similarities, sides, silenced, strict=True)
    ]


@dataclass(frozen=True)
class SourceStance:
    stance: str
    confidence: float


# Every verdict the aggregator gives.
VERDICTS = ("supported", "refuted", "conflicting", "not_enough_info")


@dataclass(frozen=True)
class Verdict:
    verdict: str
    confidence: float


def passage_stance(scores: np.ndarray, t: Thresholds) -> str:
    ent, con = float(scores[ENT]), float(scores[CON])
    if ent >= t.support and ent > con:
        return SUPPORTS
    if con >= t.contradict and con > ent:
        return CONTRADICTS
    return NEUTRAL


def source_stance(
    scores: Sequence[np.ndarray],
    t: Thresholds,
    similarities: Sequence[float] | None = None,
    explained: Sequence[bool] | None = None,
    figured: Sequence[bool] | None = None,
    answering: Sequence[bool] | None = None,
) -> SourceStance:
    """The stance of one source from its passages' (counted) scores; with ``similarities`` and
    ``explained`` (which passages the consistency checker finds a concrete mismatch in), a
    contradiction it explains beats any support no closer to the claim, and a support closer than
    every such contradiction leaves them out of the contest. With ``figured`` (which passages give
    the claim's own figures, ``figures``), a support that does leaves out every contradiction that
    does not: those give figures of other things. With ``answering`` (which passages give a figure
    of what the claim's numbers count, or a move of the kind it says: ``asked.answers_the_claim``),
    a contradiction with a concrete mismatch that does leaves out every support that does not:
    "More than 2,300 people objected" is the evidence on "Fewer than 1,000 people objected to the
    wind farm", not "The energy secretary has approved the wind farm", which the model entailed
    (0.66, bench/fortyseventh)."""
    stances = [passage_stance(s, t) for s in scores]
    if figured is not None and any(f and st == SUPPORTS for f, st in zip(figured, stances, strict=True)):
        stances = [NEUTRAL if st == CONTRADICTS and not f else st for st, f in zip(stances, figured, strict=True)]
    if (
        answering is not None
        and explained is not None
        and any(a and why and st == CONTRADICTS for a, why, st in zip(answering, explained, stances, strict=True))
    ):
        stances = [NEUTRAL if st == SUPPORTS and not a else st for st, a in zip(stances, answering, strict=True)]
    if similarities is not None and explained is not None:
        closer = _closer_side(stances, similarities, explained)
        if closer == CONTRADICTS:
            best = max(float(s[CON]) for s, st in zip(scores, stances, strict=True) if st == CONTRADICTS)
            return SourceStance(CONTRADICTS, round(best, 4))
        if closer == SUPPORTS:
            stances = [NEUTRAL if why and st == CONTRADICTS else st for st, why in zip(stances, explained, strict=True)]
    best_ent = max((float(s[ENT]) for s, st in zip(scores, stances, strict=True) if st == SUPPORTS), default=0.0)
    best_con = max((float(s[CON]) for s, st in zip(scores, stances, strict=True) if st == CONTRADICTS), default=0.0)
    if best_ent > best_con:
        return SourceStance(SUPPORTS, round(best_ent, 4))
    if best_con > best_ent:
        return SourceStance(CONTRADICTS, round(best_con, 4))
    strongest = max((max(float(s[ENT]), float(s[CON])) for s in scores), default=0.0)
    return SourceStance(NEUTRAL, round(1.0 - strongest, 4))


def _closer_side(stances: Sequence[str], similarities: Sequence[float], explained: Sequence[bool]) -> str | None:
    """Which is closer to the claim, when a source has both: its closest supporting passage or
    its closest contradicting passage with a concrete mismatch (a tie goes to the mismatch)."""
    rows = list(zip(stances, similarities, explained, strict=True))
    closest_explained = max((sim for st, sim, why in rows if st == CONTRADICTS and why), default=None)
    closest_support = max((sim for st, sim, _ in rows if st == SUPPORTS), default=None)
    if closest_explained is None or closest_support is None:
        return None
    return CONTRADICTS if closest_explained >= closest_support else SUPPORTS


def _noisy_or(values: Sequence[float]) -> float:
    out = 1.0
    for v in values:
        out *= 1.0 - v
    return 1.0 - out


def verdict(sources: Sequence[SourceStance], t: Thresholds) -> Verdict:
    support = sorted((s.confidence for s in sources if s.stance == SUPPORTS), reverse=True)
    contra = sorted((s.confidence for s in sources if s.stance == CONTRADICTS), reverse=True)
    if not support and not contra:
        strongest = max((1.0 - s.confidence for s in sources), default=0.0)
        return Verdict("not_enough_info", round(1.0 - strongest, 4))
    best_s = support[0] if support else 0.0
    best_c = contra[0] if contra else 0.0
    if best_s >= t.conflict and best_c >= t.conflict:
        return Verdict("conflicting", round(min(best_s, best_c), 4))
    if best_s >= best_c:
        return Verdict("supported", round(_noisy_or(support) * (1.0 - best_c), 4))
    return Verdict("refuted", round(_noisy_or(contra) * (1.0 - best_s), 4))
