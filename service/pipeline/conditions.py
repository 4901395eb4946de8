"""A condition asserts nothing: "If the launch goes ahead on Tuesday, Aurora-2 is expected to send
its first images in March." says what follows if the launch goes ahead, not that it will.

The stance model reads the whole sentence and answers for its main clause: against "The next
attempt to launch Aurora-2 will be on Tuesday 1 December" it contradicted at 0.83 over a passage
that sets the date out plainly (bench/sixteenth). A passage that opens with a condition ("If",
"Unless", "Provided that") takes no side on a claim that repeats more of the condition's words than
of the main clause's: on that claim it only supposes. A claim about what follows (the images in
March) still meets the main clause, hedged as it is.
"""

from __future__ import annotations

import re

from service.pipeline.assertions import UNASSERTED
from service.pipeline.negation import content_stems

CONDITION_ONLY = f"{UNASSERTED}: only a condition of what it says"
# The claim must repeat this many of the condition's content words: fewer, and the passage merely
# mentions the claim's topic in its condition.
MIN_CONDITION_WORDS = 2
_OPENER = r"(?:(?:even|only)\s+)?if|unless|provided(?:\s+that)?|assuming(?:\s+that)?|in\s+case"
_CONDITIONAL = re.compile(rf"^\W*(?:{_OPENER})\s+(?P<condition>[^,;:]+),\s*(?P<main>\S.*)$", re.IGNORECASE | re.DOTALL)


def supposes_only(claim: str, passage: str) -> bool:
    """Whether the passage only supposes what the claim says: it opens with a condition, and the
    claim repeats at least ``MIN_CONDITION_WORDS`` of the condition's content words and more of
    them than of the main clause's. A claim that is a condition itself is left alone.

    Examples:
        >>> passage = "If the launch goes ahead on Tuesday, the satellite will send images in March."
        >>> supposes_only("The launch will go ahead on Tuesday.", passage)
        True
        >>> supposes_only("The satellite will send images in March.", passage)
        False
    """
    conditional = _CONDITIONAL.match(passage)
    if conditional is None or _CONDITIONAL.match(claim):
        return False
    wanted = content_stems(claim, bases=True)
    in_condition = wanted & content_stems(conditional["condition"], bases=True)
    in_main = wanted & content_stems(conditional["main"], bases=True)
    return len(in_condition) >= MIN_CONDITION_WORDS and len(in_condition) > len(in_main)
