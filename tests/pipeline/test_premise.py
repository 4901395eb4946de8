"""The stance premise: which passages get their previous sentence, and the setting that picks the mode."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from service.pipeline import Pipeline
from service.pipeline.premise import claim_premises, dated, needs_context, premise
from service.pipeline.retrieve import Candidate
from service.records import ArticleInput
from service.settings import Settings

ARTICLE = (
    "Xi Jinping flew to Moscow on Monday for a three-day state visit. "
    "He met Vladimir Putin in the Kremlin on the first evening. "
    "Putin called the talks frank and useful."
)


@pytest.mark.parametrize(
    "text",
    [
        "He met Vladimir Putin in the Kremlin.",
        "“They never asked us,” an official said.",
        "This visit is his first abroad since March.",
        "The visit lasted three days.",
        "But the ministry denied any such plan.",
        "However, officials in Kyiv were not consulted.",
        "its share fell by a third, according to the report.",
        "It's unclear when talks will resume.",
        "- Revenue rose 4% to NOK 8.2 billion",  # a list item: whose revenue is in its lead-in
        "2. Operating profit fell 11%.",
        "Most of that increase is the price of steel.",  # a share of what the sentence before names
        "Half of them were children.",
    ],
)
def test_passages_that_lean_on_the_sentence_before(text: str) -> None:
    assert needs_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "Putin called the talks frank and useful.",
        "Xi's visit to Moscow lasted three days.",
        "“Chinese officials never asked us,” a diplomat said.",
        "Moscow and Beijing signed fourteen agreements.",
        "2019 was the last year of the accord.",
        "Most of the world's cobalt is mined in Congo.",
        "",
        "...",
    ],
)
def test_passages_that_stand_alone(text: str) -> None:
    assert not needs_context(text)


def _found(pipeline: Pipeline, source_id: str) -> list[Candidate]:
    """Every passage of a stored article, as retrieval would hand it to the premise builder."""
    return [Candidate(p, 1.0, 1.0, np.zeros(1, dtype=np.float32)) for p in pipeline.store.passages_of(source_id)]


def _candidates(pipeline: Pipeline) -> list[Candidate]:
    pipeline.ingest([ArticleInput("visit", ARTICLE)])
    found = _found(pipeline, "visit")
    assert len(found) == 3
    return found


def test_premise_per_mode_from_the_real_store(pipeline: Pipeline) -> None:
    first, second, third = _candidates(pipeline)
    store = pipeline.store
    joined = f"{first.passage.text} {second.passage.text}"
    assert [premise(store, second, mode) for mode in ("always", "needed", "never")] == [
        joined,
        joined,
        second.passage.text,
    ]
    assert premise(store, third, "needed") == third.passage.text
    assert premise(store, third, "always") == f"{second.passage.text} {third.passage.text}"
    assert premise(store, first, "always") == first.passage.text, "the first sentence has nothing before it"


def test_a_passage_that_names_all_the_claim_names_stands_alone(pipeline: Pipeline) -> None:
    first, second, third = _candidates(pipeline)
    store = pipeline.store
    joined = f"{first.passage.text} {second.passage.text}"
    assert premise(store, second, "needed", ["Vladimir Putin", "Kremlin"]) == second.passage.text
    assert premise(store, second, "needed", ["Xi", "Putin"]) == joined, "'He' may be the claim's Xi"
    assert premise(store, second, "always", ["Putin"]) == joined
    found = [first, second, third]
    texts = [c.passage.text for c in found]
    assert claim_premises(store, "Putin met Xi in the Kremlin.", found, "needed") == [texts[0], joined, texts[2]]
    # the last leaves out the Kremlin, which the sentence before it gives
    hosted = claim_premises(store, "Putin hosted the talks in the Kremlin.", found, "needed")
    assert hosted == [texts[0], texts[1], f"{texts[1]} {texts[2]}"]
    assert claim_premises(store, "The talks were held in the evening.", found, "needed") == [texts[0], joined, texts[2]]


def test_a_relative_date_is_followed_by_the_one_it_means() -> None:
    text = "Veltra sold 1.9 million vehicles last year, up from 1.7 million in 2023. Last month it fell."
    assert dated(text, date(2025, 2, 14)) == (
        "Veltra sold 1.9 million vehicles last year (2024), up from 1.7 million in 2023."
        " Last month (January 2025) it fell."
    )
    assert dated(text, None) == text, "an undated article's 'last year' means nothing"
    assert dated("It opened in 2019.", date(2025, 2, 14)) == "It opened in 2019."


def test_a_premise_is_dated_with_its_context_from_its_articles_day(pipeline: Pipeline) -> None:
    pipeline.ingest([ArticleInput("trip", "Xi flew to Moscow last month. He met Putin there.")])
    found = _found(pipeline, "trip")
    store = pipeline.store
    assert claim_premises(store, "Putin met Xi.", found, "needed", published={"trip": date(2023, 3, 20)}) == [
        "Xi flew to Moscow last month (February 2023).",
        "Xi flew to Moscow last month (February 2023). He met Putin there.",
    ]
    assert claim_premises(store, "Putin met Xi.", found, "needed") == [
        "Xi flew to Moscow last month.",
        "Xi flew to Moscow last month. He met Putin there.",
    ]


def test_the_model_reads_no_reference_marks(pipeline: Pipeline) -> None:
    text = "Roe was born in 1950.[2][citation needed] She said [the port] was hers.[a] It closed in 1998.[12]"
    pipeline.ingest([ArticleInput("wiki", text)])
    found = _found(pipeline, "wiki")
    assert found[0].passage.text == "Roe was born in 1950.[2][citation needed]", "the cited text keeps them"
    assert claim_premises(pipeline.store, "Roe was born in 1950.", found, "never") == [
        "Roe was born in 1950.",
        "She said [the port] was hers.",
        "It closed in 1998.",
    ]


def test_the_model_reads_life_dates_only_on_a_claim_about_birth_death_or_age(pipeline: Pipeline) -> None:
    text = "Dame Ann Lee (born 14 March 1958) is a marine biologist. She was made a Dame in 2019."
    pipeline.ingest([ArticleInput("lee", text)])
    found = _found(pipeline, "lee")
    assert found[0].passage.text.startswith("Dame Ann Lee (born 14 March 1958)"), "the cited text keeps them"
    assert claim_premises(pipeline.store, "Ann Lee was made a Dame in 2019.", found, "never")[0] == (
        "Dame Ann Lee is a marine biologist."
    )
    assert claim_premises(pipeline.store, "Ann Lee was born in 1962.", found, "never")[0] == found[0].passage.text


@pytest.mark.parametrize(
    ("raw", "mode"),
    [("needed", "needed"), ("ALWAYS", "always"), (" never ", "never"), ("true", "always"), ("0", "never")],
)
def test_stance_context_setting_accepts_modes_and_its_old_booleans(raw: str, mode: str) -> None:
    assert Settings.from_env({"CLAIMSCOPE_STANCE_CONTEXT": raw}, data_dir="x").stance_context == mode


def test_stance_context_setting_rejects_other_values() -> None:
    assert Settings(data_dir="x").stance_context == "needed"
    with pytest.raises(ValueError, match="CLAIMSCOPE_STANCE_CONTEXT='sometimes' is not one of always, needed"):
        Settings.from_env({"CLAIMSCOPE_STANCE_CONTEXT": "sometimes"}, data_dir="x")


@pytest.mark.parametrize(
    ("raw", "mode"),
    [
        ("numbers", "numbers"),
        (" Dates ", "dates"),
        (" YEARS ", "dates"),
        ("all", "all"),
        ("true", "all"),
        ("off", "none"),
        ("negation", "negation"),
        ("dates, numbers", "numbers,dates"),
        ("direction,numbers", "numbers,direction"),
        ("years,numbers,NEGATION", "numbers,dates,negation"),
        ("years,numbers,direction,NEGATION", "numbers,dates,direction,negation"),
        ("roles, direction", "direction,roles"),
        ("years,numbers,direction,roles,NEGATION", "numbers,dates,direction,roles,negation"),
        ("years,numbers,direction,roles,places,NEGATION", "all"),
    ],
)
def test_consistency_adjust_setting_accepts_modes_and_its_old_booleans(raw: str, mode: str) -> None:
    assert Settings.from_env({"CLAIMSCOPE_CONSISTENCY_ADJUST": raw}, data_dir="x").consistency_adjust == mode
    with pytest.raises(
        ValueError,
        match="CONSISTENCY_ADJUST='days' is not one of none, all, numbers, dates, direction, roles, places, negation",
    ):
        Settings.from_env({"CLAIMSCOPE_CONSISTENCY_ADJUST": "days"}, data_dir="x")


def test_a_list_item_is_read_with_the_sentence_its_list_follows(pipeline: Pipeline) -> None:
    text = (
        "Norvik Telecom reported results for the third quarter of 2026.\n"
        "Highlights\n"
        "- Revenue rose 4% to NOK 8.2 billion\n"
        "- Operating profit fell 11% to NOK 1.1 billion\n"
        "- Mobile subscribers grew by 62,000\n"
    )
    pipeline.ingest([ArticleInput("results", text)])
    found = _found(pipeline, "results")
    lead, *items = [c.passage.text for c in found]
    assert lead == "Norvik Telecom reported results for the third quarter of 2026."
    assert len(items) == 3, "the one-word heading is not a passage"
    premises = claim_premises(pipeline.store, "Norvik's revenue rose 4%.", found, "needed")
    assert premises == [lead, *(f"{lead} {item}" for item in items)]
    assert pipeline.store.sentences_before(found[3].passage, 2) == [items[1], items[0]]


def test_the_model_reads_a_share_in_words_with_its_percentage(pipeline: Pipeline) -> None:
    text = "Care takes two-fifths of the budget. Schools take a quarter. She won a third term."
    pipeline.ingest([ArticleInput("budget", text)])
    found = _found(pipeline, "budget")
    assert found[0].passage.text == "Care takes two-fifths of the budget.", "the cited text keeps its words"
    assert claim_premises(pipeline.store, "Care takes 40% of the budget.", found, "never") == [
        "Care takes two-fifths (40%) of the budget.",
        "Schools take a quarter (25%).",
        "She won a third term.",
    ]


BREACH = "Hackers accessed customers' names and addresses. Full card numbers were not taken. Halvard said sorry."


@pytest.mark.parametrize(
    ("headline", "claim", "lent"),
    [
        ("Halvard fined £4.2m over data breach", "Hackers accessed Halvard customers' addresses.", True),
        # a headline that gives the claim another figure would lend it to every sentence
        ("Halvard fined £4.2m over data breach", "Halvard was fined £6m after hackers took addresses.", False),
        # nor is a question lent, nor a headline without the name the sentence leaves out
        ("Was Halvard hacked?", "Hackers accessed Halvard customers' addresses.", False),
        ("Retailer fined over data breach", "Hackers accessed Halvard customers' addresses.", False),
    ],
)
def test_a_sentence_without_the_claims_name_is_read_after_the_headline_that_gives_it(
    pipeline: Pipeline, headline: str, claim: str, lent: bool
) -> None:
    pipeline.ingest([ArticleInput("breach", BREACH, title=headline)])
    found = _found(pipeline, "breach")
    texts = [c.passage.text for c in found]
    *unnamed, named = texts
    after = [f"{headline}. {text}" for text in unnamed] if lent else unnamed
    assert claim_premises(pipeline.store, claim, found, "needed") == [*after, named], "it names Halvard itself"
    assert claim_premises(pipeline.store, claim, found, "never") == texts


def test_a_sentence_and_the_one_before_it_are_read_after_the_headline_when_neither_names_the_claims(
    pipeline: Pipeline,
) -> None:
    text = "It is his first win in a stage race. He finished fifth last year."
    pipeline.ingest([ArticleInput("race", text, title="Okoro wins Tour of the Downs")])
    found = _found(pipeline, "race")
    claim = "Okoro finished fifth in the Tour of the Downs last year."
    assert claim_premises(pipeline.store, claim, found, "needed")[1] == f"Okoro wins Tour of the Downs. {text}"
    assert claim_premises(pipeline.store, claim, found, "always")[1] == text, "'always' reads the sentence before only"


def test_without_a_headline_that_names_it_the_nearest_sentence_before_that_does_is_read_first(
    pipeline: Pipeline,
) -> None:
    text = "Halvard was fined £4.2m on Tuesday. Hackers accessed customers' addresses. Card numbers were not taken."
    pipeline.ingest([ArticleInput("fine", text, title="Retailer fined over data breach")])
    found = _found(pipeline, "fine")
    first, second, third = (c.passage.text for c in found)
    claim = "Hackers accessed Halvard customers' addresses."
    assert claim_premises(pipeline.store, claim, found, "needed") == [first, f"{first} {second}", f"{first} {third}"]
    # ... unless it gives the claim another figure, which it would lend to every sentence after it
    other = "Halvard was fined £6m after hackers accessed customers' addresses."
    assert claim_premises(pipeline.store, other, found, "needed") == [first, second, third]


def test_the_model_reads_the_claims_names_in_full_where_a_passage_shortens_them(pipeline: Pipeline) -> None:
    text = (
        "Norvane Pharma said the drug was approved. Norvane's chief executive, Helen Marsh, was pleased. "
        "Shares in Norvane rose 6%. Kestrel Norvane, a patient, said it helped."
    )
    pipeline.ingest([ArticleInput("drug", text)])
    found = _found(pipeline, "drug")
    assert found[1].passage.text.startswith("Norvane's chief executive"), "the cited text keeps its words"
    claim = "Helen Marsh is the chief executive of Norvane Pharma."
    assert claim_premises(pipeline.store, claim, found, "never") == [
        "Norvane Pharma said the drug was approved.",
        "Norvane Pharma's chief executive, Helen Marsh, was pleased.",
        "Shares in Norvane rose 6%.",  # the short form as a possessive only
        "Kestrel Norvane, a patient, said it helped.",
    ]


def test_a_passage_whose_headline_names_the_claims_subject_is_about_it(pipeline: Pipeline) -> None:
    """News names the company once: "Revenue rose 18%" under a headline naming Skylark Air is not
    about another subject (no missing-name floor), and the report says what the model read it as."""
    text = (
        "Skylark Air has reported a pre-tax loss of £41 million for the six months to June, down from a loss of"
        " £96 million a year earlier. Revenue rose 18% to £1.06 billion, helped by higher fares."
    )
    pipeline.ingest([ArticleInput("airline", text, title="Skylark Air narrows loss as passenger numbers climb")])
    report = pipeline.verify("Skylark Air's revenue fell in the six months to June.")
    [source] = report["sources"]
    revenue = next(p for p in source["passages"] if p["text"].startswith("Revenue"))
    assert revenue["read_as"] == f"Skylark Air narrows loss as passenger numbers climb. {revenue['text']}"
    assert revenue["reasons"][:2] == ["direction mismatch: claim fell, passage rose", "not in passage: Skylark Air"]
    assert not any("for a passage about another subject" in reason for reason in revenue["reasons"])
    loss = next(p for p in source["passages"] if p["text"].startswith("Skylark"))
    assert loss["read_as"] == loss["text"]
