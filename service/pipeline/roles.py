"""Roles: a passage that says the claim's action with the names the other way round.

A cross-encoder trained on small NLI sets reads a sentence much like a bag of words, so "Southport
City beat Northfield Rovers" is entailed for it by "Northfield Rovers beat Southport City 2-1", and
"Xi invited Putin" by "Putin invited Xi": the same words, the same shared names. On counterfactual
dev pairs that reverse who did what to whom (``models/mismatch_probe.py``), the model reads the
reversed claim as entailment about as often as the true one. News claims get exactly this wrong:
who beat, sued, bought, replaced or accused whom.

The checker reads, in claim and passage, a name, a verb in the past tense and a name ("Rovers beat
City", "Rovers have beaten City", or in the passive "City were beaten by Rovers"; or a verb agreed,
planned or to come, "Brenfield has agreed to buy its rival Copperline"), and flags the
claim when the passage gives the same verb with the two names the other way round and never in the
claim's order. It stays out of the way where order does not matter: verbs whose two sides do the
same thing ("met", "married", "played", "drew") and the verb "to be" ("Paris is the capital" and
"the capital is Paris"); and a negated verb ("did not beat") matches nothing.

Who won a contest, and who did what happens once in it, is read by ``contests``.

Groups named by common nouns are read too where one outdid the other ("Girls outperformed boys at
the top grades", which the model read as entailing "Boys outperformed girls" at 0.87,
bench/fortieth; "women now outnumber men"): a verb of outdoing ("out-" and a verb, "overtook") with
the words just before it and just after it (``swapped_comparison``).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from service.pipeline.names import name_word
from service.pipeline.negation import IRREGULAR_BASE, normal_text
from service.pipeline.number_words import superlatives

# A capitalised run, with the small words a name may hold ("Bank of Norland", "Lars von Trier").
# A run with a possessive is someone's something ("City's youth team"), not a name.
_JOINERS = r"(?:of|de|da|del|von|van|der|al|bin)"
NAME = rf"[A-Z][\w-]*(?:\s+(?:{_JOINERS}\s+)?[A-Z][\w-]*)*(?![\w'’])"
# What stands before a word inside a name: a match starting there is only the name's tail.
_INSIDE_NAME = re.compile(rf"(?:[A-Z][\w-]*|{_JOINERS})\s+$")
AUXILIARY = (
    r"(?:(?:has|have|had|will|would|did|does|do|could|can|may|might|should|must|again|also|just|then|finally"
    r"|once|reportedly|narrowly|easily|twice)\s+)*"
)
PASSIVE_AUXILIARY = r"(?:(?:was|were|is|are|has been|have been|had been|will be|would be|be|been|being)\s+)"
_VERB = r"[a-z]{3,}"
_DETERMINER = r"(?:(?:the|a|an)\s+)?"
# Lookaheads, so that "A beat B beat C" yields both of its clauses.
_ACTIVE = re.compile(rf"(?=(?<![\w'’])(?P<a>{NAME})\s+{AUXILIARY}(?P<verb>{_VERB})\s+{_DETERMINER}(?P<b>{NAME}))")
# An action agreed, planned or to come, its verb in the base form: "Brenfield has agreed to buy its
# rival Copperline", "Rovers will face City". The receiver may follow a possessive and one word.
_AGREED_TO = (
    r"(?:(?:has|have|had)\s+)?(?:agreed|agrees|agree|plans|planned|plan|wants|wanted|offered|offers|is set|are set"
    r"|was set|were set|moved|moves)\s+to"
)
_INTENT = rf"(?:{_AGREED_TO}|will|would|could|may|might|must|should|can)\s+"
_OWNED = r"(?:(?:the|a|an|its|their|his|her)\s+(?:[a-z]+\s+)?)?"
_PLANNED = re.compile(rf"(?=(?<![\w'’])(?P<a>{NAME})\s+{_INTENT}(?P<verb>{_VERB})\s+{_OWNED}(?P<b>{NAME}))")
# A passive verb may be followed by a few words of how or where before its doer ("were beaten 5-1
# at home by Castleford City", bench/twentythird).
_BEFORE_BY = r"(?:(?:[a-z]+|\d+(?:[-–]\d+)?)\s+){0,3}?"
# ... or be agreed ("has agreed to be bought by"); its receiver may be followed by an aside ("Pelham
# Foods, the maker of Oakdale biscuits, has agreed ...") and its doer described ("by the American
# food group Brightfield": a word of origin and up to three lower-case words), bench/fortyseventh.
_INTENDED_PASSIVE = rf"(?:{_AGREED_TO}\s+be\s+)"
_ASIDE = r"(?:,\s+[^,.;]{3,60},)?"
_DESCRIBING = (
    r"(?!(?:and|or|but|before|after|when|while|of|in|on|at|to|for|with|from|under|over|by|as|than|that|which|who)\b)"
)
_DESCRIBED = rf"(?:(?:the|a|an)\s+(?:[A-Z][a-z]+\s+)?(?:{_DESCRIBING}[a-z][\w-]*\s+){{1,3}}|{_DETERMINER})"
_PASSIVE = re.compile(
    rf"(?=(?<![\w'’])(?P<b>{NAME}){_ASIDE}\s+(?:{PASSIVE_AUXILIARY}|{_INTENDED_PASSIVE}){AUXILIARY}"
    rf"(?P<verb>{_VERB})\s+{_BEFORE_BY}by\s+{_DESCRIBED}(?P<a>{NAME}))"
)
NAME_RUN = re.compile(NAME)
# A win or a defeat named as a noun: "Dunmore went top with a 3-1 win over Carrow United" says
# Dunmore beat Carrow, "Rovers' 2-0 defeat by City" that City beat Rovers. The other side is the
# sentence's first name (``_first_name``).
_RESULT_NOUN = re.compile(
    rf"\b(?:(?P<win>win|victory|triumph)\s+(?:over|against)|(?:defeat|loss)\s+(?:to|by|against))\s+"
    rf"{_DETERMINER}(?P<b>{NAME})"
)
_BEATING_VERBS = ("beat", "defeated")
# ... or by a participle after the sentence's first name: "Okafor won the Harrowgate Open, beating the
# top seed, Sweden's Elin Lindgren" says Okafor beat Lindgren (read the other way round at 0.91,
# bench/fortyseventh).
_BEATING = re.compile(
    rf",\s+(?:beating|defeating|overcoming|thrashing|edging)\s+(?:(?!by\b)[a-z][\w-]*,?\s+){{0,3}}"
    rf"(?:[A-Z][\w-]*['’]s?\s+)?(?P<b>{NAME})"
)
# Who leads whom: "Labour leads the Conservatives", "is seven points ahead of the Conservatives",
# "Rovers trail City", "are two points behind City". The cue's second side is the name after it;
# its first the name before it in its sentence, read only when it is both the sentence's first name
# and the nearest ("According to Carver Research, Labour is ahead of ..." names no leader).
_LEAD_CUE = re.compile(
    rf"\b(?:(?P<ahead>leads?|leading|led|ahead\s+of|in\s+front\s+of)|(?P<behind>trails?|trailing|trailed|behind))"
    rf"\s+(?:the\s+)?(?P<b>{NAME})"
)
# Words between the leader and the cue that leave the order unsaid: a denial or a hypothesis.
_UNSAID = re.compile(r"\b(?:not|never|no|if|would|could|might|may|will|hopes?|wants?|aims?)\b|n[’']t\b", re.I)
_LEAD_SPAN_WORDS = 12
_PARTICIPLE_SPAN_WORDS = 25
# A verb of outdoing, the (up to three) words before it and the words after it, to a preposition or
# a clause break: "Girls outperformed boys at ...", "Electric cars outsold diesel cars in ...".
_OUTDOING_IRREGULAR = {"outsold": "outsell", "outran": "outrun", "outgrew": "outgrow", "outdid": "outdo"} | {
    form: "overtake" for form in ("overtook", "overtaken", "overtakes")
}
_OUTDOING_STEMS = (
    "outperform outnumber outscor outpac outlast outliv outrank outspend outvot outweigh outearn outplay outbid "
    "outclass outsmart outstripp? outshin outgrow outsell outrun outdo"
).split()
_OUTDOING_VERB = (
    rf"(?:{'|'.join(_OUTDOING_STEMS)})(?:e|ed|es|s|ing)?|outsold|outran|outgrew|outdid|overt(?:ook|aken|akes?)"
)
_PHRASE_WORD = (
    r"(?!(?:at|in|on|for|by|with|among|across|to|and|or|but|than|as|of|from|during|since|after|before|has|have|had"
    r"|will|would|did|does|do|could|can|may|might|should|must|was|were|is|are|be|been|being|not|never)\b)"
    r"(?<![\w-])[\w-]+"
)
_OUTDOING = re.compile(
    rf"(?P<before>[^.;!?,]*?)(?P<a>(?:{_PHRASE_WORD}\s+){{0,2}}{_PHRASE_WORD})\s+{AUXILIARY}"
    rf"(?P<passive>{PASSIVE_AUXILIARY})?(?P<verb>{_OUTDOING_VERB})\s+(?:by\s+)?"
    rf"(?P<b>(?:{_PHRASE_WORD}\s+){{0,2}}{_PHRASE_WORD})",
    re.I,
)
# "English is the most popular subject": the name, a verb of being just before the superlative.
_BE_BEFORE = re.compile(
    r"^[^,;]*?\s(?:is|was|are|were|remains?|remained|became|has\s+been|had\s+been)\s+(?:still\s+)?$"
)
# The superlative's noun phrase (to a preposition or clause break) and what it is ranked within.
_RANKED = re.compile(
    r"\w+\s+(?:most\s+\w+|\w+)\s+(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+)(?=\s+(?:in|of|on|at|among|across)\b|[,.;!?]|$)"
    r"(?:\s+(?:in|of|on|at|among|across)\s+(?P<within>[^,.;!?]+))?"
)
_PHRASE_SKIPPED = frozenset("the a an their its his her our this that these those all now also".split())
# Irregular past tenses and participles of verbs whose two sides differ ("past:participle" where
# they differ), each mapped to its past tense: "beaten" and "beat" are one verb. Regular verbs end
# in -ed in both forms.
_IRREGULAR: dict[str, str] = {
    form: forms.split(":")[0]
    for forms in (
        "beat:beaten bit:bitten bought brought caught chose:chosen drove:driven fed forgave:forgiven gave:given "
        "heard held hid:hidden hit hurt kept knew:known led left lent made outbid outran outsold overtook:overtaken "
        "overthrew:overthrown paid sank:sunk saw:seen sent shot sold stole:stolen struck taught threw:thrown told "
        "took:taken upheld wrote:written"
    ).split()
    for form in forms.split(":")
}
# The past tense of an irregular verb's base form ("buy": "bought").
_PAST_OF_BASE = {base: form for form, base in sorted(IRREGULAR_BASE.items(), reverse=True)}
# Verbs whose two sides do the same to each other: either order says the same.
_SYMMETRIC = frozenset(
    """met married divorced dated played faced drew tied fought battled clashed debated hugged kissed partnered
    merged allied traded swapped exchanged shared matched equalled equaled resembled mirrored bordered adjoined
    neighboured neighbored paired coupled linked connected rivalled rivaled""".split()
)
# Words ending in -ed that are not verbs.
_NOT_VERBS = frozenset("need seed speed feed breed greed bleed creed steed hundred kindred sacred naked wicked".split())


Side = TypeVar("Side")


@dataclass(frozen=True)
class Action:
    """Who did what to whom: the doer's name, the verb in the past tense, the receiver's name, and
    the words of the text that say it."""

    doer: frozenset[str]
    verb: str
    receiver: frozenset[str]
    said: str


def swapped_roles(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the passage says the claim's action with the two
    names the other way round (None when it does not, or also says it the claim's way).

    Examples:
        >>> swapped_roles("Southport City beat Northfield Rovers.", "Northfield Rovers beat Southport City 2-1.")
        ('Southport City beat Northfield Rovers', 'Northfield Rovers beat Southport City')
        >>> swapped_roles("Rovers were beaten by City.", "Rovers beat City on Saturday.")
        ('Rovers were beaten by City', 'Rovers beat City')
        >>> swapped_roles("Xi met Putin.", "Putin met Xi in Moscow.") is None
        True
    """
    return _other_way_round(map(_parties, actions(claim)), [_parties(a) for a in actions(passage)], _same_party)


def _other_way_round(
    claimed: Iterable[tuple[Side, Side, str]],
    said: Sequence[tuple[Side, Side, str]],
    same: Callable[[Side, Side], bool],
) -> tuple[str, str] | None:
    """The claim's words and the passage's for the first of ``claimed`` (one side, the other, the
    words that say it) that the passage says with its two sides the other way round and never the
    claim's way; ``same`` says whether two sides are one."""
    for first, second, words in claimed:
        if any(same(a, first) and same(b, second) for a, b, _ in said):
            continue
        for a, b, found in said:
            if same(a, second) and same(b, first):
                return words, found
    return None


def _parties(action: Action) -> tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]], str]:
    """An action's doer and receiver, each with its verb: a side of one verb is not one of another."""
    return (action.verb, action.doer), (action.verb, action.receiver), action.said


def _same_party(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    return a[0] == b[0] and same_name(a[1], b[1])


def swapped_lead(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the passage puts the claim's two sides the other
    way round in a poll, a table or a race ("The Conservatives lead Labour" against "Labour is on
    34%, seven points ahead of the Conservatives", which the model entailed at 0.82,
    bench/thirtyfifth), and never in the claim's order.

    Examples:
        >>> swapped_lead("The Conservatives lead Labour.", "Labour is on 34%, seven points ahead of the Conservatives.")
        ('The Conservatives lead Labour', 'Labour is on 34%, seven points ahead of the Conservatives')
        >>> swapped_lead("Rovers trail City.", "City are two points ahead of Rovers.") is None
        True
    """
    said = _leads(passage)
    return _other_way_round(_leads(claim), said, same_name) or _behind_the_first(claim, passage, said)


def _behind_the_first(
    claim: str, passage: str, said: list[tuple[frozenset[str], frozenset[str], str]]
) -> tuple[str, str] | None:
    """A claim that its first name is the first of its kind ("Ashby is Marlow County's largest
    town") against a passage that gives that superlative to another, ahead of the claim's name
    ("Kingsbridge remains the county's largest town, ..., ahead of Ashby"), which the model read as
    neither (0.48 / 0.42, bench/thirtyseventh)."""
    text = normal_text(claim)
    adjectives = {adjective for adjective, _ in superlatives(passage)}
    for adjective, start in superlatives(text):
        first = _first_name(text, start)
        if first is None or adjective not in adjectives:
            continue
        for leader, trailer, found in said:
            if same_name(trailer, first[0]) and not same_name(leader, first[0]):
                return text[first[1] : text.lower().index(adjective, start) + len(adjective)], found
    return None


def swapped_comparison(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the passage says who outdid whom the other way
    round ("Girls outperformed boys" against "Boys outperformed girls"), and never the claim's way.

    Examples:
        >>> swapped_comparison("Boys outperformed girls in maths.", "Girls outperformed boys at the top grades.")
        ('Boys outperformed girls', 'Girls outperformed boys')
        >>> swapped_comparison("Girls outperformed boys.", "Girls outperformed boys again.") is None
        True
    """
    return _other_way_round(_outdoings(claim), _outdoings(passage), operator.eq)


def _outdoings(text: str) -> list[tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]], str]]:
    """Who outdid whom in ``text``: the verb's stem with the words of the side that outdid, the verb's
    stem with the other's, and the words that say it (a passive turned round: "boys were
    outperformed by girls")."""
    found = []
    for match in _OUTDOING.finditer(text):
        if _UNSAID.search(match.group("before") or ""):
            continue
        first, second = _phrase_words(match.group("a")), _phrase_words(match.group("b"))
        if match.group("passive"):
            first, second = second, first
        if first and second and first != second:
            stem = _outdoing_stem(match.group("verb"))
            found.append(((stem, first), (stem, second), match.group(0).strip()))
    return found


def _phrase_words(phrase: str) -> frozenset[str]:
    return frozenset(word.lower() for word in phrase.split() if word.lower() not in _PHRASE_SKIPPED)


def _outdoing_stem(verb: str) -> str:
    """One form of a verb of outdoing: "outperformed", "outperforms" and "outperform" are one."""
    verb = verb.lower()
    return _OUTDOING_IRREGULAR.get(verb) or re.sub(r"(\w)\1$", r"\1", re.sub(r"(?:ing|ed|es|e|s)$", "", verb))


def other_first(claim: str, passage: str) -> tuple[str, str] | None:
    """The claim's words and the passage's when the claim says its first name is the first of its
    kind ("English is the most popular A-level subject") and the passage, which does not name it,
    says another is ("Maths remained the most popular subject", which the model read as entailing
    the claim at 0.82, bench/fortieth): there is one first. The passage must give the claim's
    noun after the same superlative, and every word of what the claim ranks it within ("in
    Norway"), so that "the largest city in Sweden" says nothing of Oslo.

    Examples:
        >>> other_first("English is the most popular subject.", "Maths remained the most popular subject.")
        ('English is the most popular subject', 'Maths remained the most popular subject')
        >>> print(other_first("Oslo is the largest city in Norway.", "Stockholm is the largest city in Sweden."))
        None
    """
    passage = normal_text(passage)
    passage_words = {word.lower() for word in re.findall(r"[\w-]+", passage)}
    held = _firsts(passage)
    for name, adjective, noun, within, said in _firsts(normal_text(claim)):
        if name & passage_words or not within <= passage_words:
            continue
        for other, other_adjective, other_noun, _, found in held:
            if other_adjective == adjective and noun[-1] in other_noun and not same_name(other, name):
                return said, found
    return None


def _firsts(text: str) -> list[tuple[frozenset[str], str, list[str], frozenset[str], str]]:
    """Each "NAME is the SUPERLATIVE NOUN" of ``text``: the name words, the adjective, the words
    of the noun phrase after it (its head last), the content words of what it is ranked within ("in Norway"), and
    the words that say it."""
    found = []
    for adjective, start in superlatives(text):
        first = _first_name(text, start)
        if first is None or not _BE_BEFORE.search(text[first[1] : start]):
            continue
        phrase = _RANKED.match(text, start)
        if phrase is None:
            continue
        noun = [word.lower() for word in phrase.group("noun").split()]
        within = frozenset(word.lower() for word in re.findall(r"[\w-]{3,}", phrase.group("within") or ""))
        found.append((first[0], adjective, noun, within - _PHRASE_SKIPPED, text[first[1] : phrase.end("noun")]))
    return found


def _leads(text: str) -> list[tuple[frozenset[str], frozenset[str], str]]:
    """Who leads whom in ``text``: the leader's name words, the other's, and the words that say it."""
    text = normal_text(text)
    found = []
    for cue in _LEAD_CUE.finditer(text):
        names = _names_before(text, cue.start())
        if not names or names[0][0] != names[-1][0] or not _said_plainly(text, names[-1][2], cue.start()):
            continue
        first, second = names[-1][0], name_words(cue.group("b"))
        if second and not same_name(first, second):
            leader, trailer = (first, second) if cue.group("ahead") else (second, first)
            found.append((leader, trailer, text[names[-1][1] : cue.end()]))
    return found


def _results_as_nouns(text: str) -> list[Action]:
    """Who beat whom, from a win or a defeat ``text`` names as a noun (``_RESULT_NOUN``)."""
    found = []
    for cue in _RESULT_NOUN.finditer(text):
        first = _first_name(text, cue.start())
        other = name_words(cue.group("b"))
        if first is None or not other or same_name(first[0], other):
            continue
        winner, loser = (first[0], other) if cue.group("win") else (other, first[0])
        said = text[first[1] : cue.end()]
        found += [Action(winner, verb, loser, said) for verb in _BEATING_VERBS]
    for cue in _BEATING.finditer(text):
        names = _names_before(text, cue.start())  # "Britain's Adaeze Okafor": the name, not its country
        other = name_words(cue.group("b"))
        # the participle is said of the sentence's subject however long its clause ("reached the
        # County Cup final for the first time on Tuesday night, beating ...", bench/fortyeighth)
        plainly = bool(names) and _said_plainly(text, names[0][1], cue.start(), _PARTICIPLE_SPAN_WORDS)
        if plainly and other and not same_name(names[0][0], other):
            said = text[names[0][1] : cue.end()]
            found += [Action(names[0][0], verb, other, said) for verb in _BEATING_VERBS]
    return found


def _first_name(text: str, end: int) -> tuple[frozenset[str], int] | None:
    """The name words of the first name of the sentence ``end`` is in, written before ``end`` (a
    possessive too: "Rovers' 2-0 defeat"), and where it starts; None when there is none, or when it
    is not said plainly (``_said_plainly``)."""
    names = _names_before(text, end, possessives=True)
    if not names or not _said_plainly(text, names[0][2], end):
        return None
    return names[0][0], names[0][1]


def _names_before(text: str, end: int, possessives: bool = False) -> list[tuple[frozenset[str], int, int]]:
    """The names of the sentence ``end`` is in, written before ``end``: their name words, start and
    end; with ``possessives``, a name before "'s" or "'" too."""
    start = max((m.end() for m in re.finditer(r"[.;!?]\s", text[:end])), default=0)
    before = text[start:end]
    if possessives:
        before = re.sub(r"(?<=\w)['’]s?(?!\w)", lambda mark: " " * len(mark.group()), before)
    runs = ((run, name_words(run.group())) for run in NAME_RUN.finditer(before))
    return [(words, start + run.start(), start + run.end()) for run, words in runs if words]


def _said_plainly(text: str, start: int, end: int, most: int = _LEAD_SPAN_WORDS) -> bool:
    """Whether a name and the cue after it stand close, with no denial or hypothesis between them
    (at most ``most`` words, none of ``_UNSAID``)."""
    between = text[start:end]
    return len(between.split()) <= most and not _UNSAID.search(between)


def actions(text: str) -> list[Action]:
    """The name-verb-name clauses of ``text``, passive ones turned active."""
    text = normal_text(text)
    found = []
    for pattern in (_ACTIVE, _PASSIVE, _PLANNED):
        for match in pattern.finditer(text):
            if _INSIDE_NAME.search(text[max(0, match.start() - 40) : match.start()]):
                continue
            word = match.group("verb")
            verb = _past_tense(_past_of_base(word) if pattern is _PLANNED else word)
            doer, receiver = name_words(match.group("a")), name_words(match.group("b"))
            if verb and doer and receiver and not same_name(doer, receiver):
                end = max(match.end("a"), match.end("b"))
                found.append(Action(doer, verb, receiver, text[match.start() : end]))
    return found + _results_as_nouns(text)


def _past_of_base(word: str) -> str:
    """The past tense of a verb's base form: "buy" is "bought", "acquire" "acquired"."""
    return _PAST_OF_BASE.get(word) or (f"{word}d" if word.endswith("e") else f"{word}ed")


def _past_tense(word: str) -> str:
    """The verb's past tense when it is a verb whose sides differ, else ""."""
    if word in _SYMMETRIC or word in _NOT_VERBS:
        return ""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    return word if word.endswith("ed") and len(word) >= 4 else ""


def name_words(run: str) -> frozenset[str]:
    """The folded words that make a capitalised run a name ("The" and "President" do not)."""
    return frozenset(filter(None, (name_word(word) for word in re.findall(r"[\w-]+", run) if word[0].isupper())))


def same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same name, in full or shortened ("City", "Southport City"); "Manchester City" is not
    "Southport City"."""
    return a <= b or b <= a
