"""Consistency checks NLI models are weak at: numbers, years and named entities.

``reasons(claim, passage)`` explains, in words, where a passage disagrees with the claim on a
number or a year, or lacks a name the claim relies on. A name counts as present in another form
of the same word (Ukraine, Ukrainian; Zelensky, Zelenskyy; France, French), and a claim written
in Title Case has no names to check, since its capitals mark nothing. ``adjust`` optionally moves
probability from entailment to contradiction when a number or year disagrees; whether that runs is
a setting whose default comes from the dev-set ablation in models/README.md. Missing names are
reported, never acted on: that ablation shows why.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict

import numpy as np

_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_WORDS) + r")\b", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_NOT_NAMES = frozenset(
    """The A An And But Or If In On At For From To Of By With As This That These Those It Its He She They We
    I His Her Their Our Mr Mrs Ms Dr President Minister Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Ltd Co Corp""".split()
)
MISSING_NAME = "not in passage"
_ACCENTS = re.compile("[\u0300-\u036f]")  # the combining diacritical marks NFKD splits off letters
_WORD = re.compile(r"\w+")
_PUNCTUATION = "\"'“”‘’()[]{}:;,.!?"
# Words a headline leaves in lower case while capitalising the rest.
_HEADLINE_LOWERCASE = frozenset("a an the and but or nor for of on in at to by with from as vs".split())
# Endings that turn a place into its people or adjective (Ukraine -> Ukrainian, China -> Chinese,
# Iraq -> Iraqi), a name into its plural, or one transliteration into another (Zelensky, Zelenskyy);
# compared after one final vowel is dropped from both words.
_DERIVED_ENDINGS = frozenset(
    {"", "n", "an", "ian", "ean", "es", "ese", "i", "is", "s", "y", "er", "ns", "ans", "ians", "eans", "ers"}
)
# Places whose people or adjective the ending rule cannot reach, and common short forms.
_OTHER_FORMS: dict[str, tuple[str, ...]] = {
    "afghanistan": ("afghan",),
    "belgium": ("belgian",),
    "britain": ("british", "briton"),
    "cyprus": ("cypriot",),
    "denmark": ("danish", "dane"),
    "england": ("english",),
    "european union": ("eu",),
    "finland": ("finnish", "finn"),
    "france": ("french",),
    "greece": ("greek",),
    "holland": ("dutch",),
    "ireland": ("irish",),
    "kazakhstan": ("kazakh",),
    "lebanon": ("lebanese",),
    "netherlands": ("dutch",),
    "norway": ("norwegian",),
    "peru": ("peruvian",),
    "philippines": ("filipino", "philippine"),
    "poland": ("polish", "pole"),
    "portugal": ("portuguese",),
    "scotland": ("scottish", "scot", "scots"),
    "spain": ("spanish", "spaniard"),
    "sweden": ("swedish", "swede"),
    "switzerland": ("swiss",),
    "thailand": ("thai",),
    "turkey": ("turkish", "turk"),
    "united kingdom": ("uk", "britain", "british"),
    "united nations": ("un",),
    "united states": ("us", "usa", "america", "american"),
    "wales": ("welsh",),
}


def _text(value: str) -> str:
    return unicodedata.normalize("NFKC", value)


def _numbers(text: str) -> tuple[set[str], set[str]]:
    """(years, other numbers) mentioned in ``text``, as canonical strings."""
    years: set[str] = set()
    others: set[str] = set()
    for match in _NUMBER.finditer(text):
        raw = match.group(1).replace(",", "")
        value = raw.rstrip("0").rstrip(".") if "." in raw else str(int(raw))
        (years if len(value) == 4 and 1800 <= int(float(value)) <= 2100 else others).add(value)
    for match in _WORD_NUMBER.finditer(text):
        others.add(str(_WORDS[match.group(1).lower()]))
    return years, others


def _folded(text: str) -> str:
    """Lower case without accents, so that a name and its unaccented spelling meet."""
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text)).lower()


def _is_headline(text: str) -> bool:
    """Title Case or ALL CAPS: when every word but the small ones is capitalised, capitals no longer
    mark names ("Police Chief In Charge of Paris Attacks Commits Suicide")."""
    words = [w.strip(_PUNCTUATION) for w in text.split()[1:]]
    words = [w for w in words if w[:1].isalpha() and w not in _HEADLINE_LOWERCASE]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _names(text: str) -> set[str]:
    """Capitalised runs; a lone capitalised word opening a sentence is just a sentence start, unless
    it is an acronym."""
    if _is_headline(text):
        return set()
    names = set()
    for match in _CAPITALISED.finditer(text):
        opens_sentence = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1:] in '.!?:"“'
        if opens_sentence and " " not in match.group(0) and not match.group(0).isupper():
            continue
        words = [re.sub(r"['’]s$", "", w).strip("’'-") for w in match.group(0).split() if w not in _NOT_NAMES]
        if any(words):
            names.add(" ".join(w for w in words if w))
    return names


def _same_word(a: str, b: str) -> bool:
    """Equal, or one derived from the other by a people/adjective/plural ending (Ukraine, Ukrainian)."""
    if a == b:
        return True
    short, long = sorted((_without_final_vowel(a), _without_final_vowel(b)), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in _DERIVED_ENDINGS


def _without_final_vowel(word: str) -> str:
    return word[:-1] if word[-1:] in "aeiouy" else word


@functools.cache
def _related_forms() -> dict[str, frozenset[str]]:
    related: dict[str, set[str]] = defaultdict(set)
    for place, forms in _OTHER_FORMS.items():
        for form in forms:
            related[place].add(form)
            related[form].add(place)
    return {word: frozenset(forms) for word, forms in related.items()}


def _has_phrase(phrase: str, words: list[str]) -> bool:
    wanted = _WORD.findall(phrase)
    n = len(wanted)
    return n > 0 and any(
        all(_same_word(w, t) for w, t in zip(wanted, words[i : i + n], strict=True)) for i in range(len(words) - n + 1)
    )


def _by_prefix(words: list[str]) -> dict[str, set[str]]:
    """A passage's words keyed by their first four letters: two words ``_same_word`` can pair share them."""
    index: dict[str, set[str]] = defaultdict(set)
    for word in words:
        index[word[:4]].add(word)
    return index


def _mentions(name: str, words: list[str], index: dict[str, set[str]]) -> bool:
    """Whether a passage (its folded words, and ``_by_prefix`` of them) names ``name``: one of the
    name's words in any derived form (a surname is enough), or another form of the name or of one
    word (France, French)."""
    folded = _folded(name)
    parts = _WORD.findall(folded)
    related = _related_forms()
    return any(any(_same_word(part, word) for word in index.get(part[:4], ())) for part in parts) or any(
        _has_phrase(form, words) for key in (folded, *parts) for form in related.get(key, ())
    )


def reasons(claim: str, passage: str) -> list[str]:
    """Human-readable disagreements between claim and passage (empty when none are found).

    Examples:
        >>> reasons("Xi has met Putin 40 times", "Xi has met Putin in person 39 times")
        ['number mismatch: claim 40, passage 39']
        >>> reasons("Xi last visited Russia in 2017.", "Xi last visited Russia in 2019.")
        ['date mismatch: claim 2017, passage 2019']
    """
    claim, passage = _text(claim), _text(passage)
    out = []
    claim_years, claim_numbers = _numbers(claim)
    passage_years, passage_numbers = _numbers(passage)
    if claim_numbers and passage_numbers and not claim_numbers & passage_numbers:
        out.append(
            f"number mismatch: claim {', '.join(sorted(claim_numbers))}, passage {', '.join(sorted(passage_numbers))}"
        )
    if claim_years and passage_years and not claim_years & passage_years:
        out.append(f"date mismatch: claim {', '.join(sorted(claim_years))}, passage {', '.join(sorted(passage_years))}")
    words = _WORD.findall(_folded(passage))
    index = _by_prefix(words)
    missing = sorted(n for n in _names(claim) if not _mentions(n, words, index))
    if missing:
        out.append(f"{MISSING_NAME}: {', '.join(missing)}")
    return out


def is_missing_name(reason: str) -> bool:
    return reason.startswith(MISSING_NAME)


def is_mismatch(reason: str) -> bool:
    return reason.startswith(("number mismatch", "date mismatch"))


def adjust(scores: np.ndarray, found: list[str], share: float = 0.8) -> np.ndarray:
    """Move ``share`` of the entailment probability to contradiction on a number/year mismatch."""
    if not any(is_mismatch(r) for r in found):
        return scores
    out = scores.astype(np.float32).copy()
    moved = out[0] * share
    out[0] -= moved
    out[2] += moved
    return out
