"""The find bar under the article: query, match count, previous/next, match case.

Signals:
    search_changed(str, bool): the query or the case option changed.
    next_requested(), previous_requested(): Enter / Shift+Enter and the arrow buttons
        (F3 / Shift+F3 are the window's Find Next / Find Previous actions).
    closed(): Escape or the close button hid the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """A hidden-by-default bar; ``open_bar()`` shows and focuses it."""

    search_changed = Signal(str, bool)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Find in article")
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(90)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲")
        self.previous_button.setToolTip("Previous match (Shift+Enter)")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼")
        self.next_button.setToolTip("Next match (Enter)")
        self.case_box = QCheckBox("Match case", self)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close (Escape)")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.case_box)
        layout.addWidget(self.close_button)
        self.field.installEventFilter(self)
        self.field.textChanged.connect(self._emit_search)
        self.case_box.toggled.connect(self._emit_search)
        self.field.returnPressed.connect(self.next_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.previous_button.clicked.connect(self.previous_requested)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    @property
    def query(self) -> str:
        return self.field.text()

    @property
    def case_sensitive(self) -> bool:
        return self.case_box.isChecked()

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._emit_search()

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def set_count(self, current: int, total: int) -> None:
        """Show ``current`` (1-based, 0 for none) of ``total`` matches."""
        if not self.field.text().strip():
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText("No matches")
        else:
            self.count_label.setText(f"{current} of {total}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Shift+Enter in the field goes to the previous match (QLineEdit would say "next")."""
        if watched is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shifted:
                self.previous_requested.emit()
                return True
        return super().eventFilter(watched, event)

    def _emit_search(self, *_args) -> None:
        self.search_changed.emit(self.field.text(), self.case_box.isChecked())
