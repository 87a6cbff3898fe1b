"""Help → Keyboard Shortcuts and Help → About.

The shortcuts table is made from the window's actions themselves, so it can never list
a key that does not work or miss one that does.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__


# Keys that Qt's standard bindings add for special keyboards (Sun's Copy key, F13 and up, media
# keys): they work where they exist, but listing them ("F16, Copy") reads as noise to everyone else.
_SPECIAL_KEYS = frozenset(
    {
        Qt.Key.Key_Copy, Qt.Key.Key_Cut, Qt.Key.Key_Paste, Qt.Key.Key_Open, Qt.Key.Key_Find, Qt.Key.Key_Undo,
        Qt.Key.Key_Redo, Qt.Key.Key_Refresh, Qt.Key.Key_Reload, Qt.Key.Key_Close, Qt.Key.Key_Save,
        Qt.Key.Key_Back, Qt.Key.Key_Forward, Qt.Key.Key_Help, Qt.Key.Key_ZoomIn, Qt.Key.Key_ZoomOut,
    }
    | {Qt.Key(Qt.Key.Key_F13.value + offset) for offset in range(23)}
)
MAX_KEYS_LISTED = 2


def readable_keys(sequences: Iterable[QKeySequence]) -> list[str]:
    """The keys a person would press, in the desktop's words, without repeats or special keys."""
    keys: list[str] = []
    for sequence in sequences:
        if sequence.isEmpty() or sequence[0].key() in _SPECIAL_KEYS:
            continue
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in keys:
            keys.append(text)
    return keys[:MAX_KEYS_LISTED]


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what it does, keys) for every action that has a shortcut, each once, in menu order."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in actions:
        name = action.text().split("\t", 1)[0].replace("&", "").rstrip("…").strip()
        keys = readable_keys(action.shortcuts())
        if keys and name not in seen:
            seen.add(name)
            rows.append((name, " or ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    """A table of every keyboard shortcut of the window."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(["Action", "Shortcut"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (name, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(420, 460)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About Annotator",
        f"<h3>Annotator {__version__}</h3>"
        "<p>Read news articles closely: who is quoted and who is mentioned beside the text; "
        "highlights, labels, notes and verdicts kept in a sidecar next to the article.</p>"
        "<p>Built with Qt for Python (PySide6).</p>",
    )
