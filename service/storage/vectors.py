"""The FAISS index: inner product over normalised vectors, keyed by passage id.

The index is a cache of what SQLite holds. It is saved atomically (temp file, fsync, rename)
together with a small JSON sidecar that records the SQLite generation it reflects; a mismatch on
open means the last writer died between the two commits, and the caller repairs by diffing ids.

The default, ``SQfp16``, keeps each vector as 16-bit floats: half the memory of ``Flat`` and, at
a million passages, a quarter of its search time with the same evidence cited (bench/scale.py).
Factories that must be trained (``IVF4096,Flat``, ``SQ8``, ``PQ32``) hold nothing until the store
has enough vectors to train them on (``training_size``); the store searches SQLite exactly until then.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from service.errors import ConfigurationError

DEFAULT_FACTORY = "SQfp16"
DEFAULT_NPROBE = 16
MIN_TRAINING_VECTORS = 10_000  # enough for a 256-centroid quantizer (PQ, SQ ranges)
POINTS_PER_CENTROID = 39  # FAISS warns below this many training points per IVF list


def _faiss() -> Any:
    try:
        import faiss
    except ImportError as exc:  # pragma: no cover - faiss-cpu is a hard dependency
        raise RuntimeError("faiss is not installed: pip install faiss-cpu") from exc
    return faiss


class VectorIndex:
    """An ``IndexIDMap2`` around the index built by a FAISS factory string (default ``SQfp16``)."""

    def __init__(self, dim: int, factory: str = DEFAULT_FACTORY, nprobe: int = DEFAULT_NPROBE) -> None:
        self.dim = dim
        self.factory = factory
        self.nprobe = nprobe
        self.index = _id_mapped(dim, factory)
        self._set_nprobe()
        self.generation = -1

    @property
    def size(self) -> int:
        return int(self.index.ntotal)

    @property
    def trained(self) -> bool:
        return bool(self.index.is_trained)

    def training_size(self) -> int:
        """Vectors needed to train this index; 0 when it needs no (more) training."""
        if self.trained:
            return 0
        ivf = self._ivf()
        return max(MIN_TRAINING_VECTORS, POINTS_PER_CENTROID * ivf.nlist) if ivf is not None else MIN_TRAINING_VECTORS

    def train(self, vectors: np.ndarray) -> None:
        self.index.train(np.ascontiguousarray(vectors, dtype=np.float32))

    def _set_nprobe(self) -> None:
        """IVF indexes search ``nprobe`` of their lists (FAISS's default of one misses neighbours)."""
        ivf = self._ivf()
        if ivf is not None:
            ivf.nprobe = self.nprobe

    def _ivf(self) -> Any:
        """The inverted-file part of the index (IVF factories), else None."""
        return _faiss().try_extract_index_ivf(self.index.index)

    def ids(self) -> np.ndarray:
        ids: np.ndarray = _faiss().vector_to_array(self.index.id_map).astype(np.int64)
        return ids

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors; an index still waiting for training ignores them (the store fills it
        from SQLite once it is trained)."""
        if len(ids) == 0 or not self.trained:
            return
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.index.add_with_ids(vectors, np.ascontiguousarray(ids, dtype=np.int64))

    def remove(self, ids: np.ndarray | list[int]) -> None:
        if len(ids) == 0:
            return
        self.index.remove_ids(np.ascontiguousarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids) of the ``k`` nearest passages, best first, only ``among`` these ids when
        given; absent slots dropped."""
        if self.size == 0 or k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        query = np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32)
        if among is None:
            scores, ids = self.index.search(query, k)
        else:
            faiss = _faiss()
            # a bitmap over ids: one bit test per passage, where IDSelectorBatch hashes
            members = np.zeros(int(among.max()) + 1 if len(among) else 1, dtype=bool)
            members[among] = True
            bitmap = np.packbits(members, bitorder="little")
            selector = faiss.IDSelectorBitmap(len(bitmap), faiss.swig_ptr(bitmap))
            ivf = self._ivf()
            params = (
                faiss.SearchParametersIVF(sel=selector, nprobe=self._nprobe_among(ivf, len(among)))
                if ivf is not None
                else faiss.SearchParameters(sel=selector)
            )
            scores, ids = self.index.search(query, k, params=params)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]

    def _nprobe_among(self, ivf: Any, members: int) -> int:
        """Lists to probe when only ``members`` of the indexed passages count. Each list holds
        about that share of them, so ``nprobe`` lists would offer a 1% date window a hundredth of
        the candidates an unfiltered search sees (at a million passages, 63% of its exact top
        results); probing ``nprobe / share`` lists offers as many (bench/scale.py)."""
        return int(min(ivf.nlist, max(self.nprobe, math.ceil(self.nprobe * self.size / max(members, 1)))))

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
    def load(cls, path: Path, dim: int, factory: str, nprobe: int = DEFAULT_NPROBE) -> VectorIndex:
        """The saved index, or an empty one (generation -1) if it is missing, unreadable or of
        another factory."""
        index = cls(dim, factory, nprobe)
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
        index._set_nprobe()
        index.generation = int(meta.get("generation", -1))
        return index


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _id_mapped(dim: int, factory: str) -> Any:
    """``IndexIDMap2`` around the factory's index; a factory FAISS cannot build, or whose index
    cannot remove vectors (an article replaced or deleted must leave the index), is refused."""
    faiss = _faiss()
    try:
        inner = faiss.index_factory(dim, factory, faiss.METRIC_INNER_PRODUCT)
    except RuntimeError as exc:
        raise ConfigurationError(f"CLAIMSCOPE_FAISS_FACTORY {factory!r} is not a FAISS index factory string") from exc
    index = faiss.IndexIDMap2(inner)
    try:
        inner.remove_ids(faiss.IDSelectorRange(0, 0))
    except RuntimeError as exc:
        raise ConfigurationError(
            f"CLAIMSCOPE_FAISS_FACTORY {factory!r} builds an index that cannot remove vectors "
            "(replaced and deleted articles must leave it): use SQfp16, Flat, SQ8 or IVF<n>,Flat"
        ) from exc
    return index
