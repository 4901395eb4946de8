"""SQLite + FAISS store: persistence, replace, delete, repair. Deterministic vectors (no model)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from service.errors import ConfigurationError
from service.records import ArticleInput, PassageDraft, SourceFilter
from service.storage import Store
from service.storage.migrations import MIGRATIONS
from service.storage.published import comparable_iso, empty_window, published_key
from service.storage.vectors import MIN_TRAINING_VECTORS, VectorIndex

DIM = 8


def vector(text: str) -> np.ndarray:
    seed = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
    v = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return v / np.linalg.norm(v)


def put(
    store: Store, source_id: str, sentences: list[str], save: bool = True, published_at: str | None = None
) -> list[int]:
    text = " ".join(sentences)
    drafts, pos = [], 0
    for i, s in enumerate(sentences):
        start = text.index(s, pos)
        drafts.append(PassageDraft(i, s, start, start + len(s)))
        pos = start + len(s)
    vectors = np.stack([vector(s) for s in sentences])
    return store.replace_article(
        ArticleInput(source_id, text, title=source_id, published_at=published_at),
        "2026-01-01T00:00:00+00:00",
        "h-" + text,
        drafts,
        vectors,
        sentences,
        save_index=save,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "d")
    s.ensure_dim(DIM)
    return s


def consistent(store: Store) -> bool:
    return sorted(store.index.ids().tolist()) == sorted(store.sql.all_passage_ids().tolist())


def test_survives_restart(store: Store, tmp_path: Path) -> None:
    ids = put(store, "a", ["Alpha one.", "Alpha two."])
    store.close()
    reopened = Store(tmp_path / "d")
    assert reopened.dim == DIM
    assert reopened.index.size == 2 and consistent(reopened)
    assert [p.id for p in reopened.passages_of("a")] == ids
    assert reopened.dense_search(vector("Alpha two."), 1)[0][0] == ids[1]


def test_replace_swaps_passages_and_vectors(store: Store) -> None:
    old = put(store, "a", ["Alpha one.", "Alpha two."])
    new = put(store, "a", ["Beta one.", "Beta two.", "Beta three."])
    assert not set(old) & set(new), "ids are never reused"
    assert store.index.size == 3 and consistent(store)
    assert store.counts() == (1, 3)
    assert store.lexical_search('"alpha"', 5) == []
    assert set(store.lexical_search('"beta"', 5)) == set(new)


def test_delete_removes_everything(store: Store) -> None:
    put(store, "a", ["Alpha one."])
    kept = put(store, "b", ["Beta one."])
    assert store.delete_article("a") is True
    assert store.delete_article("a") is False
    assert store.get_article("a") is None
    assert store.index.ids().tolist() == kept
    assert store.lexical_search('"alpha"', 5) == []


def test_source_filter_searches_only_those_sources(store: Store) -> None:
    put(store, "a", ["Alpha one."])
    b = put(store, "b", ["Beta one."])
    hits = store.dense_search(vector("Alpha one."), 5, SourceFilter(("b",)))
    assert [pid for pid, _ in hits] == b
    assert store.lexical_search('"one"', 5, SourceFilter(("b",))) == b
    assert store.stored_sources(["a", "b", "zz"]) == {"a", "b"}
    assert store.stored_sources([]) == set()


@pytest.mark.parametrize("factory", ["SQfp16", "IVF4,Flat"])  # FAISS skips the rest; untrained: exact over SQLite
def test_a_date_window_searches_only_articles_published_in_it(tmp_path: Path, factory: str) -> None:
    store = Store(tmp_path / "d", factory=factory)
    store.ensure_dim(DIM)
    assert store.index.trained is (factory == "SQfp16")
    put(store, "undated", ["Gamma one."])
    put(store, "march", ["Alpha one.", "Alpha two."], published_at="2024-03-01")
    late = put(store, "late-on-the-5th", ["Beta one."], published_at="2024-03-05T23:30:00Z")
    put(store, "april", ["Delta one."], published_at="2024-04-02")
    window = SourceFilter(published_from="2024-03-02", published_to="2024-03-05")
    assert [pid for pid, _ in store.dense_search(vector("Alpha one."), 5, window)] == late
    assert store.lexical_search('"one"', 5, window) == late
    both = SourceFilter(("march", "april"), published_to="2024-03-31")
    assert {store.passages([pid])[pid].source_id for pid, _ in store.dense_search(vector("x"), 9, both)} == {"march"}
    listed = store.list_articles(published_from="2024-03-05", published_to="2024-03-05")
    assert [a.source_id for a in listed] == ["late-on-the-5th"]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00Z", "2024-03-05T23:30:00Z"),
        ("20240305", "2024-03-05"),
        ("2024-W10-2", "2024-03-05"),
        ("2024-03-05 23:30", "2024-03-05T23:30:00"),
        ("20240305T2330+0100", "2024-03-05T23:30:00+01:00"),
    ],
)
def test_dates_are_stored_and_compared_in_one_layout(tmp_path: Path, given: str, stored: str) -> None:
    """Windows compare dates as text; "20240305" as given would sort after every day of 2024."""
    assert comparable_iso(given) == stored
    store = Store(tmp_path / "d")
    store.ensure_dim(DIM)
    put(store, "early", ["Alpha one."], published_at="2024-03-01")
    put(store, "on-the-5th", ["Beta one."], published_at=given)
    put(store, "late", ["Gamma one."], published_at="2024-12-31")
    assert store.get_article("on-the-5th").published_at == stored  # type: ignore[union-attr]
    for first, last in (("2024-03-02", "2024-03-05"), ("20240302", "20240305"), ("2024-W09-6", "2024-W10-2")):
        listed = store.list_articles(published_from=first, published_to=last)
        assert [a.source_id for a in listed] == ["on-the-5th"], (first, last)
    store.close()


def test_a_store_from_before_one_date_layout_gets_it_on_open(store: Store, tmp_path: Path) -> None:
    put(store, "a", ["Alpha one."], published_at="2024-03-05")
    db = back_to_version_4(store)
    db.execute("UPDATE articles SET published_at = '20240305'")
    db.execute("PRAGMA user_version = 3")
    store.close()
    reopened = Store(tmp_path / "d")
    assert reopened.get_article("a").published_at == "2024-03-05"  # type: ignore[union-attr]
    assert [a.source_id for a in reopened.list_articles(published_from="2024-03-05")] == ["a"]
    reopened.close()


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("2024-03-05", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("2024-03-05T23:30:00", "2024-03-05T23:30:00"),
        ("2024-03-05T23:30:00Z", "2024-03-05T23:30:00"),
        ("2024-03-05T23:30:00-05:00", "2024-03-06T04:30:00"),
        ("20240306T0100+0100", "2024-03-06T00:00:00"),
        ("2024-03-05T10:00:00.5+05:30", "2024-03-05T04:30:00.500000"),
        ("0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00"),
        ("9999-12-31T23:59:59-01:00", "9999-12-31T23:59:59"),
    ],
)
def test_a_date_time_is_compared_as_its_moment_in_utc(given: str, key: str) -> None:
    assert published_key(given) == key


@pytest.mark.parametrize(
    ("first", "last", "empty"),
    [
        ("2024-03-05", "2024-03-05", False),
        ("2024-03-05T23:00:00", "2024-03-05", False),
        ("2024-03-06", "2024-03-05", True),
        ("2024-03-05", "2024-03-04T23:00:00-02:00", False),
        ("2024-03-06T03:00:00+02:00", "2024-03-06T00:30:00Z", True),
        ("2024-03-06T03:00:00+02:00", "2024-03-06T01:00:00Z", False),
        (None, "2024-03-05", False),
    ],
)
def test_a_window_is_empty_when_it_ends_before_it_starts(first: str | None, last: str, empty: bool) -> None:
    assert empty_window(first, last) is empty


def test_date_times_with_different_offsets_are_windowed_by_their_moments(store: Store) -> None:
    """As text, "2024-03-05T23:30:00-05:00" sorts before "2024-03-06T01:00:00+01:00", though it is
    four and a half hours later."""
    put(store, "new-york", ["Alpha one."], published_at="2024-03-05T23:30:00-05:00")
    put(store, "paris", ["Beta one."], published_at="2024-03-06T01:00:00+01:00")
    assert store.get_article("new-york").published_at == "2024-03-05T23:30:00-05:00"  # type: ignore[union-attr]

    def listed(first: str | None = None, last: str | None = None) -> list[str]:
        return [a.source_id for a in store.list_articles(published_from=first, published_to=last)]

    assert listed("2024-03-06T02:00:00Z") == ["new-york"]
    assert listed(last="2024-03-06T02:00:00+00:00") == ["paris"]
    assert listed(last="2024-03-05") == []
    assert listed("2024-03-06", "2024-03-06") == ["new-york", "paris"]
    window = SourceFilter(published_from="2024-03-06T01:00:00+02:00", published_to="2024-03-06T00:30Z")
    assert store.sql.passage_ids_for(window).tolist() == store.sql.passage_ids_of("paris")


def test_a_store_from_before_utc_keys_gets_them_on_open(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    put(store, "new-york", ["Alpha one."], published_at="2024-03-05T23:30:00-05:00")
    put(store, "undated", ["Beta one."])
    back_to_version_4(store)
    store.close()
    reopened = Store(tmp_path / "d")
    assert f"from schema 4 to {len(MIGRATIONS)}" in caplog.text, "an upgrade, which may take a while, is logged"
    caplog.clear()
    Store(tmp_path / "new").close()
    assert "upgrading" not in caplog.text, "creating a store is no upgrade"
    assert [a.source_id for a in reopened.list_articles(published_from="2024-03-06")] == ["new-york"]
    assert [a.source_id for a in reopened.list_articles(published_to="2024-03-05")] == []
    reopened.close()


def back_to_version_4(store: Store) -> sqlite3.Connection:
    """The store's schema as it was before UTC keys (migration 5)."""
    db = store.sql.db
    db.execute("DROP INDEX articles_published")
    db.execute("ALTER TABLE articles DROP COLUMN published_key")
    db.execute("CREATE INDEX articles_published ON articles(published_at, first_passage_id, last_passage_id)")
    db.execute("PRAGMA user_version = 4")
    return db


def test_an_ivf_index_probes_more_lists_for_a_narrow_window() -> None:
    """A window holding 2% of an IVF index's passages is spread thin over its lists: probing one
    list, as an unfiltered search does here, would find a few of them instead of the ten nearest."""
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(3_200, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(16, "IVF16,Flat", nprobe=1)
    index.train(vectors)
    index.add(np.arange(len(vectors)), vectors)
    window = np.sort(rng.choice(len(vectors), size=64, replace=False))
    for query in vectors[:5] + 0.1:
        _, found = index.search(query, 10, among=window)
        nearest = window[np.argsort(-(vectors[window] @ query), kind="stable")[:10]]
        assert found.tolist() == nearest.tolist()


def back_to_version_2(store: Store) -> sqlite3.Connection:
    """The store's schema as it was before passage spans (migration 3)."""
    db = back_to_version_4(store)
    db.execute("DROP INDEX articles_published")
    for column in ("first_passage_id", "last_passage_id"):
        db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    db.execute("CREATE INDEX articles_published ON articles(published_at)")
    db.execute("PRAGMA user_version = 2")
    return db


def test_a_filter_reads_each_articles_span_of_passage_ids(store: Store) -> None:
    a = put(store, "a", ["Alpha one.", "Alpha two.", "Alpha three."])
    b = put(store, "b", ["Beta one."])
    c = put(store, "c", ["Gamma one.", "Gamma two."])
    spans = store.sql.db.execute("SELECT source_id, first_passage_id, last_passage_id FROM articles").fetchall()
    assert sorted(spans) == [("a", a[0], a[-1]), ("b", b[0], b[0]), ("c", c[0], c[-1])]
    store.sql.db.execute("UPDATE articles SET first_passage_id = NULL, last_passage_id = NULL WHERE source_id = 'b'")
    ids = store.sql.passage_ids_for(SourceFilter(("a", "b", "c")))
    assert sorted(ids.tolist()) == sorted(a + b + c), "an article without a span is listed passage by passage"
    assert store.sql.passage_ids_for(SourceFilter(("zz",))).tolist() == []


def test_a_store_from_before_passage_spans_gets_them_on_open(store: Store, tmp_path: Path) -> None:
    a = put(store, "a", ["Alpha one.", "Alpha two."])
    put(store, "b", ["Beta one."])
    back_to_version_2(store)
    store.close()
    reopened = Store(tmp_path / "d")
    row = reopened.sql.db.execute("SELECT first_passage_id, last_passage_id FROM articles WHERE source_id = 'a'")
    assert row.fetchone() == (a[0], a[-1])
    assert sorted(reopened.sql.passage_ids_for(SourceFilter(("a",))).tolist()) == a
    reopened.close()


def test_processes_opening_an_old_store_at_once_migrate_it_once(store: Store, tmp_path: Path) -> None:
    """They wait for the migration longer than a writer waits for another (here 1 s; a large
    store's migration can take longer than the 30 s a writer waits)."""
    put(store, "a", ["Alpha one.", "Alpha two."])
    db = back_to_version_2(store)
    db.execute("BEGIN IMMEDIATE")  # hold the write lock while both processes read version 2
    code = (
        "import sys, pathlib, service.storage.sqlite as s; "
        "s.BUSY_TIMEOUT_S = 1; s.SQLiteStore(pathlib.Path(sys.argv[1]))"
    )
    path = str(store.sql.path)
    openers = [
        subprocess.Popen([sys.executable, "-c", code, path], stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    time.sleep(2.0)
    db.execute("ROLLBACK")
    logs = [opener.communicate(timeout=60)[1] for opener in openers]
    for opener, log in zip(openers, logs, strict=True):
        assert opener.returncode == 0, log
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert sum("upgrading" in log for log in logs) == 1, "only the one that migrates says it upgrades"


def test_repairs_an_index_that_lags_sqlite(store: Store, tmp_path: Path) -> None:
    put(store, "a", ["Alpha one."])
    put(store, "b", ["Beta one.", "Beta two."], save=False)  # a writer that died before saving FAISS
    stale = VectorIndex.load(store.index_path, DIM, store.factory)
    assert stale.size == 1 and stale.generation < store.sql.generation()
    store.close()
    reopened = Store(tmp_path / "d")
    assert reopened.index.size == 3 and consistent(reopened)
    assert reopened.index.generation == reopened.sql.generation()


def test_repairs_a_missing_or_corrupt_index(store: Store, tmp_path: Path) -> None:
    put(store, "a", ["Alpha one.", "Alpha two."])
    store.close()
    store.index_path.write_bytes(b"not a faiss file")
    reopened = Store(tmp_path / "d")
    assert reopened.index.size == 2 and consistent(reopened)


def test_article_pages_read_every_article_a_page_at_a_time(store: Store) -> None:
    for source_id, day in [("e", "2024-01-05"), ("a", "2024-01-01"), ("c", None), ("b", "2024-01-02"), ("d", None)]:
        put(store, source_id, [f"Sentence of {source_id}."], published_at=day)
    pages = [[a.source_id for a in page] for page in store.article_pages(page_size=2)]
    assert pages == [["a", "b"], ["c", "d"], ["e"]]
    dated = [[a.source_id for a in page] for page in store.article_pages(page_size=2, published_from="2024-01-02")]
    assert dated == [["b", "e"]]


def test_rebuild_index_matches_sqlite(store: Store) -> None:
    put(store, "a", ["Alpha one.", "Alpha two."])
    store.delete_article("a")
    put(store, "b", ["Beta one."])
    assert store.rebuild_index() == 1 and consistent(store)


def test_refuses_an_embedder_of_another_size(store: Store, tmp_path: Path) -> None:
    put(store, "a", ["Alpha one."])
    with pytest.raises(ConfigurationError, match="8-dimensional") as refused:
        Store(tmp_path / "d").ensure_dim(DIM * 2)
    assert "`claimscope articles export --output FILE` writes its articles out" in str(refused.value)
    assert Store(tmp_path / "d").list_articles()[0].source_id == "a", "what export reads needs no embedder"


def exact_nearest(store: Store, query: np.ndarray, k: int) -> list[int]:
    ids, vectors = store.sql.vectors()
    return [int(ids[i]) for i in np.argsort(-(vectors @ query), kind="stable")[:k]]


def test_a_trained_index_waits_for_enough_vectors_then_trains_in_every_process(tmp_path: Path) -> None:
    s = Store(tmp_path / "ivf", factory="IVF4,Flat", nprobe=4)
    s.ensure_dim(DIM)
    other = Store(tmp_path / "ivf", factory="IVF4,Flat", nprobe=4)  # a second worker
    needed = s.index.training_size()
    assert needed == MIN_TRAINING_VECTORS
    put(s, "a", [f"Sentence number {i}." for i in range(needed - 10)])
    query = vector("a claim")
    assert not s.index.trained and s.index.size == 0
    assert [pid for pid, _ in s.dense_search(query, 5)] == exact_nearest(s, query, 5), "exact over SQLite meanwhile"
    put(s, "b", [f"Another sentence {i}." for i in range(20)])
    assert s.index.trained and s.index.size == needed + 10 and consistent(s)
    assert [pid for pid, _ in s.dense_search(query, 5)] == exact_nearest(s, query, 5), "nprobe covers every list"
    other.refresh()
    assert other.index.trained and consistent(other)
    s.delete_article("b")
    assert s.index.size == needed - 10
    reopened = Store(tmp_path / "ivf", factory="IVF4,Flat")
    assert reopened.index.trained and reopened.index.size == needed - 10, "saved trained"
    assert reopened.rebuild_index() == 0 and reopened.vectors_until_trained() == 10, "too few to train anew"
    assert [pid for pid, _ in reopened.dense_search(query, 5)] == exact_nearest(reopened, query, 5)


@pytest.mark.parametrize("factory", ["Flat", "SQfp16", "SQ8"])
def test_factories_that_remove_vectors_serve_the_same_neighbours(tmp_path: Path, factory: str) -> None:
    s = Store(tmp_path / factory, factory=factory)
    s.ensure_dim(DIM)
    put(s, "a", [f"Sentence number {i}." for i in range(MIN_TRAINING_VECTORS)])
    put(s, "b", ["Beta one.", "Beta two."])
    assert s.index.size == MIN_TRAINING_VECTORS + 2 and consistent(s)
    query = vector("Beta one.")
    assert s.dense_search(query, 1)[0][0] == exact_nearest(s, query, 1)[0]
    s.delete_article("b")
    assert consistent(s)


def test_another_factory_rebuilds_the_index_from_sqlite_on_open(tmp_path: Path) -> None:
    old = Store(tmp_path / "d", factory="Flat")
    old.ensure_dim(DIM)
    put(old, "a", ["Alpha one.", "Alpha two."])
    old.close()
    upgraded = Store(tmp_path / "d", factory="SQfp16")
    assert upgraded.index.size == 2 and consistent(upgraded)
    assert json.loads((tmp_path / "d" / "passages.faiss.json").read_text())["factory"] == "SQfp16"


@pytest.mark.parametrize(("factory", "problem"), [("Banana", "not a FAISS"), ("HNSW32", "cannot remove")])
def test_refuses_a_factory_it_cannot_use(tmp_path: Path, factory: str, problem: str) -> None:
    with pytest.raises(ConfigurationError, match=problem):
        Store(tmp_path / "d", factory=factory)


def test_cursor_pagination_and_filters(store: Store) -> None:
    for sid in ["c", "a", "b"]:
        put(store, sid, [f"Text of {sid}."])
    first = store.list_articles(limit=2)
    assert [a.source_id for a in first] == ["a", "b"]
    assert [a.source_id for a in store.list_articles(limit=2, after="b")] == ["c"]
    assert store.list_articles(outlet="nowhere") == []


def test_a_second_process_catches_up_incrementally(store: Store, tmp_path: Path) -> None:
    other = Store(tmp_path / "d")  # another worker's view of the same data dir
    a = put(store, "a", ["Alpha one.", "Alpha two."], save=False)
    b = put(store, "b", ["Beta one."], save=False)
    store.delete_article("a", save_index=False)
    assert other.index.size == 0
    other.refresh()
    assert other.index.ids().tolist() == b and other.index.generation == store.sql.generation()
    assert not set(a) & set(other.index.ids().tolist())
    put(other, "c", ["Gamma one."], save=False)
    store.refresh()
    assert consistent(store) and store.index.size == 2


def test_change_log_gap_falls_back_to_a_full_diff(store: Store, tmp_path: Path) -> None:
    other = Store(tmp_path / "d")
    put(store, "a", ["Alpha one."], save=False)
    with store.sql.transaction() as db:
        db.execute("DELETE FROM changes")  # as if pruned long ago
    put(store, "b", ["Beta one."], save=False)
    other.refresh()
    assert consistent(other) and other.index.size == 2
