"""The premise the stance model reads for a passage: the passage, and its previous sentence when needed.

A sentence that opens with a pronoun ("He said"), a demonstrative or definite noun phrase ("This
visit", "The move"), a connective ("But", "However") or mid-sentence (a lower-case piece of a long
sentence cut at a clause break) leans on the sentence before it; one that names its own subject does
not. Giving context only where it is needed keeps most of the speed of no context (the encoder's cost
grows with the tokens it reads) and stops a neighbouring sentence's stance being pinned on a passage
that does not share it.

So does a share of something named before ("Most of that increase is the price of steel.":
neither entailment nor contradiction, 0.33 and 0.30, for "The price of steel is the main reason
the tram line's cost rose" alone; entailment 0.68 after "The budget was £410 million and it's now
£455 million.", bench/tenth).

A list item ("- Revenue rose 4% to NOK 8.2 billion" under "Highlights") leans on the sentence its
list follows, not on the item before it: it says whose revenue and which quarter. Alone it
contradicted "Norvik Telecom's revenue rose 4% in the third quarter of 2026" (0.51); after "Norvik
Telecom ASA today reported results for the third quarter of 2026." it entails it (0.88,
bench/eleventh).

Nor does a passage that names everyone and everything the claim names need the sentence before:
context is there to say who "he" or what "it" is, and such a passage already says it, so the
sentence before could only lend its own stance. "It is the first national rail strike in Vestmark
since 2011" entails "This is Vestmark's first national rail strike since 2011" (0.92) alone, and
contradicted it (0.58) after "... but said the government would not intervene."

A year or month the premise gives relative to its article's publication ("last year", "last
month", "four years ago") is followed by the one it means, "last year (2024)", when the article's
day is known. The stance model cannot know it, and read the phrase against a claim's year as a
contradiction: it contradicts "Veltra sold 1.9 million vehicles in 2024" with "Veltra sold 1.9
million vehicles last year" (0.63) and entails it with "... last year (2024)" (0.90). The cited
passage keeps its words; only what the model reads changes. So is a share given in words by its
percentage, "two-fifths (40%) of the total" (``shares``).

A fact-check's rated claim ('"Coffee dehydrates you"' with "Verdict: False" below it) is read
as the sentence it means, "It is false that Coffee dehydrates you." (``ratings``), and so is an
error a correction withdraws ("An earlier version of this article said the plant opened in 1978"
is "It is false that the plant opened in 1978.": ``corrections``), and a match report's
scoreline heading, "Kestrel Town 3-1 Harbour United", is "Kestrel Town beat Harbour United 3-1"
(``scorelines``), and a question answered in a word, "Can the ferry carry cars? No.", is "It is
false that the ferry can carry cars." (``answers``).

A sentence that leaves out a name the claim gives is read after its article's headline when the
headline gives it, or else after the nearest sentence before it (of the eight before) that does:
news names the company, the race or the storm once and then writes "Hackers accessed customers'
names and addresses". Alone that sentence was neutral on "Hackers accessed Halvard customers' names
and addresses" (0.25 entailment); after "Halvard fined £4.2m over customer data breach." it entails
it (0.88, bench/twentysixth). The sentence lent must not give the claim another figure, date,
direction or doer (a concrete mismatch: it would lend that side to every sentence read after it,
as a scoreline headline of the other result did), nor assert nothing (a question). On the
labelled claims of the seeds and ``bench/``'s samples the headline set 21 verdicts right and 8
wrong (of 1,427 claims), the nearest sentence 23 more right and 11 wrong (of 1,483), and keeping
out a sentence that disagrees 2 right and 3 wrong; the wrong are mostly the model's misreadings
that the lent names let through ("the last four digits of their card numbers" entailing "full card
numbers").

Nor does the model read an encyclopedia's reference marks ("in 1976.[3]", "[citation needed]"):
its training pairs have none, and they say nothing of the claim. Nor, for a claim that says
nothing of birth, death or age, the life dates after a name ("(born 14 March 1958)", ``asides``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from functools import cache, partial

from service.pipeline.answers import answered_statement
from service.pipeline.asides import without_life_dates
from service.pipeline.assertions import unasserted
from service.pipeline.consistency import CONCRETE_MISMATCHES, has_reason, reasons
from service.pipeline.corrections import withdrawn_statement
from service.pipeline.names import PassageWords, claim_names, proper_words, with_full_names
from service.pipeline.ratings import LIST_MARK, rated_statement
from service.pipeline.relative_dates import find_relative_dates
from service.pipeline.retrieve import Candidate
from service.pipeline.scorelines import scoreline_statement
from service.pipeline.shares import with_percentages
from service.pipeline.split import REFERENCE_MARK
from service.records import Passage
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
# A share of something named before: "Most of that increase", "Some of them", "Half of its staff".
_SHARE_OF_BEFORE = re.compile(
    r"\W*(?:the\s+)?(?:most|much|some|all|many|part|half|none|each|both|one|few|several|any|rest|majority|bulk)"
    r"\s+of\s+(?:that|this|these|those|them|it|its|their|his|her)\b",
    re.I,
)
_LIST_LOOK_BACK = 12  # items a list item looks back over for its lead-in
_NAMING_LOOK_BACK = 8  # sentences a passage looks back over for one that gives the claim's names
_FIRST_WORD = re.compile(r"\W*(\w+)")
# A mark glued to what it follows; "[the minister]" after a space is an editor's insertion.
_REFERENCE_MARK = re.compile(rf"(?<=\S){REFERENCE_MARK}")


def needs_context(text: str) -> bool:
    """Whether a passage leans on the sentence before it, or a list item on its list's lead-in
    (see the module docstring)."""
    if LIST_MARK.match(text) or _SHARE_OF_BEFORE.match(text):
        return True
    match = _FIRST_WORD.match(text)
    if match is None:
        return False
    word = match.group(1)
    return word[0].islower() or word.lower() in _LEANING_OPENERS


def premise(
    store: Store,
    candidate: Candidate,
    mode: ContextMode,
    names: Sequence[str] = (),
    published: date | None = None,
    headline: str | None = None,
    lends: Callable[[str], bool] = lambda text: True,
) -> str:
    """The text the stance model judges for ``candidate``; ``names``, the claim's, make a passage
    that mentions them all stand alone, ``published``, its article's day, dates its "last
    year", and ``headline``, its article's title, or a sentence before it names what it leaves out
    when ``lends`` allows (see the module docstring)."""
    passage = candidate.passage.text
    # the sentence a rated claim, a withdrawn error, a scoreline or an answered question means;
    # else the passage, in context
    text = (
        rated_statement(passage)
        or withdrawn_statement(passage)
        or scoreline_statement(passage)
        or answered_statement(passage)
        or _with_context(store, candidate, mode, names, headline, lends)
    )
    return with_percentages(dated(_REFERENCE_MARK.sub("", text), published))


def _with_context(
    store: Store,
    candidate: Candidate,
    mode: ContextMode,
    names: Sequence[str],
    headline: str | None,
    lends: Callable[[str], bool],
) -> str:
    text = candidate.passage.text
    if mode == "never":
        return text
    if mode == "always" or (needs_context(text) and not (names and all(map(PassageWords.of(text).mention, names)))):
        before = _lead_in(store, candidate.passage) if LIST_MARK.match(text) else store.neighbours(candidate.passage)[0]
        text = f"{before} {text}" if before else text
    if mode == "always":
        return text
    missing = [name for name in names if not PassageWords.of(text).mention(name)]
    if not missing:
        return text
    naming = _naming(store, candidate.passage, headline, missing)
    return f"{naming}. {text}" if naming and lends(naming) else text


def _naming(store: Store, passage: Passage, headline: str | None, missing: Sequence[str]) -> str | None:
    """What names the claim's ``missing`` names for a passage that leaves them out: its article's
    headline, as a statement, or else the nearest sentence before it that gives them all."""
    if headline and not unasserted(headline) and all(map(PassageWords.of(headline).mention, missing)):
        return (scoreline_statement(headline) or headline).rstrip(" .!?:;,")
    earlier = store.sentences_before(passage, _NAMING_LOOK_BACK)
    return next((text.rstrip(" .") for text in earlier if all(map(PassageWords.of(text).mention, missing))), None)


def _lead_in(store: Store, passage: Passage) -> str | None:
    """The sentence a list item's list follows ("Highlights: Norvik reported results for the third
    quarter."), or the item before it when the list runs longer than the look-back."""
    earlier = store.sentences_before(passage, _LIST_LOOK_BACK)
    return next((text for text in earlier if not LIST_MARK.match(text)), earlier[0] if earlier else None)


def dated(text: str, published: date | None) -> str:
    """``text`` with the year or month each of its relative dates means after it: "sold 1.9 million
    vehicles last year (2024)"."""
    if published is None:
        return text
    out, done = [], 0
    for relative in find_relative_dates(text, published):
        end = relative.span[1]
        out += [text[done:end], f" ({relative.meaning})"]
        done = end
    return "".join(out) + text[done:]


def claim_premises(
    store: Store,
    claim: str,
    candidates: Sequence[Candidate],
    mode: ContextMode,
    proper: Collection[str] | None = None,
    published: Mapping[str, date | None] | None = None,
    headlines: Mapping[str, str | None] | None = None,
) -> list[str]:
    """The premise of each candidate found for ``claim``, whose names are read as the consistency
    checker reads them: with ``proper``, the words the candidates write as names
    (``names.proper_words``; found here unless given). ``published`` gives each source's day and
    ``headlines`` its title (read from the store unless given)."""
    if proper is None:
        proper = proper_words([claim, *(c.passage.text for c in candidates)])
    if headlines is None:
        headlines = {sid: _title(store, sid) for sid in {c.passage.source_id for c in candidates}}
    names = list(claim_names(claim, proper))
    days = published or {}

    @cache  # a headline is asked once per source, not once per passage it is lent to
    def lends(source_id: str, text: str) -> bool:
        # a sentence that gives the claim another figure, date, direction or doer, or asserts
        # nothing, would lend that to the passage read after it; its own passage takes that side
        day = days.get(source_id)
        return not unasserted(text) and not has_reason(reasons(claim, text, day, None, proper), CONCRETE_MISMATCHES)

    # life dates in brackets ("(born 14 March 1958)") only on a claim about birth, death or age;
    # the claim's names in full where the passage shortens them ("Norvane" for Norvane Pharma)
    return [
        with_full_names(
            without_life_dates(
                claim,
                premise(
                    store,
                    c,
                    mode,
                    names,
                    days.get(c.passage.source_id),
                    headlines.get(c.passage.source_id),
                    partial(lends, c.passage.source_id),
                ),
            ),
            names,
            proper,
        )
        for c in candidates
    ]


def _title(store: Store, source_id: str) -> str | None:
    article = store.get_article(source_id)
    return article.title if article else None
