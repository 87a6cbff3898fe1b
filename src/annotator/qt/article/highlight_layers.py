"""Named, stacked highlight layers over a text view, drawn as ExtraSelections near the viewport.

Several features mark spans of the article at once — a person's mentions, find matches, the
user's annotations — and each must be able to replace or clear its own marks without knowing
about the others. Each feature owns one named layer; layers are drawn in order of their ``z``
(higher on top) and never touch the document's own formats, so the text and its positions
are never modified by highlighting.

Only the highlights near what is on screen become ExtraSelections. Qt checks every extra
selection on every paint and, when they are set, lays the document out up to each of them:
10,000 annotations spread over a 1 MB article cost over a second to set and slowed every
scroll step. So a layer is a *source* that answers "which highlights touch offsets a..b"
(``SpanIndex``), and the layers draw the visible text plus a margin of about one screen (at
least ``MIN_MARGIN_CHARS``; one screen where that holds over ``MAX_MARKS`` marks) on each
side. Scrolling within the drawn range changes nothing;
leaving it (or a resize, a zoom, a new layer) draws the range around the new place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from annotator.qt.positions import PositionMap
from annotator.qt.article.span_index import SpanIndex
from annotator.qt.article.viewport_blocks import visible_positions

# Drawn on each side of the visible text: a short article is drawn whole, and a wheel step
# rarely leaves the drawn range (a screen holds 2,000–4,000 characters).
MIN_MARGIN_CHARS = 8192
# Above this many marks in that range (a short text marked every few words), the margin
# shrinks to one screen: fewer marks to set on each edit and to check on each paint.
MAX_MARKS = 1500


@dataclass(frozen=True)
class Highlight:
    """One marked span in code-point offsets, with the format to draw it in."""

    start: int
    end: int
    char_format: QTextCharFormat


class HighlightSource(Protocol):
    """What a layer draws from: its highlights near a range, and all of them (for tests, exports)."""

    def highlights_between(self, start: int, end: int) -> list[Highlight]:
        """The highlights touching code points ``start..end``, in drawing order (later on top)."""
        ...

    def all_highlights(self) -> list[Highlight]: ...


class HighlightList:
    """A fixed list of highlights, drawn in list order, found by range through a ``SpanIndex``."""

    def __init__(self, highlights: Sequence[Highlight]) -> None:
        self._highlights = list(highlights)
        self._index = SpanIndex((h.start, h.end, i) for i, h in enumerate(self._highlights))

    def highlights_between(self, start: int, end: int) -> list[Highlight]:
        positions = sorted(i for _, _, i in self._index.overlapping(start, end))
        return [self._highlights[i] for i in positions]

    def all_highlights(self) -> list[Highlight]:
        return list(self._highlights)


class HighlightLayers:
    """The highlight layers of one ``QTextEdit``: ``set_layer``/``set_source``/``clear_layer``.

    Follows the view's vertical scroll bar by itself: a scroll redraws (synchronously, before
    the paint) only when the visible text leaves the drawn range; a change of the scroll
    range (a resize, a zoom, the layout reaching further) checks again once events settle.
    """

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        self._position_map: PositionMap | None = None
        self._document: QTextDocument | None = None  # the document the position map is for
        self._layers: dict[str, tuple[int, HighlightSource]] = {}
        self._drawn: tuple[int, int] | None = None  # code points covered by the extra selections
        self._check_later = QTimer(view)
        self._check_later.setSingleShot(True)
        self._check_later.setInterval(0)
        self._check_later.timeout.connect(self.follow_viewport)
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(lambda _value: self.follow_viewport())
        bar.rangeChanged.connect(lambda _low, _high: self._check_later.start())

    def set_position_map(self, position_map: PositionMap | None) -> None:
        """Switch to a new article: every layer is dropped with the old text."""
        self._position_map = position_map
        self._document = self._view.document()
        self._layers.clear()
        self._apply()

    def set_layer(self, name: str, highlights: Sequence[Highlight], z: int = 0) -> None:
        """Replace layer ``name`` with these highlights (drawn in this order, later on top)."""
        self.set_source(name, HighlightList(highlights), z)

    def set_source(self, name: str, source: HighlightSource, z: int = 0) -> None:
        """Draw layer ``name`` from ``source``; call ``refresh`` when the source changes."""
        self._layers[name] = (z, source)
        self._apply()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply()

    def layer(self, name: str) -> list[Highlight]:
        """Every highlight of layer ``name``, drawn or not."""
        entry = self._layers.get(name)
        return entry[1].all_highlights() if entry is not None else []

    def refresh(self) -> None:
        """Draw again around the current place, e.g. after a source changed or the view re-rendered
        the same text (a zoom or theme change builds a new document)."""
        self._document = self._view.document()
        self._apply()

    def layer_names(self) -> list[str]:
        return [name for name, _ in sorted(self._layers.items(), key=lambda item: item[1][0])]

    @property
    def drawn_range(self) -> tuple[int, int] | None:
        """The code points whose highlights are extra selections now (None: nothing drawn)."""
        return self._drawn

    def follow_viewport(self) -> None:
        """Draw around the visible text if it is no longer inside the drawn range."""
        if self._position_map is None or not self._layers or self._view.document() is not self._document:
            return  # nothing drawn, or a new document is going in and set_position_map/refresh follows
        visible = self.visible_range()
        drawn = self._drawn
        if drawn is None or visible[0] < drawn[0] or visible[1] > drawn[1]:
            self._apply(visible)

    def visible_range(self) -> tuple[int, int]:
        """Code points of the lines on screen (see ``viewport_blocks``)."""
        position_map = self._position_map
        assert position_map is not None
        top, bottom = visible_positions(self._view)
        top, bottom = min(top, position_map.document_length), min(bottom, position_map.document_length)
        return position_map.to_text(top), position_map.to_text(bottom, round_up=True)

    def _apply(self, visible: tuple[int, int] | None = None) -> None:
        position_map = self._position_map
        if position_map is None or not self._layers:
            self._drawn = None
            self._view.setExtraSelections([])
            return
        top, bottom = visible if visible is not None else self.visible_range()
        screen = bottom - top
        low, high, highlights = self._highlights_around(top, bottom, max(screen, MIN_MARGIN_CHARS))
        if len(highlights) > MAX_MARKS and screen < MIN_MARGIN_CHARS:  # densely marked: one screen each side
            low, high, highlights = self._highlights_around(top, bottom, screen)
        document = self._view.document()
        selections: list[QTextEdit.ExtraSelection] = []
        # Inside an edit block QTextCursor skips computing its x position, which would lay
        # out the document up to every mark.
        guard = QTextCursor(document)
        guard.beginEditBlock()
        for highlight in highlights:
            start, end = position_map.span_to_document(highlight.start, highlight.end)
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = highlight.char_format
            selections.append(selection)
        guard.endEditBlock()
        self._drawn = (low, high)
        self._view.setExtraSelections(selections)

    def _highlights_around(self, top: int, bottom: int, margin: int) -> tuple[int, int, list[Highlight]]:
        """The range ``margin`` code points beyond the screen each side, and every layer's
        highlights in it, lowest layer first."""
        assert self._position_map is not None
        low, high = max(0, top - margin), min(self._position_map.text_length, bottom + margin)
        highlights: list[Highlight] = []
        for _, source in sorted(self._layers.values(), key=lambda layer: layer[0]):
            highlights.extend(source.highlights_between(low, high))
        return low, high, highlights
