"""HTML input: article text and metadata from trafilatura, and nothing it merely guesses; the page's
declared charset."""

import hashlib
import re
from pathlib import Path

import pytest

from service.errors import EncodingError, InvalidInputError
from service.pipeline.documents import decode, file_source_id, html_to_article, read_file, read_paths

BODY = (
    "<article><h1>Bridge opens</h1>"
    "<p>The new bridge over the river opened in March 2020 after four years of work.</p></article>"
)


def page(head: str = "") -> str:
    return f"<html><head>{head}</head><body>{BODY}</body></html>"


def published(date: str) -> str:
    return f'<meta property="article:published_time" content="{date}">'


def test_html_date_comes_from_the_pages_metadata() -> None:
    assert html_to_article(page(published("2023-03-17T10:00:00Z")), "bridge").published_at == "2023-03-17"


def test_html_date_is_not_guessed_from_years_in_the_text() -> None:
    article = html_to_article(page(), "bridge")
    assert "March 2020" in article.text
    assert article.published_at is None


@pytest.mark.parametrize(
    "fragment",
    [
        "<p>The council &amp; the mayor approved the budget on Tuesday after a long debate.</p>",
        "<div>The council &amp; the mayor approved the <b>budget</b> on Tuesday after a long debate.</div>",
        "The council &amp; the mayor approved the budget on Tuesday after a long debate.",
    ],
)
def test_a_feeds_html_fragment_gives_its_text(fragment: str) -> None:
    """RSS carries article bodies as fragments, in which trafilatura alone finds no text at all."""
    article = html_to_article(fragment, "brief")
    assert article.text == "The council & the mayor approved the budget on Tuesday after a long debate."


def test_given_metadata_wins_over_the_pages() -> None:
    article = html_to_article(page(published("2023-03-17")), "bridge", published_at="2023-03-18", title="Given")
    assert (article.published_at, article.title) == ("2023-03-18", "Given")


def test_a_pages_url_is_kept_only_when_it_is_a_web_address() -> None:
    """Clients render the url as a link, so a page's markup must not make it run script (trafilatura
    drops such addresses; the url a user gives is checked by ``ingest.check_fields``)."""
    canonical = '<link rel="canonical" href="{}">'
    assert (
        html_to_article(page(canonical.format("https://example.com/bridge")), "b").url == "https://example.com/bridge"
    )
    assert html_to_article(page(canonical.format("javascript:alert(1)")), "b").url is None
    assert html_to_article(page(canonical.format("https://example.com:99999/b")), "b").url is None


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1252">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
)
def test_a_page_in_the_charset_it_declares_is_read_in_it(tmp_path: Path, head: str) -> None:
    """Scraped pages are often Latin-1 or windows-1252; browsers read iso-8859-1 as the latter."""
    path = tmp_path / "cafe.html"
    body = "<article><p>The café on Main Street closed on Monday after “forty years” of trade.</p></article>"
    path.write_bytes(f"<html><head>{head}</head><body>{body}</body></html>".encode("cp1252"))
    [article] = read_file(path)
    assert "The café on Main Street closed on Monday after “forty years” of trade." in article.text


@pytest.mark.parametrize(
    ("head", "message"),
    [
        ("", "not valid UTF-8 (byte 31); convert it to UTF-8 first"),
        ('<meta charset="klingon">', "it declares a charset Python does not know (klingon)"),
        ('<meta charset="ascii">', "nor valid cp1252 as it declares"),
    ],
)
def test_a_page_in_no_charset_it_declares_is_an_error(tmp_path: Path, head: str, message: str) -> None:
    path = tmp_path / "cafe.html"
    path.write_bytes(f"<html><head>{head}</head><body><p>caf\xe9 \x81</p></body></html>".encode("latin-1"))
    with pytest.raises(EncodingError, match=re.escape(message)):
        list(read_file(path))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_a_unicode_byte_order_mark_says_the_encoding(encoding: str) -> None:
    text = "Café prices rose in March."
    data = ("" if encoding in ("utf-16", "utf-32") else "\ufeff") + text
    assert decode(data.encode(encoding), "x.txt") == text


def test_a_byte_order_mark_on_other_bytes_is_an_error() -> None:
    with pytest.raises(EncodingError, match="starts with a utf-16 byte-order mark but is not utf-16"):
        decode(b"\xff\xfe\x00\xdc", "x.txt")


def test_a_feeds_bad_record_is_its_own_error_and_reading_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    feed.write_text('{"text": 5}\n\n{"text": "The mayor resigned."}\n{oops\n', encoding="utf-8")
    items = [item for _, item in read_paths([feed])]
    assert [type(i).__name__ for i in items] == ["InvalidInputError", "ArticleInput", "InvalidInputError"]
    assert str(items[0]).startswith(f"{feed}:1: ") and str(items[2]).startswith(f"{feed}:4: ")
    assert items[1].source_id == "wire-3"  # type: ignore[union-attr]
    with pytest.raises(InvalidInputError, match="wire.jsonl:1: text must be a string"):
        list(read_file(feed))


def test_json_the_decoder_gives_up_on_is_a_records_error(tmp_path: Path) -> None:
    """Python's json raises RecursionError and a plain ValueError on these, which crashed ingest."""
    feed = tmp_path / "odd.jsonl"
    nested = '{"text": "x", "title": ' + "[" * 100_000 + "]" * 100_000 + "}"
    long_number = '{"text": "x", "title": 1' + "0" * 5000 + "}"
    feed.write_text(f'{nested}\n{long_number}\n{{"text": "The mayor resigned."}}\n', encoding="utf-8")
    items = [str(item) for _, item in read_paths([feed])]
    assert items[0] == f"{feed}:1: invalid JSON (nested too deeply to read)"
    assert items[1] == f"{feed}:2: invalid JSON (a number has too many digits to read)"
    assert items[2].startswith("ArticleInput(")


@pytest.mark.parametrize(
    ("stem", "source_id"),
    [
        ("000_4bd38a09334b47d0", "000_4bd38a09334b47d0"),
        ("...", "..."),
        ("My Article", "My-Article"),
        ("D\u00e9claration du 5 mai (2)", "Declaration-du-5-mai-2"),
        ("bad\udcff", "bad"),
        ("\u65b0\u95fb", "file-" + hashlib.sha256("\u65b0\u95fb".encode()).hexdigest()[:16]),
        ("a" * 300, "a" * 200),
    ],
)
def test_a_files_name_gives_a_valid_source_id(stem: str, source_id: str) -> None:
    """A name that is a source_id is kept; "My Article.txt" or an accented name was refused outright."""
    assert file_source_id(stem) == source_id


def test_files_with_spaces_and_accents_in_their_names_are_read(tmp_path: Path) -> None:
    (tmp_path / "Caf\u00e9 prices.txt").write_text("Caf\u00e9 prices rose in March.", encoding="utf-8")
    assert [a.source_id for a in read_file(tmp_path / "Caf\u00e9 prices.txt")] == ["Cafe-prices"]
    (tmp_path / "wire feed.jsonl").write_text('{"text": "The mayor resigned."}\n', encoding="utf-8")
    assert [a.source_id for a in read_file(tmp_path / "wire feed.jsonl")] == ["wire-feed-1"]
