"""Numbers are keyed by what they count, bounds and rough values allow what they say, and years
and decades are kept apart."""

from __future__ import annotations

import pytest

from service.pipeline.numbers import read_numbers
from service.pipeline.quantities import Quantity, number_mismatches


def disagree_on_numbers(claim: str, passage: str) -> bool:
    """As the checker reads them: all of a claim's words say what its shares are of."""
    claimed, _ = number_mismatches(read_numbers(claim, [], whole=True)[1], read_numbers(passage, [])[1])
    return bool(claimed)


def counted(text: str) -> dict[str, set[str]]:
    return {unit: {q.shown for q in values} for unit, values in read_numbers(text, [])[1].items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He has visited 40 times.", {"time": {"40"}}),
        ("Two young boys play.", {"young": {"2"}, "boy": {"2"}}),
        ("Two girls pose.", {"girl": {"2"}}),
        ("Four children pose.", {"children": {"4"}}),
        ("The class of 30 students met.", {"student": {"30"}}),
        ("COVID-19 and SARS-CoV-2 trials", {}),
        ("Carriers of BRCA1/2 mutations", {}),
        ("She died at age 60.", {"year": {"60"}}),
        ("Lind, 61, and Sand, aged 45, were tried.", {"year": {"61", "45"}}),
        ("By Friday, 24, had come.", {"?": {"24"}}),  # counting what no word says
        ("Mara Ellison is 43.", {"year": {"43"}}),  # a full name's number, closing the sentence
        ("Inflation was 3.", {"inflation #": {"3"}}),
        ("A boy aged 18 months", {"month": {"18"}}),
        ("It is for children aged 8 - 17, while adults pay.", {"year": {"8-17"}}),
        ("Some three hundred soldiers", {"soldier": {"some 300"}}),
        ("It paid $2.5 billion for it.", {"$amount": {"2.5 billion"}}),
        ("It paid $2.5bn and €40m, for a 5m wall.", {"$amount": {"2.5 billion"}, "€amount": {"40 million"}}),
        # a range of sums with the scale on both ends
        ("It expects between £180m and £190m.", {"£amount": {"180-190 million"}}),
        ("It cost £2bn to £3bn, the £200m it forecast", {"£amount": {"2-3 billion", "200 million"}}),
        ("The 10k race of 5 m runners", {"m": {"5"}, "runner": {"5"}}),
        ("Rovers beat City 2-1 at home.", {"score": {"2-1"}}),
        ("About 420 000 cases are reported.", {"case": {"about 420000"}}),
        ("It affects around one in four adults.", {"%": {"around one in four"}}),  # a rate: a share, not four adults
        ("About 1 in 5 adults smoke.", {"%": {"about 1 in 5"}}),
        ("It cuts the chance to 1 in 100.", {"%": {"1 in 100"}}),  # a rate that ends the sentence
        ("One in a thousand patients and one in 10 million people", {}),
        ("He scored 5 in 2019.", {"scored #": {"5"}}),  # a year after "in" is a date
        ("It rose 3 in 10 days.", {"rose # (change)": {"3"}, "day": {"10"}}),
        ("It cost 1\u202f250\u00a0000 euros.", {"euro": {"1250000"}}),
        ("Room 20 7946 if 12 people came.", {"room #": {"20"}, "if": {"7946"}, "people": {"12"}}),
        ("It grew in the 1990s and in 2004.", {}),
        (
            "His third term, the 5th-largest win",
            {"term (rank)": {"3rd"}, "largest (rank)": {"5th"}},  # ranked by size, not the 5th win
        ),
        ("At first, the 21st of May was chosen.", {}),
        ("It rose 2.1% to 5%.", {"% (change)": {"2.1"}, "%": {"5"}}),
        ("a 0.25-point cut", {"point (change)": {"0.25"}, "cut (change)": {"0.25"}}),
        ("Up to 50 people", {"people": {"up to 50"}}),
        ("It won 26 of the 150 seats.", {"seat": {"26", "150"}}),
        ("Three out of five judges agreed.", {"judge": {"3", "5"}}),
        ("About 2,000 people came in 2000, and 1,999 people in 1999.", {"people": {"about 2000", "1999"}}),
        # numbers in words read as their digits would be
        ("It sold one million copies.", {"million": {"1 million"}, "copie": {"1 million"}}),
        ("It sold a million copies.", {"million": {"1 million"}, "copie": {"1 million"}}),
        ("twenty-three people and eighty one dogs", {"people": {"23"}, "dog": {"81"}}),
        ("two hundred and fifty pounds", {"pound": {"250"}}),
        ("half a million people", {"million": {"0.5 million"}, "people": {"0.5 million"}}),
        ("three-quarters of a billion dollars", {"billion": {"0.75 billion"}, "dollar": {"0.75 billion"}}),
        ("three quarters in a row", {"quarter": {"3"}}),
        ("four number-one songs", {"number": {"4"}}),
        # a bound's words are not what its number counts: the word before them is
        ("The quake kills at least 41 in Kessa.", {"kills #": {"at least 41"}}),
        ("He died at the age of about 80.", {"age #": {"about 80"}}),
        # after "were", "is", "has": the word that follows, or nothing (a title's number)
        ("Police said up to 30 were hurt.", {"hurt": {"up to 30"}}),
        ("Iron Man 3 is a sequel.", {"?": {"3"}}),
    ],
)
def test_numbers_are_keyed_by_what_they_count(text: str, expected: dict[str, set[str]]) -> None:
    assert counted(text) == expected


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("The attendance was 41,412.", "The attendance of 31,412 was a record.", True),
        ("The attendance was 31,412.", "The attendance of 31,412 was a record.", False),
        ("He died at the age of 61.", "He died in April at the age of 64.", True),
        ("Detroit had a population of 812,354.", "Detroit had a population of 677,116 in 2015.", True),
        # a number that names a thing is not tied to it by a linking word
        ("Iron Man 3 is a sequel.", "It is the sequel to Iron Man 2, and the seventh film.", False),
        # the linking word itself says nothing of what is counted
        ("The death toll was 41.", "The magnitude was 6.8.", False),
        ("Lind was 64.", "Lind was 65.", True),
        # a unit written after the number says what it counts, not the noun before it
        ("A crowd of 31,412 people came.", "A crowd of 30,000 fans came.", False),
    ],
)
def test_a_linking_word_ties_a_number_to_the_noun_before_it(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


def test_scale_words_multiply_the_value() -> None:
    [million] = read_numbers("184 million people", [])[1]["people"]
    [thousand] = read_numbers("184 thousand people", [])[1]["people"]
    assert (million.value, thousand.value) == (184e6, 184e3)
    assert (million.low, million.high) == (183.5e6, 184.5e6)  # what rounds to 184 million


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("The fine was 4 billion euros.", "The fine was 4.3 billion euros.", False),
        ("The fine was 4.3 billion euros.", "The fine was 4 billion euros.", False),
        ("The fine was 4 billion euros.", "The fine was 4.6 billion euros.", True),
        ("Unemployment was 3.5%.", "Unemployment was 3.46%.", False),
        ("Unemployment was 3.5%.", "Unemployment was 3.44%.", True),
        ("It cost $2 million.", "It cost $2.5 million.", True),
        ("He met her 40 times.", "He met her 39 times.", True),
        ("None of it, 0%, is ice.", "Of it, 0.001% is ice.", True),
    ],
)
def test_a_number_allows_what_rounds_to_it(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a change is compared with changes, a level with levels
        ("The bank raised rates to 4.75%.", "The krone rose 0.8% after the announcement.", False),
        ("The bank raised rates to 4.75%.", "The bank raised its rate to 5% from 4.75%.", False),
        ("The bank raised rates to 5.5%.", "The bank raised its rate to 5% from 4.75%.", True),
        ("GDP grew 3% last year.", "GDP grew by 2.1% last year.", True),
        ("Sales rose by 2 points.", "Sales rose 2.1 points to 60 points.", False),
        ("Prices rose 4% to 20 points.", "A 6% rise took prices to 20 points.", True),
        ("The firm will cut 500 jobs.", "The firm said it would cut 300 jobs.", True),
        # the direction check's words move a figure too, and words it leaves out ("lost")
        ("The firm will slash 500 jobs to 9,500.", "The firm has 9,500 jobs.", False),
        ("The index lost 2% to 310 points.", "The index stood at 310 points.", False),
        # "by" makes an amount a change, not a doer
        ("She was attacked by two men.", "Three men attacked her.", True),
    ],
)
def test_changes_and_levels_are_compared_apart(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a share is compared with a share of the same thing, or when either clause says nothing of what
        ("Orbix shares fell 12%.", "It would cut 8% of its workforce after its profit fell 35%.", False),
        ("Orbix shares fell 12%.", "The company's shares fell 10% in Copenhagen.", True),
        ("Inflation was 3.2% in October.", "Annual inflation fell to 3.8% in October.", True),
        ("It fell 12%.", "Profit fell 35%.", True),
        ("There is 0% of water in glaciers.", "Seas hold 96.5% of the water, glaciers 1.7%.", True),
        # a number of the same unit that agrees anywhere in the passage clears the claim's
        ("Orbix shares fell 12%.", "Shares fell 9% on Monday; by Friday they had fallen 12%.", False),
        # money by its currency
        ("Orbix bought Cloudnest for $2.1 billion.", "Revenue rose 3% to 5.2 billion crowns.", False),
        ("The deal was worth $2 billion.", "It paid $2.5 billion for 3 firms.", True),
        # a scale glued on is the scale written out; "m" and "k" only on money ("a 5m wall" is metres)
        ("Orbix bought Cloudnest for $2.1 billion.", "Orbix bought Cloudnest for $2.1bn.", False),
        ("The deal was worth $3 billion.", "Orbix bought Cloudnest for $2.1bn.", True),
        ("The fee was £4.5 million.", "He joined for a fee reported to be £4.5m.", False),
        ("The fee was £6 million.", "He joined for a fee reported to be £4.5m.", True),
        ("It raised $50 thousand for the school.", "It raised $40k for the school.", True),
        # a scale says how big a sum is, not what it counts: sums of different scales are compared
        ("The mission cost more than €1bn.", "The mission cost €410m, including the launch.", True),
        ("The mission cost about €400m.", "The mission cost €410m, including the launch.", False),
        # ... but not with a sum written without one: "$8. 7 billion" is a number split by a stray space
        ("The club was fined £1.2m.", "The club was fined £200,000 in 2023.", False),
        ("The project cost $8.7 billion.", "Costs beyond the $8. 7 billion budget.", False),
        # a sum with no noun after it counts its currency, and is compared by the words of its clause
        ("The company was fined £200,000.", "Inspectors fined the company £120,000 in 2023.", True),
        ("The company was fined £200,000.", "Northfield paid £45,000 for the striker.", False),
        # people counted for what happened to them: the employed are not the dead
        ("The plant employs about 450 people.", "Five people have died after a fire at the plant.", False),
        ("Two workers died in hospital.", "A fire in 2011 injured three workers.", False),
        ("Six people were killed.", "Five people have died after the fire.", True),
        ("Six people were killed.", "Four people were killed and nine people injured.", True),
        ("Eleven people were hurt.", "Four people were killed and nine people injured.", True),
        ("Nine people were hurt.", "Four people were killed and nine people injured.", False),
        ("Six people were evacuated.", "Five people were at the plant.", True),  # one clause says nothing
        # a sum with no noun after it meets a sum of a thing the claim names, either way round
        ("The prize is worth £50,000.", "She beat five writers to the £30,000 prize.", True),
        ("The prize is worth £30,000.", "She beat five writers to the £30,000 prize.", False),
        ("The £50,000 prize went to Ellison.", "The prize is worth £30,000.", True),
        ("The firm was fined £50,000.", "The £30,000 prize went to Ellison.", False),
    ],
)
def test_shares_and_money_are_compared_by_what_they_are_of(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        # a figure something moved from is what was: it is not the claim's figure of what is ...
        (
            "Harbury expects profit of more than £200m.",
            "Harbury expects profit of £180m to £190m, down from the £200m to £210m it forecast in June.",
            True,
        ),
        ("Profit was £109m.", "Profit was £96m, down 12% from £109m.", True),
        ("Quarterly sales were £1.20bn.", "Quarterly sales rose 3.1% to £1.24bn, compared with £1.20bn.", True),
        # the words it shares with the figure now ("three months") do not say when it was
        (
            "The jobless rate rose to 4.4% in the three months to June.",
            "The jobless rate rose to 4.6% in the three months to June, up from 4.4% in the previous three months.",
            True,
        ),
        # ... unless the claim moves from it too, or says when it was in the passage's words
        ("Profit fell from £109m to £96m.", "Profit was £96m, down 12% from £109m.", False),
        ("Sales were £1.20bn a year earlier.", "Sales rose to £1.24bn, compared with £1.20bn a year earlier.", False),
        (
            "The jobless rate was 4.4% in the previous three months.",
            "The jobless rate rose to 4.6% in the three months to June, up from 4.4% in the previous three months.",
            False,
        ),
        (
            "In June it forecast profit of £200m to £210m.",
            "It expects £180m, down from the £200m it forecast in June.",
            False,
        ),
        # ... or by its year ("at the 2016 census" for "from 388,200 at the previous census in 2016")
        ("It had 388,200 residents at the 2016 census.", "It has 412,300 residents, up from 388,200 in 2016.", False),
        ("It had 388,200 residents in 2021.", "It has 412,300 residents, up from 388,200 in 2016.", True),
        # a figure something moved to is what is
        ("Profit was £109m.", "Profit rose 12% from £96m to £109m.", False),
    ],
)
def test_a_figure_something_moved_from_is_what_was(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("40 times", "39 times", True),
        ("more than 1,000 people", "1,200 people", False),
        ("more than 1,000 people", "900 people", True),
        ("fewer than 50 people", "40 people", False),
        ("nearly 40 people", "38 people", False),
        ("about 40 people", "80 people", True),
        ("over 3 minutes", "6 minutes", False),
        # a range allows what lies in it, either side of the comparison
        ("10-15 people", "12 people", False),
        ("12 people", "between 10 and 15 people", False),
        ("3 to 5 days", "6 days", True),
        ("$2-3 billion", "$2.5 billion", False),
        ("10-15 million people", "16 million people", True),
        ("9.6 to 12 million people", "9.6 - 12million people", False),
        # two ranges agree on their ends, not on meeting
        ("13,000 to 40,000 members", "30,000 to 35,000 members", True),
        # "from 2 to 5" is a move, not a range
        ("It rose to 3%.", "It rose from 2 to 5%.", True),
        # "more than" and "less than" leave out the number itself; "at least" and "at most" do not
        ("It sold fewer than 3 million units.", "It sold more than 3 million units.", True),
        ("It sold under one million copies.", "It sold over one million copies.", True),
        ("It sold at most 3 million units.", "It sold at least 3 million units.", False),
        ("It sold more than 3 million units.", "It sold 3 million units.", False),
        # "top ten" is a bound on a rank: it is in the top fifty
        ("It reached the top fifty in Belgium.", "It reached the top ten in Belgium.", False),
        # numbers in words against digits
        ("The album sold 1 million copies.", "The album sold one million copies.", False),
        ("The album sold 3 million copies.", "The album sold two million copies.", True),
        ("Snoop Dogg sold 23 million albums.", "He sold twenty-three million albums.", False),
        ("It employed 250,000 workers.", "It employed a quarter of a million workers.", False),
        ("It employed 250,000 workers.", "It employed half a million workers.", True),
        ("It employed 500,000 workers.", "It employed half a million workers.", False),
        # "30 were hurt" counts the hurt, not whatever "were" is said of
        ("Police said 30 were hurt.", "Police said 12 were arrested.", False),
        ("Police said 30 were hurt.", "Police said 12 were hurt.", True),
        # "within" bounds; "a year" and "an hour" are one of them under a bound, and nothing alone
        ("It was put out within 2 hours.", "It took 9 hours to put out.", True),
        ("The fire was put out within an hour.", "Crews spent nine hours bringing it under control.", True),
        ("It may take up to a year.", "It may take two years.", True),
        ("He was jailed for more than a year.", "He was jailed for two years.", False),
        ("It closed a year ago.", "It closed two years ago.", False),
        ("He earns £40,000 a year.", "He earned it in two years.", False),
    ],
)
def test_bounds_and_rough_values_allow_what_they_say(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


def test_days_of_dates_are_skipped() -> None:
    assert counted("On 21 March 40 people came.") == {"people": {"40"}, "march": {"21"}}
    assert read_numbers("On 21 March 40 people came.", [(3, 11)])[1].keys() == {"people"}


def test_quantities_allow_overlapping_values() -> None:
    assert Quantity("40", 30, 50).allows(Quantity("45", 45, 45))
    assert not Quantity("40", 40, 40).allows(Quantity("41", 41, 41))


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("Rovers won 3-1.", "Northfield Rovers beat Southport City 2-1 at Marsh Lane.", True),
        ("City drew 1-1 with Rovers.", "Northfield Rovers beat Southport City 2-1 on Saturday.", True),
        ("Rovers won 2-1.", "Northfield Rovers beat Southport City 2-1 at Marsh Lane.", False),
        # told from the loser's side
        ("City lost 1-2 to Rovers.", "Northfield Rovers beat Southport City 2-1 at Marsh Lane.", False),
        ("The vote was 7-2.", "The committee voted 6-3 for the rise.", True),
        ("The Senate voted 52–48 to confirm her.", "She was confirmed by a 52-48 vote.", False),
    ],
)
def test_results_are_compared_as_one_number_either_way_round(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    "text",
    [
        "The party won 10-15 seats.",
        "Support won 2-3% of the vote.",
        "Children aged 5-11 were vaccinated.",
        "It cost 10-15 million to win.",
        "On 2022-02-24 they won.",
        "Call 555-1234 to vote.",
        "From 9:30-10:30 they voted.",
    ],
)
def test_ranges_dates_and_numbers_with_words_of_winning_are_not_results(text: str) -> None:
    assert "score" not in counted(text)


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("Orvanne is the largest lake in Kessaria.", "Orvanne is the second-largest lake in the country.", True),
        ("Mirel is the most populous town.", "Mirel is the second most populous town in Kessaria.", True),
        ("Mirel is the country's biggest town.", "Mirel, the third biggest town, lies on the lake.", True),
        ("Orvanne is the largest lake.", "Orvanne is the largest lake in the country.", False),
        # not the first: one of several, or placed after another
        ("Orvanne is the largest lake.", "Orvanne is one of the second-largest lakes.", True),
        ("Orvanne is one of the largest lakes.", "Orvanne is the second-largest lake.", False),
        ("Orvanne is the second-largest lake.", "It is the largest lake in the country after Lake Sendre.", False),
        ("Hawaii does not have the longest coastline.", "Its coastline is the fourth longest in the U.S.", False),
        ("Orvanne isn't the largest lake.", "Orvanne is the second-largest lake.", False),
        # "the top scorer" is the highest
        ("Dana Reyes was the league's top scorer.", "Reyes ended the season as its third-highest scorer.", True),
        ("Dana Reyes was the league's top scorer.", "Reyes was the league's highest scorer.", False),
        # ranked by another adjective: not the same rank
        ("Orvanne is the deepest lake.", "Orvanne is the second-largest lake, and at 94 metres the deepest.", False),
        ("Orvanne is the deepest lake.", "Orvanne is the second-largest lake.", False),
    ],
)
def test_a_superlative_ranks_first(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("The line is two years late.", "It is eight months behind schedule, not two years.", True),
        ("The plant employs 1,200 people.", "It employs 900 people, not 1,200.", True),
        ("The plant employs 900 people.", "It employs 900 people, not 1,200.", False),
        ("One person was hurt.", "Not one person was hurt.", True),
        ("Not one person was hurt.", "Not one person was hurt.", False),
        ("Not one person was hurt.", "One person was hurt.", False),  # a claim's denial is not compared
        ("The line is three years late.", "It is eight months late, not two years.", False),  # denies only two
        ("The fund holds 40 million pounds.", "It holds not more than 40 million pounds.", False),
    ],
)
def test_a_number_the_passage_denies_disagrees_with_the_same_number(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("Eight of the 16 libraries will close.", "Four of the 16 libraries will close.", True),
        ("Two of Spain's 17 regions voted no.", "Three of the country's 17 regions voted no.", True),
        ("It won 26 of the 150 seats.", "It won 26 of the 150 seats.", False),
        ("It won 26 of the 150 seats.", "It won 26 seats; the Greens won 28 of the 150 seats.", False),
        ("Four of its libraries will close.", "Four of the borough's 16 libraries will close.", False),
    ],
)
def test_parts_of_one_whole_disagree_though_the_whole_agrees(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        (
            "Temperatures could fall to -12C on Saturday.",
            "The lowest temperature ever recorded here was -19.4C.",
            False,
        ),
        (
            "The lowest temperature ever recorded here was -21C.",
            "The lowest temperature ever recorded here was -19.4C.",
            True,
        ),
        ("A record crowd of 30,000 watched.", "A record crowd of 31,412 watched.", True),
        # a record of this year's is this year's figure
        ("Shoplifting rose 9% last year.", "Shoplifting rose 14%, the highest level since records began.", True),
        ("The attendance was 41,412.", "The attendance of 31,412 was a record.", True),
    ],
)
def test_an_all_time_extreme_is_compared_only_with_one(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("Care takes 40% of the budget.", "Care takes two-fifths of the budget.", False),
        ("Care takes a quarter of the budget.", "Care takes two-fifths of the budget.", True),
        ("Care takes 40% of the budget.", "Children's services take a quarter.", False),  # of another thing
        ("Half of adults smoke.", "About 48% of adults smoke.", False),
        ("A third of voters backed the plan.", "Some 60% of voters backed the plan.", True),
        ("30% of its roads are in poor condition.", "One in five of its roads is in poor condition.", True),
        ("Repair spending will rise by 50%.", "Repair spending will rise by a third.", True),
        ("Repair spending will be 50% of the total.", "Repair spending will rise by a third.", False),  # a change
    ],
)
def test_shares_in_words_are_read_as_percentages(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("A gust of 90mph was recorded.", "A gust of 98mph was recorded.", True),
        ("Up to 40cm of snow could fall.", "Up to 25cm (10in) of snow could fall.", False),  # bounds that meet
        ("About 40cm of snow fell.", "25cm (10in) of snow fell.", True),
        ("Gusts of 80km/h are expected.", "Gusts of 50mph (80km/h) are expected.", False),
        ("The file is 5GB.", "The file is 3.5GB.", True),
        ("It has a 4,500mAh battery.", "Its 5,200mAh battery lasts two days.", True),
        ("It has a 6.1 inch screen.", "The 6.7in screen refreshes at 120Hz.", True),
        ("It has a 6.7 inch screen.", "The 6.7in screen refreshes at 120Hz.", False),
        ("The screen refreshes at 90Hz.", "The 6.7in screen refreshes at 120Hz.", True),
        ("The phone weighs 190g.", "The phone weighs 205g.", True),
        ("The 5G network reaches 40 towns.", "The 4G network reaches 40 towns.", False),  # names, not measures
    ],
)
def test_a_unit_glued_to_a_number_counts_it(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("The tram takes 14 minutes.", "Buses take 40 minutes to cover a distance the tram will cover in 14.", False),
        ("The tram takes 12 minutes.", "Buses take 40 minutes to cover a distance the tram will cover in 14.", True),
        ("The tram takes 14 minutes.", "Buses take 40 minutes.", True),
        ("It was tested on 5 patients.", "It was tested on two patients [2,3,4,5].", True),  # references
    ],
)
def test_a_number_of_no_known_count_may_be_the_claims_with_its_unit_left_out(
    claim: str, passage: str, disagree: bool
) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("Last winter 75% of adults had it.", "Last winter 68% of adults had it, below the target of 75%.", True),
        ("The target is 75%.", "Last winter 68% of adults had it, below the target of 75%.", False),
        ("The probe will take seven years.", "It is expected to take seven years, and stay three years.", False),
    ],
)
def test_a_target_agrees_only_with_a_target(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree


@pytest.mark.parametrize(
    ("claim", "passage", "disagree"),
    [
        ("They were three times as likely to fall ill.", "They were twice as likely to fall ill.", True),
        ("Xi has met Putin twice.", "Xi has met Putin 40 times.", True),
        ("Xi has met Putin two times.", "Xi has met Putin twice.", False),
        ("Okafor scored a hat-trick.", "Okafor scored twice for Dunmore.", True),  # a hat-trick is three
        ("Okafor scored three times.", "Okafor scored her second hat-trick of the season.", False),
    ],
)
def test_twice_is_two_times_and_a_hat_trick_three(claim: str, passage: str, disagree: bool) -> None:
    assert disagree_on_numbers(claim, passage) is disagree
