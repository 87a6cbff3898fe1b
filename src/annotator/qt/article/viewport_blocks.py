"""Which blocks of a QTextEdit's document are on screen, found without hit-testing.

``QTextEdit.cursorForPosition`` is the obvious way to ask what text is at the top of the
viewport, but while a long document is still being laid out (Qt does it in steps, and the
window's ``LayoutPacer`` too) it answers wrongly: a point between two paragraphs matches no
block, and Qt then walks every block to the end of the document, returning a position far
below the screen — slowly. Blocks are laid out from the top, and a laid-out block knows its
place (``QTextLayout.position``) without laying anything else out, so a binary search over
block numbers finds the first block on screen; a block not laid out yet counts as below
everything. Blocks down to the bottom of the viewport are then laid out one by one, which
painting them would do next anyway.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextEdit


def laid_out_top(block: QTextBlock) -> float | None:
    """The block's top in document coordinates, or None while it is not laid out."""
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return None
    return layout.position().y()


def block_at_y(document: QTextDocument, y: float) -> QTextBlock:
    """The last laid-out block starting at or above ``y`` (the first block if none does)."""
    low, high = 0, document.blockCount() - 1
    while low < high:
        middle = (low + high + 1) // 2
        top = laid_out_top(document.findBlockByNumber(middle))
        if top is not None and top <= y:
            low = middle
        else:
            high = middle - 1
    return document.findBlockByNumber(low)


def visible_blocks(view: QTextEdit) -> tuple[QTextBlock, QTextBlock]:
    """The first and the last block showing in ``view``'s viewport (partly counts)."""
    document = view.document()
    layout = document.documentLayout()
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    last = block_at_y(document, bottom)
    while last.next().isValid() and layout.blockBoundingRect(last).bottom() < bottom:
        last = last.next()  # below what is laid out: lay it out now, as painting would
    first = block_at_y(document, top)  # laid out by now too
    if first != last and layout.blockBoundingRect(first).bottom() <= top:
        first = first.next()  # the top edge is in the gap below it: it is not on screen
    return first, last


def visible_positions(view: QTextEdit) -> tuple[int, int]:
    """Document positions from the first to the last visible line (whole lines).

    Lines rather than blocks, so that one paragraph of 100,000 characters (a transcript
    without line breaks) does not count as visible as a whole.
    """
    first, last = visible_blocks(view)
    top = view.verticalScrollBar().value()
    bottom = top + view.viewport().height()
    start, _ = line_span_at_y(first, top)
    _, end = line_span_at_y(last, bottom)
    return start, max(start, end)


def line_span_at_y(block: QTextBlock, y: float) -> tuple[int, int]:
    """Document positions of the block's line at ``y`` (its first or last line beyond it)."""
    layout = block.layout()
    top = laid_out_top(block)
    if top is None:
        return block.position(), block.position() + max(0, block.length() - 1)
    low, high = 0, layout.lineCount() - 1
    while low < high:
        middle = (low + high + 1) // 2
        if top + layout.lineAt(middle).y() <= y:
            low = middle
        else:
            high = middle - 1
    line = layout.lineAt(low)
    return block.position() + line.textStart(), block.position() + line.textStart() + line.textLength()
