"""Builds the QTextDocument of an article, line by line, with a format per block kind.

The document holds the canonical text itself and nothing else: each line of the text is
inserted with ``QTextCursor.insertText`` and each line break becomes one block separator,
so a document position differs from a code-point offset only by the surrogate pairs that
``positions.PositionMap`` accounts for. Never ``setPlainText``/``setHtml`` (they rewrite
line breaks and entities) and never inserted decorations: captions are marked by the
view's painting, bullets keep the article's own bullet character.

Each QTextBlock's ``userState`` is the index of its kind in ``BLOCK_KINDS`` (-1 for blank
or unstructured lines) so that views can find captions without a second lookup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from annotator.core.article import BLOCK_KINDS, Article
from annotator.qt.gui_handoff import GuiMailbox
from annotator.qt.positions import PositionMap
from annotator.qt.window.theme import ArticleColors

# Characters QTextCursor.insertText turns into a block separator (one position each);
# splitting on them ourselves keeps "\r\n" as two positions, as in the canonical text.
_LINE_BREAK = re.compile("[\n\r\u2029]")
# Qt's private frame markers: shown as U+FFFD, same width, so positions do not move.
_FRAME_MARKERS = str.maketrans({"\ufdd0": "\ufffd", "\ufdd1": "\ufffd"})

LONG_UNBROKEN_RUN = 10_000
_BREAKERS = (" ", "\n", "\t", "-", "\u200b", "\u2029")
_UNBROKEN_RUN = re.compile(rf"(?<![^ \t\n\u2029\u200b-])[^ \t\n\u2029\u200b-]{{{LONG_UNBROKEN_RUN}}}")
"""A run of characters with no space, zero-width space or hyphen to wrap at (a base64 blob, a
minified script pasted as text, words joined by no-break spaces); the look-behind makes the
scan linear, trying each run once from its start."""

NO_KIND = -1
LINE_HEIGHT_PERCENT = 145
BLANK_LINE_HEIGHT_PERCENT = 45


@dataclass(frozen=True)
class Line:
    """One line of the canonical text and the kind of block it belongs to."""

    start: int
    end: int
    kind: str | None


def article_lines(article: Article) -> Iterator[Line]:
    """Every line of the text with its block kind, walking lines and blocks together."""
    text = article.text
    blocks = sorted(article.blocks, key=lambda block: block.start)
    block_index = 0
    start = 0
    for match in _LINE_BREAK.finditer(text):
        end = match.start()
        kind, block_index = _kind_of(blocks, block_index, start, end)
        yield Line(start, end, kind)
        start = match.end()
    kind, _ = _kind_of(blocks, block_index, start, len(text))
    yield Line(start, len(text), kind)


def _kind_of(blocks: list, index: int, start: int, end: int) -> tuple[str | None, int]:
    """The kind of the first block overlapping ``start..end``, and where to resume."""
    while index < len(blocks) and blocks[index].end <= start:
        index += 1
    if start < end and index < len(blocks) and blocks[index].start < end:
        return blocks[index].kind, index
    return None, index


class ArticleFormats:
    """Block and character formats of each block kind, for one theme and base font."""

    def __init__(self, colors: ArticleColors, font: QFont) -> None:
        self.colors = colors
        self.font = font
        em = QFontMetricsF(font).height()
        self._block: dict[str | None, QTextBlockFormat] = {}
        self._char: dict[str | None, QTextCharFormat] = {}
        for kind in (*BLOCK_KINDS, None):
            self._block[kind] = self._block_format(kind, em)
            self._char[kind] = self._char_format(kind)
        self.blank_block = QTextBlockFormat()
        self.blank_block.setLineHeight(BLANK_LINE_HEIGHT_PERCENT, 1)  # ProportionalHeight
        self.marker_char = self._char_format("caption")

    def block(self, kind: str | None) -> QTextBlockFormat:
        return self._block[kind]

    def char(self, kind: str | None) -> QTextCharFormat:
        return self._char[kind]

    def _block_format(self, kind: str | None, em: float) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLineHeight(LINE_HEIGHT_PERCENT, 1)  # ProportionalHeight
        fmt.setBottomMargin(em * 0.25)
        if kind == "headline":
            fmt.setLineHeight(118, 1)
            fmt.setBottomMargin(em * 0.5)
        elif kind == "standfirst":
            fmt.setBottomMargin(em * 0.4)
        elif kind == "subheading":
            fmt.setTopMargin(em * 0.8)
            fmt.setLineHeight(120, 1)
        elif kind == "bullet":
            fmt.setLeftMargin(em * 1.2)
            fmt.setBottomMargin(em * 0.1)
        elif kind == "caption":
            fmt.setLeftMargin(em * 1.6)
            fmt.setLineHeight(125, 1)
            fmt.setBottomMargin(em * 0.45)
        elif kind in ("byline", "dateline"):
            fmt.setLineHeight(120, 1)
            fmt.setBottomMargin(0)
        return fmt

    def _char_format(self, kind: str | None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(self.colors.text)
        if kind == "headline":
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 3)
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind == "standfirst":
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
        elif kind == "subheading":
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 1)
            fmt.setFontWeight(QFont.Weight.Bold)
        elif kind == "caption":
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
            fmt.setFontItalic(True)
            fmt.setForeground(self.colors.muted)
        elif kind in ("byline", "dateline", "source_line"):
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
            fmt.setForeground(self.colors.muted)
            if kind == "byline":
                fmt.setFontWeight(QFont.Weight.DemiBold)
            if kind == "dateline":
                fmt.setFontLetterSpacing(104)
        elif kind == "related_link":
            # Muted like a credit, not blue: it is not a link the reader can follow here.
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, -1)
            fmt.setForeground(self.colors.muted)
            fmt.setFontItalic(True)
        return fmt


def wrap_mode_for(text: str) -> QTextOption.WrapMode:
    """Wrap at word boundaries, unless the text holds a very long run without any.

    Qt's line breaker rescans an unbreakable run from each line's start, so laying out such a
    run is quadratic: 200,000 characters take seconds, 2 MB tens of minutes, with the window
    frozen. Wrapping anywhere makes it linear (2 MB in a fraction of a second); ordinary
    words may then break at the margin, which is the lesser harm for such a file.
    """
    if _may_hold_a_long_run(text) and _UNBROKEN_RUN.search(text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def _may_hold_a_long_run(text: str) -> bool:
    """A quick sieve before the exact scan (10 MB of prose in ~1 ms instead of ~100 ms).

    A run of ``LONG_UNBROKEN_RUN`` characters covers a whole window of half that length
    starting at a multiple of it; prose has a space in the first few characters of every
    window, found by ``in`` at C speed.
    """
    half = LONG_UNBROKEN_RUN // 2
    for start in range(0, len(text) - half + 1, half):
        window = text[start : start + half]
        if not any(breaker in window for breaker in _BREAKERS):
            return True
    return False


def build_document(article: Article, formats: ArticleFormats) -> QTextDocument:
    """A new document holding exactly ``article.text``, formatted by block kind."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(formats.font)
    document.setDocumentMargin(formats.font.pointSizeF() * 2)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    text = article.text
    if "\ufdd0" in text or "\ufdd1" in text:  # rare; translate() of 5 MB costs 0.2 s
        text = text.translate(_FRAME_MARKERS)
    kind_index = {kind: index for index, kind in enumerate(BLOCK_KINDS)}
    states: list[int] = []
    for number, line in enumerate(article_lines(article)):
        content = text[line.start : line.end]
        block_format = formats.block(line.kind) if content.strip() else formats.blank_block
        if number == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(formats.char(line.kind))
        else:
            cursor.insertBlock(block_format, formats.char(line.kind))
        if content:
            cursor.insertText(content, formats.char(line.kind))
        states.append(kind_index.get(line.kind, NO_KIND) if line.kind else NO_KIND)
        if line.kind == "bullet":
            _hang_bullet(cursor, content, formats)
    cursor.endEditBlock()
    block = document.begin()
    for state in states:
        block.setUserState(state)
        block = block.next()
    return document


def _hang_bullet(cursor: QTextCursor, content: str, formats: ArticleFormats) -> None:
    """Outdent the first line by the bullet and its padding, so wrapped lines align."""
    stripped = content.lstrip()
    marker = content[: len(content) - len(stripped)]
    if stripped[:1] in "•*-–·◦▪":
        marker += stripped[: len(stripped) - len(stripped[1:].lstrip())]
    if not marker:
        return
    width = QFontMetricsF(formats.font).horizontalAdvance(marker)
    block_format = cursor.blockFormat()
    block_format.setTextIndent(-width)
    cursor.setBlockFormat(block_format)


@dataclass(frozen=True)
class RenderedDocument:
    """A document built (possibly on a worker thread) with ``formats``, ready for a view."""

    document: QTextDocument | None  # None: the GUI thread could not take it; build it there
    formats: ArticleFormats
    wrap_mode: QTextOption.WrapMode = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    """``wrap_mode_for`` the article, found on the worker too (scanning 10 MB takes ~0.1 s)."""
    position_map: PositionMap | None = None
    """The article's code-point ↔ document positions, also built on the worker (~15 ms at 10 MB)."""


def document_renderer(formats: ArticleFormats, mailbox: GuiMailbox):
    """A function that builds an article's document on any thread and hands it to the GUI.

    Building a 5 MB article's document takes about half a second, so the loader does it on
    its worker; the finished document is moved to the GUI thread through ``mailbox`` (from
    the thread that built it, as Qt requires, while the GUI thread waits outside Qt's locks:
    see ``gui_handoff``). When the GUI thread could not take it, the document is left out and
    the view builds its own.
    """

    def render(article: Article) -> RenderedDocument:
        document: QTextDocument | None = build_document(article, formats)
        if not mailbox.move_here(document):
            document = None
        return RenderedDocument(document, formats, wrap_mode_for(article.text), PositionMap(article.text))

    return render
