"""HTML articles (saved web pages): three extractors combined, their agreement kept.

The page is parsed from the string already read from disk: nothing is fetched (no URL is
given to any extractor, and none loads images, frames or stylesheets), and scripts are
never run — trafilatura, readability-lxml and jusText all parse with lxml and drop
``<script>``, ``<style>`` and ``<iframe>``; ``<template>`` contents are removed beforehand.

Which text is the article is decided in :mod:`~annotator.core.readers.html_vote`: the base
is trafilatura's XML or readability's HTML, whichever agrees better with jusText; a block of
the base stays when another extractor also kept it and it is not mostly link text. On the
61-page development third of the public article-extraction benchmark this lifts word F1 from
0.950 (P 0.943, R 0.971; trafilatura's defaults alone) to 0.971 (P 0.958, R 0.988), headline
included, for about twice the time: 83 ms per page on average instead of 37 ms on an idle
machine (``benchmarks/html_reading.py``). An extractor that fails on the
page gives no opinion; the page is refused only when none finds any text.

Either base keeps the article's structure as blocks. trafilatura's XML: ``<head>`` →
headline (the first ``h1``/the page title) or subheading, ``<item>`` → bullet, table rows and
``<quote>``/``<code>`` → paragraph, and ``<p>`` → whatever the plain-text classifier
recognises (byline, caption, 'READ MORE' link...) or paragraph. readability's HTML: ``h1``-``h6``
→ headline (an opening heading that is the page title) or subheading, ``li`` → bullet,
``figcaption`` → caption, table rows, quotations and preformatted text → paragraph, other text
→ the classifier.

The canonical text is that readable text, one block per element separated by blank lines,
with the page title first as the headline when the extracted body does not start with it.
trafilatura runs with its defaults; when they find no main content (very short pages) a
recall-oriented pass is tried.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from annotator.core.article import Article, ArticleError
from annotator.core.readers.assembly import PieceText
from annotator.core.readers.decoding import DecodedText
from annotator.core.readers.html_extractors import (
    SummaryBlock,
    justext_text,
    link_share,
    link_texts,
    readability_summary,
    readability_title,
    summary_blocks,
)
from annotator.core.readers.html_vote import LINK_SHARE, READABILITY, Vote, choose_base
from annotator.core.readers.structure import block_metadata, headline_text

_EXTRACT_OPTIONS = {
    "output_format": "xml",
    "with_metadata": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,
}
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
"""For trafilatura's own XML output: no entities, no network; long texts allowed (files are
already capped at 50 MB)."""
_VOID_ELEMENT_START = re.compile(r"<(embed|source|track|keygen)\b[^>]*>", re.IGNORECASE)
_TEMPLATE = re.compile(r"<template\b[^>]*>.*?</template\s*>", re.IGNORECASE | re.DOTALL)
_PARSER_MAX_DEPTH = 255
"""libxml2's element depth limit without XML_PARSE_HUGE (the 256th level is an error)."""
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SUMMARY_KINDS = {
    **dict.fromkeys(_HEADING_TAGS, "subheading"),
    "li": "bullet",
    "tr": "paragraph",
    "blockquote": "paragraph",
    "pre": "paragraph",
    "figcaption": "caption",
}
"""Block kinds of readability's elements (other text: the plain-text classifier decides)."""
_METADATA_FIELDS = {"author": "author", "date": "date", "sitename": "site", "url": "url", "description": "description"}


def article_from_html(source: Path, decoded: DecodedText) -> Article:
    """Extract the main article of the decoded page into an Article."""
    html = drop_templates(close_void_elements(decoded.text))
    refuse_beyond_parser_limits(html)
    document, failure = _trafilatura_document(html)
    main = document.find("main") if document is not None else None
    summary = summary_blocks(readability_summary(html))
    trafilatura_text = " ".join(main.itertext()) if main is not None else ""
    readability_text = "\n".join(block.text for block in summary)
    justext = justext_text(html)
    title = " ".join((document.get("title") or "").split()) if document is not None else ""
    title = title or readability_title(html)
    pieces = None
    if choose_base(trafilatura_text, readability_text, justext) == READABILITY:
        pieces = _read_summary(summary, title, Vote([trafilatura_text, justext]))
    if pieces is None and main is not None:
        pieces = _read_trafilatura(main, title, Vote([readability_text, justext]), link_texts(html))
    if pieces is None:
        raise failure or ArticleError("no article text could be found in this HTML page")
    metadata = decoded.metadata()
    for field, key in _METADATA_FIELDS.items():
        value = (document.get(field) or "").strip() if document is not None else ""
        if value:
            metadata[key] = value
    if title:
        metadata["title"] = title
    text = pieces.text()
    blocks = pieces.blocks()
    for key, value in block_metadata(text, blocks).items():
        metadata.setdefault(key, value)
    return Article(
        source=source,
        text=text,
        title=headline_text(text, blocks) or title or source.stem,
        metadata=metadata,
        blocks=blocks,
        format="html",
    )


class _VotedPieces:
    """PieceText that takes a body block only when the vote confirms it and it is not mostly
    the page's link texts (the headline always)."""

    def __init__(self, vote: Vote, links: frozenset[str] = frozenset()) -> None:
        self.pieces = PieceText()
        self.vote = vote
        self.links = links
        self.body_blocks = 0

    def add(self, piece: str, kind: str | None = None) -> None:
        if kind == "headline":
            self.pieces.add(piece, kind)
        elif piece.strip() and self.vote.confirms(piece) and link_share(piece, self.links) < LINK_SHARE:
            self.pieces.add(piece, kind)
            self.body_blocks += 1


def _read_trafilatura(main: etree._Element, title: str, vote: Vote, links: frozenset[str]) -> PieceText:
    """trafilatura's elements that the vote confirms and that are not mostly link text; all
    of them if none is left."""
    voted = _VotedPieces(vote, links)
    _add_children(voted, main, title)
    if voted.body_blocks:
        return voted.pieces
    everything = _VotedPieces(Vote([]))
    _add_children(everything, main, title)
    if not everything.body_blocks:
        raise ArticleError("no article text could be found in this HTML page")
    return everything.pieces


def _read_summary(summary: list[SummaryBlock], title: str, vote: Vote) -> PieceText | None:
    """readability's blocks that are not mostly links and that the vote confirms.

    The page title leads as headline unless the summary opens with it as a heading; when
    the vote confirms no block, every block that is not mostly links stays. None when all
    of them are links (trafilatura's reading is then tried).
    """
    for current in (vote, Vote([])):
        voted = _VotedPieces(current)
        opens_with_title = bool(summary) and summary[0].tag in _HEADING_TAGS and _same_heading(summary[0].text, title)
        if title and not opens_with_title:
            voted.add(title, "headline")
        for index, block in enumerate(summary):
            if index == 0 and opens_with_title:
                voted.add(block.text, "headline")
            elif block.link_share < LINK_SHARE:
                voted.add(block.text, _SUMMARY_KINDS.get(block.tag))
        if voted.body_blocks:
            return voted.pieces
    return None


def close_void_elements(html: str) -> str:
    """Close ``<embed>``, ``<source>``, ``<track>`` and ``<keygen>`` right after they open.

    They are HTML5 void elements, but libxml2's HTML parser takes them for containers: an
    ``<embed>`` of a video player swallows the rest of its section, which trafilatura then
    removes with the embed (or flattens into one paragraph). An end tag after each opening
    tag restores the browser's reading; where the page already had one, the extra end tag
    is ignored as a stray.
    """
    return _VOID_ELEMENT_START.sub(r"\g<0></\g<1>>", html)


def drop_templates(html: str) -> str:
    """Remove ``<template>`` elements: browsers never show them (scripts fill them in).

    trafilatura keeps their text as if it were the page's ('{{headline}}', 'Loading…').
    """
    return _TEMPLATE.sub("", html)


def refuse_beyond_parser_limits(html: str) -> None:
    """Refuse a page that libxml2 (under trafilatura) would cut short without a word.

    The HTML parser stops building the tree 256 elements deep and drops a text run over
    10 MB; what lies beyond is silently missing from the extracted text (or the page seems
    to have no text at all). Such pages are machine-made, never a real article's markup, so
    they are refused with the reason instead of shown incomplete. Parsing costs ~2 ms per
    MB, next to trafilatura's ~500 ms.
    """
    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8")
    try:
        lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return  # nothing parseable: trafilatura will say there is no article text
    for error in parser.error_log:
        if error.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in error.message.lower():
            raise ArticleError(
                f"this page's HTML is nested more than {_PARSER_MAX_DEPTH} elements deep; "
                "it cannot be read without losing text"
            )
        raise ArticleError(
            "this page has one piece of text or markup over 10 MB, more than the HTML parser reads; "
            "it cannot be read without losing text"
        )


def _trafilatura_document(html: str) -> tuple[etree._Element | None, ArticleError | None]:
    """trafilatura's XML document (its defaults, then recall-oriented when they find nothing).

    A page trafilatura cannot read gives no document and the reason, for when no other
    extractor finds the article either.
    """
    for options in ({}, {"favor_recall": True}):
        try:
            result = _trafilatura_xml(html, options)
        except ArticleError as failure:
            return None, failure
        if result:
            try:
                document = etree.fromstring(result.encode("utf-8"), _XML_PARSER)
            except etree.XMLSyntaxError:
                return None, None
            if document.find("main") is not None:
                return document, None
    return None, None


def _trafilatura_xml(html: str, options: dict[str, bool]) -> str | None:
    """trafilatura's XML, or without metadata when its metadata pass breaks on the page.

    Its date and metadata helpers (htmldate, lxml's ``drop_tree``) fail on some malformed
    markup, e.g. ``<svg>text<p><p>`` raises an AssertionError; the article text is still
    extractable without them, so that is tried before giving up with an ArticleError.
    """
    try:
        return trafilatura.extract(html, **_EXTRACT_OPTIONS, **options)
    except Exception:  # noqa: BLE001 - third-party parser on hostile markup
        pass
    try:
        return trafilatura.extract(html, **{**_EXTRACT_OPTIONS, "with_metadata": False}, **options)
    except Exception as error:  # noqa: BLE001
        raise ArticleError(f"this HTML page could not be parsed ({type(error).__name__})") from error


def _add_children(pieces: PieceText | _VotedPieces, main: etree._Element, title: str) -> None:
    """Add the body's elements, led by the title as headline unless the body opens with it."""
    elements = list(main)
    opens_with_title = bool(elements) and elements[0].tag == "head" and _same_heading(_text_of(elements[0]), title)
    if title and not opens_with_title:
        pieces.add(title, "headline")
    for index, element in enumerate(elements):
        _add_element(pieces, element, is_title=opens_with_title and index == 0)


def _same_heading(heading: str, title: str) -> bool:
    """The page title often carries the site name or loses a word; containment is enough."""
    heading, title = " ".join(heading.split()).casefold(), " ".join(title.split()).casefold()
    return bool(heading) and bool(title) and (heading in title or title in heading)


def _add_element(pieces: PieceText | _VotedPieces, element: etree._Element, is_title: bool = False) -> None:
    tag = element.tag
    if tag == "head":
        pieces.add(_text_of(element), "headline" if is_title else "subheading")
    elif tag == "list":
        for item in element.iter("item"):
            pieces.add(_text_of(item, skip_lists=True), "bullet")
    elif tag == "table":
        for row in element.iter("row"):
            pieces.add("\t".join(" ".join(_text_of(cell).split()) for cell in row), "paragraph")
    elif tag == "quote" and len(element) and all(child.tag == "p" for child in element):
        for child in element:
            pieces.add(_text_of(child), "paragraph")
    elif tag in ("quote", "code"):
        pieces.add(_text_of(element), "paragraph")
    elif tag in ("div", "main", "section"):
        for child in element:
            _add_element(pieces, child)
    else:
        pieces.add(_text_of(element))


def _text_of(element: etree._Element, skip_lists: bool = False) -> str:
    """The element's text, with ``<lb/>`` as a newline (nested lists left to their own items)."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif not (skip_lists and child.tag == "list"):
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)
