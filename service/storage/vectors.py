"""The FAISS index: inner product over normalised vectors, keyed by passage id.

The index is a cache of what SQLite holds. It is saved atomically (temp file, fsync, rename)
together with a small JSON sidecar that records the SQLite generation it reflects; a mismatch on
open means the last writer died between the two commits, and the caller repairs by diffing ids.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np


def _faiss() -> Any:
    try:
        import faiss
    except ImportError as exc:  # pragma: no cover - faiss-cpu is a hard dependency
        raise RuntimeError("faiss is not installed: pip install faiss-cpu") from exc
    return faiss


class VectorIndex:
    """An ``IndexIDMap2`` around the index built by a FAISS factory string (default ``Flat``)."""

    def __init__(self, dim: int, factory: str = "Flat") -> None:
        faiss = _faiss()
        self.dim = dim
        self.factory = factory
        inner = faiss.index_factory(dim, factory, faiss.METRIC_INNER_PRODUCT)
        self.index = faiss.IndexIDMap2(inner)
        self.generation = -1

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    def ids(self) -> np.ndarray:
        ids: np.ndarray = _faiss().vector_to_array(self.index.id_map).astype(np.int64)
        return ids

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if len(ids) == 0:
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if not self.index.is_trained:
            self.index.train(vectors)
        self.index.add_with_ids(vectors, np.ascontiguousarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray | list[int]) -> None:
        if len(ids) == 0:
            return
        self.index.remove_ids(np.ascontiguousarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the ``k`` nearest passages, best first; absent slots dropped."""
        if self.size == 0 or k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, ids = self.index.search(np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32), k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]

    def save(self, path: Path, generation: int) -> None:
        faiss = _faiss()
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self.index, str(tmp))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        tmp.replace(path)
        meta = {"generation": generation, "size": self.size, "dim": self.dim, "factory": self.factory}
        meta_tmp = _meta_path(path).with_suffix(".tmp")
        meta_tmp.write_text(json.dumps(meta))
        meta_tmp.replace(_meta_path(path))
        self.generation = generation

    @classmethod
    def load(cls, path: Path, dim: int, factory: str) -> VectorIndex:
        """The saved index, or an empty one (generation -1) if it is missing or unreadable."""
        index = cls(dim, factory)
        meta_path = _meta_path(path)
        if not path.exists() or not meta_path.exists():
            return index
        try:
            meta = json.loads(meta_path.read_text())
            loaded = _faiss().read_index(str(path))
        except (OSError, ValueError, RuntimeError):
            return index
        if meta.get("dim") != dim or meta.get("factory") != factory or loaded.d != dim:
            return index
        index.index = loaded
        index.generation = int(meta.get("generation", -1))
        return index


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")
