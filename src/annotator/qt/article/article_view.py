"""The read-only article view: structured text at a reading measure, centred.

``ArticleView`` shows one ``Article`` through a document built by ``document_builder``
and speaks code-point offsets to the rest of the window; it converts through its
``PositionMap`` and never lets document positions escape. Highlights go through its
``highlights`` layers. It emits nothing itself: selection changes are QTextEdit's
``selectionChanged``, and the window asks ``selected_span()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QMouseEvent,
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QTextEdit, QToolTip, QWidget

from annotator.core.annotations.spans import snap_to_words
from annotator.core.article import BLOCK_KINDS, Article
from annotator.qt.article.background_render import BackgroundRenderer
from annotator.qt.article.document_builder import ArticleFormats, RenderedDocument, build_document, document_renderer
from annotator.qt.article.fonts import DEFAULT_POINT_SIZE, clamp_point_size, reading_font
from annotator.qt.article.highlight_layers import HighlightLayers
from annotator.qt.article.layout_pacer import LayoutPacer
from annotator.qt.positions import PositionMap
from annotator.qt.window.theme import ArticleColors, theme_named
from annotator.qt.article.viewport_blocks import visible_blocks, visible_positions
from annotator.qt.gui_handoff import GuiMailbox

MEASURE_CHARACTERS = 70
# Longer articles are rebuilt on a worker after a zoom or theme change (about 0.1 s of building
# per 1,000,000 characters would otherwise hold the window); shorter ones at once, in place.
BACKGROUND_REBUILD_CHARS = 300_000
CAPTION_KIND = BLOCK_KINDS.index("caption")

TooltipSource = Callable[[int], str | None]
# Actions to add to the context menu for the text at an offset (e.g. "Copy Quote with Attribution").
ContextActionSource = Callable[[int], list[QAction]]


class ArticleView(QTextEdit):
    """Shows an article; offsets in and out are code points of its canonical text.

    Signals:
        clicked(int): a plain click (no text selected) at this code-point offset.
        measure_changed(int, int): the text column's left edge and width, in the view's pixels.

    The text is read-only but has a caret: keyboard selection works as in an editor, and a
    mouse selection snaps to whole words when the button is released (Alt keeps it exact).
    """

    clicked = Signal(int)
    measure_changed = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        # Selectable by mouse and by keyboard, like caret browsing in a web reader: a visible
        # caret (the text stays read-only) that the arrow, Home/End and Page keys move, with
        # Shift to select and Ctrl to go by words, so a highlight can be made without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setCursorWidth(2)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.viewport().backgroundRole())
        self.setAcceptDrops(False)  # dropped files go to the window, which opens them
        self.setPlaceholderText("No article open. Use File → Open…, or drop a file here.")
        self.highlights = HighlightLayers(self)
        self._article: Article | None = None
        self._position_map: PositionMap | None = None
        self._colors: ArticleColors = theme_named("light").article
        self._point_size = DEFAULT_POINT_SIZE
        self._formats = ArticleFormats(self._colors, reading_font(self._point_size))
        self._tooltip_source: TooltipSource | None = None
        self._context_sources: list[ContextActionSource] = []
        self.layout_pacer = LayoutPacer(self.document, self)
        self.mailbox = GuiMailbox(self)  # how workers hand this view the documents they build
        self._rebuilder = BackgroundRenderer(self)
        self._rebuilder.rendered.connect(self._rebuilt)
        self._update_measure()

    # -- content -------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def position_map(self) -> PositionMap | None:
        return self._position_map

    def show_article(self, article: Article, rendered: RenderedDocument | None = None) -> None:
        """Replace the content with ``article``, at the top, with no highlights.

        ``rendered`` is its document built ahead (see ``document_renderer``); it is used
        when built with the current formats, else the document is built again here.
        """
        self._rebuilder.cancel()
        self._article = article
        prepared_map = rendered.position_map if rendered is not None else None
        self._position_map = prepared_map if prepared_map is not None else PositionMap(article.text)
        if rendered is not None and rendered.formats is self._formats and rendered.document is not None:
            self._adopt(rendered.document)
        else:
            self._install_document()
        self.highlights.set_position_map(self._position_map)
        self.verticalScrollBar().setValue(0)

    def document_renderer(self):
        """A function building documents with the current formats, on any thread."""
        return document_renderer(self._formats, self.mailbox)

    def clear_article(self) -> None:
        self._rebuilder.cancel()
        self._article = None
        self._position_map = None
        self.highlights.set_position_map(None)
        self._replace_document(QTextDocument(self))

    def _install_document(self) -> None:
        if self._article is None:
            return
        self._adopt(build_document(self._article, self._formats))

    def _adopt(self, document: QTextDocument) -> None:
        document.setParent(self)
        self._replace_document(document)
        self._update_measure()
        self.layout_pacer.start()

    def _replace_document(self, document: QTextDocument) -> None:
        """Show ``document`` and delete the one it replaces.

        QTextEdit deletes a replaced document only when its internal control owns it; ours are
        children of the view, so each article opened stayed in memory with its whole layout
        until the window closed (about 70 MB for every 1 MB article opened, measured).
        """
        old = self.document()
        ours = old is not None and old is not document and old.parent() is self
        self.setDocument(document)  # deletes ``old`` itself only when its control made it
        if ours:
            old.deleteLater()

    @property
    def rebuilding(self) -> bool:
        """True while a zoomed or recoloured document is being built on a worker."""
        return self._rebuilder.pending

    def _rebuild_keeping_place(self) -> None:
        """Re-render after a zoom or theme change, keeping the reader's place and selection."""
        if self._article is None or self._position_map is None:
            self._update_measure()
            return
        if len(self._article.text) >= BACKGROUND_REBUILD_CHARS:
            self._rebuilder.render(self._article, self.document_renderer())
            return
        self._swap_keeping_place(self._install_document)

    def _rebuilt(self, article: Article, rendered: object) -> None:
        if article is not self._article or not isinstance(rendered, RenderedDocument):
            return
        if rendered.formats is not self._formats:
            return  # built for a zoom or theme the reader has already left
        document = rendered.document
        if document is None:  # the GUI thread could not take it: build it here
            self._swap_keeping_place(self._install_document)
            return
        self._swap_keeping_place(lambda: self._adopt(document))

    def _swap_keeping_place(self, install: Callable[[], None]) -> None:
        top = self.top_offset()
        selection = self.selected_span()
        install()
        self.highlights.refresh()
        if selection:
            self.select_span(*selection, scroll=False)
        self.scroll_to_offset(top, margin_fraction=0.0)

    # -- appearance ----------------------------------------------------------------

    def set_colors(self, colors: ArticleColors) -> None:
        self._colors = colors
        self._formats = ArticleFormats(colors, reading_font(self._point_size))
        self._rebuild_keeping_place()

    @property
    def colors(self) -> ArticleColors:
        return self._colors

    @property
    def point_size(self) -> float:
        return self._point_size

    def set_point_size(self, point_size: float) -> None:
        point_size = clamp_point_size(point_size)
        if point_size == self._point_size:
            return
        self._point_size = point_size
        self._formats = ArticleFormats(self._colors, reading_font(point_size))
        self._rebuild_keeping_place()

    def measure_width(self) -> int:
        """Pixel width of about ``MEASURE_CHARACTERS`` characters of body text, with margins."""
        metrics = QFontMetricsF(self._formats.font)
        text_width = metrics.averageCharWidth() * MEASURE_CHARACTERS * 1.08
        return int(text_width + 2 * self.document().documentMargin())

    def _update_measure(self) -> None:
        measure = self.measure_width()
        available = self.width() - self.verticalScrollBar().sizeHint().width()
        # Each call to setLineWrapColumnOrWidth lays the whole document out again, even with
        # the same width: on a long article only a real change of measure may pay for that.
        if available > measure:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            if self.lineWrapColumnOrWidth() != measure:
                self.setLineWrapColumnOrWidth(measure)
            left = (available - measure) // 2
            self.setViewportMargins(left, 0, 0, 0)
        else:
            left, measure = 0, max(0, available)
            self.setViewportMargins(0, 0, 0, 0)
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        margin = int(self.document().documentMargin())
        self.measure_changed.emit(left + margin, max(0, measure - 2 * margin))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        self._update_measure()
        super().resizeEvent(event)
        self.layout_pacer.start()  # a new width lays the document out again

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Keep the article's reading font when the widget's font changes.

        QTextEdit copies a new widget font (the desktop's font setting changed, say) into its
        document, which replaced the article's reading font and the reader's zoom with the
        interface font.
        """
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange) and self._article is not None:
            if self.document().defaultFont() != self._formats.font:
                self.document().setDefaultFont(self._formats.font)  # the pacer notices the new layout run

    # -- offsets, selection, scrolling ---------------------------------------------

    def select_span(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Select the code-point span ``start..end`` and bring it into view."""
        if self._position_map is None:
            return
        doc_start, doc_end = self._position_map.span_to_document(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(doc_start)
        cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.scroll_to_offset(start)

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as a code-point span, or None when nothing is selected."""
        cursor = self.textCursor()
        if self._position_map is None or not cursor.hasSelection():
            return None
        return self._position_map.span_to_text(cursor.selectionStart(), cursor.selectionEnd())

    def selected_text(self) -> str:
        """The selected canonical text, exactly as in the article (no U+2029, NBSP kept)."""
        span = self.selected_span()
        if span is None or self._article is None:
            return ""
        return self._article.text[span[0] : span[1]]

    def offset_at(self, point: QPoint) -> int:
        """Code-point offset of the character at viewport ``point`` (0 with no article)."""
        if self._position_map is None:
            return 0
        position = min(self.cursorForPosition(point).position(), self._position_map.document_length)
        return self._position_map.to_text(position)

    def top_offset(self) -> int:
        """Code-point offset where the first line on screen starts (0 with no article).

        Not ``offset_at(QPoint(0, 0))``: a point between paragraphs hits no text, and while
        the layout is unfinished Qt then answers with a place far below (see viewport_blocks).
        """
        if self._position_map is None:
            return 0
        return self._position_map.to_text(min(visible_positions(self)[0], self._position_map.document_length))

    def scroll_to_offset(self, offset: int, *, margin_fraction: float = 0.3) -> None:
        """Scroll so that ``offset`` sits ``margin_fraction`` of the height from the top."""
        if self._position_map is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._position_map.to_document(offset))
        rect = self.cursorRect(cursor)  # lays the document out up to the offset, if not yet
        bar = self.verticalScrollBar()
        target = bar.value() + rect.top() - int(self.viewport().height() * margin_fraction)
        if target > bar.maximum():
            # The layout reports its new size on the next turn of the event loop; the scroll
            # bar needs it now (QTextEdit reads the size from the layout, not the argument).
            layout = self.document().documentLayout()
            layout.documentSizeChanged.emit(QSizeF())
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt override)
        """Copy the canonical text of the selection (Qt's own would turn NBSP into spaces)."""
        mime = QMimeData()
        mime.setText(self.selected_text())
        return mime

    # -- tooltips ------------------------------------------------------------------

    def add_context_action_source(self, source: ContextActionSource) -> None:
        """``source(offset)`` adds actions to the right-click menu for the text at an offset."""
        self._context_sources.append(source)

    def context_actions_at(self, point: QPoint) -> list[QAction]:
        if self._position_map is None:
            return []
        offset = self.offset_at(point)
        return [action for source in self._context_sources for action in source(offset)]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt override)
        menu = self.createStandardContextMenu(event.pos())
        extra = self.context_actions_at(event.pos())
        if extra:
            menu.addSeparator()
            for action in extra:
                action.setParent(menu)  # the menu owns them: they go when it closes
                menu.addAction(action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """A plain click emits ``clicked``; a drag's selection snaps to whole words (Alt: exact)."""
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._position_map is not None:
            if not self.textCursor().hasSelection():
                self.clicked.emit(self.offset_at(event.position().toPoint()))
            elif not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.snap_selection_to_words()

    def snap_selection_to_words(self) -> None:
        """Widen the selection so that it cuts no word in two, keeping the end the caret is at."""
        span = self.selected_span()
        if span is None or self._article is None or self._position_map is None:
            return
        start, end = snap_to_words(self._article.text, *span)
        if (start, end) == span:
            return
        cursor = self.textCursor()
        forwards = cursor.position() >= cursor.anchor()
        doc_start, doc_end = self._position_map.span_to_document(start, end)
        cursor.setPosition(doc_start if forwards else doc_end)
        cursor.setPosition(doc_end if forwards else doc_start, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def set_tooltip_source(self, source: TooltipSource | None) -> None:
        """``source(offset)`` gives the tooltip for the text at an offset, or None."""
        self._tooltip_source = source

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, point: QPoint) -> str | None:
        """The tooltip for the text under viewport ``point``: a quote's speaker, a caption."""
        if self._position_map is None:
            return None
        cursor = self.cursorForPosition(point)
        if not self._point_is_on_text(cursor, point):
            return None
        offset = self._position_map.to_text(min(cursor.position(), self._position_map.document_length))
        tip = self._tooltip_source(offset) if self._tooltip_source else None
        if tip is None and cursor.block().userState() == CAPTION_KIND:
            tip = "Picture caption"
        return tip

    def _point_is_on_text(self, cursor: QTextCursor, point: QPoint) -> bool:
        block_rect = self.document().documentLayout().blockBoundingRect(cursor.block())
        block_rect.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        return block_rect.contains(QPointF(point)) and bool(cursor.block().text().strip())

    # -- caption markers -----------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if self._article is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self.document().documentLayout()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        block = visible_blocks(self)[0]
        height = self.viewport().height()
        while block.isValid():
            rect = layout.blockBoundingRect(block).translated(dx, dy)
            if rect.top() > height:
                break
            if block.userState() == CAPTION_KIND:
                self._paint_caption_marker(painter, rect, block.blockFormat().leftMargin())
            block = block.next()
        painter.end()

    def _paint_caption_marker(self, painter: QPainter, rect: QRectF, left_margin: float) -> None:
        """A small camera beside a caption: marked as a picture caption without adding text."""
        color = QColor(self._colors.caption_marker)
        em = QFontMetricsF(self._formats.font).height()
        x = rect.left() + left_margin - em * 1.15
        top = rect.top() + em * 0.32
        body = QRectF(x, top + em * 0.14, em * 0.78, em * 0.52)
        painter.setPen(QPen(color, max(1.0, em / 14)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(body, em * 0.08, em * 0.08)
        painter.drawEllipse(body.center(), em * 0.15, em * 0.15)
        painter.drawLine(
            QPointF(body.left() + em * 0.2, body.top()), QPointF(body.left() + em * 0.32, top + em * 0.04)
        )
        painter.drawLine(
            QPointF(body.left() + em * 0.32, top + em * 0.04), QPointF(body.left() + em * 0.46, top + em * 0.04)
        )
        painter.drawLine(
            QPointF(body.left() + em * 0.46, top + em * 0.04), QPointF(body.left() + em * 0.58, body.top())
        )
