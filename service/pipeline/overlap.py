"""How much of a claim's wording a passage repeats: the share of the claim's content words
(``negation.content_stems``: longer than three letters, not function words, one inflection off) the
passage also uses.

The aggregator reads it as a second sign, besides a missing name, that a passage is about
something else: the stance model takes a side on many passages that share the claim's topic but
hardly a word of it (it refutes "Mira Holt was a teacher before entering politics" with "Holt has
ruled out any deal with Homeland" at 0.76), while evidence for or against a claim nearly always
repeats some of its words. A paraphrase that repeats none is still close in meaning, so the aggregator
asks for both: few shared words and a low similarity (``aggregate.off_subject``).
"""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.names import capitalised_runs
from service.pipeline.negation import content_stems

# A claim's word is its topic when at least this share of the passages found for it repeat it, and
# at least this many passages were found (``topic_words``).
TOPIC_SHARE = 0.7
TOPIC_MIN_PASSAGES = 3


def shared_words(claim: str, passage: str) -> float:
    """The share of the claim's content words that the passage repeats; 1 for a claim with none,
    which the share cannot judge.

    Examples:
        >>> round(shared_words("Orbix shares fell 12%.", "The company's shares fell 12% in Copenhagen."), 2)
        0.67
        >>> shared_words("Xi met Putin.", "They met.")
        0.0
    """
    wanted = content_stems(claim)
    if not wanted:
        return 1.0
    return len(wanted & content_stems(passage)) / len(wanted)


def shares_event(claim: str, passage: str) -> bool:
    """Whether ``passage`` repeats a content word of the claim that is not a name (a capitalised
    word): what happened, not only to whom. True for a claim with no such word.

    Examples:
        >>> shares_event("Brightwater cut 1,100 jobs in 2023.", "2026 - Brightwater files for administration.")
        False
        >>> shares_event("Brightwater cut 1,100 jobs in 2023.", "2023 - The company cuts 1,100 jobs.")
        True
    """
    wanted = said_of_names(claim)
    return not wanted or bool(wanted & content_stems(passage))


def topic_words(claim: str, passages: Sequence[str]) -> frozenset[str]:
    """The claim's content words that most of the passages found for it repeat: what they are all
    about ("Tarrow fever", "orvesiran"), not what the claim says of it.

    Examples:
        >>> found = ["Orvesiran cut heart attacks.", "Orvesiran is not approved.", "Orvesiran was given twice."]
        >>> sorted(topic_words("The orvesiran trial enrolled 8,000 adults.", found))
        ['orvesiran']
    """
    if len(passages) < TOPIC_MIN_PASSAGES:
        return frozenset()
    found = [content_stems(passage) for passage in passages]
    return frozenset(w for w in content_stems(claim) if sum(w in stems for stems in found) >= TOPIC_SHARE * len(found))


def only_topic_shared(claim: str, passage: str, topic: frozenset[str]) -> bool:
    """Whether ``passage`` repeats none of the claim's content words but its topic words (and the
    claim has others): it is about the claim's topic, and says nothing of what the claim says.

    Examples:
        >>> claim, topic = "The orvesiran trial enrolled 8,000 adults.", frozenset({"orvesiran"})
        >>> only_topic_shared(claim, "Orvesiran is not approved.", topic)
        True
        >>> only_topic_shared(claim, "The trial enrolled 8,412 adults.", topic)
        False
    """
    rest = content_stems(claim) - topic
    return bool(rest) and not rest & content_stems(passage)


def only_names_shared(claim: str, passage: str) -> bool:
    """Whether ``passage`` repeats none of the claim's content words but its names (and the claim
    has others), a word counting as repeated in any form that one of its stems begins ("died",
    "dies"): it names whom or what the claim is about, not what it says of them.

    Examples:
        >>> claim = "Laura Penhallow is the chief executive of Harbury Foods."
        >>> only_names_shared(claim, "Harbury Foods cuts profit outlook")
        True
        >>> only_names_shared(claim, "Harbury Foods names a new chief executive")
        False
        >>> only_names_shared("Ruben Castellano has died.", "Ruben Castellano, engineer, dies aged 87")
        False
    """
    rest = said_of_names(claim)
    said = content_stems(passage)
    return bool(rest) and not any(a.startswith(b) or b.startswith(a) for a in rest for b in said)


def said_of_names(claim: str) -> set[str]:
    """The claim's content words that are not its names (capitalised words): what it says of them."""
    return content_stems(claim) - content_stems(" ".join(capitalised_runs(claim)))
