"""Claims asked as questions: "Is Qin Gang China's foreign minister?" is judged as the statement it asks
about, "Qin Gang is China's foreign minister."

The stance model was trained on statements and reads a question as neutral far more often
(``bench/questions.py``: dev hypotheses asked as questions lose 6 points of accuracy, most of them
entailments). The auxiliary goes back after the subject, which ends at a name, a pronoun, a
determiner's noun phrase, or the word that opens the predicate ("is *in* Moscow", "has *met*").
Where the words do not tell, the question is judged as asked. A negated auxiliary ("Isn't ...?")
is left alone: whether its asker means yes or no is not in the words.

Open questions ("When did the bridge reopen?") name no statement to check; they keep their text
and get a note saying so.
"""

from __future__ import annotations

import re
from typing import NamedTuple

AUXILIARIES = ("is are was were am do does did has have had will would shall should can could may might must").split()

# "Is it true that ...?", "Is it the case that ...?": the statement follows the frame whole.
_TRUTH_FRAME = re.compile(
    r"^(?:is|was)\s+it\s+(?:true|correct|right|accurate|the\s+case|a\s+fact)\s+(?:that\s+)?(?=\S)",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(rf"^(?:{'|'.join(AUXILIARIES)})\s+(?=\S)", re.IGNORECASE)
_NEGATED = re.compile(rf"^(?:\w+n[’']t|(?:{'|'.join(AUXILIARIES)})\s+not)\b", re.IGNORECASE)
_QUESTION_END = re.compile(r"\s*\?+[\s\"'”’)]*$")
_OPEN_QUESTION = re.compile(r"^(?:who|whom|whose|what|when|where|which|why|how)\b", re.IGNORECASE)

NOTE_YES_NO = "read as a yes/no question: 'supported' means the sources answer yes, 'refuted' means no"
NOTE_OPEN = (
    "reads as an open question: claimscope checks statements, so state the answer you want checked "
    "(e.g. 'The bridge reopened in May.')"
)
NOTE_NEGATED = (
    "reads as a negated question, judged as written: state what you want checked "
    "(e.g. 'The bridge reopened in May.') for a clear answer"
)


_BE = {"is", "are", "was", "were", "am"}
_HAVE = {"has", "have", "had"}
_PRONOUNS = set("i you he she it we they there".split())
_DETERMINERS = set(
    "a an the this that these those some any his her their its our my your one two three four five six seven"
    " eight nine ten several many all most both each every no".split()
)
# words that open a predicate after be ("is in Moscow", "is the capital"); "of" continues a subject
_PREDICATE_OPENERS = set(
    "a an the in on at from to into with without by for about under over near behind after before"
    " among between during since than".split()
)
_IRREGULAR_PARTICIPLES = set(
    "born made done seen taken given found held met told said sold built won lost paid left kept brought"
    " bought thought known shown written spoken chosen driven eaten fallen put set cut shut run come become"
    " begun gone struck sent spent led read heard stood understood grown thrown drawn broken frozen stolen"
    " hidden forgotten ridden risen beaten bitten caught taught fought sought hit hurt let quit split spread".split()
)


class Reading(NamedTuple):
    """What ``claim`` is judged as: ``statement`` (the claim itself unless it is a yes/no question)
    and ``notes`` for the report on how it was read."""

    claim: str
    statement: str
    notes: list[str]


def read_claim(claim: str) -> Reading:
    text = claim.strip()
    if not _QUESTION_END.search(text):
        return Reading(claim, claim, [])
    if _OPEN_QUESTION.match(text):
        return Reading(claim, claim, [NOTE_OPEN])
    body = _QUESTION_END.sub("", text).lstrip("\"'“‘(")
    framed = _TRUTH_FRAME.sub("", body, count=1)
    if framed != body:
        return Reading(claim, _as_sentence(framed), [NOTE_YES_NO])
    if _NEGATED.match(body):
        return Reading(claim, claim, [NOTE_NEGATED])
    if not _AUXILIARY.match(body):  # "Xi visited Russia in 2019?": a statement with a question mark
        return Reading(claim, _as_sentence(body), [NOTE_YES_NO])
    auxiliary, *words = body.split()
    end = _subject_end(auxiliary.lower(), words)
    if end is None:
        return Reading(claim, claim, [NOTE_YES_NO])
    return Reading(claim, _as_sentence(" ".join([*words[:end], auxiliary.lower(), *words[end:]])), [NOTE_YES_NO])


def asks_yes_or_no(text: str) -> bool:
    """Whether ``text`` is a yes/no question ("Does coffee dehydrate you?"), one that says nothing
    either way; a negated one ("Isn't it obvious ...?") is left out, as its asker may mean yes.

    Examples:
        >>> asks_yes_or_no("Does cracking your knuckles cause arthritis?"), asks_yes_or_no("Why not?")
        (True, False)
    """
    text = text.strip()
    if not _QUESTION_END.search(text):
        return False
    body = text.lstrip("\"'“‘(")
    return bool(_AUXILIARY.match(body)) and not _NEGATED.match(body)


def _subject_end(auxiliary: str, words: list[str]) -> int | None:
    first = words[0]
    if first.lower() in _PRONOUNS:
        return 1
    if _is_name(first):  # "Qin Gang", stopping before another name's possessive ("China's")
        end = _name_end(words, 0)
        return end if end < len(words) else None
    if auxiliary in _BE or auxiliary in _HAVE:
        for end in range(1, len(words)):
            if _opens_predicate(auxiliary, words[end], words[end - 1]):
                return end
        # "Are the people old?": a be-question with no other sign ends with its predicate
        return len(words) - 1 if auxiliary in _BE and len(words) > 1 else None
    return _noun_phrase_end(words)


def _noun_phrase_end(words: list[str]) -> int | None:
    """Where "the government" or "the president of France" ends in "Did the government raise
    taxes?": a determiner, one word or a name, and "of" phrases of the same shape."""
    if words[0].lower() not in _DETERMINERS and not _possessive(words[0]):
        return None
    end = _word_or_name_end(words, 1)
    while end + 1 < len(words) and words[end].lower() == "of":
        start = end + 2 if words[end + 1].lower() in _DETERMINERS else end + 1
        end = _word_or_name_end(words, start)
    return end if end < len(words) else None


def _word_or_name_end(words: list[str], start: int) -> int:
    if start >= len(words):
        return len(words)
    return _name_end(words, start) if _is_name(words[start]) else start + 1


def _name_end(words: list[str], start: int) -> int:
    end = start + 1
    while end < len(words) and _is_name(words[end]):
        end += 1
    return end


def _is_name(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _DETERMINERS and not _possessive(word)


def _opens_predicate(auxiliary: str, word: str, before: str) -> bool:
    lowered = word.lower()
    if auxiliary in _HAVE:
        return _participle(lowered)
    if lowered in _PREDICATE_OPENERS or _participle(lowered):
        return True
    return _gerund(lowered) and before.lower() not in _DETERMINERS  # not "the defending player"


def _gerund(word: str) -> bool:
    return len(word) > 4 and word.endswith("ing")


def _participle(word: str) -> bool:
    return (len(word) > 3 and word.endswith("ed")) or word in _IRREGULAR_PARTICIPLES


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
