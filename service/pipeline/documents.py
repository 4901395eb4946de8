"""Read articles from files: plain text, Markdown, HTML and JSONL; the packaged seed articles."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import os
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from service.errors import BinaryInputError, EncodingError, InvalidInputError
from service.pipeline.clean import clean
from service.pipeline.dates import publication_date
from service.records import ArticleInput

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# ``-`` on the command line: a JSONL feed read from standard input, its records named stdin-LINE.
STDIN = Path("-")
_NOT_IN_SOURCE_ID = re.compile(r"[^A-Za-z0-9._:-]+")
_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
FIELDS = ("source_id", "title", "url", "outlet", "published_at")
# UTF-32's little-endian mark begins with UTF-16's, so it is looked for first.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def seed_dir() -> Path:
    """The seed articles: inside the installed wheel, else the repository's top-level ``seeds/``."""
    packaged = Path(str(resources.files("service"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def decode(data: bytes, where: str, declared: str | None = None) -> str:
    """Strict UTF-8 (a BOM is dropped), else the charset the file declares; NUL bytes mean a
    binary file. UTF-8 is tried first because pages that say "iso-8859-1" and are UTF-8 are
    common, while Latin text that happens to be valid UTF-8 is not. A UTF-16 or UTF-32 byte-order
    mark (Windows editors save "Unicode" text so) says the encoding outright."""
    if encoding := next((name for bom, name in _UNICODE_BOMS if data.startswith(bom)), None):
        try:
            return data.decode(encoding)  # the codec reads the mark for the byte order and drops it
        except UnicodeDecodeError:
            raise EncodingError(f"{where}: starts with a {encoding} byte-order mark but is not {encoding}") from None
    if b"\x00" in data[:8192]:
        raise BinaryInputError(f"{where}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = f"{where}: not valid UTF-8 (byte {exc.start})"
    if declared is None:
        raise EncodingError(f"{utf8_error}; convert it to UTF-8 first")
    try:
        return data.decode(declared)
    except LookupError:
        raise EncodingError(f"{utf8_error}, and it declares a charset Python does not know ({declared})") from None
    except UnicodeDecodeError as exc:
        raise EncodingError(f"{utf8_error}, nor valid {declared} as it declares (byte {exc.start})") from None


# <meta charset="..."> and <meta http-equiv="Content-Type" content="text/html; charset=...">, or
# an XML declaration's encoding, in the first 1,024 bytes, where HTML requires the declaration.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""", re.IGNORECASE
)
# What browsers read these labels as (WHATWG Encoding): windows-1252, which Latin-1 leaves undefined at 0x80-0x9F.
_BROWSER_CHARSET = {"iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares for itself, as a browser would read it."""
    found = _DECLARED_CHARSET.search(data[:1024])
    if not found:
        return None
    label = (found.group(1) or found.group(2)).decode("ascii").lower()
    return _BROWSER_CHARSET.get(label, label)


def unicode_problem(text: str) -> str | None:
    """Why ``text`` is not Unicode that can be stored, or None. JSON can escape half of a UTF-16
    pair (``"\\ud800"``) and a terminal in another encoding hands Python the same; such text has
    no UTF-8 form, so the HTML extractor cuts the page short there and SQLite, the content hash
    and the tokenizers fail on it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"not valid Unicode: an unpaired surrogate (U+{ord(text[exc.start]):04X}) at character {exc.start}"
    return None


def web_url_problem(url: str) -> str | None:
    """Why ``url`` is not an address to link an article by, or None: clients render it as a link,
    so a ``javascript:`` or ``data:`` URL stored here would run in their pages."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"url {url[:80]!r} is not an absolute http or https address"
    if any(char.isspace() or unicodedata.category(char) == "Cc" for char in url):
        return f"url {url[:80]!r} holds a space or a control character (percent-encode it: %20)"
    try:
        parts.port  # noqa: B018 - raises on a port out of range
    except ValueError:
        return f"url {url[:80]!r} has a port that is not 0-65535"
    return None


def html_to_article(html: str, source_id: str, **meta: str | None) -> ArticleInput:
    """Reduce an HTML page to its article text (trafilatura); offsets then point into that text.

    The publication date comes from the page's markup and metadata only: trafilatura's extensive
    search would otherwise guess one from any year in the body ("opened in March 2020" became
    2020-01-01), and a made-up date is worse than none."""
    import trafilatura

    html = as_document(html)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, deduplicate=True) or ""
    found = trafilatura.extract_metadata(html, extensive=False)
    return ArticleInput(
        source_id=source_id,
        text=text,
        title=meta.get("title") or (found.title if found else None),
        url=meta.get("url") or (found.url if found and not web_url_problem(found.url or "") else None),
        outlet=meta.get("outlet") or (found.sitename if found else None),
        published_at=meta.get("published_at") or (found.date if found else None),
    )


def as_document(html: str) -> str:
    """``html``, given a body when it is a bare fragment: feeds carry article bodies as fragments
    (RSS's ``content:encoded``, "<p>...</p>"), and trafilatura finds no text in one."""
    return html if _DOCUMENT_TAG.search(html) else f"<html><body>{html}</body></html>"


def _title_of(text: str) -> str | None:
    """The first prose block, when it reads like a headline (4-30 words, no closing stop)."""
    blocks = clean(text)
    if not blocks:
        return None
    first = text[blocks[0].start : blocks[0].end]
    words = len(first.split())
    return first if "\n" not in first and 4 <= words <= 30 and not first.endswith((".", "!", "?")) else None


def check_date(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    if publication_date(str(value)) is None:
        raise InvalidInputError(f"{where}: published_at {value!r} is not an ISO 8601 date")
    return str(value)


def record_to_article(record: dict[str, Any], where: str, default_id: str) -> ArticleInput:
    """One JSON object (``source_id, title, url, outlet, published_at`` and ``text`` or ``html``)."""
    for key in (*FIELDS, "text", "html"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise InvalidInputError(f"{where}: {key} must be a string")
        if value and (problem := unicode_problem(value)):
            raise InvalidInputError(f"{where}: {key} is {problem}")
    source_id = record.get("source_id") or default_id
    meta = {key: record.get(key) for key in ("title", "url", "outlet")}
    published_at = check_date(record.get("published_at"), where)
    if record.get("text"):
        return ArticleInput(source_id=source_id, text=record["text"], published_at=published_at, **meta)
    if record.get("html"):
        return html_to_article(record["html"], source_id, published_at=published_at, **meta)
    raise InvalidInputError(f"{where}: needs a non-empty 'text' or 'html' field")


def file_type(path: Path) -> str:
    """The suffix that says how to read ``path``: its last one, or its last two for a gzipped feed."""
    last_two = "".join(path.suffixes[-2:]).lower()
    return last_two if last_two in JSONL_SUFFIXES else path.suffix.lower()


def read_paths(paths: Iterable[Path]) -> Iterator[tuple[str, ArticleInput | InvalidInputError]]:
    """Each article of ``paths``, or the error of each input that is not one, with where it came
    from: the path, or ``path:line`` in a feed. A feed's bad record is that record's error and
    reading goes on, so ``ingest --skip-invalid`` keeps the rest of a feed and one run reports
    every bad line, not the first."""
    for path in paths:
        yield from _located_inputs(path)


def take_source_id(source_id: str, where: str, taken: dict[str, str]) -> None:
    """Record that the input at ``where`` is stored as ``source_id``; raises when an earlier input
    of the run was, since storing both would replace that one unnoticed (``a/index.html`` and
    ``b/index.html`` are both 'index'). ``taken`` maps the run's source_ids to where they came from."""
    earlier = taken.setdefault(source_id, where)
    if earlier != where:
        raise InvalidInputError(
            f"{where}: source_id {source_id!r} is also {earlier}'s, and storing both would keep only"
            " one; rename a file or give each record its own source_id"
        )


def read_articles(paths: Iterable[Path]) -> Iterator[ArticleInput]:
    """Each article of the files named and the supported files under the directories named; the
    first input that is not one, or that repeats an earlier one's source_id, raises."""
    taken: dict[str, str] = {}
    for where, item in read_paths(expand_paths(list(paths))):
        if isinstance(item, InvalidInputError):
            raise item
        take_source_id(item.source_id, where, taken)
        yield item


def _located_inputs(path: Path) -> Iterator[tuple[str, ArticleInput | InvalidInputError]]:
    """``read_paths`` for one path."""
    suffix = ".jsonl" if path == STDIN else file_type(path)
    try:
        if suffix not in JSONL_SUFFIXES:
            yield str(path), _read_document(path, suffix)
            return
        lines = _feed_lines(path, suffix)
    except InvalidInputError as exc:
        yield display_name(path), exc
        return
    stem = "stdin" if path == STDIN else file_source_id(path.name[: -len(suffix)])
    for number, line in lines:
        where = f"{display_name(path)}:{number}"
        try:
            yield where, record_to_article(json_object(line, where), where, f"{stem}-{number}")
        except InvalidInputError as exc:
            yield where, exc


def read_file(path: Path) -> Iterator[ArticleInput]:
    """Each article of ``path``; the first input that is not one raises."""
    for _, item in _located_inputs(path):
        if isinstance(item, InvalidInputError):
            raise item
        yield item


def _read_document(path: Path, suffix: str) -> ArticleInput:
    if suffix not in SUPPORTED:
        raise InvalidInputError(
            f"{path}: unsupported file type {suffix or '(none)'}; use {', '.join(sorted(SUPPORTED))}"
        )
    data = path.read_bytes()
    if suffix in HTML_SUFFIXES:
        return html_to_article(decode(data, str(path), html_charset(data)), file_source_id(path.stem))
    text = decode(data, str(path))
    return ArticleInput(source_id=file_source_id(path.stem), text=text, title=_title_of(text))


def file_source_id(stem: str) -> str:
    """A file's source_id: its name without the suffix, when that is one already. Otherwise accents
    are dropped and any other run of characters becomes "-" ("Déclaration du 5 mai" is
    "Declaration-du-5-mai"), so a newsroom's folder of titled files can be read; a name with no
    Latin letter or digit at all is named by its hash."""
    if len(stem) <= 200 and not _NOT_IN_SOURCE_ID.search(stem):
        return stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    slug = _NOT_IN_SOURCE_ID.sub("-", ascii_stem).strip("-")[:200]
    if not slug.strip("._:"):
        return "file-" + hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return slug


def display_name(path: Path) -> str:
    """How messages name an input: its path, or ``<stdin>`` for ``-``."""
    return "<stdin>" if path == STDIN else str(path)


def _feed_lines(path: Path, kind: str) -> list[tuple[int, str]]:
    """The numbered non-blank lines of a JSONL feed, gunzipped and decoded."""
    data = sys.stdin.buffer.read() if path == STDIN else path.read_bytes()
    if kind.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InvalidInputError(f"{path}: not a readable gzip file ({exc})") from None
    lines = enumerate(decode(data, display_name(path)).splitlines(), start=1)
    return [(number, line) for number, line in lines if line.strip()]


def json_object(line: str, where: str) -> dict[str, Any]:
    """One line of a JSONL file (a feed, or the eval commands' data) as the object it must hold."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise InvalidInputError(f"{where}: invalid JSON ({json_problem(exc)})") from None
    if not isinstance(record, dict):
        raise InvalidInputError(f"{where}: expected a JSON object")
    return record


def json_problem(exc: ValueError | RecursionError) -> str:
    """Why Python's decoder refused a JSON text. Besides syntax errors it gives up on arrays
    nested a few thousand deep (``RecursionError``) and on integers of more than 4,300 digits
    (a plain ``ValueError``): input errors too, not crashes."""
    if isinstance(exc, json.JSONDecodeError):
        return exc.msg
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    return "a number has too many digits to read"


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files named, plus the supported files under directories named (sorted, recursive). Hidden
    files and folders inside a directory (``.git``, ``.venv``, an editor's ``.notes.md``) are
    passed over, as git and ripgrep do; one named outright is read. ``-`` is standard input. A
    file named twice (``pages pages/a.html``) is read once."""
    out: dict[Path, Path] = {}
    for path in paths:
        if path == STDIN:
            out.setdefault(path, path)
        elif path.is_dir():
            found = (p for p in path.rglob("*") if not _hidden(p.relative_to(path)))
            for file in sorted(p for p in found if p.is_file() and file_type(p) in SUPPORTED):
                out.setdefault(_absolute(file), file)
        elif path.is_file():
            out.setdefault(_absolute(path), path)
        else:
            raise InvalidInputError(f"{path}: no such file or directory")
    return list(out.values())


def _absolute(path: Path) -> Path:
    """The path from the root without "." or "..", links kept: a link is a file of its own name."""
    return Path(os.path.abspath(path))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
