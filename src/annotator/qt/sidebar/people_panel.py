"""The People tab: a sortable table of people; selecting one marks them in the article. Below it,
muted and only when there are any, the names the article credits (photographers, bylines).

Signals:
    person_selected(object): the selected ``Person``, or None when the selection is cleared
        (Escape, or Ctrl+click on the selected row).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from annotator.core.extraction.model import Extraction, Person
from annotator.qt.sidebar.people_model import (
    CREDIT_KIND,
    CREDIT_NAME,
    MENTIONS,
    NAME,
    QUOTES,
    ROLE,
    CreditsModel,
    PeopleModel,
    PeopleSortModel,
)


class PeopleTable(QTableView):
    """A table view where Escape clears the selection (and so the marks in the article)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and self.selectionModel().hasSelection():
            self.clearSelection()
            event.accept()
            return
        super().keyPressEvent(event)


class PeoplePanel(QWidget):
    """Lists the people of the current article; see the module docstring for signals."""

    person_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeopleModel(self)
        self.sort_model = PeopleSortModel(self)
        self.sort_model.setSourceModel(self.model)
        self.table = PeopleTable(self)
        self.table.setModel(self.sort_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # prominence order until a click
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("People")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MENTIONS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QUOTES, QHeaderView.ResizeMode.ResizeToContents)
        header.setSortIndicatorShown(False)
        header.sortIndicatorChanged.connect(lambda *_: header.setSortIndicatorShown(True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 4)
        self.credits_model = CreditsModel(self)
        self.credits_label = QLabel(self)
        self.credits_label.setEnabled(False)  # drawn muted, as the rows are
        self.credits_label.setToolTip("Photographers, reporters and editors the article credits: not people in the story")
        self.credits_table = QTableView(self)
        self.credits_table.setModel(self.credits_model)
        self.credits_table.setAccessibleName("Credits")
        self.credits_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.credits_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.credits_table.setShowGrid(False)
        self.credits_table.setWordWrap(False)
        self.credits_table.verticalHeader().hide()
        credits_header = self.credits_table.horizontalHeader()
        credits_header.setSectionResizeMode(CREDIT_NAME, QHeaderView.ResizeMode.Stretch)
        credits_header.setSectionResizeMode(CREDIT_KIND, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.credits_label)
        layout.addWidget(self.credits_table, 1)
        self._show_credits()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def set_extraction(self, extraction: Extraction | None) -> None:
        self.model.set_extraction(extraction)
        self.table.resizeColumnToContents(NAME)
        self.table.setColumnWidth(NAME, min(self.table.columnWidth(NAME), 220))
        self.credits_model.set_extraction(extraction)
        self._show_credits()

    def _show_credits(self) -> None:
        count = self.credits_model.rowCount()
        self.credits_label.setText(f"Credits ({count})")
        self.credits_label.setVisible(count > 0)
        self.credits_table.setVisible(count > 0)

    def count(self) -> int:
        return self.model.rowCount()

    def current_person(self) -> Person | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.person(self.sort_model.mapToSource(rows[0]).row())

    def select_person(self, person_id: str | None) -> None:
        """Select ``person_id`` (None clears), as a click on its row would."""
        if person_id is None:
            self.table.clearSelection()
            return
        row = self.model.row_of(person_id)
        if row >= 0:
            index = self.sort_model.mapFromSource(self.model.index(row, NAME))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.person_selected.emit(self.current_person())
