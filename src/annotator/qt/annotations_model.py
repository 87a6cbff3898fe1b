"""The Annotations tab's table: one row per annotation, and a filter by label, tag, verdict, text.

Rows follow document order; orphans (no place in the text any more) are rows too, with the
status "orphan", so "Needs review" is a filter rather than a separate list. The model is
rebuilt from the ``AnnotationSet`` on each change: a few hundred rows per article at most,
and a reset keeps the model trivially in step with undo and redo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from annotator.core.annotations import Annotation, AnnotationSet

LABEL, TEXT, TAGS, VERDICT, NOTE, STATUS = range(6)
HEADERS = ("Label", "Text", "Tags", "Verdict", "Note", "Status")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 2
NEEDS_REVIEW = ("moved", "fuzzy", "orphan")
TEXT_PREVIEW = 120

ModelIndex = QModelIndex | QPersistentModelIndex


def one_line(text: str, limit: int = TEXT_PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class AnnotationsModel(QAbstractTableModel):
    """The annotations of the open article (or none)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotations: AnnotationSet | None = None
        self._rows: list[Annotation] = []

    def set_annotations(self, annotations: AnnotationSet | None) -> None:
        self._annotations = annotations
        self.refresh()

    def refresh(self) -> None:
        """Read the rows again from the set (after an edit, undo or redo)."""
        self.beginResetModel()
        self._rows = list(self._annotations) if self._annotations is not None else []
        self.endResetModel()

    def row_of(self, annotation_id: str) -> int:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return -1

    def annotation_at(self, row: int) -> Annotation:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt override)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        annotation = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return annotation.id
        if role == ANNOTATION_ROLE:
            return annotation
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(annotation, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TEXT:
                return annotation.selector.exact
            if column == NOTE and annotation.note:
                return annotation.note
            if column == STATUS and annotation.status in NEEDS_REVIEW:
                return "Needs review: the article changed; check the text and re-attach or accept it."
        if role == Qt.ItemDataRole.DecorationRole and column == LABEL and self._annotations is not None:
            label = self._annotations.labels.get(annotation.label)
            return QColor(label.color) if label else None
        return None

    @staticmethod
    def _display(annotation: Annotation, column: int) -> str:
        if column == LABEL:
            return annotation.label
        if column == TEXT:
            return one_line(annotation.selector.exact)
        if column == TAGS:
            return ", ".join(annotation.tags)
        if column == VERDICT:
            return annotation.verdict or ""
        if column == NOTE:
            return one_line(annotation.note)
        return annotation.status


class AnnotationsFilterModel(QSortFilterProxyModel):
    """Shows the rows matching every set criterion; empty criteria match everything."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.label: str | None = None
        self.tag: str | None = None
        self.verdict: str | None = None
        self.text = ""
        self.needs_review_only = False

    def set_criteria(
        self,
        *,
        label: str | None = None,
        tag: str | None = None,
        verdict: str | None = None,
        text: str = "",
        needs_review_only: bool = False,
    ) -> None:
        self.beginFilterChange()
        self.label, self.tag, self.verdict = label, tag, verdict
        self.text, self.needs_review_only = text.strip().casefold(), needs_review_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 (Qt override)
        model = self.sourceModel()
        if not isinstance(model, AnnotationsModel):
            return True
        annotation = model.annotation_at(source_row)
        if self.label and annotation.label != self.label:
            return False
        if self.tag and self.tag not in annotation.tags:
            return False
        if self.verdict and annotation.verdict != self.verdict:
            return False
        if self.needs_review_only and annotation.status not in NEEDS_REVIEW:
            return False
        if self.text:
            haystack = " ".join((annotation.selector.exact, annotation.note, " ".join(annotation.tags), annotation.label))
            return self.text in haystack.casefold()
        return True
