"""Every CLI command through click's runner, against real stores and the real embedder."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import cli
from service.pipeline import Pipeline
from service.settings import Settings
from tests.conftest import SEEDS, make_pipeline


@pytest.fixture
def run(tmp_path: Path, embedder):  # type: ignore[no-untyped-def]
    """Invoke the CLI with a pipeline over a fresh data dir that shares the session's model."""
    settings = Settings(data_dir=tmp_path / "cli-data", stance_model="none")

    def invoke(*args: str, pipeline: Pipeline | None = None):  # type: ignore[no-untyped-def]
        p = pipeline or make_pipeline(settings, embedder)
        return CliRunner().invoke(cli, list(args), obj={"pipeline": p}, catch_exceptions=False)

    return invoke


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("ingest", "verify", "articles", "reindex", "seed"):
        assert name in result.output


@pytest.mark.parametrize("module", ["service", "service.cli"])
def test_python_m_runs_the_cli_with_every_command(module: str) -> None:
    """``python -m service.cli`` used to import the module twice and fail on a circular import."""
    result = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    for name in ("eval", "reindex", "reprocess", "verify"):
        assert name in result.stdout


def test_seed_then_verify_readable_and_json(run) -> None:  # type: ignore[no-untyped-def]
    assert "seeded 5 article(s) (5 new or changed)" in run("seed").output
    assert "(0 new or changed)" in run("seed").output
    text = run("verify", "Xi last visited Russia in 2017.").output
    assert "Verdict: not_enough_info" in text and "stance model: none" in text
    assert "»Xi last visited Russia in 2019" in " ".join(text.split())
    assert "    (date mismatch: claim 2017, passage 2019)\n" in text, "each passage's reasons are printed"
    data = json.loads(run("verify", "Xi last visited Russia in 2017.", "--json", "--top-k", "3").output)
    assert data["claim"] == "Xi last visited Russia in 2017." and data["stance_model"] == "none"
    assert sum(len(s["passages"]) for s in data["sources"]) <= 3
    only = json.loads(run("verify", "Xi visits Moscow", "--json", "--source", "002_90152b6ba410b684").output)
    assert {s["source_id"] for s in only["sources"]} == {"002_90152b6ba410b684"}
    asked = run("verify", "Did Xi last visit Russia in 2017?").output
    assert "\nNote: read as a yes/no question: 'supported' means the sources answer yes" in asked
    typo = run("verify", "Xi visits Moscow", "--source", "002_typo")
    assert typo.exit_code == 1 and "no stored article with source_id '002_typo'" in typo.output


def test_ingest_files_directories_and_jsonl(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    rows = [
        {
            "source_id": "j1",
            "title": "Dam",
            "outlet": "Wire",
            "published_at": "2024-05-01",
            "text": "The dam was finished in May. It holds two lakes of water.",
        },
        {"text": "A record without an id still gets one. It has two sentences."},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run("ingest", str(SEEDS), str(feed), "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["status"] for line in lines] == ["created"] * 7
    assert "ingested 7 article(s): 7 created" in result.stderr
    listed = run("articles", "list").output
    assert "j1\t2 passages\tDam" in listed and "feed-2" in listed
    shown = json.loads(run("articles", "show", "j1", "--passages", "--json").output)
    assert shown["outlet"] == "Wire" and shown["passages"][1]["text"] == "It holds two lakes of water."
    first = shown["passages"][1]
    assert shown["text"][first["start"] : first["end"]] == first["text"]
    assert "unchanged" in run("ingest", str(feed)).output
    assert run("articles", "list", "--published-to", "2024-05-01").output == "j1\t2 passages\tDam\n"
    assert run("articles", "list", "--published-from", "2024-05-02").output == ""
    assert run("articles", "list", "--published-from", "yesterday").exit_code == 1
    dated = json.loads(run("verify", "The dam holds two lakes.", "--json", "--published-to", "2024-05-01").output)
    assert [s["source_id"] for s in dated["sources"]] == ["j1"], "only j1 has a published_at"
    before = json.loads(run("verify", "The dam holds two lakes.", "--json", "--published-to", "2024-04-30").output)
    assert before["sources"] == [] and before["verdict"] == "not_enough_info"
    readable = run("verify", "The dam holds two lakes.", "--published-to", "2024-04-30").output
    assert "No passage of the chosen sources and dates" in readable, "the window, not the store, is why"
    bad = run("verify", "The dam holds two lakes.", "--published-from", "May 1")
    assert bad.exit_code == 1 and "published_from 'May 1' is not an ISO 8601 date" in bad.stderr
    backwards = run("verify", "The dam.", "--published-from", "2024-05-02", "--published-to", "2024-05-01")
    assert backwards.exit_code == 1 and "is after published_to" in backwards.stderr
    last_year = "The dam was finished last year."
    claimed = json.loads(run("verify", last_year, "--json", "--claimed-on", "2025-02-01").output)
    assert claimed["claim"] == last_year
    undated = run("verify", last_year, "--claimed-on", "last May")
    assert undated.exit_code == 1 and "claimed_on 'last May' is not an ISO 8601 date" in undated.stderr


def test_ingest_gzipped_feeds_in_a_directory(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    record = {"text": "The pier closed on Tuesday after a storm. Repairs will take three weeks."}
    (feeds / "wire.2024.jsonl.gz").write_bytes(gzip.compress(json.dumps(record).encode()))
    (feeds / "notes.gz").write_bytes(gzip.compress(b"not a feed"))
    result = run("ingest", str(feeds))
    assert result.exit_code == 0 and "1 created" in result.output
    assert run("articles", "list").output == "wire.2024-1\t2 passages\t\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"abc\x00\x01def", "binary file"),
        ("latin1.txt", "Caf\xe9 au lait is served here daily.".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"   \n\n", "no sentences left"),
        ("furniture.md", b"Hide Ad\nAdvertisement\n3 comments\n", "no sentences left"),
        ("bad.jsonl", b'{"text": "fine text here. more."}\n{not json\n', "invalid JSON"),
        ("nofield.jsonl", b'{"title": "no text"}\n', "needs a non-empty 'text' or 'html'"),
        ("baddate.jsonl", b'{"text": "A sentence with words.", "published_at": "yesterday"}\n', "ISO 8601"),
        ("image.png", b"\x89PNG", "unsupported file type"),
        ("broken.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "not a readable gzip file"),
        ("half.jsonl", b'{"text": "A lone \\ud800 half of a pair."}\n', "text is not valid Unicode"),
        ("halfhtml.jsonl", b'{"html": "<p>The mayor \\ud800 opened the bridge.</p>"}\n', "html is not valid Unicode"),
        ("script.jsonl", b'{"text": "A sentence with words.", "url": "javascript:alert(1)"}\n', "not an absolute http"),
    ],
)
def test_bad_input_exits_1_and_stores_nothing(run, tmp_path: Path, name: str, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("A good article has a sentence. It has another one too.", encoding="utf-8")
    result = run("ingest", str(good), str(bad))
    assert result.exit_code == 1
    assert message in result.stderr and str(bad) in result.stderr
    assert "nothing was stored" in result.stderr
    assert run("articles", "list").output == ""


def test_skip_invalid_ingests_the_rest(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.txt").write_bytes(b"\x00")
    (tmp_path / "good.txt").write_text("A good article has a sentence. It has another one.", encoding="utf-8")
    result = run("ingest", "--skip-invalid", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"))
    assert result.exit_code == 1 and "1 created" in result.output
    assert "good" in run("articles", "list").output


def test_skip_invalid_keeps_a_feeds_good_records_and_reports_every_bad_one(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = [
        '{"source_id": "k1", "text": "The mayor resigned on Monday.", "published_at": 20240305}',
        '{"source_id": "k2", "text": "The governor resigned on Tuesday. She gave no reason."}',
        "{not json",
        '{"source_id": "k4", "text": "The judge retired.", "published_at": "2024-03-05T10:00+25:00"}',
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    strict = run("ingest", str(feed))
    assert strict.exit_code == 1 and "3 invalid input(s); nothing was stored" in strict.stderr
    result = run("ingest", "--skip-invalid", str(feed))
    assert result.exit_code == 1 and "1 created" in result.output
    for number in (1, 3, 4):
        assert f"{feed}:{number}: " in result.stderr
    assert run("articles", "list").output.startswith("k2\t")


def test_text_saved_as_utf16_with_a_byte_order_mark_is_read(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Windows editors save "Unicode" text as UTF-16 with a BOM; its NUL bytes are not a binary file."""
    (tmp_path / "notepad.txt").write_bytes("Caf\u00e9 prices rose in March. The owner said so.".encode("utf-16"))
    assert run("ingest", str(tmp_path / "notepad.txt")).exit_code == 0
    assert "Caf\u00e9 prices rose in March." in run("articles", "show", "notepad", "--passages").output


def test_missing_path_and_unknown_article(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", "/no/such/file.txt")
    assert result.exit_code == 1 and "no such file or directory" in result.stderr
    assert run("articles", "show", "nope").exit_code == 1
    deleted = run("articles", "delete", "nope")
    assert deleted.exit_code == 1 and "no article with source_id 'nope'" in deleted.stderr
    empty = run("verify", "Xi visited Moscow.")
    assert empty.exit_code == 0 and "The store holds no articles yet: `claimscope seed`" in empty.output
    assert run("verify", "   ").exit_code == 1
    wordless = run("verify", "?!")
    assert wordless.exit_code == 1 and "the claim has no letters or digits" in wordless.stderr
    # A terminal in another encoding: Python hands undecodable bytes over as lone surrogates.
    latin1 = run("verify", "Caf\udce9 prices rose.")
    assert latin1.exit_code == 1 and "the claim is not valid Unicode" in latin1.stderr


def test_delete_and_reindex(run) -> None:  # type: ignore[no-untyped-def]
    run("seed")
    assert run("articles", "delete", "000_4bd38a09334b47d0").output == "deleted 000_4bd38a09334b47d0\n"
    result = run("reindex")
    assert result.exit_code == 0 and result.output.startswith("reindexed ")
    assert "000_4bd38a09334b47d0" not in run("articles", "list").output


def test_min_similarity_must_be_a_number(run) -> None:  # type: ignore[no-untyped-def]
    """click's own FloatRange accepts "nan", which compares false with every similarity."""
    result = run("verify", "Xi visited Moscow.", "--min-similarity", "nan")
    assert result.exit_code == 2 and "'nan' is not a number" in result.output


def test_bad_setting_is_a_clean_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMSCOPE_TOP_K", "ten")
    result = CliRunner().invoke(cli, ["articles", "list"])
    assert result.exit_code == 1 and "CLAIMSCOPE_TOP_K='ten' is not a valid int" in result.stderr


@pytest.mark.parametrize(
    ("variable", "raw", "message"),
    [
        ("TOP_K", "0", "CLAIMSCOPE_TOP_K=0 must be from 1 to 100"),
        ("MIN_SIMILARITY", "nan", "CLAIMSCOPE_MIN_SIMILARITY=nan must be from -1.0 to 1.0"),
        ("SUPPORT_THRESHOLD", "1.5", "CLAIMSCOPE_SUPPORT_THRESHOLD=1.5 must be from 0.0 to 1.0"),
        ("EMBED_BATCH_SIZE", "0", "CLAIMSCOPE_EMBED_BATCH_SIZE=0 must be at least 1"),
        ("MAX_PASSAGE_CHARS", "5", "CLAIMSCOPE_MAX_PASSAGE_CHARS=5 must be at least 40"),
        ("RATE_LIMIT", "lots", "CLAIMSCOPE_RATE_LIMIT='lots' is not a rate limit such as 600/minute"),
        ("BIND", "127.0.0.1:99999", "CLAIMSCOPE_BIND='127.0.0.1:99999' is not an address to listen on"),
    ],
)
def test_a_setting_out_of_its_range_is_a_clean_error(
    monkeypatch: pytest.MonkeyPatch, variable: str, raw: str, message: str
) -> None:
    """Each parses as a number, and then verification would judge nothing or every article be empty."""
    monkeypatch.setenv("CLAIMSCOPE_" + variable, raw)
    result = CliRunner().invoke(cli, ["articles", "list"])
    assert result.exit_code == 1 and message in result.stderr


def test_a_data_dir_that_cannot_be_created_is_a_clean_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("CLAIMSCOPE_DATA_DIR", str(tmp_path / "a-file" / "data"))
    result = CliRunner().invoke(cli, ["articles", "list"])
    assert result.exit_code == 1
    assert f"cannot create the data dir {tmp_path}/a-file/data: Not a directory" in result.stderr


def test_two_inputs_with_one_source_id_are_an_error_not_a_silent_replace(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two folders' index.html are both 'index': storing both would keep only the second."""
    for folder, text in (("may", "The council raised taxes in May."), ("june", "The council cut taxes in June.")):
        (tmp_path / "pages" / folder).mkdir(parents=True)
        (tmp_path / "pages" / folder / "index.txt").write_text(text, encoding="utf-8")
    feed = tmp_path / "wire.jsonl"
    feed.write_text(
        '{"source_id": "w", "text": "The mayor resigned."}\n{"source_id": "w", "text": "She stayed on as mayor."}\n'
    )
    strict = run("ingest", str(tmp_path / "pages"), str(feed))
    assert strict.exit_code == 1 and "2 invalid input(s); nothing was stored" in strict.stderr
    assert (
        f"{tmp_path}/pages/may/index.txt: source_id 'index' is also {tmp_path}/pages/june/index.txt's" in strict.stderr
    )
    assert f"{feed}:2: source_id 'w' is also {feed}:1's" in strict.stderr
    kept = run("ingest", "--skip-invalid", str(tmp_path / "pages"), str(feed))
    assert kept.exit_code == 1 and "2 created" in kept.output
    assert "The council cut taxes in June." in run("articles", "show", "index", "--passages").output


def test_an_input_that_fails_holds_no_source_id(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "index.txt").write_text("Advertisement", encoding="utf-8")
    (tmp_path / "b" / "index.txt").write_text("The council cut taxes in June.", encoding="utf-8")
    result = run("ingest", "--skip-invalid", str(tmp_path / "a"), str(tmp_path / "b"))
    assert result.exit_code == 1 and "1 created" in result.output
    assert f"{tmp_path}/a/index.txt: index: no sentences left after cleaning" in result.stderr
    assert "is also" not in result.stderr


def test_a_file_named_twice_is_read_once_and_hidden_files_are_passed_over(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pages" / ".git").mkdir(parents=True)
    (tmp_path / "pages" / ".git" / "description.txt").write_text("Unnamed repository; edit this file to name it.")
    (tmp_path / "pages" / ".draft.md").write_text("A draft nobody should publish yet.", encoding="utf-8")
    (tmp_path / "pages" / "a.txt").write_text("The bridge opened on Monday.", encoding="utf-8")
    result = run("ingest", str(tmp_path / "pages"), f"{tmp_path}/pages/./a.txt")
    assert result.exit_code == 0 and "ingested 1 article(s): 1 created" in result.output
    assert run("articles", "list").output.startswith("a\t")
    assert run("ingest", str(tmp_path / "pages" / ".draft.md")).exit_code == 0, "a hidden file named outright is read"


def test_dash_reads_a_feed_from_standard_input(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    pipeline = make_pipeline(Settings(data_dir=tmp_path / "d", stance_model="none"), embedder)
    feed = '{"text": "The dam burst after heavy rain."}\n{oops\n{"source_id": "s2", "text": "The river rose."}\n'
    result = CliRunner().invoke(cli, ["ingest", "--skip-invalid", "-"], input=feed, obj={"pipeline": pipeline})
    assert result.exit_code == 1 and "<stdin>:2: invalid JSON" in result.stderr
    assert "2 created" in result.output
    assert [a.source_id for a in pipeline.store.list_articles()] == ["s2", "stdin-1"]


def test_the_cited_sentence_is_bold_on_a_terminal_and_plain_in_a_pipe(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    """The bold markers are added after the stored text is escaped, so they are never escaped
    themselves: a terminal gets real bold, a pipe gets the bare »« marks and no ``\\x1b`` text."""
    settings = Settings(data_dir=tmp_path / "cli-data", stance_model="none")
    pipeline = make_pipeline(settings, embedder)
    pipeline.seed()
    args = ["verify", "Xi last visited Russia in 2017."]
    piped = " ".join(CliRunner().invoke(cli, args, obj={"pipeline": pipeline}).output.split())
    terminal = " ".join(CliRunner().invoke(cli, args, obj={"pipeline": pipeline}, color=True).output.split())
    assert "»Xi last visited Russia in 2019" in piped
    assert "\\x1b" not in piped and "\x1b" not in piped
    assert "\x1b[1m»Xi last visited Russia in 2019" in terminal and "\\x1b" not in terminal


def test_control_characters_in_stored_text_are_printed_escaped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A feed's escape sequences must not reach the reader's terminal through articles or verify."""
    feed = tmp_path / "feed.jsonl"
    text = "The council \u001b]0;pwned\u0007approved the new budget on Tuesday after a long debate."
    feed.write_text(json.dumps({"source_id": "esc", "text": text}) + "\n", encoding="utf-8")
    assert run("ingest", str(feed)).exit_code == 0
    outputs = [
        run("articles", "show", "esc", "--passages").output,
        run("verify", "The council approved the budget.").output,
    ]
    for output in outputs:
        assert "\x1b" not in output and "\x07" not in output
        assert "council \\x1b]0;pwned\\x07approved" in output
