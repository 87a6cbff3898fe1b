"""Share of voice as a horizontal bar chart, exported as PNG or SVG.

pyqtgraph draws it: a pure-Python package on Qt's own graphics view (about 10 MB installed,
against matplotlib's 30 MB or more with its compiled dependencies), imported only when the
Sources tab is first shown, so the window starts as fast as before. Exports are drawn on a
plot of their own at a size that fits every label (the one on screen may be narrow in its
dock); the SVG comes from Qt's SVG generator, with the names kept as text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.core.library.voice import VoiceRow

MAX_BARS = 15
BAR_COLOUR = "#4aa3df"
UNATTRIBUTED_COLOUR = "#999999"
EXPORT_WIDTH = 900
EXPORT_ROW_HEIGHT = 30


def shown_rows(rows: list[VoiceRow]) -> list[VoiceRow]:
    """The most quoted speakers, and the unattributed share (always)."""
    return [row for row in rows if not row.unattributed][:MAX_BARS] + [row for row in rows if row.unattributed]


class VoiceChart(QWidget):
    """Share of quotes per speaker, most quoted at the top; the unattributed bar grey."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        import pyqtgraph

        self._pg = pyqtgraph
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plot = self._new_plot(self)
        layout.addWidget(self.plot)
        self.rows: list[VoiceRow] = []

    def _new_plot(self, parent):
        plot = self._pg.PlotWidget(parent, background="w")
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setLabel("bottom", "share of quotes (%)")
        for side in ("left", "bottom"):
            plot.getAxis(side).setTextPen("#333333")
            plot.getAxis(side).setPen("#666666")
        return plot

    def set_rows(self, rows: list[VoiceRow]) -> None:
        self.rows = shown_rows(rows)
        self._draw(self.plot, self.rows)

    def _draw(self, plot, rows: list[VoiceRow]) -> None:
        plot.clear()
        if not rows:
            plot.getAxis("left").setTicks([[]])
            return
        count = len(rows)
        heights = [count - 1 - i for i in range(count)]  # the first row at the top
        widths = [row.quote_share * 100 for row in rows]
        brushes = [UNATTRIBUTED_COLOUR if row.unattributed else BAR_COLOUR for row in rows]
        plot.addItem(self._pg.BarGraphItem(x0=0, y=heights, height=0.7, width=widths, brushes=brushes,
                                           pens=[None] * count))
        labels = [(y, f"{row.name} ({row.quotes})") for y, row in zip(heights, rows)]
        axis = plot.getAxis("left")
        axis.setTicks([labels])
        # The axis widens for its labels only after a first paint; an export has no second one.
        metrics = QFontMetrics(axis.style.get("tickFont") or plot.font())
        axis.setWidth(max(metrics.horizontalAdvance(text) for _, text in labels) + 16)
        plot.setYRange(-0.6, count - 0.4, padding=0)
        plot.setXRange(0, max(widths) * 1.05 or 1, padding=0)

    def _export_plot(self):
        """A plot sized for every label, laid out but never shown on screen."""
        plot = self._new_plot(None)
        plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        plot.resize(EXPORT_WIDTH, 90 + EXPORT_ROW_HEIGHT * max(1, len(self.rows)))
        self._draw(plot, self.rows)
        plot.show()
        plot.plotItem.layout.activate()
        return plot

    def export_png(self, path: Path) -> None:
        plot = self._export_plot()
        try:
            if not plot.grab().save(str(path), "PNG"):
                raise OSError(f"could not write {path}")
        finally:
            plot.close()
            plot.deleteLater()

    def export_svg(self, path: Path) -> None:
        from PySide6.QtSvg import QSvgGenerator

        plot = self._export_plot()
        try:
            size = QSize(plot.width(), plot.height())
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(size)
            generator.setViewBox(QRect(0, 0, size.width(), size.height()))
            generator.setTitle("Share of voice")
            painter = QPainter(generator)
            try:
                plot.render(painter)
            finally:
                painter.end()
        finally:
            plot.close()
            plot.deleteLater()
