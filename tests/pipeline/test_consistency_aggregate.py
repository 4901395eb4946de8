"""Number/date/negation/name consistency reasons, and the aggregation rules from passages to a verdict."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from service.pipeline.aggregate import SourceStance, Thresholds, passage_stance, source_stance, verdict
from service.pipeline.consistency import ADJUST_SHARES, ADJUSTED_REASONS, NEGATION, adjust, adjusted_kinds, reasons
from service.settings import ADJUST_WORDS

T = Thresholds(support=0.5, contradict=0.5, conflict=0.6)


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("The plan has 12 points.", "The 12-point plan was published.", []),
        ("Turnout was 1,200 people.", "Some 1200 people turned out.", []),
        ("He has visited 40 times.", "He has visited 39 times.", ["number mismatch: claim 40, passage 39"]),
        ("Three ships sank.", "Two ships sank in the storm.", ["number mismatch: claim 3, passage 2"]),
        ("The trip lasted five days.", "They have met 39 times since then.", []),
        (
            "Matthew Gray Gubler was born in the nineties.",
            "Matthew Gray Gubler (born March 9, 1980) is an American actor.",
            ["date mismatch: claim 1990s, passage 1980"],
        ),
        ("Luis Fonsi was born in the seventies.", "Luis Fonsi (born April 15, 1978) is a singer.", []),
        ("Turnout rose 5 per cent.", "Turnout rose 7% on the day.", ["number mismatch: claim 5, passage 7"]),
        (
            "The deal was worth $2 billion.",
            "It paid $2.5 billion for 3 firms.",
            ["number mismatch: claim 2 billion, passage 2.5 billion"],
        ),
        ("The visit runs from March 20 to 22.", "He is there from March 20-22.", []),
        ("The visit runs from March 20 to 22.", "He is there on 21 March.", []),
        (
            "The visit runs from March 20 to 22.",
            "He is there on 23 March.",
            ["date mismatch: claim March 20-22, passage March 23"],
        ),
        (
            "The film came out on May 28.",
            "It was released on July 28, 2017, after 3 delays.",
            ["date mismatch: claim May 28, passage July 28"],
        ),
        (
            "He was born in May 1977.",
            "He was born on October 11, 1976.",
            ["date mismatch: claim 1977, passage 1976", "date mismatch: claim May, passage October 11"],
        ),
        ("He was born in May 1977.", "Born on May 11, 1977, he grew up in Ohio.", []),
        ("She may win 2 titles in May.", "She won 2 titles on May 3.", []),
        ("She won 2 titles in May.", "She won 2 titles on June 3.", ["date mismatch: claim May, passage June 3"]),
        (
            "Haldane joined Rovers in March.",
            "Haldane, 24, joined Rovers from Eastbridge in January.",
            ["date mismatch: claim March, passage January"],
        ),
        (
            "Haldane is 25 years old.",
            "Haldane, 24, joined Rovers from Eastbridge in January.",
            ["number mismatch: claim 25, passage 24"],
        ),
        ("The 24-year-old Haldane joined Rovers.", "Haldane, 24, joined Rovers in mid-January.", []),
        ("The vote is on March 3.", "Marathon 26 runners crossed the line in 3 hours.", []),
        ("The talks took 3 to 5 days.", "The talks took 4 days.", []),
        ("The talks took 3 to 5 days.", "The talks took 6 days.", ["number mismatch: claim 3-5, passage 6"]),
        ("Rovers won 3-1.", "Rovers beat City 2-1 at home.", ["number mismatch: claim 3-1, passage 2-1"]),
        ("Prices rose to 40.", "Prices rose to 39 on Monday.", []),
        ("Three women crossed.", "Two Asian women crossed.", ["number mismatch: claim 3, passage 2"]),
        ("More than 1,000 people died.", "Some 1,200 people died.", []),
        ("About 300 soldiers died.", "Maybe three hundred soldiers died.", []),
        (
            "Only 3 people came.",
            "There were maybe three hundred people present.",
            ["number mismatch: claim 3, passage maybe 300"],
        ),
        ("It lasts over 3 minutes.", "It is a 6 minute suite.", []),
        ("Xi began his second term.", "Xi began his third term.", ["number mismatch: claim 2nd, passage 3rd"]),
        ("The game came out after 1991.", "The game came out in 1994.", []),
        ("Glee aired on Fox in 2012.", "Glee aired on Fox from 2009 to 2015.", []),
        (
            "Agatha Christie died in 1890.",
            "Agatha Christie (15 September 1890 - 12 January 1976) was a novelist.",
            ["date mismatch: claim 1890, passage 1890 to 1976"],
        ),
        (
            "Huckabee was governor from 2000 to 2010.",
            "Huckabee was governor from 1996 to 2007.",
            ["date mismatch: claim 2000 to 2010, passage 1996 to 2007"],
        ),
        (
            "The studio was founded before 1990.",
            "The studio was founded in 1994.",
            ["date mismatch: claim before 1990, passage 1994"],
        ),
        ("He won 3 races in his first season.", "He won three races in his first season.", []),
        ("The COVID-19 trials stopped.", "The 2 trials on COVID-19 stopped.", []),
        ("She died at age 60.", "She died at age 61, in May.", ["number mismatch: claim 60, passage 61"]),
        ("It opened in 2017.", "It has been open since 2019.", ["date mismatch: claim 2017, passage 2019"]),
        ("It premiered in the 2010's.", "It premiered in 2005 and reached TV in 2013.", []),
        ("Crime fell in the 1990s.", "Crime fell from 2001.", ["date mismatch: claim 1990s, passage 2001"]),
        ("It is a 1982 film.", "It is the sequel to 1982's Blade Runner.", []),
        ("The mayor of Lyon resigned.", "The mayor of Nantes resigned.", ["not in passage: Lyon"]),
        ("Germany's chancellor spoke.", "The chancellor of Germany spoke.", []),
        ("It rained on Monday.", "Heavy rain fell.", []),
        ("Prices have risen since Jan. 1.", "Prices have risen.", []),
        (
            "Xi has held a phone call with Zelensky.",
            "Xi has not had a single phone call with Zelensky since 2022.",
            ['negated in passage: "not had a single phone call with Zelensky since 2022"'],
        ),
        (
            "Inflation rose in October.",
            "Inflation fell to 3.2% in October.",
            ["direction mismatch: claim rose, passage fell"],
        ),
        # the passage lacks the claim's name: its direction is someone else's
        (
            "Mount Hood is the lowest point in Oregon.",
            "Mount Rainier is the highest point in Washington.",
            ["not in passage: Oregon"],
        ),
    ],
)
def test_reasons(claim: str, passage: str, expected: list[str]) -> None:
    assert reasons(claim, passage) == expected


def test_a_direction_said_of_what_the_sentence_before_names_counts() -> None:
    claim = "Hartwell Homes won its first challenge in the High Court."
    passage = "The company had lost its first challenge in the High Court last year."
    # alone, the passage may say it of another company
    assert reasons(claim, passage) == ["not in passage: Hartwell Homes"]
    # read after the sentence that names the company, as the stance model reads it
    premise = "The case was brought by Hartwell Homes, a developer. " + passage
    assert reasons(claim, passage, premise=premise) == [
        "direction mismatch: claim won, passage lost",
        "not in passage: Hartwell Homes",
    ]
    # a sentence before that names someone else leaves it someone else's
    other = "The case was brought by Fenmoor Estates. " + passage
    assert reasons(claim, passage, premise=other) == ["not in passage: Hartwell Homes"]


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "The fire broke out on a Monday.",
            "It broke out early on Tuesday.",
            ["date mismatch: claim Monday, passage Tuesday"],
        ),
        ("The fire broke out on Tuesday.", "It broke out early on Tuesday.", []),
        ("The fire broke out on Monday.", "Six died, police said on Tuesday.", []),  # the day of a statement
        (
            "The fire started in the afternoon.",
            "The blaze broke out at about 3 a.m. in a storage building.",
            ["date mismatch: claim in the afternoon, passage 3 a.m."],
        ),
        ("The fire started in the early hours.", "Crews were called at 2.40am.", []),
        # a fact-check's rating of the claim, when the rated claim is the claim's
        ("Coffee dehydrates you.", '"Coffee dehydrates you"\nVerdict: False', ['rated in passage: "Verdict: False"']),
        ("Tea stains your teeth.", '"Coffee dehydrates you"\nVerdict: False', []),
        ("Coffee dehydrates you.", '"Coffee dehydrates you"\nVerdict: True', []),
        # a dateline's day is when the story was filed, not when what it reports happened
        ("A second trial will report in 2028.", "HALDEN, Nov. 18, 2026 — A second trial will report later.", []),
        ("The strike began on June 10.", "VESTMARK, June 12 (Reuters) - Drivers walked out on June 10.", []),
        (
            "The strike began on June 11.",
            "VESTMARK, June 12 (Reuters) - Drivers walked out on June 10.",
            ["date mismatch: claim June 11, passage June 10"],
        ),
        # a year, a number or a date in an aside is of the aside's event
        ("There was a fire at the plant in 2011.", "The plant, which opened in 1978, has had a fire before.", []),
        (
            "The plant opened in 1975.",
            "The plant, which opened in 1978, has had a fire before.",
            ["date mismatch: claim 1975, passage 1978"],
        ),
        (
            "The plant employs 45 people.",
            "The plant, which employs 450 people, has had a fire before.",
            ["number mismatch: claim 45, passage 450"],
        ),
        # a sum of money by its currency, whatever word stands before it
        (
            "The company was fined £200,000 in 2023.",
            "Inspectors fined the company £120,000 in 2023 for failing to maintain fire doors.",
            ["number mismatch: claim 200000, passage 120000"],
        ),
    ],
)
def test_reasons_on_days_times_asides_and_sums(claim: str, passage: str, expected: list[str]) -> None:
    assert reasons(claim, passage) == expected


def test_a_passage_that_names_no_day_is_dated_by_the_sentence_before_it() -> None:
    claim = "The fire broke out on a Monday."
    passage = "The blaze broke out at about 3 a.m. in a storage building."
    premise = "Four workers were killed in a fire early on Tuesday. " + passage
    assert reasons(claim, passage) == []
    assert reasons(claim, passage, premise=premise) == ["date mismatch: claim Monday, passage Tuesday"]
    # not by its time of day: the sentence before may tell of something else
    staffing = '"Staffing levels at night have not changed," she said. The plant has had a fire before.'
    assert reasons("The fire started in the afternoon.", "The plant has had a fire before.", premise=staffing) == []
    # nor a passage that gives a date of its own
    record = "The lowest temperature recorded here was -19.4C, in January 1987."
    warned = "Temperatures will drop to -12C on Saturday night. " + record
    assert reasons("Temperatures will rise above freezing on Monday.", record, premise=warned) == []


def test_a_day_that_ends_something_is_not_compared_with_one_that_begins_something() -> None:
    published = date(2026, 11, 27)  # a Friday: "from Sunday" is 29 November
    headline = "Harrowgate line closed for nine days from Sunday for bridge repairs"
    assert reasons("The Harrowgate line will be closed until 7 December.", headline, published) == []
    notice = "Harrowgate trains will not run from Sunday 29 November until Monday 7 December."
    assert reasons("Harrowgate trains will stop until 14 December.", notice, published)[0] == (
        "date mismatch: claim December 14, passage December 7"
    )
    assert reasons("Harrowgate trains stop on 3 December.", headline, published)[0] == (
        "date mismatch: claim December 3, passage November 22 or November 29 (Sunday)"
    )


PUBLISHED = date(2023, 3, 17)


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        # "last year" is 2022: the passage gives the claim's year after all
        ("Putin was in Beijing in 2022.", "Xi was last in Russia in 2019, and Putin in Beijing last year.", []),
        (
            "Putin was in Beijing in 2021.",
            "Putin was in Beijing last year.",
            ["date mismatch: claim 2021, passage 2022 (last year)"],
        ),
        (
            "Xi last visited Russia in 2017.",
            "Xi last visited Russia in 2019, and Putin was in Beijing last year.",
            ["date mismatch: claim 2017, passage 2019, 2022 (last year)"],
        ),
        ("The war began in 2022.", "The war began a year ago.", []),
        (
            "The war began in 2019.",
            "The war began a year ago.",
            ["date mismatch: claim 2019, passage 2021-2022 (a year ago)"],
        ),
        ("Wang Yi met Putin on February 21.", "Wang Yi met Putin in Moscow last month.", []),
        (
            "Wang Yi met Putin on January 5.",
            "Wang Yi met Putin in Moscow last month.",
            ["date mismatch: claim January 5, passage February (last month)"],
        ),
        ("They met in February 2022.", "They met in February last year.", []),
        (
            "They met in February 2021.",
            "They met in February last year.",
            ["date mismatch: claim 2021, passage 2022 (February last year)"],
        ),
        # Friday 17 March: "Monday" is the 13th or the 20th, give or take a day
        ("Xi arrived in Moscow on March 20.", "Xi arrived in Moscow on Monday.", []),
        (
            "Xi arrived in Moscow on March 27.",
            "Xi arrived in Moscow on Monday.",
            ["date mismatch: claim March 27, passage March 13 or March 20 (Monday)"],
        ),
        ("The vote was held on March 15.", "The vote was held yesterday.", []),
        (
            "The vote was held on March 13.",
            "The vote was held yesterday.",
            ["date mismatch: claim March 13, passage March 16 (yesterday)"],
        ),
        ("Xi will visit Russia on March 21.", "Xi will visit Russia next week, the ministry said Friday.", []),
        (
            "Xi will visit Russia on March 15.",
            "Xi will visit Russia next week, the ministry said Friday.",
            ["date mismatch: claim March 15, passage March 20-26 (next week)"],
        ),
        # the day of a statement dates the statement; a weekday dates no year
        ("Xi will visit Russia on March 21.", "Xi will visit Russia, the ministry said Friday.", []),
        ("Xi arrived in Moscow in 2019.", "Xi arrived in Moscow on Monday.", []),
    ],
)
def test_reasons_date_a_passage_from_its_publication_day(claim: str, passage: str, expected: list[str]) -> None:
    assert reasons(claim, passage, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("claim", "passage", "published", "expected"),
    [
        ("Putin was in Beijing last year.", "Putin was in Beijing in 2022.", None, []),
        (
            "Putin was in Beijing last year.",
            "Putin was in Beijing in 2021.",
            None,
            ["date mismatch: claim 2022 (last year), passage 2021"],
        ),
        ("Xi will visit Moscow next week.", "Xi will visit Moscow from March 20 to 22.", None, []),
        (
            "Xi will visit Moscow next week.",
            "Xi was in Moscow on March 14.",
            None,
            ["date mismatch: claim March 20-26 (next week), passage March 14"],
        ),
        # both sides dated from their own day: the claim's "last year" is the article's "this year"
        ("The dam opened last year.", "The dam opened earlier this year.", date(2022, 8, 1), []),
        (
            "The dam opened last year.",
            "The dam opened earlier this year.",
            date(2023, 8, 1),
            ["date mismatch: claim 2022 (last year), passage 2023 (earlier this year)"],
        ),
    ],
)
def test_reasons_date_a_claim_from_the_day_it_was_made(
    claim: str, passage: str, published: date | None, expected: list[str]
) -> None:
    assert reasons(claim, passage, published, claimed=PUBLISHED) == expected


def test_without_a_publication_day_relative_dates_say_nothing() -> None:
    passage = "Xi was last in Russia in 2019, and Putin in Beijing last year."
    assert reasons("Putin was in Beijing in 2022.", passage) == ["date mismatch: claim 2022, passage 2019"]
    assert reasons("Putin was in Beijing in 2021.", "Putin was in Beijing last year.") == []
    assert reasons("Xi arrived in Moscow on March 27.", "Xi arrived in Moscow on Monday.") == []


def test_adjust_moves_entailment_to_contradiction_only_on_mismatch() -> None:
    scores = np.array([0.8, 0.1, 0.1], dtype=np.float32)
    assert np.allclose(adjust(scores, ["not in passage: Lyon"]), scores)
    moved = adjust(scores, ["date mismatch: claim 2017, passage 2019"])
    assert np.isclose(moved.sum(), 1) and moved[2] > moved[0]


def test_a_passage_giving_the_claims_role_to_another_supports_nothing() -> None:
    scores = np.array([0.8, 0.1, 0.1], dtype=np.float32)
    other = ["different person in the same role: claim Margaret Doyle, passage Simon Reyes (chief executive)"]
    assert np.allclose(adjust(scores, other), [0.0, 0.9, 0.1])
    assert np.allclose(adjust(scores, [*other, "date mismatch: claim 2017, passage 2019"]), [0.0, 0.26, 0.74])


def test_adjust_acts_only_on_the_kinds_it_is_given() -> None:
    scores = np.array([0.8, 0.1, 0.1], dtype=np.float32)
    date = ["date mismatch: claim 2017, passage 2019"]
    assert np.allclose(adjust(scores, date, adjusted_kinds("numbers")), scores)
    assert np.allclose(adjust(scores, date, adjusted_kinds("none")), scores)
    assert adjust(scores, date, adjusted_kinds("dates")).argmax() == 2
    assert adjust(scores, date, adjusted_kinds("numbers,dates")).argmax() == 2
    assert adjust(scores, date, adjusted_kinds("all")).argmax() == 2


def test_every_word_of_the_adjust_setting_names_a_reason() -> None:
    assert tuple(ADJUSTED_REASONS) == ADJUST_WORDS


def test_a_negation_moves_a_smaller_share_than_a_mismatch() -> None:
    scores = np.array([0.6, 0.0, 0.4], dtype=np.float32)
    denial = [f'{NEGATION}: "refused to sign the treaty"']
    assert np.allclose(adjust(scores, denial, adjusted_kinds("numbers,dates")), scores)
    moved = adjust(scores, denial, adjusted_kinds("negation"))
    assert np.isclose(moved[0], 0.6 * (1 - ADJUST_SHARES[NEGATION]))
    both = adjust(scores, [*denial, "date mismatch: claim 2017, passage 2019"], adjusted_kinds("all"))
    assert np.isclose(both[0], 0.6 * (1 - max(ADJUST_SHARES.values())))


def test_passage_stance() -> None:
    assert passage_stance(np.array([0.7, 0.2, 0.1]), T) == "supports"
    assert passage_stance(np.array([0.1, 0.2, 0.7]), T) == "contradicts"
    assert passage_stance(np.array([0.45, 0.1, 0.45]), T) == "neutral"


def test_source_takes_its_strongest_passage() -> None:
    rows = [np.array([0.9, 0.05, 0.05]), np.array([0.1, 0.2, 0.7]), np.array([0.1, 0.8, 0.1])]
    assert source_stance(rows, T) == SourceStance("supports", 0.9)
    assert source_stance([np.array([0.2, 0.7, 0.1])], T) == SourceStance("neutral", 0.8)


def test_an_explained_contradiction_beats_a_support_no_closer_to_the_claim() -> None:
    support, contradiction = np.array([0.9, 0.05, 0.05]), np.array([0.2, 0.2, 0.6])
    rows = [support, contradiction]
    assert source_stance(rows, T, [0.55, 0.73], [False, True]) == SourceStance("contradicts", 0.6)
    assert source_stance(rows, T, [0.73, 0.73], [False, True]) == SourceStance("contradicts", 0.6)
    # a support closer to the claim, or a contradiction without a concrete mismatch, competes as before
    assert source_stance(rows, T, [0.74, 0.73], [False, True]) == SourceStance("supports", 0.9)
    assert source_stance(rows, T, [0.55, 0.73], [False, False]) == SourceStance("supports", 0.9)
    # a mismatch on a passage the model does not read as a contradiction decides nothing
    neutral = np.array([0.3, 0.4, 0.3])
    assert source_stance([support, neutral], T, [0.55, 0.73], [False, True]) == SourceStance("supports", 0.9)


def test_a_support_closer_to_the_claim_than_every_explained_contradiction_leaves_them_out() -> None:
    # "Tarrow's half-year profit rose 12%": the article's "reported a 12% rise in half-year profit"
    # (closer, supports) against "raised its interim dividend by 5%" (a number mismatch, but of
    # another quantity, adjusted to a contradiction stronger than the support)
    support, explained = np.array([0.77, 0.05, 0.18]), np.array([0.02, 0.1, 0.88])
    assert source_stance([support, explained], T, [0.75, 0.6], [False, True]) == SourceStance("supports", 0.77)
    # without the similarities the stronger contradiction wins, as it does when not explained
    assert source_stance([support, explained], T) == SourceStance("contradicts", 0.88)
    assert source_stance([support, explained], T, [0.75, 0.6], [False, False]) == SourceStance("contradicts", 0.88)
    # a contradiction the model reads without a mismatch still competes
    plain = np.array([0.1, 0.1, 0.8])
    rows = [support, explained, plain]
    assert source_stance(rows, T, [0.75, 0.6, 0.5], [False, True, False]) == SourceStance("contradicts", 0.8)


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ([("supports", 0.9), ("supports", 0.8)], ("supported", 0.98)),
        ([("contradicts", 0.7), ("neutral", 0.9)], ("refuted", 0.7)),
        ([("supports", 0.8), ("contradicts", 0.7)], ("conflicting", 0.7)),
        ([("supports", 0.8), ("contradicts", 0.55)], ("supported", 0.36)),
        ([("neutral", 0.9), ("neutral", 0.6)], ("not_enough_info", 0.6)),
        ([], ("not_enough_info", 1.0)),
    ],
)
def test_verdict_rules(sources: list[tuple[str, float]], expected: tuple[str, float]) -> None:
    result = verdict([SourceStance(s, c) for s, c in sources], T)
    assert (result.verdict, result.confidence) == pytest.approx(expected)


def test_only_sides_near_the_closest_side_taking_passage_are_kept() -> None:
    from service.pipeline.aggregate import relevant

    t = Thresholds(margin=0.15)
    rows = [np.array(r) for r in ([0.1, 0.8, 0.1], [0.9, 0.05, 0.05], [0.1, 0.1, 0.8], [0.05, 0.05, 0.9])]
    # A neutral best match (0.9) sets no bar; the supporting passage (0.7) does: 0.6 keeps, 0.5 loses its side.
    assert relevant(rows, [0.9, 0.7, 0.6, 0.5], t) == [True, True, True, False]
    assert relevant(rows, [0.9, 0.7, 0.6, 0.5], Thresholds(margin=2.0)) == [True] * 4
    assert relevant(rows[:1], [0.9], t) == [True]


def test_a_passage_about_another_subject_takes_no_side_below_the_floor() -> None:
    from service.pipeline.aggregate import off_subject, relevant

    t = Thresholds(margin=0.15, missing_name_floor=0.35)
    rows = [np.array(r) for r in ([0.9, 0.05, 0.05], [0.1, 0.1, 0.8], [0.1, 0.1, 0.8])]
    similarities = [0.34, 0.25, 0.3]
    silenced = off_subject(similarities, [True, False, True], t)
    assert silenced == [True, False, True]
    # Silenced, the close stranger no longer sets the margin's bar, so the 0.25 passage keeps its side.
    assert relevant(rows, similarities, t, silenced) == [False, True, False]
    assert relevant(rows, similarities, t) == [True, True, True]
    assert off_subject(similarities, [True, False, True], Thresholds()) == [False] * 3, "0 is off"


def test_a_passage_that_repeats_few_of_the_claims_words_takes_no_side_below_its_floor() -> None:
    from service.pipeline.aggregate import off_subject, off_subject_reason

    t = Thresholds(missing_name_floor=0.35, word_overlap=0.3, low_overlap_floor=0.4)
    # few words and not close; few words but close (a paraphrase); enough words
    assert off_subject([0.39, 0.41, 0.39], [False] * 3, t, [0.2, 0.2, 0.3]) == [True, False, False]
    assert off_subject([0.39, 0.41, 0.39], [False] * 3, t) == [False] * 3, "no overlaps given: all words shared"
    assert off_subject([0.39], [False], Thresholds(), [0.0]) == [False], "0 is off"
    assert off_subject_reason(0.31, False, 0.2, t) == (
        "too far from the claim to take a side: similarity 0.31, under 0.4 for a passage that repeats 20% of the "
        "claim's words"
    )
    assert off_subject_reason(0.31, True, 0.2, t) == (
        "too far from the claim to take a side: similarity 0.31, under 0.35 for a passage about another subject"
    ), "a missing name is the plainer reason"
    assert off_subject_reason(0.45, False, 0.5, Thresholds(topic_only_floor=0.5), topic_only=True) == (
        "too far from the claim to take a side: similarity 0.45, under 0.5 for a passage that shares only the "
        "claim's topic words"
    )
    assert off_subject(
        [0.45, 0.55, 0.45], [False] * 3, Thresholds(topic_only_floor=0.5), None, [True, True, False]
    ) == [
        True,
        False,
        False,
    ]
    assert off_subject([0.45], [False], Thresholds(), None, [True]) == [False], "0 is off"
    assert off_subject_reason(0.3497, True, 0.2, t) == (
        "too far from the claim to take a side: similarity 0.3497, under 0.35 for a passage about another subject"
    ), "shown with the decimals the thresholds read, never as 0.35 under 0.35"
