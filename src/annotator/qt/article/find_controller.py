"""Connects the find bar to the article view: searches, highlights, steps through matches.

All matches are tinted through the view's ``find`` highlight layer and the current one is
selected (and scrolled to). Very common words in a long article can match tens of
thousands of times; every match is counted but only ``MAX_TINTED`` are tinted, so
painting stays fast.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCharFormat

from annotator.qt.article.article_view import ArticleView
from annotator.qt.article.find_bar import FindBar
from annotator.qt.article.highlight_layers import Highlight
from annotator.qt.article.text_search import find_all

FIND_LAYER = "find"
FIND_LAYER_Z = 50
MAX_TINTED = 5000


class FindController(QObject):
    """Owns the matches of the current query in the current article."""

    def __init__(self, bar: FindBar, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bar = bar
        self._view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        bar.search_changed.connect(self.search)
        bar.next_requested.connect(self.next_match)
        bar.previous_requested.connect(self.previous_match)
        bar.closed.connect(self.clear)

    def search(self, query: str, case_sensitive: bool) -> None:
        """Find ``query`` and go to the first match at or after the reader's place."""
        article = self._view.article
        self.matches = find_all(article.text, query, case_sensitive=case_sensitive) if article else []
        self.current = -1
        self._tint()
        if self.matches:
            here = self._view.selected_span()
            origin = here[0] if here else 0
            self.current = next((i for i, (start, _) in enumerate(self.matches) if start >= origin), 0)
            self._show_current()
        self._bar.set_count(self.current + 1, len(self.matches))

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def clear(self) -> None:
        self.matches = []
        self.current = -1
        self._view.highlights.clear_layer(FIND_LAYER)
        self._bar.set_count(0, 0)

    def refresh(self) -> None:
        """Search again, e.g. after another article was opened."""
        if self._bar.isVisible() and self._bar.query:
            self.search(self._bar.query, self._bar.case_sensitive)
        else:
            self.clear()

    def _step(self, delta: int) -> None:
        if not self.matches:
            return
        self.current = (self.current + delta) % len(self.matches)
        self._show_current()
        self._bar.set_count(self.current + 1, len(self.matches))

    def _show_current(self) -> None:
        start, end = self.matches[self.current]
        self._view.select_span(start, end)

    def _tint(self) -> None:
        if not self.matches:
            self._view.highlights.clear_layer(FIND_LAYER)
            return
        fmt = QTextCharFormat()
        fmt.setBackground(self._view.colors.find_background)
        highlights = [Highlight(start, end, fmt) for start, end in self.matches[:MAX_TINTED]]
        self._view.highlights.set_layer(FIND_LAYER, highlights, z=FIND_LAYER_Z)
