"""Plain records shared by the pipeline and storage (no behaviour, no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's stored text."""

    start: int
    end: int


@dataclass(frozen=True)
class ArticleInput:
    """An article as submitted, before cleaning. ``text`` is what offsets will point into."""

    source_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published_at: str | None = None


@dataclass(frozen=True)
class Article:
    source_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published_at: str | None
    ingested_at: str
    content_hash: str
    text: str
    passage_count: int = 0

    def to_dict(self, include_text: bool = False) -> dict[str, object]:
        """The metadata (and optionally the text) as the CLI and API show it."""
        keys = ["source_id", "title", "url", "outlet", "published_at", "ingested_at", "content_hash", "passage_count"]
        return {k: getattr(self, k) for k in keys + (["text"] if include_text else [])}


@dataclass(frozen=True)
class Passage:
    """One sentence of an article; ``text == article.text[start:end]`` always holds."""

    id: int
    source_id: str
    ordinal: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"passage_id": self.id, "ordinal": self.ordinal, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class PassageDraft:
    """A passage about to be stored (no id yet) with its embedding input."""

    ordinal: int
    text: str
    start: int
    end: int


@dataclass
class IngestResult:
    source_id: str
    status: str  # "created" | "replaced" | "updated" | "unchanged"
    passage_count: int
    content_hash: str
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceFilter:
    """Which articles a search may cite: those named, and those published in a window. The
    bounds are inclusive ISO 8601 dates or date-times (a bare date covers its whole day); an
    article with no ``published_at`` is outside every window."""

    source_ids: tuple[str, ...] = ()
    published_from: str | None = None
    published_to: str | None = None

    def __bool__(self) -> bool:
        return bool(self.source_ids or self.published_from or self.published_to)
