"""HTML and Markdown readers, and choosing a reader by extension and content."""

from __future__ import annotations

import socket
import urllib.request

import pytest

from annotator.core.article import ArticleError
from annotator.core.readers import looks_like_html, read_article

from .readers_support import assert_blocks_well_formed, fixture, kinds_and_texts, texts_of


@pytest.fixture
def network_attempts(monkeypatch):
    """Record (and refuse) every attempt to open a network connection or URL."""
    attempts: list[str] = []

    def refuse_connect(self, address, *args, **kwargs):
        attempts.append(f"connect {address}")
        raise OSError("network access attempted while reading a file")

    def refuse_create_connection(address, *args, **kwargs):
        attempts.append(f"create_connection {address}")
        raise OSError("network access attempted while reading a file")

    def refuse_urlopen(url, *args, **kwargs):
        attempts.append(f"urlopen {url}")
        raise OSError("network access attempted while reading a file")

    monkeypatch.setattr(socket.socket, "connect", refuse_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse_connect)
    monkeypatch.setattr(socket, "create_connection", refuse_create_connection)
    monkeypatch.setattr(urllib.request, "urlopen", refuse_urlopen)
    return attempts


def test_html_page_main_text_without_scripts_iframes_or_fetching(network_attempts):
    article = read_article(fixture("page.html"))
    assert network_attempts == []
    assert article.format == "html"
    for leaked in ("SCRIPT-IN-HEAD", "SCRIPT-IN-BODY", "IFRAME-TEXT", "STYLE-TEXT", "window.secretTracker", "Home"):
        assert leaked not in article.text
    assert "All rights reserved" not in article.text
    assert_blocks_well_formed(article.text, article.blocks)
    assert kinds_and_texts(article)[0] == ("headline", "Library saved from closure after late bid")
    assert texts_of(article, "subheading") == ["Volunteers needed"]
    assert texts_of(article, "bullet") == ["Opening hours kept at 9am to 7pm", "Children’s reading club to restart in January"]
    assert any(text.startswith("“It’s the beating heart") for text in texts_of(article, "paragraph"))


def test_html_metadata(network_attempts):
    article = read_article(fixture("page.html"))
    assert article.title == "Library saved from closure after late bid"
    assert article.metadata["author"] == "Lena Marsh"
    assert article.metadata["date"] == "2025-11-02"
    assert article.metadata["site"] == "Northgate Echo"


def test_html_is_sniffed_in_a_file_without_a_known_extension(tmp_path, network_attempts):
    page = tmp_path / "saved_page"
    page.write_bytes(fixture("page.html").read_bytes())
    assert read_article(page).format == "html"


def test_txt_extension_is_always_plain_text_even_if_it_holds_markup(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(fixture("page.html").read_bytes())
    article = read_article(page)
    assert article.format == "text"
    assert article.text == fixture("page.html").read_text(encoding="utf-8")


def test_html_without_article_text_is_an_article_error(tmp_path, network_attempts):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        read_article(page)


def test_html_in_windows_1252(tmp_path, network_attempts):
    html = fixture("page.html").read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = tmp_path / "legacy.htm"
    page.write_bytes(html.replace("©", "(c)").encode("cp1252"))
    assert "Northgate’s central library" in read_article(page).text


def test_looks_like_html():
    assert looks_like_html("  <!DOCTYPE html>\n<html><body><p>x</p></body></html>")
    assert looks_like_html("<html lang='en'><head></head></html>")
    assert not looks_like_html("Headline\n\nThe <b>bold</b> claim was made.")


def test_markdown_readable_text_and_blocks():
    article = read_article(fixture("article.md"))
    assert article.format == "markdown"
    assert_blocks_well_formed(article.text, article.blocks)
    for markup in ("*record*", "**", "](", "![", "<script", "alert(", "steal(", "inline script", "---", "| Site"):
        assert markup not in article.text
    assert kinds_and_texts(article)[:2] == [
        ("headline", "Allotment waiting list reaches record length"),
        ("byline", "By Femi Clarke, Local Democracy Reporter"),
    ]
    assert texts_of(article, "subheading") == ["Why the wait is so long"]
    assert texts_of(article, "bullet") == [
        "• Only two new sites opened in a decade",
        "• Plots are rarely given up once people have them",
        "1. Apply online",
        "2. Pay the £15 fee",
    ]
    assert texts_of(article, "caption") == ["Plot holders at the Mill Lane site"]
    assert texts_of(article, "related_link") == ["READ MORE: How to share a plot with a neighbour"]
    assert "Mill Lane\t84" in texts_of(article, "paragraph")
    assert "Brackley, the town council has said" in article.text  # soft line break read as a space
    assert article.metadata["title"] == "Allotment waiting list reaches record length"
    assert article.metadata["date"] == "2025-09-12"
    assert article.metadata["author"] == "Femi Clarke"


def test_markdown_second_h1_is_a_subheading_and_empty_markdown_is_refused(tmp_path):
    page = tmp_path / "two.markdown"
    page.write_text("# First\n\nBody text.\n\n# Second\n\nMore body.\n", encoding="utf-8")
    assert [block.kind for block in read_article(page).blocks] == ["headline", "paragraph", "subheading", "paragraph"]
    empty = tmp_path / "empty.md"
    empty.write_text("<!-- only a comment -->\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="no readable text"):
        read_article(empty)


def test_page_title_with_site_suffix_does_not_duplicate_the_headline(tmp_path, network_attempts):
    html = fixture("page.html").read_text(encoding="utf-8").replace(
        '<meta name="author"',
        '<meta property="og:title" content="Library saved from closure after late bid - Northgate Echo"><meta name="author"',
    )
    page = tmp_path / "suffix.html"
    page.write_text(html, encoding="utf-8")
    article = read_article(page)
    assert article.title == "Library saved from closure after late bid"
    assert len(article.blocks_of("headline")) == 1
    assert article.text.count("Library saved from closure") == 1


def test_html_without_a_title_still_reads(tmp_path, network_attempts):
    body = "".join(f"<p>Paragraph {n}: the ferry to the island ran late again on Monday, passengers said.</p>" for n in range(6))
    page = tmp_path / "untitled.html"
    page.write_text(f"<html><body><article>{body}</article></body></html>", encoding="utf-8")
    article = read_article(page)
    assert article.text.startswith("Paragraph 0:")
    assert_blocks_well_formed(article.text, article.blocks)
    assert set(block.kind for block in article.blocks) == {"paragraph"}


def test_markdown_shows_where_links_point_and_keeps_bullets(tmp_path):
    page = tmp_path / "links.md"
    page.write_text(
        "# Budget row\n\n"
        "The minister [said on Monday](https://example.org/statement) that cuts were over, "
        "see <https://example.org/raw> and [the desk](mailto:desk@example.org), [an anchor](#top), "
        "[a page](/relative/page).\n\n"
        "- first point\n- second point\n\n1. step one\n",
        encoding="utf-8",
    )
    article = read_article(page)
    text = article.text
    assert "said on Monday (https://example.org/statement) that" in text
    assert "see https://example.org/raw and" in text  # an address shown as itself is not repeated
    assert "the desk (mailto:desk@example.org)" in text
    assert "an anchor, a page." in text and "#top" not in text and "/relative" not in text
    bullets = [text[b.start : b.end] for b in article.blocks if b.kind == "bullet"]
    assert bullets == ["• first point", "• second point", "1. step one"]
