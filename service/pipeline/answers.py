"""Questions a page answers in a word: "Can the flu vaccine give you flu? No."

Explainers, FAQs and columns ask a yes/no question and answer it with a bare "No." or "Yes." before
they explain. The question alone asserts nothing (``assertions``) and the answer alone is too short
to be a passage, so the splitter keeps the two in one passage, and the stance model reads what they
mean together: "It is false that the flu vaccine can give you flu." for "No.", the statement for
"Yes." (the question read back by ``questions.read_claim``). Read as written, "Would a bus lane do
the same job for less? No." entailed "A bus lane would do the same job for less" (0.51); read as
"It is false that ...", it contradicts it (0.86, bench/fourteenth). An answer that goes on ("No, it
cannot.", "If battery life matters most, yes.") is a sentence of its own and is read as one.
"""

from __future__ import annotations

import re

from service.pipeline.overlap import shared_words
from service.pipeline.questions import NOTE_YES_NO, asks_yes_or_no, read_claim

# An answer is about the claim when its question repeats this share of the claim's content words:
# read as "It is false that ...", an answer to another question on the page contradicts claims
# it says nothing of ("Can the flu vaccine give you flu? No." against "The flu vaccine is 60%
# effective", 0.85, bench/fourteenth).
ANSWER_SHARE = 2 / 3

_COMMON_OPENERS = frozenset("the a an it its this that these those there they he she you we i".split())
_ANSWER = re.compile(r"^\W*(?P<word>yes|no)[.!]*$", re.I)


def is_answer(text: str) -> bool:
    """Whether ``text`` is a bare answer: "No.", "Yes!".

    Examples:
        >>> is_answer("No."), is_answer("Yes!"), is_answer("No, it cannot."), is_answer("No. 10")
        (True, True, False, False)
    """
    return _ANSWER.match(text.strip()) is not None


def answered(passage: str) -> tuple[str, bool] | None:
    """The statement a yes/no question in ``passage`` asks and whether the answer after it says
    yes; None for a passage that is not a question with a bare answer after it.

    Examples:
        >>> answered("Is the pier closed? No.")
        ('The pier is closed.', False)
        >>> answered("Is the pier closed?") is None
        True
    """
    question, _, answer = passage.strip().rpartition("?")
    said = _ANSWER.match(answer.strip())
    if said is None or not asks_yes_or_no(question + "?"):
        return None
    reading = read_claim(question.strip() + "?")
    if NOTE_YES_NO not in reading.notes or reading.statement == reading.claim:
        return None
    return reading.statement, said["word"].lower() == "yes"


def answers_the_claim(claim: str, passage: str) -> bool:
    """Whether ``passage`` is a question answered in a word that asks what ``claim`` says.

    Examples:
        >>> answers_the_claim("The ferry can carry cars.", "Can the ferry carry cars? No.")
        True
        >>> answers_the_claim("The ferry is 40 years old.", "Can the ferry carry cars? No.")
        False
    """
    found = answered(passage)
    return found is not None and _asks(claim, found[0])


def answers_another_question(claim: str, passage: str) -> bool:
    """Whether ``passage`` is a question answered in a word that asks something else than ``claim``.

    Examples:
        >>> answers_another_question("The ferry is 40 years old.", "Can the ferry carry cars? No.")
        True
        >>> answers_another_question("The ferry is 40 years old.", "The ferry carries cars.")
        False
    """
    found = answered(passage)
    return found is not None and not _asks(claim, found[0])


def _asks(claim: str, statement: str) -> bool:
    return shared_words(claim, statement) >= ANSWER_SHARE


def refuting_answer(passage: str) -> str | None:
    """The answer of a question the page answers "No." ("No."), else None.

    Examples:
        >>> refuting_answer("Is the pier closed? No."), refuting_answer("Is the pier closed? Yes.")
        ('No.', None)
    """
    found = answered(passage)
    return passage.strip().rpartition("?")[2].strip() if found and not found[1] else None


def answered_statement(passage: str) -> str | None:
    """What a question answered in a word says, for the stance model to read; None for any other
    passage.

    Examples:
        >>> answered_statement("Can the ferry carry cars? No.")
        'It is false that the ferry can carry cars.'
        >>> answered_statement("Can the ferry carry cars? Yes.")
        'The ferry can carry cars.'
    """
    found = answered(passage)
    if found is None:
        return None
    statement, yes = found
    if yes:
        return statement
    first, _, rest = statement.partition(" ")
    if first.lower() in _COMMON_OPENERS:  # "the ferry", but "Xi" and "Calderbrook" stay names
        statement = f"{first.lower()} {rest}"
    return f"It is false that {statement}"
