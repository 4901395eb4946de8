"""Stance: does a passage entail, contradict, or say nothing about a claim?

``StanceModel`` is the interface the verifier depends on. ``CrossEncoderStance`` runs an NLI
cross-encoder (a local folder or a hub name). ``NoStanceModel`` is what runs when no model is
configured: it reports every pair neutral and says so by name, rather than guessing stance from
keywords.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from service.errors import ModelUnavailableError
from service.pipeline.embed import missing_folder, model_input, quiet_transformers
from service.pipeline.number_words import SHORT_SCALES

LABELS: tuple[str, str, str] = ("entailment", "neutral", "contradiction")
NO_MODEL = "none"
SHIPPED_NAME = "claimscope-stance-minilm-l6"
# Premise + claim, as the shipped model was trained (train_stance's default). A longer pair loses the
# premise's start, never the claim: the previous sentence given as context goes first, so it is cut
# before the passage.
MAX_TOKENS = 128
TRUNCATION_SIDE = "left"
# Currency signs the tokenizer keeps on the figure after them: it reads "£1.2 million" as "£1", ".",
# "2" and "€4" as "€", "##4", so the stance model contradicted "The council has spent about 1.2
# million pounds on legal fees" with "... about £1.2 million on legal fees ..." (0.60). Spaced
# ("£ 1.2 million") it entails it (0.91). "$" is punctuation to the tokenizer and split already.
_SIGNS = "£€¥₹₩₽₺₪₫₦₱₴₸฿¢"
_SIGN_ON_A_FIGURE = re.compile(rf"([{_SIGNS}])(?=\d)")
# A sum's scale abbreviated ("£4.5m", "$2bn"), written out: the model entailed "Haldane cost £4.5
# million" with "... a fee reported to be £ 4.5m" at 0.45 and with "£ 4.5 million" at 0.65. After a
# currency sign only: "4.5m" alone may be metres.
_SCALE_OF_A_SUM = re.compile(rf"([{_SIGNS}$]\s?\d[\d,]*(?:\.\d+)?)\s?(bn|m|k)\b")


def stance_input(text: str) -> str:
    """What the stance model reads of a premise or a claim: ``model_input``, with a currency sign
    apart from its figure and the sum's scale written out."""
    text = _SCALE_OF_A_SUM.sub(lambda sum_: f"{sum_[1]} {SHORT_SCALES[sum_[2]]}", model_input(text))
    return _SIGN_ON_A_FIGURE.sub(r"\1 ", text)


_ALIASES = {
    "entailment": "entailment",
    "entails": "entailment",
    "supports": "entailment",
    "support": "entailment",
    "neutral": "neutral",
    "not_enough_info": "neutral",
    "nei": "neutral",
    "contradiction": "contradiction",
    "contradicts": "contradiction",
    "refutes": "contradiction",
}


class StanceModel(Protocol):
    """Batched NLI: (premise = passage, hypothesis = claim) -> probabilities in ``LABELS`` order."""

    name: str

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Return an ``(n, 3)`` float array; rows sum to 1."""
        ...


class NoStanceModel:
    """The honest placeholder: every pair is neutral with certainty."""

    name = NO_MODEL

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        out = np.zeros((len(pairs), 3), dtype=np.float32)
        out[:, 1] = 1.0
        return out


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    scaled = logits / temperature
    scaled = scaled - scaled.max(axis=1, keepdims=True)
    exp = np.exp(scaled)
    probs: np.ndarray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return probs


def calibrated_temperature(model_dir: Path) -> float:
    """T from the model folder's ``calibration.json`` (temperature scaling fit on dev), else 1."""
    calibration = model_dir / "calibration.json"
    return float(json.loads(calibration.read_text())["temperature"]) if calibration.is_file() else 1.0


def label_order(id2label: dict[Any, str]) -> list[int]:
    """Column index of entailment, neutral, contradiction in the model's output."""
    by_name = {_ALIASES.get(str(name).lower()): int(i) for i, name in id2label.items()}
    try:
        return [by_name[label] for label in LABELS]
    except KeyError:
        raise ModelUnavailableError(
            f"stance model labels {sorted(map(str, id2label.values()))} do not name entailment, "
            "neutral and contradiction"
        ) from None


class CrossEncoderStance:
    """A sentence-transformers ``CrossEncoder`` with 3 NLI labels, loaded on first use.

    A ``calibration.json`` beside the weights (``{"temperature": T}``) scales the logits.
    """

    def __init__(self, spec: str, batch_size: int = 32, max_length: int = MAX_TOKENS) -> None:
        self.spec = spec
        self.name = Path(spec).name if Path(spec).is_dir() else spec
        self.batch_size = batch_size
        self.max_length = max_length
        self.temperature = 1.0
        self._model: Any = None
        self._columns: list[int] = []
        self._lock = threading.Lock()

    def load(self) -> None:
        """Load the weights now instead of on the first prediction."""
        with self._lock:
            if self._model is None:
                self._load()

    def _load(self) -> None:
        try:
            import torch
            from sentence_transformers import CrossEncoder
            from transformers import AutoConfig
        except ImportError as exc:  # pragma: no cover
            raise ModelUnavailableError("pip install sentence-transformers to judge stance") from exc
        quiet_transformers()
        if missing := missing_folder("stance model", self.spec):
            raise missing
        try:
            config = AutoConfig.from_pretrained(self.spec)
            self._columns = label_order(config.id2label)
            self._model = CrossEncoder(
                self.spec,
                device="cpu",
                max_length=self.max_length,
                activation_fn=torch.nn.Identity(),
                model_kwargs={"dtype": torch.float32},  # weights ship as fp16; CPU kernels want fp32
            )
            self._model.tokenizer.truncation_side = TRUNCATION_SIDE
        except (OSError, ValueError) as exc:
            raise ModelUnavailableError(f"cannot load stance model {self.spec!r}: {exc}") from exc
        self.temperature = calibrated_temperature(Path(self.spec))

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        self.load()
        cleaned = [(stance_input(p), stance_input(h)) for p, h in pairs]
        order = sorted(range(len(cleaned)), key=lambda i: len(cleaned[i][0]) + len(cleaned[i][1]))
        logits = self._model.predict(
            [cleaned[i] for i in order], batch_size=self.batch_size, show_progress_bar=False, convert_to_numpy=True
        )
        probs = softmax(np.asarray(logits, dtype=np.float32), self.temperature)[:, self._columns]
        out = np.empty_like(probs)
        out[order] = probs
        return out


class OnnxStance:
    """The same cross-encoder run by ONNX Runtime, with no torch on the request path.

    One pair per run unless told: the int8 graph is dynamically quantised, so each run quantises
    its activations on one scale, set by their range over the whole run. In a batch a pair's score
    would move with the other pairs (by up to 0.1 on bench/unseen/), and a claim's verdict with
    the claims verified beside it. A larger ``batch_size`` (length-sorted, dynamically padded)
    suits fp32 graphs.
    """

    def __init__(self, model_dir: Path, onnx_file: Path, batch_size: int = 1, max_length: int = MAX_TOKENS) -> None:
        self.spec = str(model_dir)
        self.name = f"{model_dir.name}+{onnx_file.stem}"
        self.onnx_file = onnx_file
        self.batch_size = batch_size
        self.max_length = max_length
        self.temperature = 1.0
        self._session: Any = None
        self._tokenizer: Any = None
        self._columns: list[int] = []
        self._lock = threading.Lock()

    def load(self) -> None:
        with self._lock:
            if self._session is None:
                self._load()

    def _load(self) -> None:
        try:
            import onnxruntime as ort
            from transformers import AutoConfig, AutoTokenizer
        except ImportError as exc:  # pragma: no cover
            raise ModelUnavailableError("pip install onnxruntime to run the ONNX stance model") from exc
        quiet_transformers()
        model_dir = Path(self.spec)
        self._columns = label_order(AutoConfig.from_pretrained(model_dir).id2label)
        self._tokenizer = AutoTokenizer.from_pretrained(model_dir, truncation_side=TRUNCATION_SIDE)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # ONNX Runtime's threads spin on the cores after each run by default, and the embedder,
        # FAISS and the other gunicorn worker need those cores next: verification is faster
        # without it (bench/results/scale_spinning.md against scale.md, docs/benchmarks.md).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(self.onnx_file), options, providers=["CPUExecutionProvider"])
        self.temperature = calibrated_temperature(model_dir)

    def logits(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        self.load()
        cleaned = [(stance_input(p), stance_input(h)) for p, h in pairs]
        order = sorted(range(len(cleaned)), key=lambda i: len(cleaned[i][0]) + len(cleaned[i][1]))
        out = np.zeros((len(cleaned), 3), dtype=np.float32)
        wanted = {i.name for i in self._session.get_inputs()}
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            encoded = self._tokenizer(
                [cleaned[i][0] for i in chunk],
                [cleaned[i][1] for i in chunk],
                truncation="only_first",
                max_length=self.max_length,
                padding=True,
                return_tensors="np",
            )
            feeds = {k: v.astype(np.int64) for k, v in encoded.items() if k in wanted}
            out[chunk] = self._session.run(None, feeds)[0]
        return out

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if not pairs:
            return np.zeros((0, 3), dtype=np.float32)
        return softmax(self.logits(pairs), self.temperature)[:, self._columns]


def default_stance_dir() -> Path | None:
    """The stance model shipped with claimscope: inside the wheel, else the repo's models/stance."""
    from importlib import resources

    for candidate in (
        Path(str(resources.files("service"))) / "stance_model",
        Path(__file__).resolve().parents[2] / "models" / "stance",
    ):
        if (candidate / "config.json").is_file():
            return candidate
    return None


def load_stance_model(spec: str, batch_size: int = 32, runtime: str = "auto") -> StanceModel:
    """The configured model: empty = the shipped one (or none if absent), ``none`` = no model.

    ``runtime`` ``auto`` prefers the model folder's int8 ONNX file when there is one, which scores
    one pair per run (``OnnxStance``); ``batch_size`` is the PyTorch runtime's.
    """
    if spec.lower() == NO_MODEL:
        return NoStanceModel()
    model_dir = Path(spec) if spec else default_stance_dir()
    if model_dir is None:
        return NoStanceModel()
    onnx_file = model_dir / "onnx" / "model_int8.onnx"
    model: OnnxStance | CrossEncoderStance
    if runtime in {"auto", "onnx"} and onnx_file.is_file():
        model = OnnxStance(model_dir, onnx_file)
    elif runtime == "onnx":
        raise ModelUnavailableError(f"no ONNX export at {onnx_file}")
    else:
        model = CrossEncoderStance(str(model_dir) if model_dir.exists() else spec, batch_size=batch_size)
    if not spec:  # the shipped model: a stable name wherever the package is installed
        model.name = SHIPPED_NAME + ("+int8" if isinstance(model, OnnxStance) else "")
    return model
