"""Negation: a passage that denies the claim in the claim's own words.

A cross-encoder trained on small NLI sets reads word overlap as agreement, so "Xi has not had a
single call with Zelensky" can entail "Xi has held a call with Zelensky" for it. The checker finds
a negation cue in the passage ("not", "never", "no", "-n't", or a verb whose complement did not
happen: "refused to", "failed to", "refrained from", "denied") whose clause repeats at least
``MIN_SHARED_WORDS`` of the claim's content words, one of them soon after the cue
(``SCOPE_WORDS``), while the claim itself has no such cue (a negated claim may agree with a negated
passage), and the cue denies what follows it (not "not only", nor "did not confirm whether", nor
a bound: "no earlier than"). The clause ends at the next clause boundary: punctuation, or "but".
"""

from __future__ import annotations

import re
import unicodedata

# Words that say "not" ...
_PLAIN_CUE = r"\b(?:not|never|no|nobody|nothing|neither|nor|cannot)\b|n't\b"
# ... and verbs whose complement did not happen, or is said not to have.
_VERB_CUE = (
    r"\b(?:refus|declin|fail|neglect)(?:e|es|ed|ing|s)?\s+to\b|\bforg[eo]t(?:s|ten)?\s+to\b"
    r"|\brefrain(?:s|ed|ing)?\s+from\b|\bden(?:y|ies|ied|ying)\b"
)
_CUE = re.compile(f"{_PLAIN_CUE}|{_VERB_CUE}", re.IGNORECASE)
_PLAIN = re.compile(_PLAIN_CUE, re.IGNORECASE)
# Cues that do not deny what follows them: "not only", "no doubt", "no matter", "never mind"; nor
# do those that set a bound ("no earlier than Tuesday", "no more than 40", "will not reopen until March"): the
# passage says when or how much at the least or the most, which the claim's day or figure may be.
_NOT_DENIAL = re.compile(
    r"\s*(?:only|just|merely|simply|least|doubt|matter|mind|wonder"
    r"|(?:\w+\s+){0,3}?(?:until|till)|(?:earlier|later|sooner|more|less|fewer|greater|higher|lower|bigger|smaller|older|younger)\s+than)\b",
    re.IGNORECASE,
)
# Nor do cues on a question left open ("did not confirm whether", "not clear if", "not known when"):
# what follows is not said to be false.
_OPEN_QUESTION = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:whether|if|when|how|why)\b", re.IGNORECASE)
# A claim with words like these already says that something did not happen or does not hold, so a
# passage's negation may agree with it ("workers refusing the vaccine" / "workers will not get it").
_NEGATIVE_CLAIM = re.compile(
    r"\b(?:doesnt|dont|didnt|isnt|wasnt|arent|werent|hasnt|havent|wont|cant|refus\w*|den(?:y|ies|ied|ial)\w*"
    r"|reject\w*|fail\w*|declin\w*|miss(?:es|ed|ing)?|lack\w*|without|unable|absen\w*|stop\w*|quit(?:s|ting)?|cancel\w*"
    r"|suspend\w*|withdr\w*|ban|bans|banned|halt\w*|false|hoax\w*|fake|myth\w*)\b",
    re.IGNORECASE,
)
# "X rather than Y", "X instead of Y": the passage sets Y aside (``contrasted_phrase``).
_CONTRAST = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\"“”—–]|,\s|\bbut\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset(
    """about after also been before being between both could does during each from have having here
    into just more most much only other over same should since some such than that their them then
    there these they this those through under very were what when where which while will with
    would your""".split()
)
_SUFFIXES = ("ings", "ing", "ions", "ion", "ed", "es", "s")
# Irregular past tenses and participles with their base form, so that "did not freeze" meets
# "froze" and "has not sold" meets "sold" ("base:past:participle", the forms that differ).
IRREGULAR_BASE = {
    form: forms.split(":")[0]
    for forms in (
        "arise:arose:arisen bear:bore:borne begin:began:begun bite:bit:bitten blow:blew:blown break:broke:broken "
        "bring:brought build:built buy:bought catch:caught choose:chose:chosen come:came deal:dealt "
        "draw:drew:drawn drink:drank:drunk drive:drove:driven eat:ate:eaten fall:fell:fallen feel:felt "
        "fight:fought find:found flee:fled fly:flew:flown forbid:forbade:forbidden forget:forgot:forgotten "
        "forgive:forgave:forgiven freeze:froze:frozen give:gave:given grow:grew:grown hang:hung hear:heard "
        "hide:hid:hidden hold:held keep:kept know:knew:known lead:led leave:left lend:lent lose:lost make:made "
        "mean:meant meet:met overtake:overtook:overtaken pay:paid ride:rode:ridden ring:rang:rung rise:rose:risen "
        "run:ran sell:sold send:sent shake:shook:shaken shoot:shot shrink:shrank:shrunk sing:sang:sung "
        "sink:sank:sunk sleep:slept speak:spoke:spoken spend:spent stand:stood steal:stole:stolen "
        "strike:struck swear:swore:sworn swim:swam:swum take:took:taken teach:taught tear:tore:torn tell:told "
        "think:thought throw:threw:thrown understand:understood wake:woke:woken wear:wore:worn win:won "
        "withdraw:withdrew:withdrawn write:wrote:written"
    ).split()
    for form in forms.split(":")[1:]
}
# The clause must repeat this many of the claim's content words: fewer flags passages that deny
# something else (the dev ablation in models/README.md measures both).
MIN_SHARED_WORDS = 2
# A cue denies what follows it closely: one of the shared words must be among the clause's first
# this many content words ("not guilty of accepting bribes from a construction company in exchange
# for contracts worth 3.2 million euros" does not deny that the contracts were worth that). On dev, 5
# keeps 82 of the 83 gold contradictions the cue flags and drops 6 of the 69 other pairs; 3 would
# drop 19 others but 9 contradictions.
SCOPE_WORDS = 5
# Longest clause quoted in a reason, in words.
_QUOTED_WORDS = 10


def negated_clause(claim: str, passage: str, min_shared: int = MIN_SHARED_WORDS) -> str | None:
    """The passage's negation cue and clause that deny the claim's words, or None.

    Examples:
        >>> negated_clause("China has condemned the invasion.", "China refused to condemn the invasion.")
        'refused to condemn the invasion'
        >>> negated_clause("China has not condemned the invasion.", "China refused to condemn the invasion.")
        >>> negated_clause("The launch is on Tuesday.", "The launch will be no earlier than Tuesday.")
    """
    claim, passage = normal_text(claim), normal_text(passage)
    if _CUE.search(claim) or _NEGATIVE_CLAIM.search(claim):
        return None
    wanted = content_stems(claim, bases=True)
    for cue in _CUE.finditer(passage):
        end = _CLAUSE_END.search(passage, cue.end())
        clause = passage[cue.end() : end.start() if end else len(passage)]
        if _NOT_DENIAL.match(clause) or _OPEN_QUESTION.match(clause):
            continue
        stems = content_stem_list(clause, bases=True)
        shared = wanted & set(stems)
        if len(shared) >= min_shared and shared & set(stems[:SCOPE_WORDS]):
            return _quoted(passage, cue, clause)
    return None


def contrasted_phrase(claim: str, passage: str) -> str | None:
    """What the passage sets aside for something else, when the claim says it: "rather than an
    injection" against "Children get the vaccine as an injection", where the passage says "For
    children the vaccine is a nasal spray rather than an injection". The phrase's every content
    word must be the claim's, and the passage must share another before it (it is about the same
    thing); a claim that sets something aside itself is left alone.

    Examples:
        >>> contrasted_phrase("Children get the vaccine as an injection.",
        ...                   "For children the vaccine is a nasal spray rather than an injection.")
        'rather than an injection'
        >>> contrasted_phrase("Children get the vaccine as a nasal spray.",
        ...                   "For children the vaccine is a nasal spray rather than an injection.")
    """
    claim, passage = normal_text(claim), normal_text(passage)
    if _CONTRAST.search(claim):
        return None
    wanted = content_stems(claim, bases=True)
    for cue in _CONTRAST.finditer(passage):
        end = _CLAUSE_END.search(passage, cue.end())
        phrase = passage[cue.end() : end.start() if end else len(passage)]
        said = content_stems(phrase, bases=True)
        if said and said <= wanted and wanted & content_stems(passage[: cue.start()], bases=True) - said:
            return f"{cue.group(0)}{phrase}".strip()
    return None


def content_stems(text: str, bases: bool = False) -> set[str]:
    """Stems of the words that carry content: longer than three letters and not a function word.
    With ``bases``, an irregular verb's past is its base ("froze" is "freeze"): a denial says the
    claim's verb in its base form ("did not freeze"). Word overlap (``overlap``) keeps the forms
    apart: there a shared verb alone ("wrote" / "written") made passages about other people take
    sides on bench/verdicts.py."""
    return set(content_stem_list(text, bases))


def content_stem_list(text: str, bases: bool = False) -> list[str]:
    """``content_stems`` in the order the text gives them (the cue's scope counts from its start)."""
    words = (w.casefold() for w in _WORD.findall(text))
    return [_stem(IRREGULAR_BASE.get(w, w) if bases else w) for w in words if len(w) > 3 and w not in _STOPWORDS]


def _stem(word: str) -> str:
    """Strip one inflection and a final e, so that "condemned" meets "condemn", "closes" "close" and
    "voted" "vote". Three letters must stay: "need" and "used" keep their "ed"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) >= 4 else word


def negation_cue(text: str) -> str | None:
    """The kind of negation cue ``text`` holds: "plain" ("not", "never", "-n't"), "verb" ("refused
    to", "denied": someone would not do or admit it), or None."""
    text = normal_text(text)
    if _PLAIN.search(text):
        return "plain"
    return "verb" if _CUE.search(text) else None


def _quoted(passage: str, cue: re.Match[str], clause: str) -> str:
    """The cue's whole word ("hasn't", not "n't") and the clause, cut to ``_QUOTED_WORDS`` words."""
    start = cue.start() - len(re.findall(r"\w*$", passage[: cue.start()])[0])
    words = clause.split()
    shown = " ".join(words[:_QUOTED_WORDS]) + (" …" if len(words) > _QUOTED_WORDS else "")
    return f"{passage[start : cue.end()]} {shown}".strip()


def normal_text(text: str) -> str:
    """NFKC, and one apostrophe, so that "didn’t" is "didn't"."""
    return unicodedata.normalize("NFKC", text).replace("’", "'")
