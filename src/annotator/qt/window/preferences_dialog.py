"""Edit → Preferences…: who is annotating.

The name is the one ``annotator config --name`` sets (``core.preferences``): every highlight
made here or from a script carries it, and exports name the reviewer from it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QWidget

from annotator.core.preferences import (
    MAX_NAME_LENGTH,
    PreferencesError,
    account_full_name,
    set_annotator_name,
    stored_annotator_name,
)


class PreferencesDialog(QDialog):
    """A form with the annotator's name; OK keeps it, Cancel leaves it as it was."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.name_field = QLineEdit(stored_annotator_name() or "", self)
        self.name_field.setPlaceholderText(account_full_name() or "Your name")
        self.name_field.setMaxLength(MAX_NAME_LENGTH)
        self.name_field.setClearButtonEnabled(True)
        hint = QLabel(
            "Stored on each highlight you make and used as the reviewer in ClaimReview and W3C exports. "
            "Left empty, your account's name is used.",
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)  # muted, as a note under the field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow("Your &name:", self.name_field)
        layout.addRow(hint)
        layout.addRow(buttons)
        self.resize(440, self.sizeHint().height())

    def accept(self) -> None:
        try:
            set_annotator_name(self.name_field.text())
        except (PreferencesError, OSError) as error:
            QMessageBox.warning(self, "Preferences", f"The name was not kept: {error}")
            return
        super().accept()
