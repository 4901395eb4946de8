"""When a passage names what a claim names: other forms of a word, whole words, roles, headlines."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.names import PassageWords, claim_names


def test_claim_names_split_at_titles_and_possessives_and_keep_each_role() -> None:
    names = claim_names("Spain's Prime Minister Ana Ruiz met the club's coach, Jan Vos, on Jan. 4 in Lyon.")
    assert names == {"Spain": "", "Ana Ruiz": "prime minister", "Jan Vos": "coach", "Lyon": ""}


def test_a_word_that_qualifies_an_office_is_part_of_a_name_when_no_office_follows() -> None:
    names = claim_names("He sold First Data to Health Canada, said Vice President Tom Vidal.")
    assert names == {"First Data": "", "Health Canada": "", "Tom Vidal": "vice president"}


@pytest.mark.parametrize(
    ("passage", "name", "named"),
    [
        ("Talks with Ukrainian officials.", "Ukraine", True),
        ("Talks with Ukraine.", "Ukrainians", True),
        ("He took a taxi.", "Xi", False),
        ("He spoke to the Dutch.", "Netherlands", True),
        ("He spoke to the Danish envoy.", "Denmark", True),
        ("The Australian side won.", "Austria", False),
        ("They told us about the sanctions.", "US", False),
        ("U.S. officials announced sanctions.", "US", True),
        ("Nato sent jets.", "NATO", True),
        ("They told us about the sanctions.", "United States", False),
        ("The US announced sanctions.", "United States", True),
    ],
)
def test_passage_words_mention(passage: str, name: str, named: bool) -> None:
    assert PassageWords.of(passage).mention(name) is named


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The envoy met Ukraine's president.", "The envoy met the Ukrainian president."),
        ("The French minister resigned.", "A minister of France resigned."),
        ("The talks with Zelensky ended.", "The talks with Zelenskyy ended."),
        ("The vote went to Fernández.", "Fernandez won the vote."),
        ("The United States sent troops.", "American troops arrived."),
        ("Aid reached the Saudi Arabia border.", "Aid reached the border, Saudis said."),
        ("The team of Kevin Durant won.", "Durant's team won."),
    ],
)
def test_a_name_in_another_form_is_not_missing(claim: str, passage: str) -> None:
    assert reasons(claim, passage) == []


@pytest.mark.parametrize(
    ("claim", "passage", "missing"),
    [
        ("The mayor met Xi.", "The mayor took a taxi.", "Xi"),
        ("The match went to Austria.", "The Australian side won the match.", "Austria"),
        ("Anna Berg is Finnish.", "Berg is an English keyboard player.", "Finnish"),
        ("NATO sent jets.", "The alliance sent jets.", "NATO"),
    ],
)
def test_a_name_is_matched_by_whole_words(claim: str, passage: str, missing: str) -> None:
    assert reasons(claim, passage) == [f"not in passage: {missing}"]


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Norway's foreign minister Ola Berg visited Oslo.",
            "Norway's foreign minister, Kari Lund, visited Oslo.",
            "different person in the same role: claim Ola Berg, passage Kari Lund (foreign minister)",
        ),
        (
            "Talks were chaired by Vice President Ana Ruiz.",
            "Talks were chaired by Vice President Tomas Vidal.",
            "different person in the same role: claim Ana Ruiz, passage Tomas Vidal (vice president)",
        ),
        ("The club's coach Jan Vos resigned.", "The club's manager Piet Smit resigned.", "not in passage: Jan Vos"),
        (
            "Peruvian President Ana Ruiz opened the summit.",
            "Chilean President Tomas Vidal opened the summit in Lima.",
            "not in passage: Ana Ruiz, Peruvian",
        ),
        (
            "Peruvian President Ana Ruiz opened the summit.",
            "Peruvian President Tomas Vidal opened the summit.",
            "different person in the same role: claim Ana Ruiz, passage Tomas Vidal (peruvian president)",
        ),
        ("Talks with Ana Ruiz ended.", "Talks with Tomas Vidal ended.", "not in passage: Ana Ruiz"),
    ],
)
def test_a_role_held_by_someone_else_names_them(claim: str, passage: str, expected: str) -> None:
    assert reasons(claim, passage) == [expected]


def test_titles_and_possessives_end_a_name() -> None:
    assert reasons("Spain's Prime Minister Ana Ruiz spoke.", "Spain's leaders spoke.") == ["not in passage: Ana Ruiz"]


def test_a_title_case_headline_has_no_names_to_miss() -> None:
    assert reasons("Police Chief In Charge of the Inquiry Resigns", "The officer resigned.") == []
    assert reasons("Police chief in charge of the Lyon inquiry resigns", "The officer resigned.") == [
        "not in passage: Lyon"
    ]


def test_a_title_case_headline_keeps_its_acronyms() -> None:
    assert reasons("NATO Chief In Charge of the Inquiry Resigns", "The officer resigned.") == ["not in passage: NATO"]
    assert reasons("NATO Chief In Charge of the Inquiry Resigns", "The NATO officer resigned.") == []
    assert reasons("NATO CHIEF RESIGNS OVER INQUIRY", "The officer resigned.") == []
