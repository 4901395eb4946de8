"""Preparing an article: what cannot be stored is refused before anything is."""

from __future__ import annotations

import re

import pytest

from service.errors import InvalidInputError
from service.pipeline.ingest import prepare
from service.records import ArticleInput

TEXT = "The pier closed on Tuesday after a storm. Repairs will take three weeks."


def prepared(**fields: str) -> int:
    article = ArticleInput(**{"source_id": "pier", "text": TEXT, **fields})
    return len(prepare(article, max_passage_chars=600, max_text_chars=10_000).drafts)


def test_a_plain_article_with_a_web_url_is_prepared() -> None:
    assert prepared(url="https://example.com/pier", title="Storm \U0001f30a closes pier") == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"text": "The pier \ud800 closed."},
            "pier: text is not valid Unicode: an unpaired surrogate (U+D800) at character 9",
        ),
        ({"outlet": "Wire \udc80"}, "pier: outlet is not valid Unicode"),
        ({"url": "javascript:alert(1)"}, "pier: url 'javascript:alert(1)' is not an absolute http or https address"),
        ({"url": "www.example.com/pier"}, "is not an absolute http or https address"),
        ({"url": "http://[::1/pier"}, "is not an absolute http or https address"),
        ({"url": "https://example.com/storm pier"}, "holds a space or a control character (percent-encode it"),
        ({"url": "https://example.com/pier\nLocation: https://evil.example"}, "holds a space or a control character"),
        ({"url": "https://example.com:99999/pier"}, "has a port that is not 0-65535"),
    ],
)
def test_text_that_cannot_be_stored_is_refused(fields: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        prepared(**fields)


def test_a_title_and_outlet_are_stored_as_one_line_of_printable_text() -> None:
    """A scraped title's line breaks, and a feed's terminal escape sequences, never reach the store."""
    article = ArticleInput(
        source_id="pier", text=TEXT, title="Storm closes\n\tthe pier\r\n", outlet="\x1b[31mWire\x1b[0m \x07"
    )
    stored = prepare(article, max_passage_chars=600, max_text_chars=10_000).article
    assert (stored.title, stored.outlet) == ("Storm closes the pier", "[31mWire [0m")
    blank = ArticleInput(source_id="pier", text=TEXT, title=" \n ", outlet="")
    assert prepare(blank, max_passage_chars=600, max_text_chars=10_000).article.title is None
