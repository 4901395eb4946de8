"""Figures: a passage that gives the claim's own figures, and the contradictions of its source that
give other ones."""

from __future__ import annotations

import re

import numpy as np
import pytest

from service.pipeline import Pipeline
from service.pipeline.aggregate import SourceStance, Thresholds, source_stance
from service.pipeline.embed import Embedder
from service.pipeline.figures import claim_figures, gives_figures
from service.pipeline.stance import NoStanceModel
from service.pipeline.verify import gives_claims_figures
from service.records import ArticleInput
from service.settings import Settings


@pytest.mark.parametrize(
    ("claim", "passage", "given"),
    [
        ("The next census is due in 2031.", "The next census is due in 2031.", True),
        ("The next census is due in 2031.", "The last census, in 2019, counted 180 colonies.", False),
        # each figure of the claim, each as the claim reads it: a bound allows what lies in it
        ("The trial enrolled more than 8,000 adults.", "The trial enrolled 8,412 adults at 190 sites.", True),
        ("The trial enrolled 8,000 adults in 2024.", "The trial enrolled 8,000 adults in 2023.", False),
        ("The vase was expected to fetch £300,000 to £500,000.", "It was expected to fetch £300,000-£500,000.", True),
        # a number no word says what it counts of gives the claim's when it is the same number
        ("The city has 171,000 households.", "The number of households rose to 171,000, and prices fell.", True),
        ("The city has 171,000 households.", "The number of households rose to 170,000, and prices fell.", False),
        # a clock time allows an hour either side, as the checker reads it
        ("They called for help at 18:30 on Saturday.", "The group called for help at about 18:30.", True),
        ("They called for help at 18:30 on Saturday.", "The walkers were found at about 06:40.", False),
        # a plain number only as itself, not one that rounds to it
        ("The bank raised rates to 5%.", "The bank raised its rate to 4.75%.", False),
        # a number of another thing is not the claim's
        ("The union wants 8%.", "Nurses were offered 8 days of leave.", False),
        # nor one of an earlier event, unless the claim dates it so
        ("A quake of magnitude 7.1 hit.", "It was the worst since 1998, when a magnitude 7.1 quake hit.", False),
        ("The 1998 quake was magnitude 7.1.", "It was the worst since 1998, when a magnitude 7.1 quake hit.", True),
        # a date that gives a day, as the date checker reads it; a month alone is no figure
        ("The cubs were born on 14 October.", "The cubs were born on 14 October to mother Meili.", True),
        ("The cubs were born on 14 October.", "The cubs were born on 4 October to mother Meili.", False),
        ("The cubs were born on 14 October.", "Twin cubs have been born at the zoo, the first for 11 years.", False),
        # a place
        ("Ashford is 23rd in the guide.", "Ashford fell out of the top 20, dropping six places to 23rd.", True),
        ("Ashford is 23rd in the guide.", "Ashford University falls out of top 20 in national rankings", False),
    ],
)
def test_a_passage_gives_the_claims_figures_as_the_claim_reads_them(claim: str, passage: str, given: bool) -> None:
    claimed = claim_figures(claim)
    assert claimed is not None
    assert gives_figures(claimed, passage) is given


@pytest.mark.parametrize(
    "claim",
    [
        "Turnout was below the 50% legal threshold.",  # a reference, which the other side gives too
        "Police numbers are above their 2010 level.",
        "The census is carried out by volunteers.",  # no figure at all
        "The census was carried out in October.",  # a month alone: many events of an article share one
        "The second runway will be built to the north.",  # an ordinal before a noun says which one
    ],
)
def test_a_claim_without_a_figure_of_its_own_has_none_to_give(claim: str) -> None:
    assert claim_figures(claim) is None


def test_a_passage_that_denies_what_it_says_of_the_figures_does_not_give_them() -> None:
    claimed = claim_figures("The lake froze over in 2023.")
    passage = "It did not freeze at all in the winters of 2020 and 2023."
    assert gives_claims_figures(claimed, passage, [])
    assert not gives_claims_figures(claimed, passage, ['negated in passage: "not freeze at all"'])
    assert not gives_claims_figures(None, passage, [])


T = Thresholds.of(Settings())
SUPPORT, CONTRADICTION = np.array([0.7, 0.2, 0.1]), np.array([0.05, 0.05, 0.9])


def test_a_support_with_the_claims_figures_leaves_out_contradictions_without_them() -> None:
    rows, similarities, explained = [SUPPORT, CONTRADICTION], [0.5, 0.8], [False, True]
    assert source_stance(rows, T, similarities, explained) == SourceStance("contradicts", 0.9)
    assert source_stance(rows, T, similarities, explained, [True, False]) == SourceStance("supports", 0.7)
    # ... not one that gives them too, nor any when the support does not give them
    assert source_stance(rows, T, similarities, explained, [True, True]) == SourceStance("contradicts", 0.9)
    assert source_stance(rows, T, similarities, explained, [False, False]) == SourceStance("contradicts", 0.9)
    assert source_stance(rows, T, similarities, explained, [False, True]) == SourceStance("contradicts", 0.9)


class EntailsOnlyTheClaimsYears(NoStanceModel):
    """Entailment for a passage that gives the claim's years, contradiction for every other: the
    shipped model reads many of an article's sentences as contradicting a claim of one of them."""

    name = "test-entails-only-the-claims-years"

    def predict(self, pairs):  # type: ignore[no-untyped-def]
        def row(premise: str, claim: str) -> list[float]:
            years = set(re.findall(r"\b(?:19|20)\d\d\b", claim))
            return [0.7, 0.2, 0.1] if years and all(year in premise for year in years) else [0.05, 0.05, 0.9]

        return np.array([row(premise, claim) for premise, claim in pairs], dtype=np.float32).reshape(-1, 3)


CENSUS = (
    "Grey seals were found at 212 beaches in this year's census, up from 180 in the previous census in 2019. "
    "The census is carried out every five years by about 400 volunteers. The next census is due in 2031."
)


def test_an_article_that_gives_the_claims_year_supports_it_over_its_other_sentences(
    settings: Settings, embedder: Embedder
) -> None:
    lent = Pipeline(settings, embedder=embedder, stance_model=EntailsOnlyTheClaimsYears())
    try:
        lent.ingest([ArticleInput("census", CENSUS)])
        report = lent.verify("The next grey seal census is due in 2031.")
    finally:
        lent.close()
    (source,) = report["sources"]
    assert report["verdict"] == "supported" and source["stance"] == "supports"
    stances = {p["text"]: p["stance"] for p in source["passages"]}
    assert stances["The next census is due in 2031."] == "supports"
    assert "contradicts" in stances.values()  # the other sentences still show what the model read
