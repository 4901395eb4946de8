import pytest

from service.pipeline import Pipeline
from service.pipeline.conditions import supposes_only
from service.records import ArticleInput
from tests.conftest import cited_passages


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The next launch attempt will be on Tuesday.",
            "If the launch attempt goes ahead on Tuesday, images will follow in March.",
        ),
        ("The vaccine was approved in March.", "If the vaccine is approved in March, the rollout will start in April."),
        ("The strike was called off.", "Unless the strike is called off by Friday, trains will not run on Monday."),
        ("The council approves the budget.", "Provided that the council approves the budget, work starts in May."),
        ("The bridge reopens in spring.", "Even if the bridge reopens in spring, traffic will stay heavy."),
    ],
)
def test_a_claim_that_only_the_condition_says(claim: str, passage: str) -> None:
    assert supposes_only(claim, passage)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim is what follows: the main clause says it, hedged
        ("The rollout will start in April.", "If the vaccine is approved in March, the rollout will start in April."),
        # the condition repeats one of the claim's words only
        ("The launch was first planned for September.", "If the launch goes ahead on Tuesday, images follow in March."),
        # no condition: the sentence says what it says
        ("The vaccine was approved in March.", "The vaccine was approved in March, the regulator said."),
        # "if" in the middle of a sentence asks a question ("asked if") or is read as it stands
        ("The vaccine was approved in March.", "Officials asked if the vaccine was approved in March."),
        # a claim that is a condition itself may meet one
        ("If the vaccine is approved, the rollout starts.", "If the vaccine is approved, the rollout starts in April."),
    ],
)
def test_a_passage_that_asserts_what_the_claim_says(claim: str, passage: str) -> None:
    assert not supposes_only(claim, passage)


def test_a_condition_takes_no_side_on_a_claim_it_only_supposes(pipeline: Pipeline) -> None:
    text = (
        "The launch of the Corvid-3 satellite was called off on Friday after a fault was found. "
        "The next attempt will be made no earlier than Tuesday 1 December. "
        "If the launch goes ahead on Tuesday, Corvid-3 is expected to send its first images in March."
    )
    pipeline.ingest([ArticleInput("launch", text)])
    report = pipeline.verify("The next attempt to launch Corvid-3 will be on Tuesday 1 December.")
    cited = cited_passages(report)
    supposed = cited["If the launch goes ahead on Tuesday, Corvid-3 is expected to send its first images in March."]
    assert supposed["stance"] == "neutral"
    assert supposed["reasons"][-1] == "asserts nothing: only a condition of what it says"
    bound = cited["The next attempt will be made no earlier than Tuesday 1 December."]
    assert not any(why.startswith("negated in passage") for why in bound["reasons"]), "a bound is no denial"
