"""Shared fixtures: real models loaded once per session, every store in a temporary folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from service.pipeline import Pipeline  # noqa: E402
from service.pipeline.embed import (
    Embedder,  # noqa: E402
    model_input,  # noqa: E402
)
from service.pipeline.ingest import content_hash  # noqa: E402
from service.pipeline.stance import StanceModel, load_stance_model  # noqa: E402
from service.records import ArticleInput, PassageDraft  # noqa: E402
from service.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch a real data directory."""
    monkeypatch.setenv("CLAIMSCOPE_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real packaged all-MiniLM-L6-v2, loaded once for the whole run."""
    model = Embedder()
    model.encode(["warm up"])
    return model


_SHIPPED_STANCE: list[StanceModel] = []


def shipped_stance_model() -> StanceModel:
    """The default stance model (the one claimscope ships), loaded once per test session."""
    if not _SHIPPED_STANCE:
        _SHIPPED_STANCE.append(load_stance_model(""))
    return _SHIPPED_STANCE[0]


def save_tiny_bert(out: Path, labels: tuple[str, ...], dropout: float = 0.1, layers: int = 1) -> Path:
    """A randomly initialised BERT classifier (1 layer unless told) with the embedder's tokenizer, saved to ``out``:
    the real loading and training code runs on it in seconds, with no download."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertForSequenceClassification

    from service.pipeline.embed import resolve_embedder

    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(resolve_embedder(""))
    config = BertConfig(
        vocab_size=tokenizer.vocab_size,
        hidden_size=32,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=64,
        hidden_dropout_prob=dropout,
        attention_probs_dropout_prob=dropout,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={name: i for i, name in enumerate(labels)},
    )
    BertForSequenceClassification(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def make_pipeline(settings: Settings, embedder: Embedder) -> Pipeline:
    """A pipeline sharing the session's models (the embedder, and the default stance model when
    the settings ask for the default) instead of loading them again."""
    stance_model = shipped_stance_model() if settings.stance_model == "" else None
    return Pipeline(settings, embedder=embedder, stance_model=stance_model)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "store")


@pytest.fixture
def pipeline(settings: Settings, embedder: Embedder) -> Iterator[Pipeline]:
    p = make_pipeline(settings, embedder)
    yield p
    p.close()


@pytest.fixture(scope="session")
def _seeded_dir(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Path:
    data_dir = tmp_path_factory.mktemp("seeded")
    p = make_pipeline(Settings(data_dir=data_dir), embedder)
    p.seed()
    p.close()
    return data_dir


@pytest.fixture
def seeded(_seeded_dir: Path, tmp_path: Path, embedder: Embedder) -> Iterator[Pipeline]:
    """A pipeline over a private copy of a store holding the five seed articles."""
    data_dir = tmp_path / "seeded"
    shutil.copytree(_seeded_dir, data_dir)
    p = make_pipeline(Settings(data_dir=data_dir), embedder)
    yield p
    p.close()


OLD_INGEST = "2024-01-01T00:00:00+00:00"


def line_drafts(text: str) -> list[PassageDraft]:
    """One passage per line, as a release whose cleaner kept every line would have stored."""
    drafts, start = [], 0
    for ordinal, line in enumerate(text.split("\n")):
        drafts.append(PassageDraft(ordinal, line, start, start + len(line)))
        start += len(line) + 1
    return drafts


def store_as_an_older_release(pipeline: Pipeline, article: ArticleInput, drafts: list[PassageDraft]) -> None:
    vectors = pipeline.embedder.encode([d.text for d in drafts])
    bodies = [model_input(d.text) for d in drafts]
    pipeline.store.replace_article(article, OLD_INGEST, content_hash(article.text), drafts, vectors, bodies)


def cited_passages(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each passage a verification report cites, by its text."""
    return {p["text"]: p for s in report["sources"] for p in s["passages"]}
