"""PDF export: the HTML page rendered by Qt's own text engine, no browser involved.

``QTextDocument`` lays out the page that ``annotator.core.export.html_page`` writes in its
print form (the text at the page's full width, each block's notes under it) and prints it
through ``QPdfWriter`` into memory, so the caller decides where the bytes go and can write
them atomically. The pages are laid out here rather than by ``QTextDocument.print``, whose
own pagination adds 2 cm of margin inside the page margins and lets a heading end a page:
the document is given the printable area as its page size, and a heading that would sit
at the foot of a page, cut from the paragraph it introduces, starts the next page instead.
Paper is A4, or US Letter where the locale measures in inches. Fonts need a
``QGuiApplication``; when none is running (the command line), one is created on the
``offscreen`` platform, which needs no display.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

PAGE_MARGIN_MM = 15.0
RESOLUTION_DPI = 300
LAYOUT_DPI = 96  # QTextDocument lays out in these units; print() scales them to the page
BODY_POINT_SIZE = 10.5


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a new offscreen one for a headless export."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["annotator-export"])
    return app  # type: ignore[return-value]


def paper_for(locale: QLocale) -> QPageSize.PageSizeId:
    """US Letter where the locale measures in inches (the US and a few others), else A4."""
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4


def html_to_pdf(html: str, title: str = "", page_size: QPageSize.PageSizeId | None = None) -> bytes:
    """``html`` laid out on pages of ``page_size`` (the locale's paper by default) as a PDF."""
    app = ensure_gui_application()  # kept alive for the duration of the rendering
    page_size = page_size if page_size is not None else paper_for(QLocale())
    layout = QPageLayout(
        QPageSize(page_size), QPageLayout.Orientation.Portrait, QMarginsF(*(PAGE_MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter
    )
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSizeF(BODY_POINT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(html)
    printable = layout.paintRect(QPageLayout.Unit.Point)
    page = QSizeF(printable.width() * LAYOUT_DPI / 72, printable.height() * LAYOUT_DPI / 72)
    document.setPageSize(page)
    keep_headings_with_next(document)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(layout)
    writer.setTitle(title)
    writer.setCreator("Annotator")
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    del app
    return bytes(data.data())


def _page_of(document: QTextDocument, y: float) -> int:
    return int(y // document.pageSize().height())


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def keep_headings_with_next(document: QTextDocument) -> int:
    """Move each heading that a page break would part from the text after it to the next page.

    Returns how many headings moved. Each move can push later text down, so the document is
    walked once, in order, with the layout brought up to date as it goes.
    """
    layout = document.documentLayout()
    moved = 0
    block = document.begin()
    while block.isValid():
        following = block.next()
        while following.isValid() and not following.text().strip():
            following = following.next()
        if _is_heading(block) and following.isValid():
            here = layout.blockBoundingRect(block)
            there = layout.blockBoundingRect(following)
            if _page_of(document, here.top()) != _page_of(document, there.top() + min(there.height(), 1.0)):
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).mergeBlockFormat(fmt)
                moved += 1
        block = block.next()
    if moved:
        # A changed block format marks the layout dirty without laying it out again; print()
        # counts pages from the layout, so it is brought up to date to the last block first.
        layout.blockBoundingRect(document.lastBlock())
    return moved
