"""PDF export: the HTML page rendered by Qt's own text engine, no browser involved.

``QTextDocument`` lays out the page that ``annotator.core.export.html_page`` writes (it
understands its tables, colours and anchors) and prints it through ``QPdfWriter`` into
memory, so the caller decides where the bytes go and can write them atomically. Fonts
need a ``QGuiApplication``; when none is running (the command line), one is created on
the ``offscreen`` platform, which needs no display.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

PAGE_MARGIN_MM = 15.0
RESOLUTION_DPI = 300


def ensure_gui_application() -> QGuiApplication:
    """The running application, or a new offscreen one for a headless export."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["annotator-export"])
    return app  # type: ignore[return-value]


def html_to_pdf(html: str, title: str = "", page_size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> bytes:
    """``html`` laid out on pages of ``page_size`` and returned as a PDF document."""
    app = ensure_gui_application()  # kept alive for the duration of the rendering
    document = QTextDocument()
    document.setHtml(html)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(QPageSize(page_size))
    writer.setPageMargins(QMarginsF(*(PAGE_MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Annotator")
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    del app
    return bytes(data.data())

