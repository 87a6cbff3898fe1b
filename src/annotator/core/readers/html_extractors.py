"""The second and third opinions on a page's article text: readability-lxml and jusText.

trafilatura alone keeps some of what surrounds an article (related-link lists, share prompts,
newsletter boxes) and, on some page layouts, misses half of the article. Two extractors that
work differently give independent opinions: readability-lxml scores the page's containers and
keeps the best one (its HTML, so headings, lists and captions stay elements), jusText
classifies each paragraph by its length, link density and stop words.

Both parse the string already in memory with lxml's HTML parser: nothing is fetched, no
script runs. A page that makes either one fail gets no opinion from it (an empty result),
never an error: the page is still read with the others.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import justext
import lxml.html
from lxml import etree
from readability import Document

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK_TAGS = _HEADINGS | {
    "p", "li", "blockquote", "pre", "figcaption", "tr", "dd", "dt", "div", "section", "article",
    "ul", "ol", "dl", "table", "tbody", "thead", "tfoot", "figure", "header", "footer", "aside",
    "main", "br", "hr", "td", "th",
}
"""Elements that end the text run before them (a ``<br>`` too: each line is judged alone)."""
_OWN_KIND = _HEADINGS | {"li", "tr", "figcaption", "blockquote", "pre"}
"""Elements whose kind their text keeps, whatever block element they contain."""
_CELLS = {"td", "th"}
_NO_TITLE = "[no-title]"
"""What readability-lxml's ``title()`` says for a page without one."""


@dataclass(frozen=True)
class SummaryBlock:
    """One block of readability's article HTML: its element, its text, how much of it is links."""

    tag: str
    text: str
    link_share: float


def readability_summary(html: str) -> str:
    """readability-lxml's article HTML ('' when it finds none or fails on the page)."""
    try:
        return Document(html).summary(html_partial=True) or ""
    except Exception:  # noqa: BLE001 - third-party parser on hostile markup
        logging.getLogger(__name__).debug("readability failed on the page", exc_info=True)
        return ""


def readability_title(html: str) -> str:
    """The page's ``<title>`` as readability reads it ('' when there is none or it fails)."""
    try:
        title = " ".join((Document(html).title() or "").split())
    except Exception:  # noqa: BLE001
        return ""
    return "" if title == _NO_TITLE else title


JUSTEXT_MAX_BLOCKS = 3000
"""Pages with more block-element tags (``<p>``, ``<div>``, ``<li>``, ``<td>``, ``<br>``…, counted
in the HTML, a little more than jusText's paragraphs) get no opinion from jusText. Its revision of paragraph
classes looks for each paragraph's nearest good neighbour by walking the list, which grows
with the square of the paragraph count on long runs of like paragraphs: 5,000 paragraphs
took 1.2 s, 20,000 took 14 s of a 25 s read (a news page has a few hundred). The page is
still read by the other two."""
_BLOCK_START = re.compile(rb"<(?:p|div|li|tr|td|br|h[1-6]|dd|dt|blockquote|pre|section|article)\b", re.IGNORECASE)


def justext_text(html: str) -> str:
    """jusText's article paragraphs, one a line ('' when it finds none, fails on the page,
    or the page has more than ``JUSTEXT_MAX_BLOCKS`` block elements)."""
    encoded = html.encode("utf-8", "replace")
    if _too_many_blocks(encoded):
        return ""
    try:
        paragraphs = justext.justext(encoded, justext.get_stoplist("English"))
    except Exception:  # noqa: BLE001 - third-party parser on hostile markup
        logging.getLogger(__name__).debug("jusText failed on the page", exc_info=True)
        return ""
    return "\n".join(paragraph.text for paragraph in paragraphs if not paragraph.is_boilerplate)


def _too_many_blocks(encoded: bytes) -> bool:
    count = 0
    for _ in _BLOCK_START.finditer(encoded):
        count += 1
        if count > JUSTEXT_MAX_BLOCKS:
            return True
    return False


def link_texts(html: str) -> frozenset[str]:
    """The text of every link on the page (spaces normalised), for judging trafilatura's blocks.

    trafilatura's XML without links says nothing about them (asking it for links changes
    what it extracts), so a block's link share is measured against the page's own anchors.
    """
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"))
    except Exception:  # noqa: BLE001 - lxml on hostile markup; no links known is a safe answer
        return frozenset()
    return frozenset(filter(None, (" ".join(anchor.text_content().split()) for anchor in root.iter("a"))))


def link_share(text: str, links: frozenset[str]) -> float:
    """How much of ``text`` (spaces normalised) the page's link texts cover, at most 1."""
    text = " ".join(text.split())
    if not text:
        return 0.0
    return min(1.0, sum(len(link) for link in links if link in text) / len(text))


def summary_blocks(summary: str) -> list[SummaryBlock]:
    """readability's article HTML as blocks in reading order.

    Every block element ends the text run before it; a heading, list item, table row,
    caption, quotation or preformatted text gives its kind to all the text inside it (table
    cells joined by tabs); other text is a plain paragraph.
    """
    if not summary.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except Exception:  # noqa: BLE001 - e.g. an AssertionError on a summary without a body
        return []
    return _BlockWalker().walk(root)


class _BlockWalker:
    def __init__(self) -> None:
        self.blocks: list[SummaryBlock] = []
        self._parts: list[str] = []
        self._linked = 0

    def walk(self, root: etree._Element) -> list[SummaryBlock]:
        self._visit(root, "p", in_link=False)
        self._flush("p")
        return self.blocks

    def _visit(self, element: etree._Element, tag: str, in_link: bool) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return
        name = element.tag.lower()
        is_block = name in _BLOCK_TAGS
        own = name if name in _OWN_KIND else tag
        in_link = in_link or name == "a"
        if is_block and name not in _CELLS:
            self._flush(tag)
        if name in _CELLS and self._parts:
            self._parts.append("\t")
        self._text(element.text, in_link)
        for child in element:
            self._visit(child, own, in_link)
            self._text(child.tail, in_link)
        if is_block and name not in _CELLS:
            self._flush(own)

    def _text(self, text: str | None, in_link: bool) -> None:
        if text:
            self._parts.append(text)
            if in_link:
                self._linked += len(" ".join(text.split()))

    def _flush(self, tag: str) -> None:
        raw = "".join(self._parts)
        self._parts.clear()
        linked, self._linked = self._linked, 0
        if tag == "tr":
            text = "\t".join(" ".join(cell.split()) for cell in raw.split("\t") if cell.strip())
        else:
            text = " ".join(raw.split())
        if text:
            self.blocks.append(SummaryBlock(tag, text, min(1.0, linked / len(text))))
