"""Markdown report rendered with markdown-it: grouped by label, text shown as written."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from annotator.core.export.markdown_report import code_span, escape_markdown, export_markdown
from tests.core.export_fixture import LABELS, make_annotations, make_article, make_extraction


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.blockquotes: list[str] = []
        self.headings: list[str] = []
        self._stack: list[str] = []
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("blockquote", "h1", "h2"):
            self._stack.append(tag)
            self._text = []
        if tag == "br" and self._stack:
            self._text.append("\n")

    def handle_endtag(self, tag):
        if self._stack and tag == self._stack[-1]:
            self._stack.pop()
            text = "".join(self._text).strip()
            (self.blockquotes if tag == "blockquote" else self.headings).append(text)

    def handle_data(self, data):
        self._text.append(data)


def rendered(extraction=None) -> _Collector:
    html = MarkdownIt("commonmark").render(export_markdown(make_article(), make_annotations(), LABELS, extraction))
    collector = _Collector()
    collector.feed(html)
    return collector


def test_groups_follow_the_label_set_and_count_their_annotations():
    headings = rendered().headings
    assert headings[0] == "Café owners count the cost of the 🌧️ storm"
    assert headings[1:] == [
        "Claim (2)",
        "Evidence (1)",
        "Question (1)",
        "Person (1)",
        "Check later (1)",
        "Not found in the article (1)",
    ]


def test_quoted_text_renders_exactly_as_annotated():
    quotes = rendered().blockquotes
    expected = [a.selector.exact for a in make_annotations()]
    for exact in expected:
        assert exact in quotes
    assert "script" not in rendered().tags  # the note's <script> is text, not markup


def test_escaping_keeps_markdown_syntax_literal():
    md = MarkdownIt("commonmark")
    for text in ["*not emphasis* and _this_", "# not a heading", "1. not a list", "- nor this", "a | b", "<b>x</b>", "=SUM"]:
        html = md.render(escape_markdown(text))
        collector = _Collector()
        collector.feed(html)
        assert collector.tags == ["p"], (text, html)


def test_extracted_people_and_quotes_with_the_flag():
    report = export_markdown(make_article(), make_annotations(), LABELS, make_extraction())
    assert "## People" in report and "| Zoë Achterberg | runs the Blue Heron café | 1 | 1 |" in report
    assert "- **Zoë Achterberg** (direct): “We lost €2,000" in report
    assert "## People" not in export_markdown(make_article(), make_annotations(), LABELS)


def test_title_source_and_note_lines():
    report = export_markdown(make_article(), make_annotations(), LABELS)
    assert "Source: <file:///data/cafe-storm.txt>" in report
    assert "- **Note:** Receipts seen.\\\n  Owner showed" in report
    assert "- **Verdict:** Mostly true" in report



def test_tags_are_code_spans_so_commas_inside_a_tag_stay_unambiguous():
    md = MarkdownIt("commonmark")
    for tag in ["café ☕", "council, budget", "`tick`", "a``b", "<b>&"]:
        html = md.render(code_span(tag))
        assert html.count("<code>") == 1
        assert unescape(html.split("<code>")[1].split("</code>")[0]) == tag


def test_byline_from_the_articles_metadata():
    article = make_article()
    article.metadata.update(author="Jo Bloggs", date="2026-03-10", url="https://news.example/cafe")
    report = export_markdown(article, make_annotations(), LABELS)
    assert report.splitlines()[2:4] == ["Jo Bloggs · 2026-03-10  ", "Source: <https://news.example/cafe>  "]
