"""Properties that hold for any input: only ArticleError escapes, blocks are always well formed."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from annotator.core.article import Article, ArticleError
from annotator.core.readers import read_article
from annotator.core.readers.structure import recover_blocks

from .readers_support import assert_blocks_well_formed

NEWSY_ALPHABET = st.sampled_from(
    list("abcXYZ .,:;!?-–—'\"‘’“”•*()0123456789\n\n\n\t ")
    + ["\u00a0", "\r", "é", "🙂", "By ", "READ MORE: ", "Source: ", "LONDON 1996-08-30", "pictured", "\u0301"]
)


def read_bytes(data: bytes, suffix: str) -> Article | None:
    """The article read from ``data`` saved as ``input<suffix>``, or None after an ArticleError.

    Any other exception fails the test: that is the property. An article always has text,
    LF line ends and well-formed blocks; an ArticleError always a message.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            article = read_article(path)
        except ArticleError as error:
            assert type(error) is ArticleError and str(error).strip()
            return None
    assert article.text.strip() and "\r" not in article.text
    assert article.text == article.text.strip() or article.format == "text"
    assert_blocks_well_formed(article.text, article.blocks)
    return article


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".md", ".dat", ""]))
def test_random_bytes_give_an_article_or_an_article_error(data, suffix):
    read_bytes(data, suffix)


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(NEWSY_ALPHABET, max_size=120))
def test_blocks_are_sorted_disjoint_trimmed_and_cover_the_text(parts):
    text = "".join(parts).replace("\r", "\n")
    assert_blocks_well_formed(text, recover_blocks(text))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_any_unicode_text_keeps_its_code_points(text):
    article = read_bytes(text.encode("utf-8"), ".txt")
    if article is not None and article.metadata["encoding"].startswith("utf-16"):
        # Text holding U+0000 has zero bytes, as UTF-16 without a BOM has: bytes that read
        # as UTF-16 text are taken for it, and the article says so.
        assert "\x00" in text
    elif article is not None:
        expected = text.replace("\r\n", "\n").replace("\r", "\n")
        assert article.text == expected.removeprefix("\ufeff")


# -- every format, hostile input: only ArticleError escapes, blocks stay well formed ----------


ENCODINGS = [
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be", "cp1252", "latin-1",
    "cp1251", "koi8-r", "iso-8859-7", "shift_jis", "euc-kr", "gb18030", "big5", "mac-roman", "utf-7",
]
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE]


def encoded(text: str, encoding: str) -> bytes:
    # Lone surrogates become invalid UTF bytes on purpose; legacy code pages replace what they lack.
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


text_chunks = st.one_of(
    st.text(max_size=12),
    NEWSY_ALPHABET,
    st.sampled_from(["\r\n", "\r", "\x00", "\ufeff", "\u2028", "\x85", "\x0b", "\x0c", "\u200b", "\ud800"]),
)


@settings(max_examples=150, deadline=None)
@given(
    text=st.lists(text_chunks, max_size=30).map("".join),
    encoding=st.sampled_from(ENCODINGS),
    bom=st.sampled_from(BOMS),
    tail=st.binary(max_size=3),
    suffix=st.sampled_from([".txt", "", ".dat"]),
)
def test_plain_text_in_any_encoding_bom_and_line_ending(text, encoding, bom, tail, suffix):
    read_bytes(bom + encoded(text, encoding) + tail, suffix)


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200), bom=st.sampled_from(
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")]
))
def test_a_byte_order_mark_is_believed_and_the_text_kept(text, bom):
    mark, encoding = bom
    article = read_bytes(mark + text.encode(encoding), ".txt")
    if article is not None:
        assert article.text == text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


HTML_TAGS = [
    "p", "div", "h1", "h2", "ul", "ol", "li", "table", "tr", "td", "blockquote", "pre", "code", "script",
    "style", "iframe", "img", "a", "b", "br", "span", "article", "main", "section", "figure", "figcaption",
    "head", "body", "html", "title", "nav", "footer", "template", "svg", "math", "noscript", "object",
]
HTML_ATTRIBUTES = [
    "", ' class="story"', " src='http://example.invalid/x.png'", ' onload="alert(1)"', " x=", " a='b",
    ' style="display:none"', ' href="javascript:alert(1)"', " hidden",
]
HTML_TEXT = [
    "Ana Lima said", "“Hello,” she said.", "By Jo Smith", "READ MORE: more", "word " * 25, "&amp;", "&nbsp;",
    "&#0;", "&#x110000;", "&#xD800;", "&bogus;", "&", "<", ">", "\"", " ", "\n", "\r\n", "\x00", "\x0c", "é",
    "🙂", "\u0301", "\u202e", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>",
    "</p>", "</div>", "<p", "</", "<br/>", "<li>", "</li></ul>", "<table><td>",
    '<?xml version="1.0" encoding="utf-16"?>', '<meta charset="bogus">', '<!DOCTYPE html SYSTEM "x.dtd">',
]


@st.composite
def html_documents(draw, depth: int = 0) -> str:
    """Tag soup: real and unclosed tags, broken attributes and entities, nested a few deep."""
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        choice = draw(st.integers(0, 2)) if depth < 6 else 0
        if choice == 0:
            parts.append(draw(st.sampled_from(HTML_TEXT)))
        elif choice == 1:
            tag, attribute = draw(st.sampled_from(HTML_TAGS)), draw(st.sampled_from(HTML_ATTRIBUTES))
            close = f"</{tag}>" if draw(st.booleans()) else ""
            parts.append(f"<{tag}{attribute}>{draw(html_documents(depth + 1))}{close}")
        else:
            parts.append(draw(st.text(max_size=10)))
    return "".join(parts)


@example(document="<svg>Ana Lima saidAna Lima saidAna Lima said<p><p>", encoding="utf-8", suffix=".html")
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=html_documents(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    suffix=st.sampled_from([".html", ".htm", ""]),
)
def test_malformed_html_gives_an_article_or_an_article_error(document, encoding, suffix):
    # The example: trafilatura's date finder (htmldate → lxml drop_tree) raised AssertionError.
    read_bytes(encoded(document, encoding), suffix)


MARKDOWN_LINES = [
    "# Title", "## Sub", "###### h6", "####### not a heading", "- item", "  - nested", "    - deeper",
    "      1. deepest", "1. one", "   2) two", "* star", "+ plus", "- [ ] task", "\t- tab item", "> quote",
    "> > nested quote", "> - listed quote", "```", "```python", "~~~", "    indented code", "<div>", "</div>",
    "<script>alert(1)</script>", "<script>", "</script>", "<!-- comment -->", "<iframe src=x>", "| a | b |",
    "|---|---|", "| c |", "---", "***", "Setext", "===", "![alt](x.png)", "![](x)", "[link](http://x)",
    "[ref]: http://x", "[ref]", "<http://auto.link>", "*em* **strong** ~~del~~", "`code`", "\\", "  ", "",
    "By Ana Lima", "READ MORE: x", "“Hello,” she said.", "&amp; &#0; &#xD800; &bogus;", "é🙂\u0301",
    "<p>inline <b>html</b></p>", "<img src=x onerror=alert(1)>", "\x0c", "\u2028", "title: X", "...",
]


@settings(max_examples=120, deadline=None)
@given(
    lines=st.lists(st.one_of(st.sampled_from(MARKDOWN_LINES), st.text(max_size=8)), max_size=30),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    front_matter=st.booleans(),
)
def test_any_markdown_gives_an_article_or_an_article_error(lines, newline, encoding, front_matter):
    head = ["---", "title: T", "author: A", "---"] if front_matter else []
    read_bytes(encoded(newline.join(head + lines), encoding), ".md")


@example(name="a\x00b.txt")  # was ValueError (embedded null byte) from os.stat
@settings(max_examples=50, deadline=None)
@given(name=st.text(st.characters(blacklist_characters="/"), min_size=1, max_size=40))  # stay in the folder
def test_any_file_name_gives_an_article_or_an_article_error(name):
    with tempfile.TemporaryDirectory() as folder:
        try:
            read_article(Path(folder) / name)
        except ArticleError as error:
            assert type(error) is ArticleError and str(error).strip()
