"""Every request and response shape of the HTTP API. ``openapi.yaml`` is generated from these."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import marshmallow as ma
from marshmallow import fields, validate

from service.pipeline.aggregate import VERDICTS
from service.pipeline.dates import publication_date
from service.pipeline.documents import unicode_problem, web_url_problem
from service.settings import default_of, range_of

SOURCE_ID = validate.Regexp(
    r"^(?!batch$)[A-Za-z0-9._:-]{1,200}$", error="1-200 characters of letters, digits, '.', '_', '-', ':' (not 'batch')"
)
STANCES = ("supports", "contradicts", "neutral")
# Limits documented in the schema are the settings' defaults; the views enforce the configured ones.
MAX_CLAIM_CHARS = default_of("max_claim_chars")
# Offsets count code points, as Python indexes a str; a UTF-16 string (JavaScript's, Java's)
# counts a character past U+FFFF (an emoji) twice, so such a client converts.
START = {"description": "Offset into the article's stored text, in Unicode code points (JavaScript: Array.from(text))"}
END = {"description": "End offset (exclusive), in code points like start"}
NOT_BLANK = validate.Regexp(r"[\s\S]*\S", error="must contain a non-space character")


class Base(ma.Schema):
    class Meta:
        ordered = True
        unknown = ma.RAISE

    @ma.pre_load
    def _unicode_strings(self, data: Any, **_: Any) -> Any:
        """A string that is not Unicode (JSON's ``"\\ud800"``, half of a UTF-16 pair) is this
        field's error before any field reads it: stored, it would make the HTML extractor stop
        there and the hash, SQLite and the tokenizers fail."""
        if not isinstance(data, Mapping):
            return data
        errors: dict[str, Any] = {}
        for key, value in data.items():
            if isinstance(value, str) and (problem := unicode_problem(value)):
                errors[key] = [problem]
            elif isinstance(value, list):
                found = {i: [p] for i, v in enumerate(value) if isinstance(v, str) and (p := unicode_problem(v))}
                if found:
                    errors[key] = found
        if errors:
            raise ma.ValidationError(errors)
        return data


def _iso_date(value: str) -> None:
    if publication_date(value) is None:
        raise ma.ValidationError("not an ISO 8601 date or date-time")


def _web_url(value: str) -> None:
    if problem := web_url_problem(value):
        raise ma.ValidationError(problem)


# -- errors ---------------------------------------------------------------------------------
class ProblemSchema(Base):
    """RFC 9457 problem details; every error response has this shape."""

    type = fields.String(required=True, metadata={"description": "Stable URI naming the kind of error"})
    title = fields.String(required=True, metadata={"description": "Short summary of the kind of error"})
    status = fields.Integer(required=True, metadata={"description": "HTTP status code"})
    detail = fields.String(metadata={"description": "What went wrong with this request"})
    errors = fields.Dict(metadata={"description": "Validation errors by location and field"})


# -- articles -------------------------------------------------------------------------------
class ArticleInSchema(Base):
    source_id = fields.String(validate=SOURCE_ID, metadata={"description": "Your id; generated when absent"})
    title = fields.String(validate=validate.Length(max=1000), allow_none=True)
    text = fields.String(validate=validate.Length(min=1), metadata={"description": "Plain article text"})
    html = fields.String(validate=validate.Length(min=1), metadata={"description": "An HTML page instead of text"})
    url = fields.String(
        validate=[validate.Length(max=2000), _web_url],
        allow_none=True,
        metadata={"description": "An absolute http or https address"},
    )
    outlet = fields.String(validate=validate.Length(max=200), allow_none=True)
    published_at = fields.String(
        validate=_iso_date,
        allow_none=True,
        metadata={
            "description": "ISO 8601, stored in the extended layout (20240305 becomes 2024-03-05); dates the"
            " article's 'last year' and 'next month' for the date checks. When missing, the earliest day of"
            " the text's 'Published ...' or 'Updated ...' lines"
        },
    )

    @ma.validates_schema
    def _text_or_html(self, data: dict[str, Any], **_: Any) -> None:
        if ("text" in data) == ("html" in data):
            raise ma.ValidationError("give exactly one of 'text' or 'html'", "_schema")


class PassageSchema(Base):
    passage_id = fields.Integer(required=True)
    ordinal = fields.Integer(required=True, metadata={"description": "Position of the sentence in the article"})
    text = fields.String(required=True, metadata={"description": "Equals article text[start:end]"})
    start = fields.Integer(required=True, metadata=START)
    end = fields.Integer(required=True, metadata=END)


class ArticleSummarySchema(Base):
    source_id = fields.String(required=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    outlet = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True)
    ingested_at = fields.String(required=True)
    content_hash = fields.String(required=True)
    passage_count = fields.Integer(required=True)


class ArticleSchema(ArticleSummarySchema):
    status = fields.String(
        validate=validate.OneOf(["created", "replaced", "updated", "unchanged"]),
        metadata={"description": "What the write did (write responses only)"},
    )
    text = fields.String(required=True, metadata={"description": "Stored text (extracted text for HTML input)"})
    passages = fields.List(fields.Nested(PassageSchema), metadata={"description": "With ?include=passages"})


class ArticleQuerySchema(Base):
    include = fields.String(validate=validate.OneOf(["passages"]))


class ArticleListQuerySchema(Base):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 500))
    cursor = fields.String(metadata={"description": "next_cursor of the previous page"})
    outlet = fields.String()
    published_from = fields.String(validate=_iso_date)
    published_to = fields.String(validate=_iso_date)


class ArticleListSchema(Base):
    articles = fields.List(fields.Nested(ArticleSummarySchema), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class ArticleBatchInSchema(Base):
    articles = fields.List(
        fields.Dict(),
        required=True,
        validate=validate.Length(min=1, max=default_of("max_batch_articles")),
        metadata={
            "description": "Article objects as for POST /v1/articles, each validated on its own; an item whose"
            " source_id an earlier stored item of the batch has fails (it would replace that one)"
        },
    )


class BatchItemSchema(Base):
    index = fields.Integer(required=True)
    ok = fields.Boolean(required=True)
    article = fields.Nested(ArticleSummarySchema(), metadata={"description": "When ok"})
    status = fields.String(metadata={"description": "created, replaced, updated or unchanged (when ok)"})
    error = fields.Nested(ProblemSchema, metadata={"description": "Why this item failed (when not ok)"})


class ArticleBatchSchema(Base):
    results = fields.List(fields.Nested(BatchItemSchema), required=True)
    failed = fields.Integer(required=True)


# -- verification ---------------------------------------------------------------------------
class ScoresSchema(Base):
    entailment = fields.Float(required=True)
    neutral = fields.Float(required=True)
    contradiction = fields.Float(required=True)


class CitedPassageSchema(Base):
    passage_id = fields.Integer(required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata=START)
    end = fields.Integer(required=True, metadata=END)
    stance = fields.String(required=True, validate=validate.OneOf(STANCES))
    scores = fields.Nested(ScoresSchema, required=True)
    similarity = fields.Float(required=True, metadata={"description": "Cosine similarity to the claim"})
    reasons = fields.List(
        fields.String(),
        required=True,
        metadata={
            "description": "Number, date, direction, role, place, negation or name disagreements, each opening with"
            " its kind: 'number mismatch: claim 40, passage 39', 'date mismatch: claim 2017, passage 2019',"
            " 'date mismatch: claim May 28, passage July 28', 'date mismatch: claim 2021, passage 2022 (last year)'"
            " (relative dates"
            " are read from the article's published_at), 'direction mismatch: claim rose, passage fell' (said of"
            ' the same subject), \'roles swapped: claim "City beat Rovers", passage "Rovers beat City"\' (who'
            " did what to whom), 'place mismatch: claim Leeds, passage Bradford' (an event of one place, a birth or"
            " a founding, put somewhere else), 'negated in passage: \"refused to condemn the invasion\"',"
            " 'rated in passage: \"Verdict: False\"' (a fact-check rates the claim false or misleading),"
            " 'corrected in passage: \"the plant employed 1,200 people\"' (the page withdraws what the claim says),"
            " 'answered in passage: \"No.\"' (the page answers no to the question the claim states),"
            " 'not in passage: Lyon',"
            " 'different person in the same role: claim Qin Gang, passage Wang Yi (foreign minister)', and"
            " 'too far from the claim to take a side: similarity 0.56, ...' when the relevance margin set the"
            " passage's side aside, or 'too far from the claim to take a side: similarity 0.31, under 0.35 for a"
            " passage about another subject' when the passage lacks the claim's names (missing-name floor), or"
            " 'too far from the claim to take a side: similarity 0.27, under 0.4 for a passage that repeats 20% of"
            " the claim's words' when it shares few of the claim's words (word-overlap floor), or 'too far from"
            " the claim to take a side: similarity 0.45, under 0.5 for a passage that shares only the claim's topic"
            " words' (topic-only floor), or 'too far from the claim to take a side: a heading that repeats none of"
            " the claim's words but its names', or 'too far from the claim to take a side: a passage that gives no age,"
            " for a claim of one' (or 'no span of time', for a claim of a span), or 'too far from the claim to"
            " take a side: a passage about Z2, not Z3' (another of a numbered series the claim names), or 'not yet"
            " happened: a passage that says only what has not happened yet, for a claim of what will', or 'about"
            " another event: a dated item that repeats none of"
            " the claim's words but its names' (a timeline's item of another year);"
            " 'asserts nothing: a yes/no question', 'asserts nothing: a quotation with no speaker',"
            " 'asserts nothing: a claim set out to be checked',"
            " 'asserts nothing: an interviewer's question', 'asserts nothing: an error the page corrects',"
            " 'asserts nothing: an answer to another question', 'asserts nothing: only a condition of what it says',"
            " 'asserts nothing: an unconfirmed report' and 'asserts nothing: an open question' for passages that"
            " take no side whatever their scores"
        },
    )
    read_as = fields.String(
        required=True,
        metadata={
            "description": "What the stance model judged: the passage, after the sentence it leans on ('He said'),"
            " its list's lead-in, or the headline or sentence that names what it leaves out, with relative dates"
            " and shares in words spelled out ('last year (2025)', 'two-fifths (40%)')"
        },
    )


class SourceSchema(Base):
    source_id = fields.String(required=True)
    title = fields.String(allow_none=True, required=True)
    url = fields.String(allow_none=True, required=True)
    outlet = fields.String(allow_none=True, required=True)
    published_at = fields.String(allow_none=True, required=True)
    stance = fields.String(required=True, validate=validate.OneOf(STANCES))
    confidence = fields.Float(required=True)
    passages = fields.List(fields.Nested(CitedPassageSchema), required=True)


class TimingsSchema(Base):
    embed = fields.Float(required=True)
    search = fields.Float(required=True)
    stance = fields.Float(required=True)
    total = fields.Float(required=True)


class VerificationSchema(Base):
    claim = fields.String(required=True)
    verdict = fields.String(required=True, validate=validate.OneOf(VERDICTS))
    confidence = fields.Float(required=True, metadata={"description": "In [0, 1]; 0 without a stance model"})
    stance_model = fields.String(required=True, metadata={"description": "Model that judged stance, or 'none'"})
    sources = fields.List(fields.Nested(SourceSchema), required=True)
    notes = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "How the claim was read, e.g. as a yes/no question; empty for a plain statement"},
    )
    timings_ms = fields.Nested(TimingsSchema, required=True)


class VerifyOptionsSchema(Base):
    top_k = fields.Integer(
        strict=True, validate=validate.Range(*range_of("top_k")), metadata={"description": "Passages to judge"}
    )
    source_ids = fields.List(
        fields.String(validate=SOURCE_ID),
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Only these stored articles; one that is not stored is a 422 unknown-source"},
    )
    min_similarity = fields.Float(validate=validate.Range(*range_of("min_similarity")))
    published_from = fields.String(
        validate=_iso_date,
        metadata={
            "description": "Only articles published on or after this ISO 8601 date or date-time; moments are"
            " compared in UTC, and a date or a date-time without an offset is taken as UTC"
        },
    )
    published_to = fields.String(
        validate=_iso_date,
        metadata={
            "description": "Only articles published on or before this (a date covers its whole day): a claim"
            " checked as of the day it was made. Articles with no published_at are outside any window"
        },
    )
    claimed_on = fields.String(
        validate=_iso_date,
        metadata={
            "description": "The day the claim was made (ISO 8601): its own 'last year', 'next month', 'on Monday'"
            " and 'last week' are read from it for the date checks, as an article's are from its published_at"
        },
    )


CLAIM = [validate.Length(min=1, max=MAX_CLAIM_CHARS), NOT_BLANK]


class VerifyInSchema(VerifyOptionsSchema):
    claim = fields.String(required=True, validate=CLAIM)


class VerifyBatchInSchema(VerifyOptionsSchema):
    claims = fields.List(
        fields.String(validate=CLAIM),
        required=True,
        validate=validate.Length(min=1, max=default_of("max_batch_claims")),
    )


class VerificationBatchSchema(Base):
    results = fields.List(fields.Nested(VerificationSchema), required=True)


class SearchQuerySchema(Base):
    q = fields.String(required=True, validate=CLAIM)
    k = fields.Integer(load_default=10, validate=validate.Range(1, 100))
    published_from = fields.String(validate=_iso_date, metadata={"description": "As in /v1/verify"})
    published_to = fields.String(validate=_iso_date, metadata={"description": "As in /v1/verify"})


class SearchHitSchema(Base):
    passage_id = fields.Integer(required=True)
    source_id = fields.String(required=True)
    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata=START)
    end = fields.Integer(required=True, metadata=END)
    similarity = fields.Float(required=True)


class SearchResultSchema(Base):
    query = fields.String(required=True)
    results = fields.List(fields.Nested(SearchHitSchema), required=True)


# -- health ---------------------------------------------------------------------------------
class HealthSchema(Base):
    status = fields.String(required=True)


class ReadySchema(Base):
    status = fields.String(required=True)
    articles = fields.Integer(required=True)
    passages = fields.Integer(required=True)
    index_size = fields.Integer(required=True)
    index_generation = fields.Integer(required=True)
    embedder = fields.String(required=True)
    stance_model = fields.String(required=True)
