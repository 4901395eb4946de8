"""The direction check: a passage that says the claim's subject went, or was judged, the other way."""

from __future__ import annotations

import pytest

from service.pipeline.direction import opposed


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        ("Inflation rose in October.", "Annual inflation fell to 3.2% in October.", ("rose", "fell")),
        ("Inflation rose in October.", "The bank said inflation was falling too slowly.", ("rose", "falling")),
        (
            "Orbix's profit rose in the first quarter.",
            "It cut jobs after its quarterly profit fell 35%.",
            ("rose", "fell"),
        ),
        ("Exports decreased last year.", "Exports increased by a fifth last year.", ("decreased", "increased")),
        # so many times over, or by half
        ("Bird numbers have doubled since 1980.", "Bird numbers have halved since 1980.", ("doubled", "halved")),
        # a plan or a forecast said plainly, against another
        ("Fares will fall next year.", "Fares will rise by 4% next year.", ("fall", "rise")),
        ("The council will halve its spending on parks.", "Spending on parks would be doubled.", ("halve", "doubled")),
        ("The company halved its workforce.", "The company tripled its workforce in a decade.", ("halved", "tripled")),
        (
            "Walking daily doubles the risk of a second heart attack.",
            "Daily walking halves risk of second heart attack, study finds",
            ("doubles", "halves"),
        ),
        # the verbs need not be a pair: any word of one direction opposes any of the other
        ("Wheat prices soared in March.", "Wheat prices dropped sharply in March.", ("soared", "dropped")),
        # a verb with an object: what moved follows it
        ("The central bank cut interest rates.", "Interest rates were raised again.", ("cut", "raised")),
        ("Interest rates were cut in June.", "In June the bank raised interest rates.", ("cut", "raised")),
        # the same object, with subjects that differ in words
        (
            "Mice lacking Sirt1 have decreased susceptibility to diet-induced obesity.",
            "Mutant mice have increased susceptibility to diet-induced obesity.",
            ("decreased", "increased"),
        ),
        # an adjective: the subject is before it, or what it describes follows it
        ("Turnout was a record high.", "Turnout was 68%, the lowest on record.", ("high", "lowest")),
        ("The city has the highest crime rate.", "It has the lowest crime rate in the region.", ("highest", "lowest")),
        # a verdict, and a comma inside the subject's clause
        (
            "Oskar Lind was convicted of corruption.",
            "The former mayor, Oskar Lind, was acquitted of all charges.",
            ("convicted", "acquitted"),
        ),
        # a negated verdict is the other verdict
        ("Oskar Lind was convicted.", "A jury found Lind not guilty of bribery.", ("convicted", "guilty")),
        (
            "Erik Sand was acquitted of fraud.",
            "His co-defendant, Erik Sand, was convicted of fraud.",
            ("acquitted", "convicted"),
        ),
        ("Ruth Amos was convicted of theft.", "Ruth Amos, 41, was cleared of theft.", ("convicted", "cleared")),
        # what a verb moves is its object, or its subject when it is passive
        ("Bus fares fell in May.", "The operator raised bus fares in May.", ("fell", "raised")),
        ("Bus fares rose in May.", "Bus fares were cut in May.", ("rose", "cut")),
        # a change after a figure's comma is said of what the figure is of, however far back it is named
        (
            "Quarterly profit rose.",
            "The group made a profit of 80 million dollars in the quarter, down from 95 million.",
            ("rose", "down"),
        ),
        (
            "The party's share of the vote fell.",
            "The party held the seat with 42% of the vote, up from 38%.",
            ("fell", "up"),
        ),
        # the figure is the clause's last number
        (
            "Exports fell last year.",
            "In 12 months the company's exports reached 3 billion euros, up from 2 billion.",
            ("fell", "up"),
        ),
        # the figure's clause ends at the comma after a year, which belongs to the sentence
        ("Sales fell in 2019.", "Sales were 5 million in 2019, up from 4 million.", ("fell", "up")),
        ("Prices fell last year.", "Prices were up 3% last year.", ("fell", "up")),
        # "unchanged" opposes both directions, and says it of what stands before it
        (
            "Exports rose last year.",
            "Exports were 2.3 billion euros last year, unchanged from 2022.",
            ("rose", "unchanged"),
        ),
        ("The central bank raised rates.", "The central bank left rates unchanged.", ("raised", "unchanged")),
        ("Rates were left unchanged.", "The bank raised interest rates to 5%.", ("unchanged", "raised")),
        # a headline's "to" and a direction word is a plan, as "will" is
        ("The energy price cap will rise in January.", "Energy price cap to fall by 3% in January", ("rise", "fall")),
        # what a verb after a relative clause between commas is said of stands before the clause
        (
            "Fares in Scotland will rise by 4.6% in March.",
            "Fares in Scotland, which are set by the Scottish government, will fall in March.",
            ("rise", "fall"),
        ),
        ("Orbix shares rose.", "Orbix shares, which were listed in 2010, fell 5%.", ("rose", "fell")),
        # ... and before a participle's aside
        ("Orbix shares rose.", "Orbix shares, listed in 2010, fell 5%.", ("rose", "fell")),
        (
            "First-half profit rose 12%.",
            "Profit for the first half, reported in August, was £96m, down 12% from £109m.",
            ("rose", "down"),
        ),
        # a direction word as a noun: what rose or fell follows "in"
        (
            "Tarrow's half-year profit fell.",
            "Tarrow's, the fourth-largest grocer, reported a 12% rise in half-year profit on Wednesday.",
            ("fell", "rise"),
        ),
        ("Sales rose.", "The company reported a sharp fall in sales.", ("rose", "fall")),
        # who won or lost what: the same object, subjects in common or not
        (
            "Hartwell Homes won its first challenge in the High Court.",
            "The company had lost its first challenge in the High Court last year.",
            ("won", "lost"),
        ),
        ("Rovers won the derby.", "Rovers lost the derby 2-1.", ("won", "lost")),
        # a decision, and its object as the other's passive subject
        ("The Court of Appeal upheld the housing ban.", "Appeals court overturns housing ban", ("upheld", "overturns")),
        ("The court upheld the ban.", "The ban was quashed by the court.", ("upheld", "quashed")),
        ("Parliament approved the budget.", "Parliament rejected the budget.", ("approved", "rejected")),
        # a decision in a relative clause is said of what comes before "which"
        (
            "The government rejected the closure of the maternity unit.",
            "Voters were angry over the closure of Halden hospital's maternity unit, which the government approved.",
            ("rejected", "approved"),
        ),
        # verbs of two words, shown as written, and an object of three letters
        (
            "The Supreme Court upheld the law.",
            "The Supreme Court struck down the law on Monday.",
            ("upheld", "struck down"),
        ),
        ("Parliament approved the budget.", "Parliament voted down the budget.", ("approved", "voted down")),
        ("City won the cup.", "City lost the cup final.", ("won", "lost")),
        # size, said of what follows the adjective or of the subject
        ("Castellano died after a long illness.", "He died on Tuesday after a short illness.", ("long", "short")),
        ("Lake Orvanne is the largest lake.", "Lake Orvanne is the smallest lake.", ("largest", "smallest")),
        ("The dog has small ears.", "A dog with big ears holds a ball.", ("small", "big")),
        # a place named after the subject is not the subject
        (
            "Average household size in Marlow County rose.",
            "The average household size fell from 2.4 people to 2.3.",
            ("rose", "fell"),
        ),
        (
            "The number of children under 16 in Marlow County rose.",
            "The number of people aged 65 and over rose by 21%, while the number of children under 16 fell by 3%.",
            ("rose", "fell"),
        ),
        (
            "Tromvik airport reopened on Monday.",
            "Airports in Tromvik and Nordby were closed on Monday and are expected to stay shut.",
            ("reopened", "closed"),
        ),
        # a fall in the number of what
        (
            "The number of international students has risen since 2023.",
            "The university blamed a 35% fall in the number of international students since 2023.",
            ("risen", "fall"),
        ),
        # the other measures' comparatives and superlatives, said of what follows them too
        (
            "It has been the wettest autumn in the region for 40 years.",
            "The ban follows the driest autumn in the region for 40 years.",
            ("wettest", "driest"),
        ),
        ("July was the hottest month on record.", "July was the coldest month on record.", ("hottest", "coldest")),
        ("Harbour Street is the busiest station.", "Harbour Street is the quietest station.", ("busiest", "quietest")),
        ("The museum will be open on Mondays.", "The museum will be closed on Mondays.", ("open", "closed")),
        ("The wind will strengthen on Wednesday.", "The wind will ease on Wednesday.", ("strengthen", "ease")),
        # two passive decisions of one subject
        ("The opposition amendment was approved.", "But their amendment was defeated.", ("approved", "defeated")),
        # a figure's own noun says what moved: "340 vacant nursing posts, down from 410"
        (
            "The number of vacant nursing posts at Castlemere Health Trust has risen since January.",
            "The trust has 340 vacant nursing posts, down from 410 in January.",
            ("risen", "down"),
        ),
        # a named place's event after the subject is not the subject
        (
            "Turnout in the Ferndale by-election was higher than at the general election.",
            "Turnout was 41.3%, down from 67.9% at the general election two years ago.",
            ("higher", "down"),
        ),
        ("Maths is the most popular subject.", "Maths is the least popular subject.", ("most", "least")),
        (
            "Historians had believed the wreck lay farther from the shore.",
            "Historians had believed the wreck lay much closer to the shore.",
            ("farther", "closer"),
        ),
        # a figure ties a move to the claim's where the passage moves two things the two ways
        (
            "Recorded crime rose by 5%.",
            "Total recorded crime fell 5%, while recorded violent crime rose 8%.",
            ("rose", "fell"),
        ),
        (
            "Recorded violent crime fell by 8%.",
            "Total recorded crime fell 5%, while recorded violent crime rose 8%.",
            ("fell", "rose"),
        ),
        # what was decided, described at more length; a decision by the same doer
        (
            "The energy secretary has rejected the Carrow Moor wind farm.",
            "The energy secretary has approved a 14-turbine wind farm on Carrow Moor, overruling the local council, "
            "which rejected the plans in 2024.",
            ("rejected", "approved"),
        ),
        (
            "The local council approved the Carrow Moor wind farm plans in 2024.",
            "The energy secretary has approved a 14-turbine wind farm on Carrow Moor, overruling the local council, "
            "which rejected the plans in 2024.",
            ("approved", "rejected"),
        ),
        # held where it is, against moved
        (
            "Rachel Amadi has promised to raise bus fares in Westbury.",
            "She has promised to freeze bus fares for two years.",
            ("raise", "freeze"),
        ),
        ("Bus fares rose last year.", "Bus fares were frozen last year.", ("rose", "frozen")),
        # a loss that widened or narrowed, and a figure named before it moved from
        (
            "Skylark Air's half-year loss widened.",
            "Skylark Air has reported a pre-tax loss of £41 million, down from a loss of £96 million a year earlier.",
            ("widened", "down"),
        ),
        (
            "Skylark Air's half-year loss widened.",
            "Skylark Air narrows loss as passenger numbers climb",
            ("widened", "narrows"),
        ),
        # a verb of two words that moves its object; a subject's head before its infinitive
        (
            "Parking charges in Harlow Vale town centre will fall by 20p an hour.",
            "The council will also put up parking charges in the town centre by 20p an hour.",
            ("fall", "put up"),
        ),
        (
            "The opposition amendment to keep the borough's libraries open was approved.",
            "Councillors proposed keeping libraries open with £2m of reserves, but the amendment was rejected.",
            ("approved", "rejected"),
        ),
        # above and below a reference
        (
            "Persistent absence at the academy was below the national rate last year.",
            "Nearly one in five pupils was persistently absent last year, well above the national rate.",
            ("below", "above"),
        ),
    ],
)
def test_opposed_finds_the_other_direction_said_of_the_claims_subject(
    claim: str, passage: str, expected: tuple[str, str]
) -> None:
    assert opposed(claim, passage) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the same direction
        ("Inflation rose in October.", "Inflation rose to 4% in October."),
        # a bound or a share is no superlative; a superlative of another object
        ("Kestrel sold the most phones.", "Kestrel sold at least 4 million phones."),
        ("Most of the shops are in the north.", "The least busy shops are in the north."),
        ("Maths is the most popular subject.", "Maths had the fewest failures."),
        # what someone aims to keep open is not open
        ("The plant will shut in 2027.", "The union said it would fight to keep the plant open."),
        # another subject fell
        ("Revenue rose in the first quarter.", "Profit fell 35% in the first quarter."),
        ("Profit rose.", "Revenue fell, while profit rose."),
        ("Sales rose 5% in 2019.", "Sales fell 5% in 2020 and sales rose 5% in 2019."),  # both figures tie
        # the claim's figure ties it to a move whose subject is left out ("Labour's [share] fell")
        (
            "Labour's share of the vote fell to 29%.",
            "The Greens' share of the vote rose by 12 points to 41%, while Labour's fell by eight points to 29%.",
        ),
        # a subject in an earlier clause is not the direction word's
        ("Sleep quality declined.", "People lost sleep, and an increase in screen time followed."),
        # a negated or forecast change says nothing of what happened
        ("Inflation rose in October.", "Inflation did not fall in October."),
        ("Inflation rose in October.", "Inflation couldn't fall further in October."),
        ("The bank raised rates.", "The bank refused to cut rates."),
        ("Oskar Lind was convicted.", "Oskar Lind denied being guilty."),
        ("Inflation rose in October.", "Inflation is expected to fall next year."),
        ("Inflation will fall next year.", "Inflation rose in October."),
        ("Inflation fell in October.", "Inflation will rise next year."),
        ("Inflation will fall next year.", "Inflation could rise next year."),
        ("Inflation could fall next year.", "Inflation could rise next year."),
        # the passage says both of the subject: the model decides
        ("Prices rose this year.", "Prices fell in spring, but prices rose over the year."),
        # a capital inside a sentence makes a name, not a direction
        ("Derrick fell in the game.", "Derrick Rose played in the game."),
        # words of a family that say no direction here
        ("She attended a high school in Ohio.", "She attended a lower school in Ohio."),
        ("The band toured in the fall of 2019.", "The band's sales rose in 2019."),
        # the same object, said of two different subjects
        ("Pence cut taxes in Indiana.", "As governor, Reagan raised taxes."),
        ("Body fat decreases the risk of dementia.", "Smoking carries an increased risk of early death."),
        # a verb that moves its object says nothing of what its subject's name is said of
        ("Inflation in Kessaria rose in May.", "The Bank of Kessaria cut its main rate to 3%."),
        # an acquitted co-defendant says nothing of the one convicted
        ("Erik Sand was convicted of fraud.", "His co-defendant, Oskar Lind, was acquitted."),
        # "up" and "down" say a direction only before a figure
        ("Prices fell.", "Prices were set up by the regulator."),
        ("The mayor's popularity rose.", "The mayor stepped down in May."),
        # a figure of another thing went down; what stays unchanged is another thing
        ("Revenue rose in the quarter.", "Profit was 80 million dollars in the quarter, down from 95 million."),
        ("The bank raised rates.", "The bank left its forecast unchanged."),
        # a plan is not set against what was
        ("Rail fares fell last year.", "Rail fares to rise by 4.6% in March"),
        # ... or said of the relative clause's own subject, or of what the clause is about
        ("Orbix shares rose.", "The index, which tracks Orbix shares, fell 5%."),
        ("Fares will rise.", "The ferry, which sails at noon, will be cut."),
        # a rise in another thing, or in a month
        ("Profit rose.", "The rise in costs hit profit."),
        ("March exports fell.", "The bank reported a rise in March."),
        # what was won or lost, or decided on, is another thing
        ("Rovers won the derby.", "Rovers lost their captain to injury."),
        ("Parliament approved the budget.", "Parliament rejected an amendment to the budget."),
        ("The court upheld the ban.", "The court dismissed the appeal."),
        ("The court upheld the ban.", "The court struck down the law."),
        ("The council approved the plan.", "The mayor, which the council rejected in May, was revived."),
        ("City won the cup.", "City lost the game."),
        # someone else lost it; who lost to whom is who won
        ("Smith won the election.", "Jones lost the election."),
        ("The Lakers lost to the Celtics.", "The season ended with the Boston Celtics winning the title."),
        # size words that say no size, and the size of how many of something
        ("The bridge took a long time to build.", "The bridge was built in short order, as long as it was needed."),
        ("A small number of voters backed the plan.", "A large number of protesters gathered outside."),
        ("The short-term loan was repaid.", "The long-term loan was repaid."),
        ("He stayed for a long time.", "He no longer stays there for a long time."),
        ("The suspect is at large.", "The suspect fell short of a small bail."),
        # "opened" or "closed" with an object says nothing of its subject's opening
        ("Police opened an investigation.", "Police closed the road."),
        ("The Harlow Bridge was closed for 18 months.", "Harlow Bridge reopens to traffic after 18-month repair"),
        ("The museum reopened in May.", "The museum closed-door meeting was held."),
        # another series of one thing
        ("Services inflation was unchanged at 4.6%.", "Annual inflation fell to 2.9%."),
        # the same: held where it was, a loss narrowed
        ("The council froze council tax.", "The council has frozen council tax again."),
        ("Skylark Air's loss narrowed.", "Skylark Air reported a loss of £41m, down from a loss of £96m."),
        # above or below something that is no reference
        ("House prices rose.", "The flat above the shop was sold."),
        ("Inflation rose.", "Inflation is below 3% and above 2%."),
    ],
)
def test_opposed_leaves_passages_that_do_not_turn_the_claim_around(claim: str, passage: str) -> None:
    assert opposed(claim, passage) is None
