"""Structure recovery for plain scraped news, on fixtures written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.core.article import BLOCK_KINDS
from annotator.core.readers import read_article
from annotator.core.readers.structure import recover_blocks
from annotator.core.resources import sample_article_path

from .readers_support import SHARED, assert_blocks_well_formed, fixture, kinds_and_texts, texts_of


def test_sample_article_exercises_every_block_kind():
    article = read_article(sample_article_path())
    assert_blocks_well_formed(article.text, article.blocks)
    counts = Counter(block.kind for block in article.blocks)
    assert set(counts) == set(BLOCK_KINDS)
    assert counts["headline"] == 1 and counts["standfirst"] == 1 and counts["bullet"] == 3
    assert article.blocks[0].kind == "headline" and article.blocks[0].start == 0
    assert texts_of(article, "subheading") == ["Warnings Ignored", "What Happens Next"]
    assert texts_of(article, "dateline") == ["KELLFORD, 11 March 2026"]
    assert article.metadata["author"] == "Eleanor Marsh"
    captions = texts_of(article, "caption")
    assert len(captions) == 4
    assert "Dr Priya Raman warned that the river could rise again before the weekend" in captions


def test_sample_article_has_every_quotation_style():
    text = read_article(sample_article_path()).text
    assert "‘It’s not the Council’s fault" in text and "Residents’ homes" in text  # apostrophes inside ‘…’
    assert "“We’ve seen this" in text  # American double quotes
    assert "happened on Tuesday night.\n\n‘Nobody" in text  # a quote running over two paragraphs
    assert "the wall ‘was never finished’ because" in text  # partial quote in reported speech
    assert "the ‘temporary’ barriers" in text  # scare quotes
    assert "A senior council official said" in text  # unnamed source
    assert "said Tom Haslam, 54," in text and ",’ he said. ‘" in text
    assert "adding: ‘" in text and "Ms Whitfield said: “" in text and "according to the Kell" in text
    assert "‘We were told the wall would hold,’ said Tom Haslam" in text  # interrupted by attribution


def test_seed_article_blocks():
    seed = SHARED / "corpus" / "dev" / "seed_article.txt"
    if not seed.is_file():
        pytest.skip("../shared corpus not available")
    article = read_article(seed)
    assert article.text == seed.read_text(encoding="utf-8")
    assert_blocks_well_formed(article.text, article.blocks)
    counts = Counter(block.kind for block in article.blocks)
    expected = {"headline": 1, "standfirst": 1, "bullet": 2, "caption": 4, "related_link": 1, "source_line": 1}
    assert {kind: count for kind, count in counts.items() if kind != "paragraph"} == expected
    assert article.blocks[0].start == 0 and article.blocks[0].kind == "headline"
    assert article.blocks[1].kind == "standfirst"
    assert texts_of(article, "source_line") == ["Source: Read Full Article"]
    assert all(not text.endswith(".") for text in texts_of(article, "caption"))
    assert all(article.text[b.start : b.end].startswith("•") for b in article.blocks_of("bullet"))


def test_agency_copy_one_paragraph_per_line():
    article = read_article(fixture("agency_wire.txt"))
    assert_blocks_well_formed(article.text, article.blocks)
    assert kinds_and_texts(article)[:3] == [
        ("headline", "RUGBY - HARLOW RALLY TO BEAT GRANTHAM IN CUP REPLAY."),
        ("byline", "Petra Lindqvist"),
        ("dateline", "GRANTHAM, England 2025-10-04"),
    ]
    paragraphs = texts_of(article, "paragraph")
    assert any(text.startswith('"We never stopped believing') for text in paragraphs)
    assert any("switched off" in text for text in paragraphs)
    assert texts_of(article, "source_line") == ["-- Grantham sports desk +44 1476 555 010"]
    assert not article.blocks_of("standfirst")


def test_no_headline_when_the_article_opens_with_a_long_sentence():
    article = read_article(fixture("no_headline.txt"))
    assert [block.kind for block in article.blocks] == ["paragraph"] * 3
    assert article.title == "no_headline"


def test_bullets_with_star_dash_and_en_dash_markers_and_wrapped_prose():
    article = read_article(fixture("lists_and_wrapping.txt"))
    assert_blocks_well_formed(article.text, article.blocks)
    kinds = [block.kind for block in article.blocks]
    assert kinds == ["headline", "standfirst"] + ["bullet"] * 5 + ["subheading", "paragraph"]
    standfirst = texts_of(article, "standfirst")[0]
    assert standfirst.startswith("Islanders face") and standfirst.endswith("to the cuts.")
    bullets = texts_of(article, "bullet")
    assert bullets[2] == "- Freight bookings to be prioritised on the remaining\n    sailings during the winter months"
    assert bullets[4] == "– Council to review the contract in January"


def test_bylines_datelines_captions_links_and_credits():
    article = read_article(fixture("by_and_captions.txt"))
    assert_blocks_well_formed(article.text, article.blocks)
    assert texts_of(article, "byline") == ["By HANNAH COLE and RAJ PATEL"]
    assert texts_of(article, "dateline") == ["Updated: 09:30, 14 June 2025"]
    captions = texts_of(article, "caption")
    assert [caption.split()[0] for caption in captions] == ["Mayor", "Protesters"]
    assert [text.split(":")[0] for text in texts_of(article, "related_link")] == ["Read more", "RELATED", "MORE"]
    assert texts_of(article, "source_line") == ["Credit: Wey Valley Press Agency", "Photo: Jon Hale"]
    assert article.metadata["author"] == "HANNAH COLE and RAJ PATEL"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ministers meet unions\n\nBy Tuesday night the strike had spread to four ports and two airports.\n", "paragraph"),
        ("Ministers meet unions\n\nWASHINGTON (Reuters) - The Senate voted on Monday to fund the ports.\n", "paragraph"),
        ("Ministers meet unions\n\nThe talks ended.\n\nBy Ravi Shankar, Labour Editor\n", "byline"),
        ("Ministers meet unions\n\nThe talks ended.\n\nLONDON 1996-08-30\n", "dateline"),
        ("Ministers meet unions\n\nThe talks ended.\n\nKYIV, March 3\n", "dateline"),
        ("Ministers meet unions\n\nThe talks ended.\n\nThe Prime Minister attends a summit in Brussels on 4 May 2025\n", "caption"),
        ("Ministers meet unions\n\nThe talks ended.\n\nUnion leader Jo Bright (pictured)\n", "caption"),
        ("Ministers meet unions\n\nThe talks ended.\n\nWhat the deal means\n\nMore talks follow.\n", "subheading"),
        ("Ministers meet unions\n\nThe talks ended.\n\nSEE ALSO: Rail strike called off\n", "related_link"),
        ("Ministers meet unions\n\nThe talks ended.\n\nCrowds gather outside the port gates on Friday\n\nMore.\n", "caption"),
        ("Ministers meet unions\n\nThe talks ended.\n\nPrime Minister Ana Ruiz and Union Leader Tom Lee in Leeds\n\nMore.\n", "caption"),
        ("Ministers meet unions\n\nThe talks ended.\n\nWatch the full statement from the minister at https://example.org/v\n\nMore.\n", "paragraph"),
        ("Ministers meet unions\n\nThe talks ended.\n\n(Reporting by Ana Ruiz; Editing by Tom Lee)\n", "source_line"),
    ],
)
def test_kind_of_the_block_after_the_opening_paragraphs(text, kind):
    blocks = recover_blocks(text)
    assert_blocks_well_formed(text, blocks)
    target = text.split("\n\n")[1 if text.count("\n\n") == 1 else 2].strip()
    assert [block.kind for block in blocks if text[block.start : block.end] == target] == [kind]


def test_quoted_unpunctuated_line_stays_a_paragraph():
    text = "Port deal agreed\n\nThe talks ended.\n\n‘We have a deal and nobody lost face’ said the minister\n\nMore follows.\n"
    blocks = recover_blocks(text)
    assert [block.kind for block in blocks] == ["headline", "paragraph", "paragraph", "paragraph"]


def test_dense_text_needs_a_picture_cue_for_captions():
    text = "BOARD APPROVES BUDGET.\nLONDON 2025-01-02\nThe board approved the budget on Thursday.\nTotal spending 4.5 billion\nChair Rosa Vine, pictured at the meeting\nThe vote was 7-2.\n"
    blocks = recover_blocks(text)
    kinds = [block.kind for block in blocks]
    assert kinds == ["headline", "dateline", "paragraph", "paragraph", "caption", "paragraph"]


def test_whitespace_and_nbsp_only_lines_are_not_blocks():
    text = "Title of the piece\n\n\u00a0\n   \n\t\nBody text here.\u00a0 \n"
    blocks = recover_blocks(text)
    assert_blocks_well_formed(text, blocks)
    assert len(blocks) == 2
    assert text[blocks[1].start : blocks[1].end] == "Body text here."


def test_pasted_page_with_deck_photo_credit_and_page_furniture():
    article = read_article(fixture("pasted_mixed.txt"))
    assert_blocks_well_formed(article.text, article.blocks)
    assert [kind for kind, _ in kinds_and_texts(article)[:3]] == ["headline", "standfirst", "caption"]
    assert texts_of(article, "subheading") == ["What it means for you"]
    assert "Advertisement" in texts_of(article, "paragraph")
    assert "Scroll down for video" in texts_of(article, "paragraph")
    assert texts_of(article, "related_link") == ["WATCH: Residents react to the budget vote"]
    quoted = [text for text in texts_of(article, "paragraph") if "“" in text or "‘" in text]
    assert len(quoted) == 3  # every paragraph with a quote stays a paragraph


def test_a_byline_with_combining_accents_is_a_byline_and_the_text_is_untouched(tmp_path):
    text = "Ferry timetable cut for the winter\n\nBy Zoe\u0308 Quin\u0303ones\n\nThe ferry will run twice a day, the company said.\n"
    path = tmp_path / "ferry.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert article.text == text  # never normalised
    assert texts_of(article, "byline") == ["By Zoe\u0308 Quin\u0303ones"]
    assert not texts_of(article, "subheading")
    assert article.metadata["author"] == "Zoe\u0308 Quin\u0303ones"


SEPARATED = (
    "Ferry timetable cut for the winter\u2029"
    "By Ines Varga\u2028TESSEL, May 3\u2029"
    "The ferry will run twice a day, the company said.\u2028“We have no choice,” Varga said.\u2029"
    "Tickets go on sale on Friday.\n"
)


def test_line_and_paragraph_separators_break_blocks_like_newlines(tmp_path):
    path = tmp_path / "separators.txt"
    path.write_bytes(SEPARATED.encode("utf-8"))
    article = read_article(path)
    assert article.text == SEPARATED  # the separators stay in the canonical text
    assert_blocks_well_formed(article.text, article.blocks)
    with_newlines = SEPARATED.replace("\u2029", "\n\n").replace("\u2028", "\n")
    assert kinds_and_texts(article) == [
        (block.kind, with_newlines[block.start : block.end]) for block in recover_blocks(with_newlines)
    ]
    assert kinds_and_texts(article)[:3] == [
        ("headline", "Ferry timetable cut for the winter"),
        ("byline", "By Ines Varga"),
        ("dateline", "TESSEL, May 3"),
    ]
    assert all("\u2028" not in content and "\u2029" not in content for _, content in kinds_and_texts(article))
