"""Hybrid retrieval: dense (FAISS) and lexical (FTS5 / BM25) fused by reciprocal rank fusion.

Dense search finds paraphrases; BM25 finds exact names, numbers and dates that a small embedder
blurs. Fusion uses ranks only, so the two score scales never need calibrating against each
other. Near-duplicate passages of one source (a sentence quoted twice) are collapsed into the
better-ranked one so they do not crowd out other evidence.

BM25 scores every passage that holds any query term, so a common word costs time in proportion
to the archive (every word of the claim: 44.8 / 160.1 ms p50 / p90 at a million passages,
bench/scale.py), while its IDF, and so its weight in the ranking, is low. The lexical query keeps
the claim's rarest words up to a budget of matching passages in all
(``CLAIMSCOPE_LEXICAL_MATCH_BUDGET``), so its cost stops growing with the archive; below that
size every word is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from service.records import Passage, SourceFilter
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


def query_terms(text: str) -> list[str]:
    """The claim's content words as the FTS5 index holds them: case and diacritics folded."""
    words = re.findall(r"\w+", _fold(text))
    return list(dict.fromkeys(w for w in words if w not in _STOPWORDS))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts_query(terms: Sequence[str]) -> str:
    """An FTS5 OR-query of these words (each quoted, so no syntax can leak in)."""
    return " OR ".join(f'"{term}"' for term in terms)


def affordable_terms(terms: Sequence[str], passages_with: Mapping[str, int], budget: int) -> list[str]:
    """The rarest terms whose matching passages add up to at most ``budget``, in claim order;
    the rarest one is always kept. A budget of 0 keeps every term."""
    if budget <= 0:
        return list(terms)
    kept: set[str] = set()
    spent = 0
    for term in sorted(terms, key=lambda t: passages_with.get(t, 0)):
        cost = passages_with.get(term, 0)
        if kept and spent + cost > budget:
            break
        kept.add(term)
        spent += cost
    return [t for t in terms if t in kept]


def lexical_candidates(
    store: Store, claim: str, k: int, sources: SourceFilter | None = None, budget: int = 0
) -> list[int]:
    """Passage ids by BM25 over the claim's affordable words (``budget``; 0: every word), best first."""
    terms = query_terms(claim)
    chosen = affordable_terms(terms, store.passages_with_terms(terms), budget) if budget > 0 else terms
    return store.lexical_search(fts_query(chosen), k, sources)


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
    lexical_match_budget: int,
    min_similarity: float,
    duplicate_similarity: float,
    sources: SourceFilter | None = None,
) -> list[Candidate]:
    """The ``top_k`` best passages for a claim, best first, from the articles ``sources`` allows."""
    dense = [pid for pid, _ in store.dense_search(claim_vector, candidates, sources)]
    lexical = lexical_candidates(store, claim, candidates, sources, lexical_match_budget)
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
