"""One settings object, read from ``CLAIMSCOPE_*`` environment variables.

Every field's environment variable is its name upper-cased with the ``CLAIMSCOPE_`` prefix; the
table in ``docs/config.md`` lists them all (a test keeps the two in sync). Tests build a
``Settings`` directly or call ``Settings.from_env(mapping)``.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from service.storage.vectors import DEFAULT_FACTORY, DEFAULT_NPROBE

LEXICAL_MATCH_BUDGET = 50_000

PREFIX = "CLAIMSCOPE_"
ContextMode = Literal["always", "needed", "never"]
CONTEXT_MODES: tuple[ContextMode, ...] = ("always", "needed", "never")
# CLAIMSCOPE_CONSISTENCY_ADJUST: none, all, or a comma list of these words ("numbers,negation").
AdjustMode = str
ADJUST_WORDS = ("numbers", "dates", "direction", "roles", "places", "negation")
Mode = TypeVar("Mode", bound=str)
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("claimscope", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Service configuration. ``help`` metadata is the documentation of each field."""

    data_dir: Path = field(
        default_factory=default_data_dir,
        metadata={"help": "Folder for the SQLite database and FAISS index (default: the per-user data dir)."},
    )
    embed_model: str = field(
        default="",
        metadata={
            "help": "Sentence-transformers model: local folder or hub name. Empty = the packaged all-MiniLM-L6-v2."
        },
    )
    stance_model: str = field(
        default="",
        metadata={
            "help": "NLI cross-encoder for stance: local folder or hub name. Empty = the shipped one; `none` = off."
        },
    )
    faiss_factory: str = field(
        default=DEFAULT_FACTORY,
        metadata={
            "help": "FAISS index factory string, wrapped in IndexIDMap2; must support remove_ids. `SQfp16` "
            "(16-bit floats) halves Flat's memory and, at a million passages, searches 4x faster with the same "
            "evidence cited; `Flat`; trained ones (`IVF4096,Flat`, `SQ8`) index nothing until the store holds enough "
            "vectors to train on, and search SQLite exactly until then (bench/scale.py). A data dir whose index was "
            "built by another factory is reindexed from SQLite when it is opened. Past a million passages, "
            "`IVF4096,SQfp16` verifies about a third faster with the same memory and evidence cited "
            "(docs/benchmarks.md)."
        },
    )
    faiss_nprobe: int = field(
        default=DEFAULT_NPROBE,
        metadata={
            "range": (1, None),
            "help": "Lists an IVF index searches per query (more: better recall, slower); a source or date "
            "filter holding a share s of the passages searches nprobe / s of them (bench/scale.py).",
        },
    )
    top_k: int = field(
        default=10,
        metadata={"range": (1, 100), "help": "Passages judged per claim (after fusion and duplicate collapsing)."},
    )
    candidates: int = field(
        default=50,
        metadata={
            "range": (1, None),
            "help": "Candidates fetched from each retriever (dense and lexical) before fusion.",
        },
    )
    rrf_k: int = field(default=60, metadata={"range": (0, None), "help": "Reciprocal rank fusion constant."})
    lexical_match_budget: int = field(
        default=LEXICAL_MATCH_BUDGET,
        metadata={
            "range": (0, None),
            "help": "BM25 searches the claim's rarest words up to this many matching passages in all (the rarest "
            "word always): a common word costs a large archive time and adds little (bench/scale.py). 0 = every word.",
        },
    )
    min_similarity: float = field(
        default=0.2,
        metadata={
            "range": (-1.0, 1.0),
            "help": "Passages whose cosine similarity to the claim is below this are not judged.",
        },
    )
    duplicate_similarity: float = field(
        default=0.92,
        metadata={
            "range": (0.0, 2.0),
            "help": "Passages of one source at least this similar to a better one are collapsed into it.",
        },
    )
    max_passage_chars: int = field(
        default=600,
        metadata={
            "range": (40, None),
            "help": "Longer sentences are cut at clause breaks into pieces of at most this many characters "
            "(stored articles take a new value through `claimscope reprocess`).",
        },
    )
    embed_batch_size: int = field(default=64, metadata={"range": (1, None), "help": "Sentences per embedding batch."})
    stance_batch_size: int = field(
        default=4,
        metadata={
            "range": (1, None),
            "help": "Pairs per stance batch of the PyTorch runtime (a model without an int8 ONNX export); small "
            "length-sorted batches pad least. The int8 model scores one pair per run, so that a pair's score "
            "never depends on the pairs beside it.",
        },
    )
    stance_context: ContextMode = field(
        default="needed",
        metadata={
            "help": "Previous sentence as context for the stance model: `needed` (before passages that open with "
            "a pronoun, 'the', a connective or mid-sentence: resolves 'he', 'the visit'; a list item gets the "
            "sentence its list follows; not before one that names every name of the claim; and before a passage "
            "that, with its context, leaves out a name of the claim, the article's headline or the nearest "
            "sentence before it that gives the name), `always` (the previous sentence only), or `never`; "
            "true/false mean always/never."
        },
    )
    support_threshold: float = field(
        default=0.5,
        metadata={
            "range": (0.0, 1.0),
            "help": "Minimum entailment probability for a passage (and so a source) to count as support.",
        },
    )
    contradict_threshold: float = field(
        default=0.5,
        metadata={
            "range": (0.0, 1.0),
            "help": "Minimum contradiction probability for a passage to count as contradiction.",
        },
    )
    conflict_threshold: float = field(
        default=0.6,
        metadata={
            "range": (0.0, 1.0),
            "help": "Both sides need a source at least this confident for the verdict `conflicting`.",
        },
    )
    relevance_margin: float = field(
        default=0.25,
        metadata={
            "range": (0.0, 2.0),
            "help": "A passage keeps the side it takes only when its similarity to the claim is within this of the "
            "most similar passage that takes a side; the rest count as neutral (2 = off; chosen by "
            "bench/verdicts.py, see docs/benchmarks.md).",
        },
    )
    missing_name_floor: float = field(
        default=0.35,
        metadata={
            "range": (0.0, 1.0),
            "help": "A passage that lacks a name the claim relies on, yet names its own subject, takes no side when "
            "its similarity to the claim is below this (0 = off; chosen by bench/verdicts.py, see docs/benchmarks.md).",
        },
    )
    word_overlap: float = field(
        default=0.3,
        metadata={
            "range": (0.0, 1.0),
            "help": "A passage that repeats under this share of the claim's content words takes no side when its "
            "similarity to the claim is below CLAIMSCOPE_LOW_OVERLAP_FLOOR (0 = off).",
        },
    )
    low_overlap_floor: float = field(
        default=0.4,
        metadata={
            "range": (0.0, 1.0),
            "help": "The similarity under which a passage that repeats few of the claim's words "
            "(CLAIMSCOPE_WORD_OVERLAP) takes no side (0 = off; both chosen by bench/verdicts.py, see "
            "docs/benchmarks.md).",
        },
    )
    topic_only_floor: float = field(
        default=0.5,
        metadata={
            "range": (0.0, 1.0),
            "help": "A passage that repeats none of the claim's content words but its topic words (those at least "
            "70% of the passages found for the claim repeat) takes no side when its similarity to the claim is "
            "below this (0 = off; chosen by bench/verdicts.py, see docs/benchmarks.md).",
        },
    )
    consistency_adjust: AdjustMode = field(
        default="all",
        metadata={
            "help": "Reasons that move entailment probability to contradiction: `numbers` (claim and passage "
            "count the same thing differently), `dates` (years, or months and days; `years` is the old name), "
            "`direction` (the passage says the claim's subject went the other way: fell, not rose; acquitted, not "
            "convicted), `roles` (the passage gives the claim's action with its two names the other way round: "
            "City beat Rovers, not Rovers beat City), `places` (the passage puts an event of one place somewhere "
            "else: founded in Bradford, not in Leeds; too few dev pairs to ablate, it acts as a number does), "
            "`negation` (the passage denies the claim in its words), a comma list of these (`numbers,dates`), "
            "`all` or `none`; true/false mean all/none. The default follows the dev ablation in models/README.md."
        },
    )
    passages_per_source: int = field(
        default=3,
        metadata={
            "range": (1, None),
            "help": "Passages cited per source in a verification: those on the source's side first, then any"
            " on the other side, then neutral ones.",
        },
    )
    max_text_chars: int = field(
        default=2_000_000, metadata={"range": (1, None), "help": "Largest article text accepted."}
    )
    api_keys: str = field(
        default="",
        metadata={"help": "Comma-separated API keys. When set, writes need `Authorization: Bearer <key>`."},
    )
    auth_reads: bool = field(default=False, metadata={"help": "With API keys set, require a key for reads too."})
    cors_origins: str = field(
        default="",
        metadata={
            "help": "Origins whose web pages may call the API (comma-separated, such as https://desk.example.org,"
            " or *); empty: none."
        },
    )
    max_body_bytes: int = field(
        default=5_000_000, metadata={"range": (1, None), "help": "Largest request body (413 above it)."}
    )
    max_url_chars: int = field(
        default=8190,
        metadata={"range": (1, None), "help": "Longest request URL, path and query string (414 above it)."},
    )
    max_claim_chars: int = field(
        default=1000,
        metadata={
            "range": (1, None),
            "help": "Longest claim or search query accepted (422 from the API, exit 1 from the CLI above it).",
        },
    )
    max_batch_articles: int = field(
        default=50, metadata={"range": (1, None), "help": "Most articles in one batch request."}
    )
    max_batch_claims: int = field(
        default=32, metadata={"range": (1, None), "help": "Most claims in one batch verification."}
    )
    rate_limit: str = field(
        default="600/minute",
        metadata={"help": "Per API key (or per client IP) limit, flask-limiter syntax; empty disables it."},
    )
    rate_limit_storage: str = field(
        default="memory://",
        metadata={"help": "flask-limiter storage URI; memory:// counts per worker, use redis:// to share."},
    )
    seed_on_start: bool = field(default=True, metadata={"help": "Load the seed articles when the store is empty."})
    index_save_interval: float = field(
        default=30.0,
        metadata={
            "range": (0.0, None),
            "help": "Seconds between FAISS file saves after API writes (SQLite is always current).",
        },
    )
    workers: int = field(
        default=2, metadata={"range": (1, None), "help": "gunicorn worker processes (`claimscope serve`)."}
    )
    bind: str = field(
        default="0.0.0.0:8000", metadata={"help": "Address gunicorn listens on: HOST:PORT, [IPv6]:PORT or unix:PATH."}
    )
    timeout: int = field(
        default=120,
        metadata={
            "range": (0, None),
            "help": "gunicorn worker timeout in seconds: a longer request is stopped and answered 503 (type timeout).",
        },
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser())
        object.__setattr__(self, "stance_context", context_mode(self.stance_context))
        object.__setattr__(self, "consistency_adjust", adjust_mode(self.consistency_adjust))
        for f in dataclasses.fields(self):
            if "range" in f.metadata:
                _check_range(f.name, getattr(self, f.name), *f.metadata["range"])
        if self.rate_limit:
            _check_rate_limit(self.rate_limit)
        _check_bind(self.bind)
        parse_origins(self.cors_origins)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``environ`` (default ``os.environ``); ``overrides`` win over both."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(PREFIX + f.name.upper())
            if raw is not None and raw != "":
                values[f.name] = _parse(f, raw)
        values.update(overrides)
        return cls(**values)


def _parse(f: dataclasses.Field[Any], raw: str) -> Any:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
    name = PREFIX + f.name.upper()
    try:
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if raw.lower() in _TRUE:
                return True
            if raw.lower() in _FALSE:
                return False
            raise ValueError(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a valid {kind}") from None
    return raw


def _check_range(name: str, value: float, low: float, high: float | None) -> None:
    """A count of 0 (no passages judged, batches of nothing) or a threshold past 1 is accepted by
    every parser and then quietly breaks verification; NaN passes every comparison."""
    if not math.isfinite(value) or value < low or (high is not None and value > high):
        raise ValueError(f"{PREFIX}{name.upper()}={value!r} must be {_range_text(low, high)}")


def _check_rate_limit(value: str) -> None:
    """Read by flask-limiter on each request, a limit it cannot parse made every request a 500."""
    from limits import parse_many

    try:
        parse_many(value)
    except ValueError:
        raise ValueError(
            f"{PREFIX}RATE_LIMIT={value!r} is not a rate limit such as 600/minute or 10/second;600/minute"
        ) from None


# gunicorn's address forms: HOST, HOST:PORT, :PORT (every interface), [IPv6]:PORT, tcp://..., unix:PATH, fd://N
_TCP_BIND = re.compile(r"(?:tcp://)?(?P<host>\[[0-9A-Fa-f:.]+\]|[^\s:\[\]/]*)(?::(?P<port>[0-9]{1,5}))?")
_OTHER_BIND = re.compile(r"unix:(?://)?\S.*|fd://[0-9]+")


def _check_bind(value: str) -> None:
    """A port past 65535 or one that is no number stopped gunicorn with a traceback."""
    tcp = _TCP_BIND.fullmatch(value)
    if _OTHER_BIND.fullmatch(value) or (tcp and (tcp["host"] or tcp["port"]) and int(tcp["port"] or 0) <= 65535):
        return
    raise ValueError(
        f"{PREFIX}BIND={value!r} is not an address to listen on such as 127.0.0.1:8000, [::1]:8000 or unix:PATH"
    )


# An origin is what a browser sends: scheme, host and port, with no path, not even "/".
_ORIGIN = re.compile(r"https?://[^\s/?#]+", re.I)


def parse_origins(raw: str) -> frozenset[str]:
    """``CORS_ORIGINS`` as a set of lower-case origins (``"*"`` for any). A value no browser sends
    (a trailing slash, a path) would match nothing and fail in silence, so it is an error."""
    origins = frozenset(part.strip().lower() for part in raw.split(",") if part.strip())
    for origin in origins:
        if origin != "*" and not _ORIGIN.fullmatch(origin):
            raise ValueError(
                f"{PREFIX}CORS_ORIGINS: {origin!r} is not an origin such as https://desk.example.org"
                " (scheme, host and port; no path or trailing slash), or *"
            )
    return origins


def _range_text(low: float, high: float | None) -> str:
    return f"at least {low}" if high is None else f"from {low} to {high}"


def context_mode(value: str | bool) -> ContextMode:
    """A stance-context mode; true/false (the setting's first form, a bool) mean always/never."""
    return _mode("STANCE_CONTEXT", value, CONTEXT_MODES, if_true="always", if_false="never")


def adjust_mode(value: str | bool) -> AdjustMode:
    """Which reasons adjust stance, in one spelling: words in ``ADJUST_WORDS`` order, all of them as
    `all`; true/false (the setting's first form, a bool) mean all/none."""
    lowered = str(value).strip().lower()
    if lowered == "all" or lowered in _TRUE:
        return "all"
    if lowered == "none" or lowered in _FALSE:
        return "none"
    # `years` is the name `dates` had when it compared years only.
    words = {"dates" if word.strip() == "years" else word.strip() for word in lowered.split(",")}
    if not words <= set(ADJUST_WORDS):
        allowed = ", ".join(("none", "all", *ADJUST_WORDS))
        raise ValueError(
            f"{PREFIX}CONSISTENCY_ADJUST={value!r} is not one of {allowed}, a comma list of them (or true/false)"
        )
    chosen = [word for word in ADJUST_WORDS if word in words]
    return "all" if len(chosen) == len(ADJUST_WORDS) else ",".join(chosen)


def _mode(name: str, value: str | bool, modes: tuple[Mode, ...], *, if_true: Mode, if_false: Mode) -> Mode:
    lowered = str(value).strip().lower()
    for mode in modes:
        if lowered == mode:
            return mode
    if lowered in _TRUE:
        return if_true
    if lowered in _FALSE:
        return if_false
    raise ValueError(f"{PREFIX}{name}={value!r} is not one of {', '.join(modes)} (or true/false)")


def settings_table() -> str:
    """The Markdown table of every setting, as committed in docs/config.md."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for f in dataclasses.fields(Settings):
        if f.default_factory is not dataclasses.MISSING:
            default = "per-user data dir (platformdirs)"
        else:
            default = f"`{f.default}`" if f.default != "" else "(empty)"
        allowed = f" Allowed: {_range_text(*f.metadata['range'])}." if "range" in f.metadata else ""
        rows.append(f"| `{PREFIX}{f.name.upper()}` | {default} | {f.metadata['help']}{allowed} |")
    return "\n".join(rows) + "\n"


def range_of(name: str) -> tuple[Any, Any]:
    """A setting's allowed range (low, high; high None when unbounded): the API's and the CLI's
    options that override a setting per request accept the same values."""
    low, high = {f.name: f.metadata["range"] for f in dataclasses.fields(Settings) if "range" in f.metadata}[name]
    return low, high


def default_of(name: str) -> Any:
    """A setting's default value, without building a Settings (which would resolve paths)."""
    return {f.name: f.default for f in dataclasses.fields(Settings)}[name]
