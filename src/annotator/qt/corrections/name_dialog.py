"""A small dialog asking for a name, completing over the article's people.

Opened with ``open()`` (window-modal, not a nested event loop), so the window stays
responsive and tests drive it with keys like a reader would.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class NameDialog(QDialog):
    """Title, a question, a line edit with completion; ``on_accept(text)`` when OK'd."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        question: str,
        names: list[str],
        on_accept: Callable[[str], None],
        text: str = "",
        *,
        allow_empty: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.edit = QLineEdit(text, self)
        self.edit.selectAll()
        self.edit.setAccessibleName(question)
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(question, self))
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self._on_accept = on_accept
        self._allow_empty = allow_empty
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._allow_empty or bool(self.edit.text().strip()))

    def accept(self) -> None:
        text = " ".join(self.edit.text().split())
        if not text and not self._allow_empty:
            return
        super().accept()
        self._on_accept(text)
