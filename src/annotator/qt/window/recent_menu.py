"""File → Open Recent: the recent files from settings, rebuilt each time it opens.

Signals:
    open_requested(str): the user chose a recent file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from annotator.qt.window.settings import AppSettings


class RecentFilesMenu(QMenu):
    """Lists recent files (missing ones disabled) and offers to clear the list."""

    open_requested = Signal(str)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self._settings = settings
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        files = self._settings.recent_files()
        for number, path in enumerate(files, start=1):
            label = f"&{number % 10} {Path(path).name}" if number <= 10 else Path(path).name
            action = self.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).exists())
            action.triggered.connect(lambda _checked=False, chosen=path: self.open_requested.emit(chosen))
        if files:
            self.addSeparator()
        clear = self.addAction("Clear Recent Files")
        clear.setEnabled(bool(files))
        clear.triggered.connect(self._clear)
        self.setEnabled(True)

    def _clear(self) -> None:
        self._settings.clear_recent_files()
        self.rebuild()
