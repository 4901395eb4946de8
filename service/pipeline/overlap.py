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

from service.pipeline.negation import content_stems


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
