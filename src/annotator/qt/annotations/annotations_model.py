"""The Annotations tab's table: one row per annotation, and a filter by label, tag, verdict, text.

Rows follow document order (start, then end); orphans (no place in the text any more) are
rows too, at their last known place, with the status "orphan", so "Needs review" is a
filter rather than a separate list.

An article can carry 10,000 annotations, so the model follows each ``Change`` of the set
row by row (insert, remove, move, dataChanged) instead of resetting: the table keeps its
scroll position and selection, and the filter proxy re-checks only the touched rows. A
change touching more than ``RESET_ABOVE`` rows (renaming a tag used everywhere) is one
reset instead of thousands of signals. The model also counts what the panel asks after
every change — tags in use, whether any row has a verdict — so nothing scans all rows.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.annotations import Annotation, AnnotationSet, Change
from annotator.core.annotations.model import NEEDS_REVIEW_STATUSES
from annotator.qt.sidebar.predicate_filter import ACCEPT_ROLE, PredicateFilterModel, RowFilterSource

LABEL, TEXT, TAGS, VERDICT, NOTE, AUTHOR, STATUS = range(7)
HEADERS = ("Label", "Text", "Tags", "Verdict", "Note", "Author", "Status")
OPTIONAL_COLUMNS = (TAGS, VERDICT, NOTE, AUTHOR, STATUS)  # hidden while no row fills them
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANNOTATION_ROLE = Qt.ItemDataRole.UserRole + 2
NEEDS_REVIEW = NEEDS_REVIEW_STATUSES
TEXT_PREVIEW = 120
RESET_ABOVE = 500

ModelIndex = QModelIndex | QPersistentModelIndex
RowKey = tuple[int, int, str]


def one_line(text: str, limit: int = TEXT_PREVIEW) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def row_key(annotation: Annotation) -> RowKey:
    """Document order; the id settles identical spans so the order never depends on history."""
    return annotation.start, annotation.end, annotation.id


class ColumnUsage:
    """How many rows fill each optional column, and the tags in use: kept per row added or removed."""

    def __init__(self) -> None:
        self.filled: Counter[int] = Counter()
        self.tags: Counter[str] = Counter()
        self.needing_review = 0
        self.authors: Counter[str] = Counter()

    @classmethod
    def of(cls, annotations: list[Annotation]) -> "ColumnUsage":
        usage = cls()
        usage.filled[TAGS] = sum(1 for a in annotations if a.tags)
        usage.filled[VERDICT] = sum(1 for a in annotations if a.verdict)
        usage.filled[NOTE] = sum(1 for a in annotations if a.note)
        usage.authors.update(a.author for a in annotations if a.author)
        usage.filled[STATUS] = sum(1 for a in annotations if a.status != "anchored")
        usage.needing_review = sum(1 for a in annotations if a.status in NEEDS_REVIEW)
        usage.tags.update(tag for a in annotations for tag in a.tags)
        return usage

    def count(self, annotation: Annotation, sign: int) -> None:
        self.filled[TAGS] += sign * bool(annotation.tags)
        self.filled[VERDICT] += sign * bool(annotation.verdict)
        self.filled[NOTE] += sign * bool(annotation.note)
        if annotation.author:
            self.authors[annotation.author] += sign
            if self.authors[annotation.author] <= 0:
                del self.authors[annotation.author]
        self.filled[STATUS] += sign * (annotation.status != "anchored")
        self.needing_review += sign * (annotation.status in NEEDS_REVIEW)
        for tag in annotation.tags:
            self.tags[tag] += sign
            if self.tags[tag] <= 0:
                del self.tags[tag]


class AnnotationsModel(RowFilterSource, QAbstractTableModel):
    """The annotations of the open article (or none); ``apply_change`` follows the set's edits."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._annotations: AnnotationSet | None = None
        self._rows: list[Annotation] = []
        self._keys: list[RowKey] = []  # row_key of each row, for binary search
        self._key_of: dict[str, RowKey] = {}
        self._usage = ColumnUsage()

    def set_annotations(self, annotations: AnnotationSet | None) -> None:
        self._annotations = annotations
        self.refresh()

    def refresh(self) -> None:
        """Read every row again from the set (a new set, or a change too large to follow row by row)."""
        self.beginResetModel()
        self._rows = sorted(self._annotations, key=row_key) if self._annotations is not None else []
        self._keys = [row_key(annotation) for annotation in self._rows]
        self._key_of = {key[2]: key for key in self._keys}
        self._usage = ColumnUsage.of(self._rows)
        self.endResetModel()

    def apply_change(self, change: Change) -> None:
        """Follow one applied operation of the set: only the rows it touched change."""
        annotations = self._annotations
        if annotations is None:
            return
        if len(change.added) + len(change.removed) + len(change.updated) > RESET_ABOVE:
            self.refresh()
            return
        for annotation_id in change.removed:
            self._remove(annotation_id)
        for annotation_id in change.updated | change.added:
            if annotation_id in annotations:
                self._put(annotations.get(annotation_id))
            else:
                self._remove(annotation_id)
        if change.labels_changed and self._rows:  # a label's colour may have changed
            self.dataChanged.emit(
                self.index(0, LABEL), self.index(len(self._rows) - 1, LABEL), [Qt.ItemDataRole.DecorationRole]
            )
        if len(self._rows) != len(annotations):  # a change that did not say everything it did
            self.refresh()

    def _remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._usage.count(self._rows[row], -1)
        del self._rows[row], self._keys[row], self._key_of[annotation_id]
        self.endRemoveRows()

    def _put(self, annotation: Annotation) -> None:
        """Insert ``annotation``'s row, or update it in place, or move it to its new place."""
        key = row_key(annotation)
        row = self.row_of(annotation.id)
        if row < 0:
            new_row = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), new_row, new_row)
            self._store_row(new_row, annotation, key, insert=True)
            self.endInsertRows()
            return
        self._usage.count(self._rows[row], -1)
        if key == self._keys[row]:
            self._store_row(row, annotation, key, insert=False)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        destination = bisect_left(self._keys, key)  # the row it goes before, counted before the move
        new_row = destination - 1 if destination > row else destination
        moving = destination not in (row, row + 1)
        if moving:
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        del self._rows[row], self._keys[row]
        self._store_row(new_row, annotation, key, insert=True)
        if moving:
            self.endMoveRows()
        self.dataChanged.emit(self.index(new_row, 0), self.index(new_row, len(HEADERS) - 1))

    def _store_row(self, row: int, annotation: Annotation, key: RowKey, *, insert: bool) -> None:
        if insert:
            self._rows.insert(row, annotation)
            self._keys.insert(row, key)
        else:
            self._rows[row] = annotation
        self._key_of[annotation.id] = key
        self._usage.count(annotation, +1)

    def row_of(self, annotation_id: str) -> int:
        key = self._key_of.get(annotation_id)
        if key is None:
            return -1
        row = bisect_left(self._keys, key)
        return row if row < len(self._keys) and self._keys[row] == key else -1

    def column_in_use(self, column: int) -> bool:
        """Whether any row fills the tags, verdict or note column, or has a status other than anchored.

        The author column is in use once two people annotated the article: one name on every row
        says nothing the detail pane does not, and takes the room the text needs.
        """
        if column == AUTHOR:
            return len(self._usage.authors) > 1
        return self._usage.filled[column] > 0

    def needs_review_count(self) -> int:
        """Rows moved, re-attached to similar text (fuzzy) or orphaned by a change of the article."""
        return self._usage.needing_review

    def tags(self) -> list[str]:
        """The tags in use, sorted case-insensitively (as ``AnnotationSet.tags``)."""
        return sorted(self._usage.tags, key=lambda tag: (tag.casefold(), tag))

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
        if role == ACCEPT_ROLE:
            return self.accept_role_value(index.row())
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
        if column == AUTHOR:
            return annotation.author
        return annotation.status


class AnnotationsFilterModel(PredicateFilterModel):
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
        self.label, self.tag, self.verdict = label, tag, verdict
        self.text, self.needs_review_only = text.strip().casefold(), needs_review_only
        self._refilter()

    @property
    def filtering(self) -> bool:
        """Whether any criterion is set (else every row shows, without looking at any)."""
        return bool(self.label or self.tag or self.verdict or self.text or self.needs_review_only)

    def setSourceModel(self, model) -> None:  # noqa: N802 (Qt override)
        super().setSourceModel(model)
        self._refilter()

    def _refilter(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, AnnotationsModel) or not self.filtering:
            self.set_row_filter(None)
            return
        label, tag, verdict, text = self.label, self.tag, self.verdict, self.text
        needs_review_only = self.needs_review_only

        def accepts(row: int) -> bool:
            annotation = model.annotation_at(row)
            if label and annotation.label != label:
                return False
            if tag and tag not in annotation.tags:
                return False
            if verdict and annotation.verdict != verdict:
                return False
            if needs_review_only and annotation.status not in NEEDS_REVIEW:
                return False
            if text:
                haystack = " ".join((annotation.selector.exact, annotation.note, " ".join(annotation.tags), annotation.label))
                return text in haystack.casefold()
            return True

        self.set_row_filter(accepts)
