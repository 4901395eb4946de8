"""Strip web boilerplate from scraped article text while keeping offsets into the original.

Scraped feeds carry ad slugs, share and comment widgets, inline JavaScript, "ALSO READ |" link
blocks, video metadata, doubled photo captions and whole duplicated blocks. Nothing here is
specific to one site: every rule is a line classifier, a code detector or a normalised-hash
duplicate check. The cleaner never rewrites text; it returns the spans of the original string that
hold article prose, so every later offset still points into what the user submitted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from service.pipeline.assertions import is_claim_line
from service.pipeline.dates import is_timestamp
from service.pipeline.ratings import is_rating
from service.records import Span

_WS = " \t\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_TERMINAL = tuple(".!?…:;\"'”’)]")

# Words that make up page furniture when a short line consists of nothing else.
_UI_WORDS = frozenset(
    """ad ads advert advertisement advertising sponsored hide skip close share shares sharing print
    email e-mail facebook twitter x bluesky threads mastodon instagram messenger whatsapp linkedin reddit
    pinterest telegram copy link comments comment
    reply replies subscribe subscribers newsletter sign in up log login logout register more read
    continue reading story article video videos photo photos gallery image images listen audio play
    next previous back to top menu search home follow us on loading report trending related
    recommended popular topics tags this via jump navigation main content cite download pdf""".split()
)
_UI_NOUNS = re.compile(r"\b(comment|subscri|newsletter|sign (in|up)|log ?in|cookie|notification|paywall)", re.I)
_SECOND_PERSON = re.compile(r"\b(please|you|your|join|click|tap|already a)\b", re.I)
_COUNTER = re.compile(r"^\d[\d,.]*\s*[kKmM]?\s+(comments?|shares?|views?|replies|reactions?|likes?)$", re.I)
_RELATIVE_TIME = re.compile(
    r"^(updated:?\s*|published:?\s*)?(\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago$", re.I
)
_DURATION = re.compile(r"^(duration|length|runtime|running time)?\s*:?\s*\d{1,2}:\d{2}(:\d{2})?$", re.I)
# "Reading time: 4 minutes", "5 min read": how long the page takes, not what it says.
_READING_TIME = re.compile(
    r"^(?:(?:estimated\s+)?(?:reading|read|listening)\s+time\s*:?\s*(?:about\s+)?\d+\s*(?:min|mins|minutes?)"
    r"|\d+\s*(?:min|mins|minutes?)\s+(?:read|listen))\.?$",
    re.I,
)
_PIPE_KICKER = re.compile(r"^[A-Z][A-Z0-9 '&.-]{1,30}\s*\|\s*")
_COLON_KICKER = re.compile(
    r"^(READ MORE|ALSO READ|READ ALSO|RELATED|WATCH|LISTEN|SEE ALSO|MORE|RECOMMENDED|SPONSORED|CATEGORY|CATEGORIES"
    r"|TAGS|TOPICS|FILED UNDER|KEYWORDS"
    # a press release's foot: whom reporters call, and the paper it announces
    r"|(?:MEDIA|PRESS|NEWS)\s+(?:CONTACTS?|ENQUIRIES|INQUIRIES|OFFICE)|CONTACTS?|(?:JOURNAL\s+)?REFERENCE|CITATION|DOI)"
    r"\s*:\s*",
    re.I,
)
# "EMBARGOED UNTIL 5 P.M. GMT ...", "FOR IMMEDIATE RELEASE": when a press release may be printed.
_RELEASE_TERMS = re.compile(
    r"^(?:(?:embargoed|under\s+embargo)\s*(?:until|till|to|:)|for\s+immediate\s+release\b).{0,120}$", re.I
)
# "Received 3 March 2026; Accepted 12 August 2026; Published 2 September 2026": a journal
# article's history, when the paper went through its editors, not what it found.
_ARTICLE_HISTORY = re.compile(
    r"^(?:received|submitted|accepted|revised)\b[^.!?]{0,40}\d{4}\s*[;|,]\s*(?:received|submitted|accepted|revised|"
    r"published)\b[^!?]*$",
    re.I,
)
# "Home / Health topics / Fact sheets", "News › World › Europe": where a page sits on its site.
_BREADCRUMB = re.compile(r"^[^/›»>|.!?]{1,40}(?:\s+[/›»>]\s+[^/›»>|.!?]{1,40}){2,}$")
# "English | Français | Español", "Contact us | Privacy policy | Terms of use": a menu.
_MENU = re.compile(r"^[^|.!?]{1,25}(?:\s*\|\s*[^|.!?]{1,25}){2,}$")
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(\s+(and\s+)?[A-Z][\w.'’-]*){0,5}$", re.I)
# "By Jane Roe and John Doe, Staff Writers", "By Jane Roe | Reuters": two capitalised names at
# least (so "By Tuesday, officials hope..." stays prose), then a role or outlet of up to four words.
_BYLINE_ROLE = re.compile(
    r"^(By|BY)\s+[A-Z][\w.'’-]*(\s+(and\s+)?[A-Z][\w.'’-]*){1,5}\s*[,|–—]\s*[A-Z][\w.'’&/-]*(\s+[\w.'’&/-]+){0,3}$"
)
_COPYRIGHT = re.compile(r"^(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4})|all rights reserved\.?$)", re.I)
# A table's cells: a number, a time or a score ("7", "2:06:41", "6-4"); a country or team code
# in brackets ("(KEN)", "[1]")
_NUMBER_CELL = re.compile(r"^\d+(?:[.:,-]\d+)*$")
_CODE_CELL = re.compile(r"^[(\[](?:[A-Z]{2,4}|\d{1,2})[)\]]$")
_FOLLOW = re.compile(r"^follow\s+(us|@\w+)\b", re.I)
# "Report: Jane Roe", "Words: Jane Roe": a byline under a label
_LABELLED_BYLINE = re.compile(
    r"^(?i:report|reporter|words|text|story|author)(?:\s+(?i:by))?\s*:\s*[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,4}$"
)
# A heading over a list of links to other stories; the headlines under it are not this article.
_LINK_LIST_HEADING = re.compile(
    r"^(related( stories| articles| coverage| content| news)?|more (stories|from|on this|news)\b[^.!?]{0,40}|"
    r"(you|we think you) (may|might) (also )?like|most (read|popular|viewed)|recommended( for you)?|"
    r"further reading|top stories|latest (news|stories)|"
    # an encyclopedia page's contents box and the lists at its foot
    r"(table of )?contents|in this article|see also|references|notes|footnotes|citations|sources|bibliography|"
    r"external links)$",
    re.I,
)
# "Photo: Jane Roe/Getty", "(Photo by Jane Roe/AFP via Getty Images)": who took a picture.
_PICTURE = "picture|photo|photograph|image"
_CREDITED = f"{_PICTURE}|credit|source"  # the words before a colon that name who took or gave a picture
_CREDIT_TAIL = re.compile(
    rf"\s*(?:\(?\b({_CREDITED})s?\s*:\s*[^.!?]*\)?"
    rf"|\(({_PICTURE})s?\s+by\s+[^()]*\))$",
    re.I,
)
_CREDIT_LINE = re.compile(rf"^\(?(?:(?i:{_CREDITED})s?\s*:|(?i:{_PICTURE})s?\s+by\s+[A-Z])[^.!?]*\)?$")
# "Image caption: ...", "Media caption, ...": a caption under a picture, labelled as one.
_CAPTION_LABEL = re.compile(r"^(?:(?:image|media|photo|picture|video)\s+)?caption\s*[:,]\s*", re.I)
# "[Photo: Jane Roe with her award. Credit: ...]": a note on a picture, in brackets
_BRACKETED_MEDIA = re.compile(rf"^[\[(](?i:{_PICTURE}|caption|video|pictured)s?\s*:")
# "Reporting by Jane Roe; Editing by John Doe": who worked on a wire story, not what it says.
_WIRE_CREDIT = re.compile(
    r"^(?i:(?:additional|further)\s+)?(?i:reporting|writing|editing|research|graphics|compiled)"
    r"(?:\s+and\s+\w+)?\s+by\s+[A-Z][^.!?]*\.?$"
)
# "With files from The Associated Press", "Jane Roe and Reuters contributed to this report",
# "Contributing: Jane Roe": whose material a story drew on. The credited names are capitalised
# words (with "and", "of", "the" between them), so a sentence that opens this way stays prose.
_NAMES = r"[A-Z][\w.'’&-]*,?(?:\s+(?:and|of|the|[A-Z][\w.'’&-]*,?)){0,7}"
_STORY_CREDIT = re.compile(
    rf"^(?:(?i:with\s+(?:additional\s+)?files\s+from)\s+{_NAMES}"
    rf"|{_NAMES}\s+contributed\s+(?:reporting|to\s+(?:this|the)\s+(?:report|story|article))"
    rf"|(?i:contributing|contributors?)\s*:\s+[A-Z][^.!?]*)\.?$"
)
# Encyclopedia pages: a section heading with its edit link ("Early life[edit]"), an entry of the
# reference list ("^ Roe, Jane (2004). ..."), the site's tagline, when the page was last edited and
# the licence of its text.
_EDIT_LINK = re.compile(r"\s*\[edit(?: source)?\]$", re.I)
_REFERENCE_ENTRY = re.compile(r"^[\^↑]")
_TAGLINE = re.compile(r"^from [\w .'’-]{2,40}, the free (?:encyclopedia|encyclopaedia|dictionary)$", re.I)
_PAGE_EDITED = re.compile(
    r"^this (?:page|article|story|post|entry) was (?:first |last )?(?:edited|updated|modified|published|changed)\b"
    r"[^!?]*\d[^!?]*$",
    re.I,
)
_LICENCE = re.compile(
    r"^(?:the |all )?(?:text|content|this (?:work|article|page))\b[^.!?]{0,40}"
    r"\b(?:available|licen[cs]ed|released|published)\s+under\b[^!?]{0,200}"
    r"\b(?:licen[cs]es?|creative commons|terms of use)\b[^!?]{0,200}$",
    re.I,
)
_CODE_START = re.compile(
    r"(?<![\w$])(?:[a-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\s*(?:\(|=(?!=))|function\s*[\w$]*\s*\(|<script\b|var\s+[\w$]+\s*=|"
    r"(?:let|const)\s+[\w$]+\s*=|\(adsbygoogle|document\.write)"
)
_CODE_CHARS = frozenset("{}()[];=<>'\"‘’′")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def normalize(text: str) -> str:
    """Compare-form of a text: NFKC, case-folded, only letters and digits, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_WORD.findall(text))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _WS or text[start] == "\n"):
        start += 1
    while end > start and (text[end - 1] in _WS or text[end - 1] == "\n"):
        end -= 1
    return start, end


def _looks_like_code(fragment: str) -> bool:
    if not fragment:
        return False
    dense = sum(ch in _CODE_CHARS for ch in fragment) / len(fragment)
    return dense >= 0.08 and fragment.rstrip().endswith((";", "}", ")", ">"))


def _cut_code(text: str, start: int, end: int) -> int:
    """New end for a line whose tail is inline script (the prose before it is kept).

    Script glued to prose ("...the pier.googletag.cmd.push(...") is ambiguous at the dot, so the
    cut goes at the first dotted segment after which the kept prose ends a sentence.
    """
    for match in _CODE_START.finditer(text, start, end):
        if not _looks_like_code(text[match.start() : end]):
            continue
        chain = match.group(0)
        cuts = [match.start()] + [
            match.start() + i + 1 for i, ch in enumerate(chain) if ch == "." and i < len(chain) - 1
        ]
        for cut in cuts:
            prefix = text[start:cut].rstrip()
            if not prefix or prefix.endswith(_TERMINAL):
                return cut
        return match.start()
    return end


def _undouble(text: str, start: int, end: int) -> int:
    """New end for a line that holds the same text twice in a row (a doubled caption)."""
    body = text[start:end]
    n = len(body)
    if n >= 20 and n % 2 == 0 and body[: n // 2] == body[n // 2 :]:
        return start + n // 2
    return end


_FURNITURE_LINES = (
    _COUNTER,
    _RELATIVE_TIME,
    _DURATION,
    _READING_TIME,
    _BYLINE,
    _BYLINE_ROLE,
    _COPYRIGHT,
    _CREDIT_LINE,
    _WIRE_CREDIT,
    _STORY_CREDIT,
    _REFERENCE_ENTRY,
    _TAGLINE,
    _PAGE_EDITED,
    _LICENCE,
    _RELEASE_TERMS,
    _ARTICLE_HISTORY,
    _BREADCRUMB,
    _MENU,
    _LABELLED_BYLINE,
    _BRACKETED_MEDIA,
)


def _is_furniture(body: str) -> bool:
    words = re.findall(r"[\w'-]+", body.lower())
    if not any(ch.isalnum() for ch in body):
        return True
    if any(rule.match(body) for rule in _FURNITURE_LINES):
        return True
    if is_timestamp(body) or (_EDIT_LINK.search(body) and len(words) <= 12):
        return True
    # "Share this story: Facebook Twitter Email": a share bar names as many networks as it links
    if len(words) <= 12 and not body.endswith(_TERMINAL) and all(w in _UI_WORDS for w in words):
        return True
    if _FOLLOW.match(body) and len(words) <= 10:
        return True
    if _is_table_row(body):
        return True
    if not _UI_NOUNS.search(body):
        return False
    # "Sign up for our newsletter": the site speaking to its reader, as a link, not a sentence.
    site_speaking = len(words) <= 12 and not body.endswith(_TERMINAL) and "our" in words
    return site_speaking or (len(words) <= 20 and bool(_SECOND_PERSON.search(body)))


def _is_table_row(body: str) -> bool:
    """A row of a score or results table ("NAVARRO (ESP) 6 3 7", "1. Daniel Okoth (KEN) 2:06:41"):
    no word that opens in lower case, and numbers for at least half of what it holds, or a number
    and a code in brackets. A headline in capitals or in title case gives fewer."""
    cells = body.split()
    if len(cells) < 3 or body.endswith(_TERMINAL) or any(cell[:1].islower() for cell in cells):
        return False
    numbers = sum(1 for cell in cells if _NUMBER_CELL.match(cell.strip("[]().")))
    coded = any(_CODE_CELL.match(cell) for cell in cells)
    return 2 * numbers >= len(cells) or (numbers > 0 and coded)


def _is_headline(body: str) -> bool:
    """A line that reads like a linked headline: short, and not a sentence."""
    return len(body.split()) <= 15 and not body.endswith(_TERMINAL)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        end = _cut_code(text, start, end)
        start, end = _strip_span(text, start, end)
        end = _undouble(text, start, end)
        credit = _CREDIT_TAIL.search(text, start, end)
        if credit and credit.start() > start:
            end = _strip_span(text, start, credit.start())[1]
        lines.append(_Line(start, end, text[start:end]))
    return lines


def _short_repeats(lines: list[_Line]) -> set[str]:
    """Short unpunctuated lines seen more than once: ad slugs and widget labels."""
    counts: dict[str, int] = {}
    for line in lines:
        if line.text and len(line.text.split()) <= 5 and not line.text.endswith(_TERMINAL):
            key = normalize(line.text)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n > 1}


def _continues(previous: _Line, line: _Line) -> bool:
    """Whether ``line`` is the rest of a sentence hard-wrapped at the end of ``previous``."""
    if previous.text.endswith(_TERMINAL):
        return False
    return line.text[:1].islower() or len(previous.text.split()) >= 20


def clean(text: str) -> list[Span]:
    """Return the prose blocks of ``text`` as spans of the original string, in order.

    A block is a paragraph (one line, or hard-wrapped lines joined); dropped lines are page
    furniture, script, media metadata, the headlines listed under a "Related stories" heading,
    and repeats of a block already kept. A fact-check's rating line joins the claim line above it
    (``ratings``).

    Examples:
        >>> src = "Hide Ad\\nRain fell.\\nRain fell.\\n3 comments"
        >>> [src[s.start:s.end] for s in clean(src)]
        ['Rain fell.']
    """
    lines = _split_lines(text)
    slugs = _short_repeats(lines)
    seen: set[str] = set()
    blocks: list[Span] = []
    previous: _Line | None = None
    skip_caption = False
    link_list = False
    for line in lines:
        if not line.text:
            previous = None
            continue
        body = line.text
        if _LINK_LIST_HEADING.match(_EDIT_LINK.sub("", body)):
            link_list = True
            previous = None
            continue
        if link_list and _is_headline(body):
            previous = None
            continue
        link_list = False
        if is_rating(body) and previous is not None and blocks and is_claim_line(previous.text):
            blocks[-1] = Span(blocks[-1].start, line.end)  # "Verdict: False" under the claim it rates
            previous = None
            continue
        kicker = _PIPE_KICKER.match(body) or _COLON_KICKER.match(body) or _CAPTION_LABEL.match(body)
        if kicker:
            seen.add(normalize(body[kicker.end() :]))
            previous = None
            continue
        if _DURATION.match(body):
            skip_caption = True
            previous = None
            continue
        key = normalize(body)
        if _is_furniture(body) or key in slugs or key in seen:
            previous = None
            continue
        if skip_caption:
            skip_caption = False
            seen.add(key)
            previous = None
            continue
        seen.add(key)
        if previous is not None and blocks and _continues(previous, line):
            blocks[-1] = Span(blocks[-1].start, line.end)
        else:
            blocks.append(Span(line.start, line.end))
        previous = line
    return blocks
