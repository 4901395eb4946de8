"""Hybrid retrieval: dense (FAISS) and lexical (FTS5 / BM25) fused by reciprocal rank fusion.

Dense search finds paraphrases; BM25 finds exact names, numbers and dates that a small embedder
blurs. Fusion uses ranks only, so the two score scales never need calibrating against each
other. Near-duplicate passages of one source (a sentence quoted twice) are collapsed into the
better-ranked one so they do not crowd out other evidence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from service.records import Passage
from service.storage import Store

_STOPWORDS = frozenset(
    """a an and are as at be been but by for from has have had he her his i in into is it its of on
    or she that the their them they this to was were will with would""".split()
)


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    similarity: float
    fused_score: float
    vector: np.ndarray


def fts_query(text: str) -> str:
    """An FTS5 OR-query of the claim's content words (each quoted, so no syntax can leak in)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    terms = list(dict.fromkeys(w for w in words if w not in _STOPWORDS))
    return " OR ".join(f'"{term}"' for term in terms)


def reciprocal_rank_fusion(rankings: Sequence[Sequence[int]], k: int) -> dict[int, float]:
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


def retrieve(
    store: Store,
    claim_vector: np.ndarray,
    claim: str,
    *,
    top_k: int,
    candidates: int,
    rrf_k: int,
    min_similarity: float,
    duplicate_similarity: float,
    source_ids: Sequence[str] | None = None,
) -> list[Candidate]:
    """The ``top_k`` best passages for a claim, best first."""
    dense = [pid for pid, _ in store.dense_search(claim_vector, candidates, source_ids)]
    lexical = store.lexical_search(fts_query(claim), candidates, source_ids)
    fused = reciprocal_rank_fusion([dense, lexical], rrf_k)
    ids = sorted(fused, key=lambda pid: (-fused[pid], pid))
    vectors = store.vectors(ids)
    passages = store.passages(ids)
    kept: list[Candidate] = []
    for pid in ids:
        if pid not in passages or pid not in vectors:
            continue  # deleted by another process between the two reads
        similarity = float(vectors[pid] @ claim_vector)
        if similarity < min_similarity:
            continue
        candidate = Candidate(passages[pid], similarity, fused[pid], vectors[pid])
        if _duplicates_kept(candidate, kept, duplicate_similarity):
            continue
        kept.append(candidate)
        if len(kept) == top_k:
            break
    return kept


def _duplicates_kept(candidate: Candidate, kept: list[Candidate], threshold: float) -> bool:
    return any(
        other.passage.source_id == candidate.passage.source_id and float(other.vector @ candidate.vector) >= threshold
        for other in kept
    )
