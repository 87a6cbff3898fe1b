"""The Corrections list under the annotations: each correction with its status, withdrawable.

Withdrawing (the button, or Delete in the list) is itself one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from annotator.qt.corrections.controller import CorrectionsController
from annotator.qt.corrections.model import CORRECTION_ID_ROLE


class CorrectionsView(QWidget):
    """A titled list of the open article's corrections and a Withdraw button."""

    def __init__(self, controller: CorrectionsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.title = QLabel(self)
        self.list = QListView(self)
        self.list.setModel(controller.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("Corrections")
        self.list.setMaximumHeight(140)
        self.list.setWordWrap(True)
        self.withdraw_button = QPushButton("Withdraw", self)
        self.withdraw_button.setToolTip("Take the selected correction back: the extractor's result returns (Delete)")
        self.withdraw_action = QAction("Withdraw Correction", self)
        self.withdraw_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.withdraw_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(self.withdraw_action)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.list)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.withdraw_action.triggered.connect(self.withdraw_selected)
        controller.corrections_changed.connect(self._update)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self._update()

    def selected_id(self) -> str | None:
        indexes = self.list.selectionModel().selectedIndexes()
        return indexes[0].data(CORRECTION_ID_ROLE) if indexes else None

    def withdraw_selected(self) -> bool:
        correction_id = self.selected_id()
        return correction_id is not None and self.controller.withdraw(correction_id)

    def _update(self) -> None:
        count = self.controller.model.rowCount()
        self.title.setText(f"Corrections ({count})")
        self.setVisible(count > 0)
        self._update_button()

    def _update_button(self) -> None:
        self.withdraw_button.setEnabled(self.selected_id() is not None)
