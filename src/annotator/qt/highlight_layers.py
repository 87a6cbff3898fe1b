"""Named, stacked highlight layers over a text view, drawn as ExtraSelections.

Several features mark spans of the article at once — a person's mentions, find matches,
later the user's annotations — and each must be able to replace or clear its own marks
without knowing about the others. Each feature owns one named layer; layers are drawn in
order of their ``z`` (higher on top) and never touch the document's own formats, so the
text and its positions are never modified by highlighting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from annotator.qt.positions import PositionMap


@dataclass(frozen=True)
class Highlight:
    """One marked span in code-point offsets, with the format to draw it in."""

    start: int
    end: int
    char_format: QTextCharFormat


class HighlightLayers:
    """The highlight layers of one ``QTextEdit``; call ``set_layer``/``clear_layer``."""

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        self._position_map: PositionMap | None = None
        self._layers: dict[str, tuple[int, list[Highlight]]] = {}

    def set_position_map(self, position_map: PositionMap | None) -> None:
        """Switch to a new article: every layer is dropped with the old text."""
        self._position_map = position_map
        self._layers.clear()
        self._apply()

    def set_layer(self, name: str, highlights: Sequence[Highlight], z: int = 0) -> None:
        self._layers[name] = (z, list(highlights))
        self._apply()

    def clear_layer(self, name: str) -> None:
        if self._layers.pop(name, None) is not None:
            self._apply()

    def layer(self, name: str) -> list[Highlight]:
        return list(self._layers.get(name, (0, []))[1])

    def refresh(self) -> None:
        """Redraw every layer, e.g. after the view re-rendered the same text."""
        self._apply()

    def layer_names(self) -> list[str]:
        return [name for name, _ in sorted(self._layers.items(), key=lambda item: item[1][0])]

    def _apply(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        position_map = self._position_map
        if position_map is not None:
            document = self._view.document()
            # Inside an edit block QTextCursor skips computing its x position, which would
            # lay out the document up to every mark: 15,000 marks in a 5 MB article
            # otherwise cost about a second.
            guard = QTextCursor(document)
            guard.beginEditBlock()
            for _, highlights in sorted(self._layers.values(), key=lambda layer: layer[0]):
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
        self._view.setExtraSelections(selections)
