"""The premise the stance model reads for a passage: the passage, and its previous sentence when needed.

A sentence that opens with a pronoun ("He said"), a demonstrative or definite noun phrase ("This
visit", "The move"), a connective ("But", "However") or mid-sentence (a lower-case piece of a long
sentence cut at a clause break) leans on the sentence before it; one that names its own subject does
not. Giving context only where it is needed keeps most of the speed of no context (the encoder's cost
grows with the tokens it reads) and stops a neighbouring sentence's stance being pinned on a passage
that does not share it.
"""

from __future__ import annotations

import re

from service.pipeline.retrieve import Candidate
from service.settings import ContextMode
from service.storage import Store

_LEANING_OPENERS = frozenset(
    """
    he she it they we i you him her them us his its their our your hers theirs ours
    this that these those such the both either neither another other others former latter
    and but or nor yet so also still then thus hence therefore however meanwhile instead moreover
    furthermore besides otherwise nevertheless nonetheless accordingly likewise similarly though
    although which who whom whose where there here
    """.split()
)
_FIRST_WORD = re.compile(r"\W*(\w+)")


def needs_context(text: str) -> bool:
    """Whether a passage leans on the sentence before it (see the module docstring)."""
    match = _FIRST_WORD.match(text)
    if match is None:
        return False
    word = match.group(1)
    return word[0].islower() or word.lower() in _LEANING_OPENERS


def premise(store: Store, candidate: Candidate, mode: ContextMode) -> str:
    """The text the stance model judges for ``candidate``."""
    text = candidate.passage.text
    if mode == "never" or (mode == "needed" and not needs_context(text)):
        return text
    before, _ = store.neighbours(candidate.passage)
    return f"{before} {text}" if before else text
