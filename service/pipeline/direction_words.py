"""The words of ``direction``: its families of opposed words and the lists that say how each is read.

Kept apart from the reading itself, as ``number_words`` is from ``numbers``: adding a word is a
change here, and a test of ``direction`` says what it does.
"""

from __future__ import annotations

import re

from service.pipeline.dates import MONTHS as CALENDAR_MONTHS

UP, DOWN, STILL = 1, -1, 0
# Verbs of two words that overturn or reject, read as one word ("struckdown") and shown as written.
TWO_WORD_VERBS = (
    "strike down, strikes down, struck down, striking down, vote down, votes down, voted down, voting down, "
    "throw out, throws out, threw out, thrown out, throwing out, turn down, turns down, turned down, turning down"
).split(", ")
# ... and verbs of two words that move their object: "put up parking charges" (bench/fiftysecond).
PUT_UP = "put up, puts up, putting up".split(", ")
# ... and the words of a custody decision: "remanded in custody" against "granted bail".
HELD = "remanded in custody, remanded, held in custody, kept in custody, refused bail, denied bail".split(", ")
BAILED = (
    "granted bail, released on bail, bailed, given bail, granted conditional bail, released under investigation"
).split(", ")
_JOINED = TWO_WORD_VERBS + PUT_UP + [verb for verb in HELD + BAILED if " " in verb]


def joined(verbs: list[str]) -> list[str]:
    """The verbs as ``direction`` reads them, a verb of two words as one ("putup")."""
    return [verb.replace(" ", "") for verb in verbs]


TWO_WORD = re.compile(
    r"\b(?:" + "|".join(verb.replace(" ", r"\s+") for verb in sorted(_JOINED, key=len, reverse=True)) + r")\b", re.I
)
SHOWN = dict(zip(joined(_JOINED), _JOINED, strict=True))
# Each family: the words of one direction, the words of the other. Any word of a family opposes any
# word of its other direction ("rose" / "dropped", "raised" / "cut").
FAMILIES: dict[str, tuple[str, str]] = {
    "how much": (
        "rise rises rose risen rising increase increases increased increasing grow grows grew grown growing "
        "climb climbs climbed climbing jump jumps jumped jumping soar soars soared soaring surge surges surged "
        "surging gain gains gained gaining expand expands expanded expanding raise raises raised raising hike "
        "hikes hiked hiking boost boosts boosted boosting doubles doubled doubling triples tripled tripling "
        "quadruples quadrupled quadrupling widens widened widening high higher highest up above "
        + " ".join(joined(PUT_UP)),
        "fall falls fell fallen falling decrease decreases decreased decreasing shrink shrinks shrank shrunk "
        "shrinking drop drops dropped dropping slide slides slid sliding plunge plunges plunged plunging tumble "
        "tumbles tumbled tumbling slump slumps slumped slumping decline declines declined declining cut cuts "
        "cutting lower lowers lowered lowering reduce reduces reduced reducing slash slashes slashed slashing "
        "halve halves halved halving narrows narrowed narrowing low lowest down below",
    ),
    "how well": (
        "improve improves improved improving",
        "worsen worsens worsened worsening deteriorate deteriorates deteriorated deteriorating",
    ),
    # of a force: a wind, a currency, a storm ("the wind would ease on Wednesday" / "strengthen")
    "force": (
        "strengthen strengthens strengthened strengthening intensify intensifies intensified intensifying",
        "weaken weakens weakened weakening ease eases eased easing abate abates abated abating subside subsides "
        "subsided subsiding",
    ),
    "size": (
        "long longer longest large larger largest big bigger biggest wider widest deeper deepest taller tallest",
        "short shorter shortest small smaller smallest narrower narrowest shallower shallowest",
    ),
    # comparatives and superlatives of a measure ("the driest autumn for 40 years" / "the wettest
    # autumn"), said of what follows them as size is
    "heat": ("hotter hottest warmer warmest", "colder coldest cooler coolest"),
    "rain": ("wetter wettest rainier rainiest", "drier driest dryer"),
    "speed": ("faster fastest quicker quickest", "slower slowest"),
    "wealth": ("richer richest wealthier wealthiest", "poorer poorest"),
    "age": ("older oldest", "younger youngest"),
    "strength": ("stronger strongest", "weaker weakest"),
    "busyness": ("busier busiest", "quieter quietest"),
    "distance": ("farther farthest further furthest", "closer closest nearer nearest"),
    # the superlatives of how many or how much ("the most goals", "the fewest goals"), and of any
    # adjective ("the most popular subject", "the least popular subject"), said of one object: "the
    # most popular subject" says nothing of "the fewest entries" (not "at least": ``direction``)
    "extent": ("most", "fewest least"),
    # said of what opened or closed, only where nothing follows that it opened or closed
    # ("Airports in Tromvik were closed on Monday"; not "opened fire", "closed the inquiry":
    # ``direction.INTRANSITIVE_NEXT``)
    "opening": ("open opens opened reopened reopen reopens reopening", "closed shut"),
    "verdict": ("convicted guilty", "acquitted cleared"),
    "outcome": ("win wins won winning", "lose loses lost losing"),
    "decision": (
        "approve approves approved approving uphold upholds upheld upholding accept accepts accepted accepting",
        "reject rejects rejected rejecting overturn overturns overturned overturning quash quashes quashed "
        "quashing veto vetoes vetoed vetoing defeat defeats defeated defeating " + " ".join(joined(TWO_WORD_VERBS)),
    ),
    # "Pryce was remanded in custody until he is sentenced" / "He was granted bail until then"
    # (bench/fortyeighth)
    "custody": (" ".join(joined(HELD)), " ".join(joined(BAILED))),
}
# Families with no middle ground, where a negated word means the other direction ("found Lind not
# guilty"); elsewhere "did not fall" may mean "stayed", so a negated word says nothing. Nor does a
# verdict word after a verb of refusal: "Lind denied being guilty" is his word, not a verdict.
TWO_SIDED = frozenset({"verdict"})
# Families whose words say something only of what follows them: "Rovers lost their captain" says
# nothing of whether Rovers won the match, nor does "the council rejected an amendment" of whether
# it approved the budget. Their words oppose only when said of one object ("won its first
# challenge" / "lost its first challenge"), or, for a decision, one's object is the other's
# passive subject ("overturned the ban" / "the ban was upheld"). What follows a loss may be who
# won ("the Lakers lost to the Celtics", "the Celtics won").
OF_AN_OBJECT = frozenset({"outcome", "decision", "extent"})
PASSIVE_OBJECT = frozenset({"decision"})
SHORT_FUNCTION_WORDS = frozenset(
    "the its his her our you him and but nor for was has had are not all any own who how why out off per via "
    "one two six ten new old big top".split()
)


def short_content_words(words: list[str]) -> list[str]:
    """Words of three letters that are not function words ("the ban", "a bad job"): content words
    that ``negation.content_stems``, reading four letters or more, leaves out."""
    return [w for w in words if len(w) == 3 and w.isalpha() and w not in SHORT_FUNCTION_WORDS]


# Verbs that hold their object where it is, against those that move it: "promised to freeze bus fares"
# against "promised to raise bus fares" (entailed at 0.87, bench/fortyninth).
FROZEN = "freeze freezes froze frozen freezing".split()
# The how-much words of a level, not of a move: adjectives ("the lowest turnout").
# "above" and "below" only of a reference, an average or a rate ("well above the national rate": ``direction``).
LEVEL_WORDS = frozenset("high higher highest low lowest above below".split())
# Adjectives of size and the other measures say it of what follows them too ("after a short
# illness", "the largest lake", "the driest autumn").
DEGREE_FAMILIES = ("size", "heat", "rain", "speed", "wealth", "age", "strength", "busyness", "distance", "extent")
DEGREE_WORDS = frozenset(word for family in DEGREE_FAMILIES for side in FAMILIES[family] for word in side.split())
# Words followed by what moved: verbs with an object ("raised rates", "cut jobs") and adjectives
# ("higher risk", "the lowest turnout"), so the words after them name it too.
NAMES_WHAT_FOLLOWS = (
    LEVEL_WORDS
    | DEGREE_WORDS
    | frozenset(
        "increase increases increased increasing decrease decreases decreased decreasing raise raises raised raising "
        "hike hikes hiked hiking boost boosts boosted boosting cut cuts cutting lower lowers lowered lowering reduce "
        "reduces reduced reducing slash slashes slashed slashing doubles doubled doubling triples tripled tripling "
        "quadruples quadrupled quadrupling halve halves halved halving".split()
        # "narrowed its loss", or "the loss narrowed" (bench/fortyninth): not a verb acting on its object
        + "widens widened widening narrows narrowed narrowing".split()
        + FROZEN
        + joined(PUT_UP)
    )
    | frozenset(word for family in OF_AN_OBJECT for side in FAMILIES[family] for word in side.split())
)
# Verbs that move their object, not their subject ("the bank cut its rate", "raised fares"): what
# moved is what follows them, unless they are passive ("rates were cut"). "increase", "double" and
# "halve" are left out: "sales increased" moved its subject.
ACTING_VERBS = frozenset(
    "raise raises raised raising hike hikes hiked hiking boost boosts boosted boosting cut cuts cutting lower "
    "lowers lowered lowering reduce reduces reduced reducing slash slashes slashed slashing".split()
    + FROZEN
    + joined(PUT_UP)
)
SIGN: dict[str, tuple[str, int]] = {
    word: (family, sign)
    for family, words in FAMILIES.items()
    for sign, side in zip((UP, DOWN), words, strict=True)
    for word in side.split()
} | {word: ("how much", STILL) for word in ["unchanged", *FROZEN]}
# The how-much words that move a figure ("rose 0.8%", "cut 5%"), leaving out those of a level ("the
# lowest 10%", "unchanged at 4.1%"): counts.py counts a figure after one as a change.
MOVING_WORDS = frozenset(
    word for word, (family, sign) in SIGN.items() if family == "how much" and sign != STILL and word not in LEVEL_WORDS
)
DETERMINERS = frozenset("a an the its their his her this that".split())
# The direction words that are also nouns of a change ("a rise", "the cuts"), not their past forms.
CHANGE_NOUNS = frozenset(
    "rise rises increase increases jump jumps surge surges gain gains boost boosts hike hikes fall falls "
    "decrease decreases drop drops decline declines slump slumps plunge plunges cut cuts".split()
)
# Months and seasons, lower-cased as ``direction`` reads its tokens ("a rise in March" is not said of March).
MONTHS = frozenset(month.lower() for month in CALENDAR_MONTHS) | frozenset("spring summer autumn winter".split())

YEAR = r"(?:1[89]|20)\d\d"
# Words that are in a family and still say nothing of direction here.
NOT_DIRECTION = re.compile(
    r"\b(?:cut\s+(?:off|out|short)|(?:high|low|long|short|large|small|big)-|high\s+(?:school|court|commission)"
    r"|lower\s+(?:house|chamber|court)|at\s+large|by\s+and\s+large|in\s+short|(?:as|so)\s+long\s+as|before\s+long"
    r"|long\s+(?:ago|since)|short\s+of|(?:fell|falls?|falling|came|comes?|coming)\s+short|big\s+(?:name|picture)"
    # "a large number of ...": how many of something, said of what "of" names, not the noun
    r"|(?:large|small|bigg?)(?:e?r|e?st)?\s+(?:number|amount|share|proportion|part|portion|majority|minority"
    r"|percentage|fraction|quantity|sum|degree|extent)s?\b"
    rf"|(?:in|the|this|last|next|early|late)\s+fall\b|fall\s+(?:of\s+)?{YEAR}"
    # bounds and shares, not superlatives: "at least 40", "most of the shops", "not least"
    r"|at\s+(?:the\s+)?(?:very\s+)?(?:least|most)|not\s+least|least\s+of\s+all|most\s+(?:of|likely|recent(?:ly)?)"
    r"|for\s+the\s+most\s+part)",
    re.I,
)
