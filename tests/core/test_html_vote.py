"""Reading a web page with three extractors: the base they agree on, the blocks they confirm.

The page ``ferry_fares.html`` is written for these tests: an article with a standfirst, a
subheading, a list and a photo caption, inside a page with navigation, a newsletter box, a
share prompt, related links and a footer.
"""

from __future__ import annotations

import pytest

import annotator.core.readers.html_extractors as extractors
import annotator.core.readers.html_reader as html_reader
from annotator.core.article import ArticleError
from annotator.core.readers import read_article
from annotator.core.readers.html_extractors import SummaryBlock, justext_text, readability_summary, summary_blocks
from annotator.core.readers.html_vote import READABILITY, TRAFILATURA, Vote, choose_base, word_f1

from .readers_support import assert_blocks_well_formed, fixture, kinds_and_texts, texts_of

BODY = [
    "The harbour council confirmed on Tuesday that single tickets",
    "We know this is hard for people who cross every day",
    "Season tickets rise less than single fares",
    "Peter Allan, who runs the island's only bakery",
    "The council will publish the full timetable",
]


# -- the rules, one at a time --------------------------------------------------------------------


def test_a_block_stays_when_another_extractor_kept_most_of_its_word_pairs():
    vote = Vote(["The council met on Tuesday. Fares will rise from June, it said.", ""])
    assert vote.confirms("Fares will rise from June")
    assert vote.confirms("fares WILL rise from june!")  # words, not spelling or punctuation
    assert not vote.confirms("Share this article on Facebook")
    assert not vote.confirms("June will rise from fares")  # the same words in another order


def test_the_coverage_threshold_is_seventy_percent_of_the_word_pairs():
    vote = Vote(["one two three four five six seven eight nine ten eleven"])
    assert vote.confirms("one two three four five six seven eight XX YY ZZ")  # 7 of 10 pairs
    assert not vote.confirms("one two three four five six seven XX YY ZZ WW")  # 6 of 10


def test_without_other_opinions_every_block_stays_but_wordless_ones_go_when_there_are():
    assert Vote(["", "  "]).confirms("Anything at all")
    assert not Vote(["Fares rise"]).confirms("— • —")


def test_the_base_is_the_reading_that_agrees_better_with_justext():
    full = "Fares rise in June. The council blames fuel. Riders are angry. A meeting is planned."
    cut_short = "Fares rise in June."
    assert choose_base(cut_short, full, full) == READABILITY
    assert choose_base(full, full + " Related: bakery wins prize. Share this.", full) == TRAFILATURA
    assert choose_base(full, full, full) == TRAFILATURA  # a tie keeps trafilatura
    assert choose_base(cut_short, full, "") == TRAFILATURA  # no third opinion: trafilatura
    assert choose_base("", full, "") == READABILITY  # trafilatura found nothing
    assert choose_base(full, "", full) == TRAFILATURA
    assert word_f1("a b c", "a b c") == 1.0 and word_f1("a", "b") == 0.0


def test_readability_html_becomes_blocks_with_their_element_and_link_share():
    blocks = summary_blocks(
        "<div><h2>Who pays</h2><p>Fares rise <a href='/x'>from June</a>.<br>Second line</p>"
        "<ul><li>One <b>item</b></li><li><a href='/a'>A related story</a></li></ul>"
        "<table><tr><td>Single</td><td>4.20</td></tr></table>"
        "<figure><figcaption>The ferry at dawn</figcaption></figure>"
        "<div>Bare text<!-- a comment --> in a div</div></div>"
    )
    assert [(block.tag, block.text) for block in blocks] == [
        ("h2", "Who pays"),
        ("p", "Fares rise from June."),
        ("p", "Second line"),
        ("li", "One item"),
        ("li", "A related story"),
        ("tr", "Single\t4.20"),
        ("figcaption", "The ferry at dawn"),
        ("p", "Bare text in a div"),
    ]
    shares = {block.text: block.link_share for block in blocks}
    assert shares["A related story"] == 1.0
    assert shares["Fares rise from June."] == pytest.approx(len("from June") / len("Fares rise from June."))
    assert shares["One item"] == 0.0
    assert summary_blocks("") == [] and summary_blocks("   ") == []
    assert summary_blocks("<html><head></head></html>") == []  # readability's answer to "<script>"


# -- a whole page --------------------------------------------------------------------------------


def test_boilerplate_only_one_extractor_kept_is_dropped():
    """readability is the base here (it and jusText both keep the caption) and it also keeps
    the share prompt, which neither trafilatura nor jusText keeps."""
    html = fixture("ferry_fares.html").read_text(encoding="utf-8")
    readability_text = " ".join(block.text for block in summary_blocks(readability_summary(html)))
    trafilatura_xml = html_reader._trafilatura_xml(html, {}) or ""
    assert choose_base(trafilatura_xml, readability_text, justext_text(html)) == READABILITY
    assert "Share this article" in readability_text
    assert "Share this article" not in trafilatura_xml + justext_text(html)
    text = read_article(fixture("ferry_fares.html")).text
    for boilerplate in ("Share this article", "Related stories", "Island bakery wins", "Copyright", "Home"):
        assert boilerplate not in text


def test_an_article_block_one_extractor_missed_is_kept():
    """trafilatura leaves the photo caption out; readability and jusText both keep it."""
    html = fixture("ferry_fares.html").read_text(encoding="utf-8")
    caption = "The morning ferry leaves the harbour"
    assert caption not in (html_reader._trafilatura_xml(html, {}) or "")
    assert caption in justext_text(html)
    article = read_article(fixture("ferry_fares.html"))
    assert any(text.startswith(caption) for text in texts_of(article, "caption"))
    for sentence in BODY:
        assert sentence in article.text


def test_structure_stays_as_blocks_with_the_headline_first():
    article = read_article(fixture("ferry_fares.html"))
    assert_blocks_well_formed(article.text, article.blocks)
    kinds = kinds_and_texts(article)
    assert kinds[0] == ("headline", "Harbour ferry fares rise for the third time this year")
    assert article.title == "Harbour ferry fares rise for the third time this year"
    assert texts_of(article, "subheading") == ["Who pays the most"]
    assert texts_of(article, "bullet") == [
        "Single adult fare: up thirty pence to four pounds twenty",
        "Monthly season ticket: up two pounds to sixty-one pounds",
        "Student and pensioner discount: cut from half price to a third off the full fare",
    ]
    order = [article.text.index(sentence) for sentence in BODY]
    assert order == sorted(order)


def _broken(*args, **kwargs):
    raise RuntimeError("parser broke on this page")


@pytest.mark.parametrize(
    "target, name",
    [(extractors, "Document"), (extractors.justext, "justext"), (html_reader.trafilatura, "extract")],
    ids=["readability", "jusText", "trafilatura"],
)
def test_a_page_still_reads_when_one_extractor_crashes(monkeypatch, target, name):
    monkeypatch.setattr(target, name, _broken)
    article = read_article(fixture("ferry_fares.html"))
    assert texts_of(article, "headline") == ["Harbour ferry fares rise for the third time this year"]
    for sentence in BODY:
        assert sentence in article.text
    assert "Share this article" not in article.text


def test_a_page_no_extractor_can_read_says_why(monkeypatch):
    for target, name in ((extractors, "Document"), (extractors.justext, "justext"), (html_reader.trafilatura, "extract")):
        monkeypatch.setattr(target, name, _broken)
    with pytest.raises(ArticleError, match="could not be parsed"):
        read_article(fixture("ferry_fares.html"))


def test_when_the_vote_confirms_nothing_the_base_is_kept_whole(monkeypatch):
    """Two other extractors that agree on nothing the base holds must not empty the page."""
    monkeypatch.setattr(html_reader, "justext_text", lambda html: "Completely unrelated words about gardening")
    monkeypatch.setattr(html_reader, "readability_summary", lambda html: "<p>Nothing like the article either</p>")
    article = read_article(fixture("ferry_fares.html"))
    for sentence in BODY:
        assert sentence in article.text


def test_a_readability_reading_that_is_all_links_gives_way_to_trafilatura():
    links = [SummaryBlock("li", "Island bakery wins prize", 1.0), SummaryBlock("p", "More stories", 0.8)]
    assert html_reader._read_summary(links, "Ferry fares rise", Vote([])) is None
    kept = html_reader._read_summary(links + [SummaryBlock("p", "Fares rise in June.", 0.0)], "Ferry fares rise", Vote([]))
    assert kept is not None and kept.text() == "Ferry fares rise\n\nFares rise in June."


def test_a_block_mostly_made_of_the_pages_link_texts_is_navigation():
    from annotator.core.readers.html_extractors import link_share, link_texts

    links = link_texts(
        "<html><body><p>Fares rise, the <a href='/c'>council</a> said.</p>"
        "<ul><li><a href='/a'>Island bakery  wins prize</a></li></ul></body></html>"
    )
    assert links == {"council", "Island bakery wins prize"}
    assert link_share("Island bakery wins prize", links) == 1.0
    assert link_share("Fares rise, the council said.", links) == pytest.approx(len("council") / 29)
    assert link_share("", links) == 0.0
    assert link_texts("") == frozenset()


def test_trafilatura_blocks_that_are_mostly_links_are_dropped(tmp_path):
    """'Read more' links between the paragraphs: trafilatura and readability both keep them
    (so the vote confirms them), but they are mostly link text, so they go as navigation."""
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report: the harbour council met on Tuesday and agreed that the ferry "
        f"fares would rise again in June, the third rise this year, after a long debate.</p>"
        + (f"<p>Read more: <a href='/s{n}'>Another harbour story number {n} in our long series on the "
           "island ferries</a></p>" if n % 3 == 1 else "")
        for n in range(8)
    )
    page = tmp_path / "related.html"
    page.write_text(
        "<html><head><title>Ferry fares rise again</title></head><body><article><h1>Ferry fares rise again</h1>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    html = page.read_text(encoding="utf-8")
    trafilatura_xml = html_reader._trafilatura_xml(html, {}) or ""
    readability_text = " ".join(block.text for block in summary_blocks(readability_summary(html)))
    assert "Another harbour story number 4" in trafilatura_xml
    assert "Another harbour story number 4" in readability_text
    assert choose_base(trafilatura_xml, readability_text, justext_text(html)) == TRAFILATURA
    text = read_article(page).text
    assert "Paragraph 7 of the report" in text and "Paragraph 0 of the report" in text
    assert "Another harbour story" not in text


def test_a_page_of_thousands_of_paragraphs_is_read_without_jusText(tmp_path):
    """jusText's neighbour search grows with the square of the paragraphs; past its limit the
    page is read by the other two, every paragraph kept."""
    count = extractors.JUSTEXT_MAX_BLOCKS + 1
    paragraphs = [f"The ferry left pier {n} at dawn, and the crew counted {n} crates on deck." for n in range(count)]
    page = "<html><head><title>Ferry log</title></head><body><article>"
    page += "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</article></body></html>"
    assert justext_text(page) == ""
    assert justext_text(page.replace("<p>", "<span>", 2)) == ""  # still over the limit
    few = page.replace("<p>", "", count - 10)
    assert "crates on deck" in justext_text(few)  # under the limit jusText gives its opinion
    path = tmp_path / "log.html"
    path.write_text(page, encoding="utf-8")
    text = read_article(path).text
    assert all(p in text for p in (paragraphs[0], paragraphs[count // 2], paragraphs[-1]))
