"""Passages that assert nothing, so take no side whatever the stance model reads in them.

A yes/no question ("Does cracking your knuckles cause arthritis?", a headline's favourite form)
asks what the article goes on to answer, and a quotation standing alone as a heading, with no one
named as saying it ('"Coffee dehydrates you"', the myth a fact-check then tests), repeats what the
article is about to weigh. The stance model reads both as the statement they word, and supports a
claim worded like them at 0.9 (bench/eighth: "Sugar makes children hyperactive" from the heading
'"Sugar makes children hyperactive"' over an article that finds it false). A quotation that ends
a sentence inside its marks ('"But we did not see fewer deaths."') is a speaker's paragraph, the
rest of a quote the paragraph before attributes, and still speaks.

An interviewer's turn in a transcript ("Q: Your critics say the tram line is two years late. Is
it?") sets out what the answer then takes up; the stance model supported "The tram line is two
years late" from it at 0.85 over an answer that says eight months (bench/tenth). The splitter keeps
the whole turn in one passage, so its every sentence is known as the interviewer's. And an error a
correction withdraws asserts nothing about any claim but one that repeats it (``corrections``).

Nor does a report the page calls unconfirmed ("Unconfirmed reports on social media say the bridge
has collapsed."), or a heading that only says there are reports ("Reports of bridge collapse"): a
live blog posts them while it checks, and the stance model supported "The bridge collapsed" from
the heading at 0.53 (bench/tenth).

A yes/no question the page answers in a word ("Can the flu vaccine give you flu? No.") asserts its
answer, but only of the claim it asks (``answers``; the verifier marks it ``ANOTHER_QUESTION`` for
any other claim).

An open question set out as a fragment asserts nothing either: "Whether the toxins have reached
the town's drinking water." (supported "The toxins have reached the drinking water" at 0.63 under
"What we don't know", bench/eleventh), and a list item "- How long the ban will last." A sentence
that goes on past a comma ("Whether it rains or not, the match goes ahead.") says its main clause.
"""

from __future__ import annotations

import re

from service.pipeline.corrections import withdrawn
from service.pipeline.questions import asks_yes_or_no
from service.pipeline.ratings import CLAIM_LABEL, LIST_MARK

UNASSERTED = "asserts nothing"
# A question the page answers in a word asserts its answer only of a claim that asks it (``answers``).
ANOTHER_QUESTION = f"{UNASSERTED}: an answer to another question"
_QUOTED_HEADING = re.compile(r"^[\"“‘']([^\"“”‘’]+)[\"”’']$")
_SENTENCE_END = tuple(".!?…")
_HEADING_WORDS = 15
_HEADING_END = (*_SENTENCE_END, '"', "'", "”", "’", ")", "]")
_LONGEST_HEADING = 20
_UNCONFIRMED = re.compile(r"^(?:there (?:are|were|have been) )?(?:unconfirmed|unverified)\b", re.I)
_REPORTS_HEADING = re.compile(
    r"^(?:(?:unconfirmed|unverified|new|more|early) )?(?:reports?|claims?|rumou?rs?|allegations?) (?:of|that)\b", re.I
)
_WHETHER = re.compile(r"^whether\b[^,;]*$", re.I)
_WH_FRAGMENT = re.compile(r"^(?:how|what|why|when|where|who|which)\b[^,;?]*$", re.I)
# The mark an interviewer's turn opens with in a transcript: "Q:", "Q.", "Question:".
INTERVIEWER_TURN = re.compile(r"^(?:Q\s*[:.]|Question\s*:)\s+(?=\S)")


def unasserted(passage: str) -> str | None:
    """Why ``passage`` asserts nothing, as a reason for the report, or None when it may. A claim a
    fact-check sets out ("Claim: ...") asserts nothing either, unless its rating came with it
    (``ratings``: then the passage is "Claim: ...\nVerdict: False" and says the checker's verdict).

    Examples:
        >>> unasserted('2. "Coffee dehydrates you"')
        'asserts nothing: a quotation with no speaker'
        >>> unasserted("Claim: 5G masts spread the virus.")
        'asserts nothing: a claim set out to be checked'
        >>> unasserted("Q: Your critics say the line is late. Is it?")
        "asserts nothing: an interviewer's question"
        >>> unasserted('"But we did not see fewer deaths."') is None
        True
    """
    listed = LIST_MARK.match(passage.strip()) is not None
    text = LIST_MARK.sub("", passage.strip())
    if _WHETHER.match(text) or (listed and _WH_FRAGMENT.match(text)):
        return f"{UNASSERTED}: an open question"
    if asks_yes_or_no(text):
        return f"{UNASSERTED}: a yes/no question"
    if _quoted_heading(text):
        return f"{UNASSERTED}: a quotation with no speaker"
    if CLAIM_LABEL.match(text) and "\n" not in text:
        return f"{UNASSERTED}: a claim set out to be checked"
    if INTERVIEWER_TURN.match(text):
        return f"{UNASSERTED}: an interviewer's question"
    if withdrawn(text):
        return f"{UNASSERTED}: an error the page corrects"
    if _UNCONFIRMED.match(text) or (_REPORTS_HEADING.match(text) and not text.endswith(_SENTENCE_END)):
        return f"{UNASSERTED}: an unconfirmed report"
    return None


def is_heading(passage: str) -> bool:
    """Whether a passage is a heading, not a sentence: a headline, a standfirst, a section title.
    It has no full stop or other sentence end, is not a list item, and is short.

    Examples:
        >>> is_heading("Harbury Foods cuts profit outlook as sales growth slows")
        True
        >>> is_heading("Harbury Foods has cut its profit forecast."), is_heading("- Revenue rose 4%")
        (False, False)
    """
    text = passage.strip()
    return not text.endswith(_HEADING_END) and not LIST_MARK.match(text) and len(text.split()) <= _LONGEST_HEADING


def is_claim_line(line: str) -> bool:
    """Whether ``line`` sets out a claim without saying it: a quotation standing alone, or a
    "Claim: ..." line (the line a fact-check's rating follows)."""
    text = LIST_MARK.sub("", line.strip())
    return _quoted_heading(text) or CLAIM_LABEL.match(text) is not None


def _quoted_heading(text: str) -> bool:
    """A quotation standing alone, short, with no full stop inside its marks."""
    quoted = _QUOTED_HEADING.match(text)
    body = quoted.group(1).rstrip() if quoted else ""
    return bool(body) and not body.endswith(_SENTENCE_END) and len(body.split()) <= _HEADING_WORDS
