"""Boilerplate removal on synthetic feeds and on the real seed articles; offsets always exact."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.pipeline.clean import _DURATION, _is_furniture, clean, normalize
from tests.conftest import SEEDS


def kept(text: str) -> list[str]:
    return [text[s.start : s.end] for s in clean(text)]


ARTICLE = [
    "Storm closes harbour",
    "The harbour in Eastport closed on Tuesday after a storm damaged the pier.",
    "Officials said repairs would take 3.5 weeks and cost $1.2 million.",
]


def test_keeps_prose_and_drops_ad_slugs_and_widgets() -> None:
    text = "\n\n".join(
        [
            ARTICLE[0],
            ARTICLE[1],
            "Advertisement",
            "Hide Ad",
            "Hide Ad",
            ARTICLE[2],
            "Comments",
            "12 comments",
            "Want to join the conversation? Please log in to comment on this story.",
        ]
    )
    assert kept(text) == ARTICLE


def test_cuts_inline_javascript_but_keeps_the_sentence_before_it() -> None:
    text = f"{ARTICLE[1]}googletag.cmd.push(function() {{ googletag.display('div-ad-1'); }});\n{ARTICLE[2]}"
    assert kept(text) == ARTICLE[1:]


def test_drops_whole_script_lines() -> None:
    text = f"{ARTICLE[1]}\nwindow.dataLayer.push({{'event': 'view', 'id': 42}});\n{ARTICLE[2]}"
    assert kept(text) == ARTICLE[1:]


def test_drops_link_kickers_and_video_blocks() -> None:
    text = "\n\n".join(
        [
            ARTICLE[1],
            "RELATED | Harbour fees to rise next year",
            "Harbour fees to rise next year",
            "WATCH | Drone footage of the damaged pier",
            "Drone footage of the damaged pier",
            "2 hours ago",
            "Duration 2:05",
            "The pier was damaged by waves, officials said in a video statement.",
            "READ MORE: Ferries cancelled",
            ARTICLE[2],
        ]
    )
    assert kept(text) == ARTICLE[1:]


def test_keeps_one_copy_of_duplicated_blocks_and_doubled_captions() -> None:
    caption = "The damaged pier at dawn on Wednesday. Photo: Jane Roe/Eastport Times"
    text = "\n".join([ARTICLE[1], caption + caption, caption, ARTICLE[2], ARTICLE[1], ARTICLE[2]])
    assert kept(text) == [ARTICLE[1], "The damaged pier at dawn on Wednesday.", ARTICLE[2]]


def test_drops_labelled_captions_and_picture_credits() -> None:
    caption = "Image caption: The damaged pier at dawn (Photo by Jane Roe/AFP via Getty Images)"
    text = "\n".join([ARTICLE[1], caption, "The damaged pier at dawn", ARTICLE[2]])
    assert kept(text) == [ARTICLE[1], ARTICLE[2]]
    credited = "The pier at dawn on Wednesday. (Photo by Jane Roe/Eastport Times)"
    assert kept(f"{credited}\n{ARTICLE[2]}") == ["The pier at dawn on Wednesday.", ARTICLE[2]]


def test_datelines_and_bylines() -> None:
    text = "By Jane Roe\nEASTPORT: " + ARTICLE[1] + "\n—\n" + ARTICLE[2]
    assert kept(text) == ["EASTPORT: " + ARTICLE[1], ARTICLE[2]]


@pytest.mark.parametrize(
    "furniture",
    [
        "By Jane Roe and John Doe, Staff Writers",
        "By Jane Roe | Eastport Times",
        "Published 5 March 2024, 10:42 GMT | Updated 2 hours ago",
        "Last updated: March 5, 2024 at 10:42 ET",
        "Share this article",
        "Photo: Jane Roe/Eastport Times",
        "(Image: Getty)",
        "© 2024 Eastport Times. All rights reserved.",
        "Copyright 2024 Eastport Times",
        "All rights reserved",
        "Follow us on Twitter @eastporttimes",
        "Sign up for our weekly newsletter",
        "Photo by Jane Roe/Getty Images",
        "Reporting by Jane Roe; Editing by John Doe",
        "Additional reporting by Jane Roe in Eastport",
        "With files from The Associated Press",
        "Share this story: Facebook Twitter Email",
        "Share this article: Email Facebook X",
        "Reading time: 4 minutes",
        "5 min read",
        "Share on Facebook Share on Twitter Share via Email Print",
        "With files from The Canadian Press and Reuters.",
        "Jane Roe, John Doe and The Associated Press contributed to this report.",
        "Reuters contributed reporting",
        "Contributing: Jane Roe, Eastport Times",
        "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
        "From Wikipedia, the free encyclopedia",
        "Jump to navigation Jump to search",
        "Skip to main content",
        "Early life and education[edit]",
        "Career [edit source]",
        '^ Roe, Jane (2004). "A life at sea". Eastport Times. Retrieved 12 March 2021.',
        "↑ Doe, John. Harbours of the north. Eastport: Quay Press, 1998.",
        "Categories: 1949 births | Living people | Harbour masters",
        "This page was last edited on 2 October 2026, at 11:02 (UTC).",
        "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.",
        "Home / Health topics / Fact sheets / Detail",
        "News › World › Europe",
        "English | Français | Español | Русский",
        "Contact us | Privacy policy | Terms of use",
        "EMBARGOED UNTIL 5 P.M. GMT, WEDNESDAY, NOVEMBER 18, 2026",
        "For immediate release",
        "Media contact: Jane Roe, Eastport Harbour Board, jane@harbour.example, +44 20 7946 0321",
        "Journal reference: Roe J, et al. Harbour silt and the pier. J Harb Eng. 2026;12:1-9.",
        "DOI: 10.5555/jhe.2026.0412",
        "Received 3 March 2026; Accepted 12 August 2026; Published 2 September 2026",
        "Submitted: 1 May 2025 | Revised: 2 June 2025 | Accepted: 9 July 2025",
        "Keywords: harbour silt; piers; dredging",
        "Cite this article",
        "Download PDF",
        "25 November 2026",
        "Sunday 22 November 2026 20:15",
        "Lakeport, Sunday 22 November 2026",
        "Report: Lukas Brandt",
        "[Photo: Mara Ellison with her award. Credit: Press Association]",
        "NAVARRO (ESP) 6 3 7",
        "HOLM (NOR) [1] 4 6 5",
        "Daniel Okoth (KEN) 2:06:41",
    ],
)
def test_drops_page_furniture_lines(furniture: str) -> None:
    assert kept(f"{ARTICLE[1]}\n{furniture}\n{ARTICLE[2]}") == ARTICLE[1:]


@pytest.mark.parametrize(
    "prose",
    [
        "By Tuesday, officials hope to reopen the harbour",
        "By the end of the week the pier should reopen.",
        "Published reports say the harbour master resigned.",
        "Copyright law changes were passed by parliament on Monday",
        "Source: two officials told the paper the repairs were delayed.",
        "Photographs taken on Wednesday show the damage to the pier.",
        "More from the minister's speech is expected on Friday.",
        "Modified crops face new rules",
        "Reporting by the Eastport Times found the pier was unsafe.",
        "Our newsletter readers voted to rebuild the pier.",
        "A photo by the harbour master shows the damage",
        "The caption read: closed for repairs.",
        "With files from the harbour office, the inspectors found the pier unsafe.",
        "Reading time for pupils rose by 5 minutes a day.",
        "Three divers contributed to this report on the pier's collapse.",
        "The harbour master contributed to the report, officials said.",
        "The text is available under freedom of information rules, officials said.",
        "This page was torn from the harbour log in 1998.",
        "Contents of the harbour master's safe were seized on Monday.",
        "Notes found in the office were handed to police.",
        "The edit [of the log] was made in 2019.",
        "The pier / harbour / quay names were merged in 1998.",
        "Embargoed papers show the pier was unsafe.",
        "Contacts between the two boards ended in May.",
        "References to the pier were removed from the plan.",
        "Rovers | City: the derby ends 2-1.",
        "Received wisdom in 2019, and accepted by all, said the pier was safe.",
        "Accepted bids in 2024 were published by the harbour board.",
        "25 November 2026 was the day the pier reopened.",
        "Report: the pier is unsafe, inspectors say",
        "[The pier] was closed on Monday.",
        "PIER SHUT AS STORM HITS",
        "FOUR HURT AS 2 BOATS COLLIDE",
        "Storm Babet Kills 3 In Scotland",
        "Kestrel Town 3-1 Harbour United",
    ],
)
def test_keeps_prose_that_opens_like_furniture(prose: str) -> None:
    assert kept(f"{ARTICLE[1]}\n{prose}\n{ARTICLE[2]}") == [ARTICLE[1], prose, ARTICLE[2]]


def test_drops_headlines_listed_under_a_related_stories_heading() -> None:
    links = ["Related stories", "Harbour fees to rise in 2025", "", "Coast guard warns of more storms"]
    text = "\n".join([ARTICLE[1], *links, "", ARTICLE[2], "More from Eastport", "Ferry timetable changes"])
    assert kept(text) == ARTICLE[1:]


def test_drops_an_encyclopedia_pages_contents_box_and_the_lists_at_its_foot() -> None:
    page = [
        "Jane Roe",
        "From Wikipedia, the free encyclopedia",
        "Jane Roe (born 1950) is a harbour master.[1]",
        "Contents",
        "1 Early life",
        "2 Career at the port",
        "Early life[edit]",
        "Roe was born in Eastport.[2] She joined the port in 1972.",
        "See also[edit]",
        "List of harbour masters",
        "References[edit]",
        "Eastport harbour archive",
        '^ "Harbour masters". Eastport Times. Retrieved 12 March 2021.',
    ]
    assert kept("\n".join(page)) == [
        "Jane Roe",
        "Jane Roe (born 1950) is a harbour master.[1]",
        "Roe was born in Eastport.[2] She joined the port in 1972.",
    ]


def test_joins_a_sentence_hard_wrapped_across_lines() -> None:
    first = "Officials in the port city said on Tuesday that the long-awaited repairs to the old pier would"
    text = f"{first}\nbegin next month.\nA second paragraph follows here."
    blocks = kept(text)
    assert blocks[0] == f"{first}\nbegin next month."
    assert blocks[1] == "A second paragraph follows here."


def test_headline_is_not_glued_to_the_first_paragraph() -> None:
    text = ARTICLE[0] + "\n" + ARTICLE[1]
    assert kept(text) == ARTICLE[:2]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_blocks_are_exact_spans_without_furniture(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = clean(text)
    assert spans, "every seed has prose"
    keys = [normalize(text[s.start : s.end]) for s in spans]
    assert len(keys) == len(set(keys)), "no block is kept twice"
    for span in spans:
        block = text[span.start : span.end]
        assert block == block.strip()
        assert "googletag" not in block and "function()" not in block
        assert not block.lower().startswith(("hide ad", "advertisement", "watch |", "also read |"))
        assert "comments" != block.lower()


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_sentences_survive_cleaning(path: Path) -> None:
    """Every line that reads as a full sentence is kept, unless it is a widget's call to action
    or the caption of an embedded video (the line after its duration)."""
    text = path.read_text(encoding="utf-8")
    cleaned = normalize(" ".join(text[s.start : s.end] for s in clean(text)))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for previous, line in zip(["", *lines[:-1]], lines, strict=True):
        if len(line.split()) < 12 or not line.endswith((".", '."', ".”")) or "function(" in line:
            continue
        if _is_furniture(line) or _DURATION.match(previous):
            continue
        assert normalize(line) in cleaned, line


lines = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80),
        st.sampled_from(["Hide Ad", "", "Advertisement", "WATCH | x", "3 comments", "Duration 1:02", *ARTICLE]),
    ),
    max_size=25,
)


@settings(max_examples=200, deadline=None)
@given(lines, st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_spans_are_ordered_exact_and_trimmed_for_any_input(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    spans = clean(text)
    last_end = 0
    for span in spans:
        assert last_end <= span.start < span.end <= len(text)
        block = text[span.start : span.end]
        assert block == block.strip(" \t\r\n\u00a0")
        last_end = span.end
