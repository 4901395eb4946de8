"""When a passage names what a claim names: other forms of a word, whole words, roles, headlines."""

from __future__ import annotations

import pytest

from service.pipeline.consistency import reasons
from service.pipeline.names import PassageWords, claim_names, proper_words, with_full_names


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
        ("Many Americans lack insurance.", "In the United States, 26 million people lack insurance."),
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
        # a role the claim gives after the name
        (
            "Margaret Doyle is the chief executive.",
            "Hartwell's chief executive, Simon Reyes, said the firm was delighted.",
            "different person in the same role: claim Margaret Doyle, passage Simon Reyes (chief executive)",
        ),
        (
            "Ruth Calloway is the manager.",
            "The manager, Tom Hale, said little.",
            ("different person in the same role: claim Ruth Calloway, passage Tom Hale (manager)"),
        ),
        ("Ruth Calloway is the best player.", "The manager, Tom Hale, said little.", "not in passage: Ruth Calloway"),
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


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The WHO backed the plan.", "The World Health Organization backed the plan."),
        ("The FBI opened an inquiry.", "The Federal Bureau of Investigation opened an inquiry."),
        ("The World Health Organization backed the plan.", "The WHO backed the plan."),
        ("The F.B.I. opened an inquiry.", "The Federal Bureau of Investigation opened an inquiry."),
    ],
)
def test_an_acronym_and_its_spelled_out_name_are_the_same_name(claim: str, passage: str) -> None:
    assert reasons(claim, passage) == []


def test_an_acronym_is_not_spelled_by_words_apart() -> None:
    assert reasons("The WHO backed the plan.", "World leaders backed the Health plan of the Organization.") == [
        "not in passage: WHO"
    ]
    assert reasons("Ana Ruiz backed the plan.", "The AR party backed the plan.") == ["not in passage: Ana Ruiz"]


def test_words_that_open_a_sentence_or_name_a_day_are_not_part_of_a_name() -> None:
    assert claim_names("Most Danish adults walk daily.") == {"Danish": ""}
    assert claim_names("After Putin left, the talks ended.") == {"Putin": ""}
    assert claim_names("The libraries close on Sundays.") == {}
    assert reasons("The Kennedys met the press.", "Kennedy met the press.") == []


def test_claims_and_passages_agree_on_what_opens_a_sentence() -> None:
    """One rule for both: a quotation's close does not open a sentence; a mark before the first word,
    or a sentence end among the marks before a word, does."""
    assert claim_names('"We won," Ruiz said.') == {"Ruiz": ""}
    assert proper_words(['"We won," Ruiz said.']) == {"ruiz"}
    assert claim_names("‘Dead’ cat climbs out of grave.") == {}
    assert claim_names("Rebels killed him! (Photo) shows it.") == {}
    assert proper_words(["Rebels killed him! (Photo) shows it."]) == set()


@pytest.mark.parametrize(
    "passage",
    [
        "VESTMARK, June 12 (Reuters) - Train drivers walked out.",
        "WASHINGTON (AP) — Train drivers walked out.",
        "OSTBY – Train drivers walked out.",
    ],
)
def test_a_wire_storys_first_word_after_its_dateline_opens_a_sentence(passage: str) -> None:
    assert "train" not in proper_words([passage])
    assert claim_names("Train drivers went on strike.", proper_words([passage])) == {}
    assert "train" in proper_words(["The union - Train Drivers United - walked out."]), "a dash mid-sentence"


def test_proper_words_are_those_written_with_a_capital_inside_a_sentence_and_never_without() -> None:
    texts = [
        'Councilman David Okafor voted against it. Police said so, and the police chief agreed. "Yes," Ruiz said.',
        "STUDY FINDS WALKING CUTS RISK",
        "Walking Cuts Heart Disease Risk, Study Finds",
    ]
    assert proper_words(texts) == {"david", "okafor", "ruiz"}


def test_a_lone_first_word_is_a_name_only_when_other_texts_write_it_as_one() -> None:
    assert claim_names("Okafor voted for the budget.") == {}
    assert claim_names("Okafor voted for the budget.", {"okafor"}) == {"Okafor": ""}
    assert claim_names("Okafor's vote decided it.", {"okafor"}) == {"Okafor": ""}
    assert claim_names("Police voted for the budget.", {"okafor"}) == {}


def test_a_word_before_of_and_a_name_is_a_kind_of_body_not_a_name() -> None:
    assert claim_names("The Bank of Norland raised rates.") == {"Norland": ""}
    assert claim_names("Researchers at the University of Oxford found it.") == {"Oxford": ""}
    assert claim_names("Ana Ruiz of Spain and Jan Vos met.") == {"Ana Ruiz": "", "Spain": "", "Jan Vos": ""}
    # "the bank" in lower case is enough for the body; the name is what the passage must give
    assert reasons("The Bank of Norland raised rates.", "The Norland krone rose after the bank acted.") == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Kestrel's shares jumped.", "Kestrel Foods' shares jumped."),  # after the full name's s, no s
        ("The board said Kestrel's offer stood.", "The board said Kestrel Foods' offer stood."),
        ("Harwood's offer lapsed.", "Harwood Group's offer lapsed."),
        # the name's last word, a noun, after "the"; not another noun, nor one that is not a possessive
        ("It is the group's first bid.", "It is Harwood Group's first bid."),
        ("It is the firm's first bid.", "It is the firm's first bid."),
        ("The group said no.", "The group said no."),
        # the name in full already, a short form not a possessive, another name it closes, a word the
        # passages write in lower case
        ("Kestrel Foods' shares jumped.", "Kestrel Foods' shares jumped."),
        ("Kestrel rejected the bid.", "Kestrel rejected the bid."),
        # the short form before a role word; not before another word
        ("Kestrel chief executive Ana Ruiz said so.", "Kestrel Foods chief executive Ana Ruiz said so."),
        ("Harwood managers said so.", "Harwood Group managers said so."),
        ("Kestrel staff said so.", "Kestrel staff said so."),
        ("Waiting lists in Kestrel fell.", "Waiting lists in Kestrel fell."),
        ("Harbour Kestrel's shares jumped.", "Harbour Kestrel's shares jumped."),
        ("Group's figures came out.", "Group's figures came out."),
        ("New's figures came out.", "New's figures came out."),
    ],
)
def test_with_full_names_writes_a_shortened_claim_name_in_full(text: str, written: str) -> None:
    assert with_full_names(text, ["Kestrel Foods", "Harwood Group", "New Look"], {"kestrel", "harwood"}) == written
