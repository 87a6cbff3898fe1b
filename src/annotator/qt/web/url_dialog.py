"""File → Open URL…: one line for the address, accepted only when it is a web address."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.web.model import looks_like_url


class OpenUrlDialog(QDialog):
    def __init__(self, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open URL")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Address of the article (http:// or https://):", self))
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("https://")
        self.line.setClearButtonEnabled(True)
        layout.addWidget(self.line)
        note = QLabel(f"The page is kept, with each later version, in {folder}.", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.line.textChanged.connect(self._update)
        self._update()

    @property
    def url(self) -> str:
        return self.line.text().strip()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(looks_like_url(self.url))
