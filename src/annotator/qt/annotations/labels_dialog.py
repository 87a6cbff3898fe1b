"""The labels dialog: add, rename, recolour, re-key and delete labels, each one undoable step.

Changes apply at once through the controller (like Zotero's tag selector, not an
OK/Cancel form), so Ctrl+Z in the window undoes them one by one. Giving a label a key another
label holds swaps their keys, in one step, as a user who reorders shortcuts expects. Deleting a label that
annotations still use asks where those annotations go: a label is never deleted together
with the work filed under it. A name with a tab, a line break or another control character
(pasted from elsewhere) is refused with the reason shown in the dialog itself, below the list,
where the user is looking.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.annotations import AddLabel, Batch, RemoveLabel, UpdateLabel
from annotator.core.annotations.labels import SHORTCUT_KEYS, LabelError, check_label_name
from annotator.qt.annotations.annotation_controller import AnnotationController


def colour_icon(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class LabelsDialog(QDialog):
    """Lists the labels with colour and key; the buttons edit the selected one."""

    def __init__(self, controller: AnnotationController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Labels")
        self.controller = controller
        self.list = QListWidget(self)
        self.list.setAccessibleName("Labels")
        self.add_button = QPushButton("Add…", self)
        self.rename_button = QPushButton("Rename…", self)
        self.colour_button = QPushButton("Colour…", self)
        self.key_button = QPushButton("Key…", self)
        self.key_button.setToolTip("The key (1–9) that highlights a selection with this label")
        self.delete_button = QPushButton("Delete…", self)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.colour_button, self.key_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.add_button.clicked.connect(self._ask_add)
        self.rename_button.clicked.connect(self._ask_rename)
        self.colour_button.clicked.connect(self._ask_colour)
        self.key_button.clicked.connect(self._ask_key)
        self.delete_button.clicked.connect(self._ask_delete)
        self.list.currentRowChanged.connect(lambda _row: self._update_enabled())
        controller.annotations_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        current = self.selected_name()
        self.list.clear()
        store = self.controller.store
        for label in store.annotations.labels.labels if store is not None else ():
            usage = store.annotations.label_usage(label.name)
            key = f" — key {label.key}" if label.key else ""
            used = f"{usage} annotation" + ("" if usage == 1 else "s")
            item = QListWidgetItem(colour_icon(label.color), f"{label.name}{key} — {used}")
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            self.list.addItem(item)
            if label.name == current:
                self.list.setCurrentItem(item)
        self._update_enabled()

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_enabled(self) -> None:
        editable = self.controller.can_edit
        self.add_button.setEnabled(editable)
        for button in (self.rename_button, self.colour_button, self.key_button, self.delete_button):
            button.setEnabled(editable and self.selected_name() is not None)

    # -- edits (the buttons ask, then call these) --------------------------------------

    def add_label(self, name: str) -> bool:
        store = self.controller.store
        assert store is not None
        labels = store.annotations.labels
        if not self._name_accepted(name):
            return False
        return self.controller.edit(AddLabel(name.strip(), labels.next_colour(), labels.next_free_key()))

    def rename_label(self, name: str, new_name: str) -> bool:
        if not self._name_accepted(new_name):
            return False
        return self.controller.edit(UpdateLabel(name, new_name=new_name.strip()))

    def _name_accepted(self, name: str) -> bool:
        """Whether ``name`` can be a label's name; if not, the dialog says why."""
        try:
            check_label_name(name.strip())
        except LabelError as error:
            self.show_problem(str(error))
            return False
        self.problem.hide()
        return True

    def show_problem(self, message: str) -> None:
        """Say why an edit was refused, in the dialog and in the window's status bar."""
        text = message[:1].upper() + message[1:]
        self.problem.setText(text)
        self.problem.show()
        self.controller.status(text)

    def recolour_label(self, name: str, colour: str) -> bool:
        return self.controller.edit(UpdateLabel(name, color=colour))

    def set_label_key(self, name: str, key: str | None) -> bool:
        """Give ``name`` the shortcut ``key`` (None: no key); a label holding it gets ``name``'s old one."""
        store = self.controller.store
        assert store is not None
        labels = store.annotations.labels
        label = labels.get(name)
        if label is None or label.key == key:
            return False
        if key is None:
            return self.controller.edit(UpdateLabel(name, clear_key=True))
        holder = labels.by_key(key)
        if holder is None:
            return self.controller.edit(UpdateLabel(name, key=key))
        steps = [UpdateLabel(holder.name, clear_key=True), UpdateLabel(name, key=key)]
        if label.key is not None:
            steps.append(UpdateLabel(holder.name, key=label.key))
        return self.controller.edit(Batch(tuple(steps), f"Give key {key} to label {name!r}"))

    def delete_label(self, name: str, reassign_to: str | None = None) -> bool:
        return self.controller.edit(RemoveLabel(name, reassign_to=reassign_to))

    # -- asking ------------------------------------------------------------------------

    def _ask_add(self) -> None:
        name, ok = QInputDialog.getText(self, "Add Label", "Name of the new label:")
        if ok and name.strip():
            self.add_label(name)

    def _ask_rename(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        new_name, ok = QInputDialog.getText(self, "Rename Label", f"New name for {name}:", text=name)
        if ok and new_name.strip() and new_name.strip() != name:
            self.rename_label(name, new_name)

    def _ask_colour(self) -> None:
        name = self.selected_name()
        store = self.controller.store
        if name is None or store is None:
            return
        label = store.annotations.labels.get(name)
        colour = QColorDialog.getColor(QColor(label.color if label else "#ffffff"), self, f"Colour of {name}")
        if colour.isValid():
            self.recolour_label(name, colour.name())

    def _ask_key(self) -> None:
        name = self.selected_name()
        store = self.controller.store
        if name is None or store is None:
            return
        labels = store.annotations.labels
        choices = ["No key"]
        for key in SHORTCUT_KEYS:
            holder = labels.by_key(key)
            choices.append(f"{key} — {holder.name}" if holder is not None and holder.name != name else key)
        label = labels.get(name)
        current = choices.index(next(c for c in choices if c.split(" ")[0] == label.key)) if label and label.key else 0
        choice, ok = QInputDialog.getItem(
            self, "Label Key", f"Key for {name} (a key another label has is swapped):", choices, current, False
        )
        if ok:
            self.set_label_key(name, None if choice == choices[0] else choice.split(" ")[0])

    def _ask_delete(self) -> None:
        name = self.selected_name()
        store = self.controller.store
        if name is None or store is None:
            return
        used = store.annotations.label_usage(name)
        if not used:
            self.delete_label(name)
            return
        others = [other for other in store.annotations.labels.names if other != name]
        if not others:
            self.controller.status("Add another label first: the annotations need a label to move to.")
            return
        target, ok = QInputDialog.getItem(
            self, "Delete Label", f"{used} annotation(s) use {name}. Give them the label:", others, 0, False
        )
        if ok:
            self.delete_label(name, reassign_to=target)
