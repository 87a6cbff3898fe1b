"""Paints one quote of the Quotes tab as a small card: speaker, kind, quote in a few lines.

A long quote would make the list useless for scanning, so the text is wrapped to the
card's width and elided after ``MAX_QUOTE_LINES`` lines; the full quote is in the tooltip
and in the article, one click away.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.qt.positions import PositionMap
from annotator.qt.sidebar.quotes_model import CORRECTED_ROLE, KIND_ROLE, ROLE_ROLE, SPEAKER_ROLE, TEXT_ROLE

MAX_QUOTE_LINES = 3
PADDING = 8
SPACING = 3


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width`` pixels, at most ``max_lines``, the last elided with …."""
    text = " ".join(text.split())
    if width <= 0 or not text:
        return [text] if text else []
    positions = PositionMap(text)  # QTextLine counts UTF-16 units; slicing needs code points
    layout = QTextLayout(text, font)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = positions.to_text(line.textStart())
        if len(lines) == max_lines - 1:
            lines.append(QFontMetrics(font).elidedText(text[start:], Qt.TextElideMode.ElideRight, width))
            break
        end = positions.to_text(line.textStart() + line.textLength(), round_up=True)
        lines.append(text[start:end].rstrip())
    layout.endLayout()
    return lines


class QuoteCardDelegate(QStyledItemDelegate):
    """Draws a quotes-model row as speaker + kind on one line and the elided quote below.

    Wrapping is the costly part (a 5 MB article has thousands of quotes, each asked for
    its size and painted), so wrapped lines are cached by text, font and width.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: dict[tuple[str, str, int], list[str]] = {}

    def _wrapped(self, text: str, font: QFont, width: int) -> list[str]:
        key = (text, font.key(), width)
        lines = self._lines.get(key)
        if lines is None:
            if len(self._lines) > 50_000:
                self._lines.clear()
            lines = self._lines[key] = wrapped_lines(text, font, width, MAX_QUOTE_LINES)
        return lines

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        speaker = QFont(base)
        speaker.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
        return base, speaker, small

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        base, speaker, _ = self._fonts(option)
        # The card is as wide as the list (never wider: no sideways scrolling), wrapped to fit.
        width = max(80, option.widget.viewport().width() if option.widget else option.rect.width())
        lines = self._wrapped(str(index.data(TEXT_ROLE) or ""), base, width - 2 * PADDING)
        height = 2 * PADDING + QFontMetrics(speaker).height() + SPACING
        height += max(1, len(lines)) * QFontMetrics(base).lineSpacing()
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        base, speaker_font, small = self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.save()
        # Speaker (with role, muted) on the left, kind on the right.
        kind = str(index.data(KIND_ROLE) or "")
        if index.data(CORRECTED_ROLE):
            kind = f"✎ corrected · {kind}"
        kind_width = QFontMetrics(small).horizontalAdvance(kind) + 4
        speaker_height = QFontMetrics(speaker_font).height()
        speaker_rect = QRect(rect.left(), rect.top(), rect.width() - kind_width - 6, speaker_height)
        speaker = str(index.data(SPEAKER_ROLE) or "")
        role = index.data(ROLE_ROLE)
        painter.setFont(speaker_font)
        painter.setPen(text_color)
        elided = QFontMetrics(speaker_font).elidedText(speaker, Qt.TextElideMode.ElideRight, speaker_rect.width())
        painter.drawText(speaker_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        used = QFontMetrics(speaker_font).horizontalAdvance(elided)
        if role and used < speaker_rect.width() - 20:
            painter.setFont(small)
            painter.setPen(muted)
            role_rect = speaker_rect.adjusted(used + 6, 0, 0, 0)
            painter.drawText(
                role_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetrics(small).elidedText(str(role), Qt.TextElideMode.ElideRight, role_rect.width()),
            )
        painter.setFont(small)
        painter.setPen(muted)
        kind_rect = QRect(rect.right() - kind_width, rect.top(), kind_width, speaker_height)
        painter.drawText(kind_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, kind)
        # The quote itself.
        painter.setFont(base)
        painter.setPen(text_color)
        line_height = QFontMetrics(base).lineSpacing()
        top = rect.top() + speaker_height + SPACING
        for line in self._wrapped(str(index.data(TEXT_ROLE) or ""), base, rect.width()):
            painter.drawText(QRect(rect.left(), top, rect.width(), line_height), Qt.AlignmentFlag.AlignLeft, line)
            top += line_height
        painter.restore()
