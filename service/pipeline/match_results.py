"""Results in text, for ``numbers``: "beat City 2-1", "voted 6-3", "a 3-0 win" are one number
each, read only where words of winning or voting stand by them, since "10-15 people" and "pages
3-4" are ranges. The order of a result does not count: "lost 1-2" and "won 2-1" may be the same
match told from each side.
"""

from __future__ import annotations

import re

from service.pipeline.counts import LOOK_BACK, UNIT_AFTER, inside, plural, singular
from service.pipeline.number_words import SCALES
from service.pipeline.quantities import Quantity

_SCORE = re.compile(r"(?<![\w.,/:–-])(\d{1,3}) ?[-–] ?(\d{1,3})(?![\w]|[.,:/]\d| ?[-–] ?\d)")
_RESULT_WORDS = (
    r"beat|beats|beaten|won|win|wins|winning|lost|lose|loses|losing|drew|draw|draws|defeated|defeat|defeats|"
    r"thrashed|edged|edges|crushed|routed|voted|vote|votes|led|lead|leads|leading|trailed|trail|trails|trailing|"
    r"score|scored|scoreline|result|ended|finished|victory|triumph|loss|home|away|aggregate|decision|ruling|"
    r"majority|margin|verdict|tally"
)
_RESULT_WORD = re.compile(_RESULT_WORDS)
_RESULT_BEFORE = re.compile(r"\b(?:" + _RESULT_WORDS + r")\b(?:\W+\w+){0,3}\W+$", re.I)
_RESULT_AFTER = re.compile(r"\W+(?:\w+\W+){0,1}(?:" + _RESULT_WORDS + r")\b", re.I)
SCORE = "score"


def read_results(text: str, skip: list[tuple[int, int]]) -> list[tuple[Quantity, tuple[int, int]]]:
    """The results ("2-1") of ``text``, each with its span; the larger number first in its value,
    so "1-2" and "2-1" are the same."""
    found: list[tuple[Quantity, tuple[int, int]]] = []
    for match in _SCORE.finditer(text):
        if not inside(match.start(), skip) and _is_result(text, match.start(), match.end()):
            high, low = sorted((int(match.group(1)), int(match.group(2))), reverse=True)
            value = float(high * 1000 + low)
            found.append(
                (Quantity(f"{match.group(1)}-{match.group(2)}", value - 0.5, value + 0.5, value), match.span())
            )
    return found


def _is_result(text: str, start: int, end: int) -> bool:
    """Whether "2-1" is a result: words of winning or voting before or after it, and no unit after
    it ("2-3%", "10-15 people" are ranges)."""
    unit = UNIT_AFTER.match(text, end)
    word = unit.group(1).lower() if unit else ""
    if singular(word) == "%" or word in SCALES or (plural(word) and not _RESULT_WORD.fullmatch(word)):
        return False
    return bool(_RESULT_BEFORE.search(text, max(0, start - LOOK_BACK), start) or _RESULT_AFTER.match(text, end))
