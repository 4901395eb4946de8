"""Sentence segmentation with character offsets, tuned for news prose.

A boundary is terminal punctuation (plus closing quotes or brackets, and an encyclopedia's reference
marks: ".[3]", ".[citation needed]"), whitespace, then something that can open a sentence.
Boundaries after honorifics ("Mr."), initials and dotted acronyms ("J. K.", "U.S.") are suppressed
unless the next word is a typical sentence opener; decimals ("1.5%") and datelines ("MOSCOW (AP)
--") never produce a candidate in the first place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from service.pipeline.answers import is_answer
from service.pipeline.assertions import INTERVIEWER_TURN
from service.pipeline.clean import normalize
from service.pipeline.questions import asks_yes_or_no
from service.pipeline.ratings import is_rating
from service.records import PassageDraft, Span

_ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sr jr st mt ft gen gov sen rep lt col capt cmdr sgt maj adm rev hon pres
    supt insp det vol vols fig figs pp inc ltd corp co bros dept univ assn est approx vs cf al
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Abbreviations of "number" that are also words: a stop after them ends a sentence unless a number follows.
_NUMBER_SIGNS = frozenset("no nos".split())
_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there but and
    in on at for if when while after before as so yet however meanwhile still""".split()
)
# Encyclopedia text puts its reference marks after the full stop ("in 1976.[3] She joined").
REFERENCE_MARK = r"\[(?:\d{1,3}|[a-z]|[a-z][a-z ]{2,30})\]"
_REFERENCE_MARKS = rf"(?:{REFERENCE_MARK})*"
_CANDIDATE = re.compile(rf"[.!?…]+[\"'”’»)\]]*{_REFERENCE_MARKS}(?=\s+[\"'“‘«(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)*\b[A-Za-z]$")
_CLAUSE_BREAK = re.compile(r"[;,:—–]\s|\s[-–—]+\s")
MIN_WORDS = 3
_LIST_NUMBER = re.compile(r"[:).][ \t]+(\d{1,2})$")


def _previous_token(text: str, dot: int) -> str:
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "\"'“‘([":
        start -= 1
    return text[start:dot]


def _next_word(text: str, pos: int) -> str:
    match = re.match(r"\s+[\"'“‘«(\[]?([\w’']+)", text[pos : pos + 40])
    return match.group(1) if match else ""


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    punct = match.group(0)
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    token = _previous_token(text, match.start())
    lowered = token.lower().rstrip(".")
    next_word = _next_word(text, match.end())
    if lowered in _NUMBER_SIGNS:  # "No. 10", but "Would it help? No. Buses take 40 minutes."
        return not next_word[:1].isdigit()
    if lowered in _ABBREVIATIONS:
        return False
    if _INITIALS.fullmatch(token):
        return next_word.lower() in _OPENERS
    return True


def _list_number_start(text: str, match: re.Match[str]) -> int | None:
    """Where an inline list's item number starts, when the dot ends one ("Medal table (after day
    two): 1. Netherlands 7 (3 gold) 2. Great Britain 5"): after a colon, a closing bracket or a
    sentence on the same line, a number of one or two digits and a dot open the next item, not end
    a sentence. (A number that opens a line is left to end its own fragment, which is dropped, so
    a fact-check's '1. "Claim"' line keeps its quotation first.)"""
    if match.group(0) != ".":
        return None
    found = _LIST_NUMBER.search(text, max(0, match.start() - 6), match.start())
    return found.start(1) if found else None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding whitespace.

    Examples:
        >>> t = 'Mr. Smith paid $1.5m in the U.S. on Monday. "Why?" he asked. It rained.'
        >>> [t[s.start:s.end] for s in sentence_spans(t)]
        ['Mr. Smith paid $1.5m in the U.S. on Monday.', '"Why?" he asked.', 'It rained.']
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for match in _CANDIDATE.finditer(text, start, end):
        if match.end() <= cursor or not _is_boundary(text, match):
            continue
        cut = _list_number_start(text, match) or match.end()  # "Medal table: | 1. Netherlands 7"
        if cut > cursor:
            spans.append(Span(cursor, cut))
            cursor = cut
    spans.append(Span(cursor, end))
    return [trimmed for span in spans if (trimmed := _trim(text, span)).end > trimmed.start]


def _trim(text: str, span: Span) -> Span:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e)


def cap_span(text: str, span: Span, max_chars: int) -> list[Span]:
    """Cut an overlong sentence at clause breaks (else spaces) into pieces of <= ``max_chars``."""
    pieces: list[Span] = []
    s = span.start
    while span.end - s > max_chars:
        window = text[s : s + max_chars]
        cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window) if m.end() > max_chars // 3), default=0)
        if not cut:
            cut = window.rfind(" ") + 1 or max_chars
        pieces.append(_trim(text, Span(s, s + cut)))
        s += cut
    pieces.append(_trim(text, Span(s, span.end)))
    return [p for p in pieces if p.end > p.start]


def _is_aside(body: str) -> bool:
    """A short sentence wholly in brackets: a photo credit or an editor's aside, not a claim."""
    return body[:1] in "([" and body[-1:] in ")]" and len(body.split()) <= 8


def _block_sentences(text: str, block: Span) -> list[Span]:
    sentences = sentence_spans(text, block.start, block.end)
    if sentences and INTERVIEWER_TURN.match(text[sentences[0].start : sentences[0].end]):
        return [Span(sentences[0].start, sentences[-1].end)]
    return sentences


def split_passages(text: str, blocks: Iterable[Span], max_chars: int) -> list[PassageDraft]:
    """One passage per sentence of the cleaned blocks, deduplicated by normalised text.

    Fragments of fewer than ``MIN_WORDS`` words (stray labels, lone names) and short bracketed
    asides (photo credits) are not passages; a fact-check's rating ("Rating: False") joins the
    claim before it in its block (``ratings``), as a bare "No." or "Yes." joins the yes/no question
    it answers (``answers``), and an interviewer's turn ("Q: ...") is one passage,
    whose every sentence is the interviewer's (``assertions``).
    """
    drafts: list[PassageDraft] = []
    seen: set[str] = set()
    for block in blocks:
        for sentence in _block_sentences(text, block):
            for piece in cap_span(text, sentence, max_chars):
                body = text[piece.start : piece.end]
                if drafts and drafts[-1].start >= block.start and _answers_last(body, drafts[-1].text):
                    last = drafts[-1]  # "Rating: False" under a claim; "No." after a yes/no question
                    drafts[-1] = PassageDraft(last.ordinal, text[last.start : piece.end], last.start, piece.end)
                    continue
                key = normalize(body)
                if len(key.split()) < MIN_WORDS or key in seen or _is_aside(body):
                    continue
                seen.add(key)
                drafts.append(PassageDraft(len(drafts), body, piece.start, piece.end))
    return drafts


def _answers_last(body: str, last: str) -> bool:
    """Whether ``body`` rates or answers the passage before it in its block."""
    return is_rating(body) or (is_answer(body) and asks_yes_or_no(last))
