"""Names a claim relies on, and whether a passage names them too.

A name counts as present in another form of the same word (Ukraine, Ukrainian; Zelensky,
Zelenskyy; France, French) or as the acronym its capitals spell (WHO, World Health Organization).
A claim written in Title Case has no names to check, since its capitals mark nothing; a claim's
first word is a name only when other texts on its subject write it as one ("Okafor voted", not
"Police said"); and a name given an office ("foreign minister Qin Gang") is checked against
whoever the passage gives that office to.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from service.pipeline.dates import DATELINE, MONTHS, WEEKDAYS

_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
# Words that are capitalised only because they open a sentence or a title, or that mark no one:
# articles, pronouns, conjunctions, prepositions and quantifiers ("Most Danish adults", "After Putin
# left"), titles, weekdays (and their plurals: "on Sundays") and months.
_NOT_NAMES = frozenset(
    """The A An And But Or Nor If In On At For From To Of By With As This That These Those It Its He She They We
    I You His Her Their Our My Your Mr Mrs Ms Dr President Minister
    All Any Both Each Every Few Many Most Much Several Some No None Neither Either Only Other Another Such
    After Before Since Until During Despite Although Though While When Where Whether Because Unless Once
    About Above Across Against Among Around Between Beyond Over Under Without Within Into Onto Upon Via
    Not Yet So Then There Here Also Even Just Still Inc Ltd Co Corp""".split()
    + MONTHS
    + WEEKDAYS
    + [f"{day}s" for day in WEEKDAYS]
)
_SHORT_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*\d")
_ACCENTS = re.compile("[\u0300-\u036f]")  # the combining diacritical marks NFKD splits off letters
_WORD = re.compile(r"\w+")
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")
# Capitalised words, with the small words an organisation's name may hold between them.
_SPELLED_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|the|de|&)\s+)?[A-Z][\w’'-]*)+")
_PUNCTUATION = "\"'“”‘’()[]{}:;,.!?"
# "Bank of Norland", "University of Oxford": one capitalised word before "of" and a name is that
# name's kind of body, not a name to look for on its own.
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# What may come just before a word that opens a sentence (or a quotation).
_OPENERS = '.!?:"“'
# Words a headline leaves in lower case while capitalising the rest.
_HEADLINE_LOWERCASE = frozenset("a an the and but or nor for of on in at to by with from as vs".split())
# Offices that, placed before a name, say what the person does: when the passage gives the office to
# someone else, the reason names them.
_ROLES = frozenset(
    """president minister chancellor premier secretary mayor governor senator congressman congresswoman
    ambassador envoy spokesman spokeswoman spokesperson leader chief ceo chairman chairwoman chair director
    coach captain manager judge prosecutor king queen prince princess pope bishop commander
    editor founder executive""".split()
)
_ROLE_WORDS = rf"(?:(?:{'|'.join(sorted(_ROLES))})(?:s|es)?)"
_ROLE_MODIFIERS = frozenset("prime vice deputy foreign defence defense interior finance health first crown".split())
_ROLE_AFTER = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|became|becomes|remains|will\s+be)\s+(?:the|its|their|his|her)\s+"
    r"([a-z]+)(?:\s+([a-z]+))?\b(?!-)"
)
_ROLE_BEFORE = re.compile(r"(?:(?:^|(?<=\s))([a-z]+)\s+)?(?:^|(?<=\s))([a-z]+),?\s+$")
# Endings that turn a place into its people or adjective (Ukraine -> Ukrainian, China -> Chinese,
# Iraq -> Iraqi), a name into its plural, or one transliteration into another (Zelensky, Zelenskyy);
# compared after one final vowel is dropped from both words.
_DERIVED_ENDINGS = frozenset(
    {"", "n", "an", "ian", "ean", "es", "ese", "i", "is", "s", "y", "ys", "er", "ns", "ans", "ians", "eans", "ers"}
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


def _folded(text: str) -> str:
    """Lower case without accents, so that a name and its unaccented spelling meet."""
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text)).lower()


def name_word(word: str) -> str:
    """A capitalised word folded, or "" when its capital marks no name ("The", "President", "May")."""
    return "" if word in _NOT_NAMES else _folded(word)


def _is_headline(text: str) -> bool:
    """Title Case or ALL CAPS: when every word but the small ones is capitalised, capitals no longer
    mark names ("Police Chief In Charge of Paris Attacks Commits Suicide")."""
    words = [w.strip(_PUNCTUATION) for w in text.split()[1:]]
    words = [w for w in words if w[:1].isalpha() and w not in _HEADLINE_LOWERCASE]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _headline_acronyms(text: str) -> dict[str, str]:
    """A Title Case headline still writes acronyms in capitals ("NATO Chief Visits Kyiv"); in an ALL
    CAPS one every word looks like an acronym, so none counts."""
    words = [w.strip(_PUNCTUATION) for w in text.split()]
    if all(w.isupper() for w in words if w[:1].isalpha()):
        return {}
    return {w: "" for w in words if len(w) >= 2 and w.isupper() and w.isalpha()}


def capitalised_runs(text: str) -> list[str]:
    """Every run of capitalised words in ``text``, sentence starts too: the words that may be names,
    before ``names`` tells which are.

    Examples:
        >>> capitalised_runs("Brightwater Mills cut 1,100 jobs in Leeds.")
        ['Brightwater Mills', 'Leeds']
    """
    return _CAPITALISED.findall(text)


def claim_names(text: str, proper: Collection[str] = ()) -> dict[str, str]:
    """Names in capitalised runs, each with the role it is given ("foreign minister" in "the foreign
    minister Qin Gang", or ""). A lone capitalised word opening a sentence is just a sentence start,
    unless it is an acronym or ``proper`` holds it (folded): the words other texts on the subject
    write as names (``proper_words``), so "Okafor voted" names Okafor and "Police said" no one."""
    if _is_headline(text):
        return _headline_acronyms(text)
    text = _SHORT_DATE.sub(lambda date: date.group(0).lower(), text)  # "Jan. 1" names no one; "Jan Vos" does
    names: dict[str, str] = {}
    for match in _CAPITALISED.finditer(text):
        run = match.group(0)
        if (
            _opens_sentence(text, match.start())
            and " " not in run
            and not run.isupper()
            and _bare_word(run) not in proper
        ):
            continue
        found = _split_run(run)
        if found and " " not in found[-1][0] and not found[-1][0].isupper() and _OF_NAME.match(text, match.end()):
            found.pop()
        for i, (name, titles) in enumerate(found):
            role = titles if titles.rpartition(" ")[2] in _ROLES else ""
            role = role or (_role_before(text[: match.start()]) if i == 0 else "")
            opens = i == len(found) - 1 and not text[: match.start()].strip()  # the claim's subject
            names.setdefault(name, role or (_role_after(text[match.end() :]) if opens else ""))
    return names


def _role_after(after: str) -> str:
    """The role a claim that opens with a name gives it: "Margaret Doyle is the chief executive of
    ..."; not "One of the producers of Star Wars: The Force Awakens is the president of ...", whose
    subject is not the name before the verb."""
    found = _ROLE_AFTER.match(after)
    if not found:
        return ""
    first, second = found.group(1), found.group(2)
    if second in _ROLES:
        return f"{first} {second}"
    return first if first in _ROLES else ""


def _bare_word(word: str) -> str:
    """A word folded, without a possessive ("Okafor's" is okafor)."""
    return _folded(re.sub(r"['’]s$", "", word))


# What stands before a shortened name that makes it part of another ("Harbour Kestrel"), unless
# it is an article opening the sentence ("The Kestrel board").
_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:The|A|An)\s)[A-Z][\w’'-]*\s+$")


def with_full_names(text: str, names: Iterable[str], proper: Collection[str]) -> str:
    """``text`` with each of the claim's ``names`` it shortens to its first word, as a possessive,
    written in full: "Norvane's chief executive" is "Norvane Pharma's chief executive" for a claim
    about Norvane Pharma. The stance model reads the short form as another name: it contradicted
    "Helen Marsh is the chief executive of Norvane Pharma" with "Norvane's chief executive, Dr
    Helen Marsh, ..." (0.60) and entails it with the name in full (0.89, bench/thirtysixth). Only a
    first word the passages write as a name (``proper``) is read so, never one that closes another
    name ("Harbour Kestrel's"). The short form elsewhere is often another thing: a place ("waiting
    in Northmoor" is not Northmoor Health Board's) or the name's own words in lower case ("the
    Skarv prize"); on the labelled claims, writing those in full set two verdicts right and four
    wrong, the possessive alone two right and one wrong. So is the first word before a role word
    ("Harlow manager Claire Dunmore said" contradicted "Claire Dunmore is the manager of Harlow
    Athletic" at 0.66, and entails it at 0.67 as "Harlow Athletic manager", bench/fortyfirst), and a
    possessive of the name's last
    word after "the", a noun the article writes in lower case: "the prize's 28-year history" is
    "Halloran Prize's 28-year history" for a claim about the Halloran Prize (neutral 0.61, then
    entailment 0.89, bench/thirtyeighth).

    Examples:
        >>> with_full_names("Kestrel's shares jumped 31%.", ["Kestrel Foods"], {"kestrel"})
        "Kestrel Foods' shares jumped 31%."
        >>> with_full_names("Kestrel rejected it. New figures.", ["Kestrel Foods", "New Look"], {"kestrel"})
        'Kestrel rejected it. New figures.'
        >>> with_full_names("She is the youngest winner in the prize's history.", ["Halloran Prize"], set())
        "She is the youngest winner in Halloran Prize's history."
        >>> with_full_names("Harlow manager Claire Dunmore said so.", ["Harlow Athletic"], {"harlow"})
        'Harlow Athletic manager Claire Dunmore said so.'
        >>> with_full_names("Harlow Athletic manager Claire Dunmore said so.", ["Harlow Athletic"], {"harlow"})
        'Harlow Athletic manager Claire Dunmore said so.'
    """
    for name in names:
        first, _, rest = name.partition(" ")
        if not rest:
            continue
        if _folded(first) in proper:
            pattern = re.compile(rf"(?<![\w’'-]){re.escape(first)}(?P<possessive>['’]s)(?![\w’'-])")
            text = pattern.sub(functools.partial(_in_full, name), text)
            # "Harlow manager Claire Dunmore": the short form before a role word
            before_role = re.compile(rf"(?<![\w’'-]){re.escape(first)}(?P<possessive>)(?=\s+{_ROLE_WORDS}\b)")
            text = before_role.sub(functools.partial(_in_full, name), text)
        # "the prize's 28-year history" for the Halloran Prize: its last word, a noun, after "the"
        last = name.rpartition(" ")[2]
        if last[:1].isupper() and last[1:].islower():
            the_noun = re.compile(rf"\b[Tt]he\s+{re.escape(last.lower())}(?P<possessive>['’]s)(?![\w’'-])")
            text = the_noun.sub(functools.partial(_in_full, name), text)
    return text


def _in_full(name: str, match: re.Match[str]) -> str:
    if match.group(0)[:1].isupper() and _NAME_BEFORE.search(match.string, 0, match.start()):
        return match.group(0)
    possessive = match.group("possessive")
    return f"{name}{possessive[0]}" if possessive and name.endswith("s") else f"{name}{possessive}"


def proper_words(texts: Iterable[str]) -> frozenset[str]:
    """The words (folded) that ``texts`` capitalise inside a sentence and never write in lower case:
    how the passages found for a claim write its first word says whether that word is a name."""
    capitalised: set[str] = set()
    lower: set[str] = set()
    for text in texts:
        if _is_headline(text):
            continue
        for match in _WORD.finditer(text):
            word = match.group(0)
            if word.islower():
                lower.add(_folded(word))
            elif word[0].isupper() and not _opens_sentence(text, match.start()):
                capitalised.add(_folded(word))
    return frozenset(capitalised - lower)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence or a quotation: nothing but marks stand before
    it, or a dateline, or the marks since the word before hold a sentence end or an opening quote
    ('"Yes," Ruiz said' closes a quotation, so Ruiz opens nothing)."""
    first_mark = start
    while first_mark and not _is_word_char(text[first_mark - 1]):
        first_mark -= 1
    marks = text[first_mark:start].replace(',"', ",")
    return first_mark == 0 or any(c in _OPENERS for c in marks) or DATELINE.fullmatch(text, 0, start) is not None


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _split_run(run: str) -> list[tuple[str, str]]:
    """The names in one capitalised run, each with the titles before it: titles and possessives end
    a name ("China's Foreign Minister Qin Gang" holds China, then Qin Gang as foreign minister), and
    a short name just before a title is part of the office too ("Russian President Vladimir Putin"
    holds Russian, then Vladimir Putin as Russian president)."""
    out: list[tuple[str, str]] = []
    name: list[str] = []
    titles: list[str] = []
    words = run.split()
    for i, word in enumerate(words):
        title = _is_title(words, i)
        if title or word in _NOT_NAMES:
            if name:
                out.append((" ".join(name), " ".join(titles)))
                titles = [w.lower() for w in name] if title and len(name) <= 2 else []
                name = []
            if title:
                titles.append(word.lower())
            continue
        bare = re.sub(r"['’]s$", "", word).strip("’'-")
        if bare:
            name.append(bare)
        if bare != word.strip("’'-") and name:
            out.append((" ".join(name), " ".join(titles)))
            name, titles = [], []
    if name:
        out.append((" ".join(name), " ".join(titles)))
    return out


def _role_before(before: str) -> str:
    """A role noun just before a name, with one modifier if it has one ("prime minister Rishi Sunak")."""
    found = _ROLE_BEFORE.search(before)
    if not found or found.group(2) not in _ROLES:
        return ""
    modifier = found.group(1)
    return f"{modifier} {found.group(2)}" if modifier and modifier not in _HEADLINE_LOWERCASE else found.group(2)


def _is_title(words: list[str], i: int) -> bool:
    """An office (President), or a word that qualifies the office after it (Prime, in Prime Minister)."""
    word = words[i].lower()
    return word in _ROLES or (word in _ROLE_MODIFIERS and i + 1 < len(words) and _is_title(words, i + 1))


def role_holder(role: str, passage: str) -> str:
    """The name a passage gives to ``role`` ("" when it names no one in it)."""
    pattern = r"(?i:\b" + r"\s+".join(map(re.escape, role.split())) + r"),?\s+((?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)"
    found = re.search(pattern, passage)
    names = _split_run(found.group(1)) if found else []
    return names[0][0] if names else ""


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


def _forms(key: str) -> frozenset[str]:
    """The other forms of a word or of its plural's singular (Americans: united states)."""
    related = _related_forms()
    return related.get(key) or (related.get(key[:-1], frozenset()) if key.endswith("s") else frozenset())


def _has_phrase(phrase: str, words: list[str]) -> bool:
    wanted = _WORD.findall(phrase)
    n = len(wanted)
    return n > 0 and any(
        all(_same_word(w, t) for w, t in zip(wanted, words[i : i + n], strict=True)) for i in range(len(words) - n + 1)
    )


def _initials(words: list[str]) -> str:
    """The folded first letters of the capitalised words ("Bureau of Investigation": bi)."""
    return _folded("".join(word[0] for word in words if word[:1].isupper()))


def _spelled_acronyms(text: str) -> frozenset[str]:
    """The acronyms that runs of two or more capitalised words spell, from any word of the run on
    ("The World Health Organization" spells twho, who and ho)."""
    spelled: set[str] = set()
    for run in _SPELLED_RUN.finditer(text):
        initials = _initials(run.group(0).split())
        spelled.update(initials[i:j] for i in range(len(initials)) for j in range(i + 2, len(initials) + 1))
    return frozenset(spelled)


@dataclass(frozen=True)
class PassageWords:
    """A passage's folded words; the same words keyed by their first four letters (two words
    ``_same_word`` pairs share them), so each name is looked up instead of compared with every word;
    the words the passage writes with a capital, so that "US" is not found in "told us"; and the
    acronyms it writes and those its capitalised runs spell (World Health Organization: who)."""

    passage: str
    words: list[str]
    by_prefix: dict[str, set[str]]
    capitalised: frozenset[str]
    acronyms: frozenset[str]

    @classmethod
    def of(cls, passage: str) -> PassageWords:
        words = _WORD.findall(_folded(passage))
        by_prefix: dict[str, set[str]] = defaultdict(set)
        for word in words:
            by_prefix[word[:4]].add(word)
        written = (*_WORD.findall(passage), *(a.replace(".", "") for a in _DOTTED_ACRONYM.findall(passage)))
        capitalised = frozenset(_folded(w) for w in written if not w.islower())
        acronyms = frozenset(_folded(w) for w in written if len(w) >= 2 and w.isupper())
        return cls(passage, words, dict(by_prefix), capitalised, acronyms)

    @functools.cached_property
    def spelled(self) -> frozenset[str]:
        """Read only when a claim names an acronym, which most claims do not."""
        return _spelled_acronyms(self.passage)

    def mention(self, name: str) -> bool:
        """One of the name's words in any derived form (a surname is enough), another form of the
        name or of one of its words (France, French), or the name as an acronym or spelled out (WHO,
        World Health Organization). Short acronyms (US, UN) must be capitalised."""
        folded = _folded(name)
        parts = _WORD.findall(folded)
        return (
            any(self._has_word(part, acronym=name.isupper()) for part in parts)
            or any(self._has_form(form) for key in (folded, *parts) for form in _forms(key))
            or self._abbreviated(name)
        )

    def _abbreviated(self, name: str) -> bool:
        if name.isupper():
            return _folded(name).replace(".", "") in self.spelled
        initials = _initials(name.split())  # three at least: "AR" does not abbreviate Ana Ruiz
        return len(initials) >= 3 and initials in self.acronyms

    def _has_word(self, part: str, acronym: bool) -> bool:
        if acronym and len(part) <= 3:
            return part in self.capitalised
        return any(_same_word(part, word) for word in self.by_prefix.get(part[:4], ()))

    def _has_form(self, form: str) -> bool:
        return form in self.capitalised if len(form) <= 3 else _has_phrase(form, self.words)
