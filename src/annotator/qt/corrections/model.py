"""The Corrections list: one row per correction, with its status, for a list view."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.core.corrections.apply import APPLIED, CorrectionResult

ModelIndex = QModelIndex | QPersistentModelIndex
CORRECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
EXCERPT_CHARS = 48
STATUS_WORDS = {"applied": "", "stale": "no longer applies: ", "orphan": "text gone: "}


class CorrectionsModel(QAbstractListModel):
    """The corrections of the open article, in the order they apply."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._results: list[CorrectionResult] = []

    def set_results(self, results: list[CorrectionResult]) -> None:
        self.beginResetModel()
        self._results = list(results)
        self.endResetModel()

    def result(self, row: int) -> CorrectionResult:
        return self._results[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._results) or index.column() != 0:
            return None
        result = self._results[index.row()]
        correction = result.correction
        if role == Qt.ItemDataRole.DisplayRole:
            excerpt = " ".join(correction.anchor.exact.split())
            if len(excerpt) > EXCERPT_CHARS:
                excerpt = excerpt[: EXCERPT_CHARS - 1] + "…"
            return f"{STATUS_WORDS.get(result.status, '')}“{excerpt}”: {correction.describe()}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{correction.describe()}\n{result.status}"
            return f"{tip}: {result.reason}" if result.reason else tip
        if role == Qt.ItemDataRole.ForegroundRole and result.status != APPLIED:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == CORRECTION_ID_ROLE:
            return correction.id
        if role == STATUS_ROLE:
            return result.status
        return None
