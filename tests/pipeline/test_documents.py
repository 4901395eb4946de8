"""HTML input: article text and metadata from trafilatura, and nothing it merely guesses."""

from service.pipeline.documents import html_to_article

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
